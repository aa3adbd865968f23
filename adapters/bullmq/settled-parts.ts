/**
 * The parts of a distributed run read back from the store one at a time, each under the schema the
 * joined result would have: `settleTypes`' rule (a column all null in one part takes the type it
 * has in the first part holding values) and `joinBatches`' (a column is nullable when it is in any
 * part), both settled beforehand on the parts' footers and batch metadata (`partColumns`), so no
 * part waits for another and the caller's memory is one part, not the frame.
 */
import { Field, Schema, Table } from 'apache-arrow';
import type { EntityHistory } from '../../src/timeseries/history';
import type { Partition } from '../../src/partition/plan';
import { isTypedArray } from '../../src/util/shapes';
import { timestampVector, withLeadColumns } from '../arrow/lead-columns';
import { tableFromColumns } from '../arrow/table-from-columns';
import { conformTypes, settledSchemaFrom } from '../arrow/settle-types';
import { withSchema } from '../arrow/join-batches';
import type { PartColumns } from '../files/part-columns';
import { readBatches } from '../files/partition-store';

/** The settled column types (what each part is conformed to) and the joined result's schema. */
export interface SettledSchema {
  /** Each part's rows and record batches, in order. */
  readonly parts: readonly { readonly rows: number; readonly batches: number }[];
  /** Each column's type: the first part's holding values in it (as `settleTypes` settles it). */
  readonly types: Schema;
  /** The joined table's schema: part 1's fields once conformed, nullable where any part's is. */
  readonly schema: Schema;
}

/**
 * The schema the parts settle to (types) and the one their join has, from their columns alone.
 *
 * @example
 * const { types, schema } = settledSchemaOf(await Promise.all(files.map(partColumns)));
 */
export function settledSchemaOf(parts: readonly PartColumns[]): SettledSchema {
  if (parts.length === 0) return { parts: [], types: new Schema([]), schema: new Schema([]) };
  const first = parts[0].schema;
  const types = settledSchemaFrom(parts.map((p) => p.schema), (k, j) => parts[k].allNull[j]);
  const typed = types.fields;
  // each part's fields once conformed: an all-null column retyped is a nullable field of the settled type
  const conformed = parts.map((p) => {
    const fields = p.schema.fields;
    if (fields.length !== typed.length) return fields;
    return fields.map((f, j) => (f.name === typed[j].name && String(f.type) !== String(typed[j].type) && p.allNull[j]
      ? new Field(f.name, typed[j].type, true)
      : f));
  });
  const nullable = (j: number) => conformed.some((fs) => fs[j]?.nullable);
  const joined = conformed[0].map((f, j) => (nullable(j) ? f.clone({ nullable: true }) : f));
  const sizes = parts.map((p) => ({ rows: p.rows, batches: p.batches }));
  return { parts: sizes, types, schema: new Schema(joined, first.metadata) };
}

/**
 * `table` under `schema` (same names and types; the nullability is `schema`'s), without copying.
 *
 * @example
 * withNullability(part, joined.schema).schema === joined.schema; // true
 */
export function withNullability(table: Table, schema: Schema): Table {
  if (table.schema.fields.length !== schema.fields.length) return table; // the writer's schema check names it
  return new Table(schema, table.batches.map((b) => withSchema(b, schema)));
}

/** How `readSettledParts` gives the parts out. */
export interface SettledReadOptions {
  /**
   * Applied to each table before it is given out: `index` its part, `offset` its first row in the
   * part (0 for a whole part), `partRows` the part's rows.
   */
  readonly map?: (table: Table, index: number, offset: number, partRows: number) => Table;
  /** Each record batch of a part as its own table (one batch in memory, not one part). */
  readonly byBatch?: boolean;
}

/**
 * The parts in `files`, in order, read one at a time (or one record batch at a time, `byBatch`),
 * each conformed to `settled.types` and put under `settled.schema`, then `map`ped.
 *
 * @example
 * await writeArrowParts(readSettledParts(files, settled, { byBatch: true }), 'frame.arrow', {}, undefined, true);
 */
export async function* readSettledParts(
  files: readonly string[], settled: SettledSchema, options: SettledReadOptions = {},
): AsyncGenerator<Table> {
  const { map, byBatch } = options;
  for (let i = 0; i < files.length; i++) {
    const { rows, batches } = settled.parts[i];
    let offset = 0;
    for (let k = 0; k < (byBatch ? batches : 1); k++) {
      // no reference kept to a piece while the next is asked for (see src/util/pass-on.ts)
      let piece: Table | undefined = await (byBatch ? readBatches(files[i], k, 1) : readBatches(files[i]));
      piece = withNullability(conformTypes(piece, settled.types), settled.schema);
      const n = piece.numRows;
      if (map) piece = map(piece, i, offset, rows);
      offset += n;
      yield piece;
      piece = undefined;
    }
  }
}

/**
 * A `map` for `readSettledParts` leading each part (or batch of a part) by its rows of the
 * history's entity and time columns — a part whose rows are not its partition's stays as it is —
 * the lead columns nullable as over the whole history (as the joined table led by them is).
 *
 * @example
 * readSettledParts(files, settled, { map: leadByHistory(history, partitions, settled.schema), byBatch: true });
 */
export function leadByHistory(
  memory: Pick<EntityHistory, 'entity' | 'time' | 'inputs'>, parts: readonly Pick<Partition, 'start' | 'end'>[],
  schema: Schema,
): (table: Table, index: number, offset: number, partRows: number) => Table {
  const { entity, time, inputs } = memory;
  const cut = (v: unknown, start: number, end: number) =>
    (isTypedArray(v) ? v.subarray(start, end) : (v as { slice(a: number, b: number): unknown }).slice(start, end));
  const lead = (start: number, end: number) => ({
    entity: { name: entity, values: cut(inputs[entity], start, end) },
    time: { name: time, epochMs: cut(inputs[time], start, end) as Float64Array },
  });
  // the joined table led over the whole history has this schema: its lead columns' nullability is the history's
  const front = tableFromColumns([entity, time], [inputs[entity], timestampVector(inputs[time] as Float64Array)]);
  const ledSchema = front.schema.assign(schema);
  return (table, index, offset, partRows) => {
    const p = parts[index];
    if (partRows !== p.end - p.start) return table;
    const start = p.start + offset;
    return withNullability(withLeadColumns(table, lead(start, start + table.numRows)), ledSchema);
  };
}
