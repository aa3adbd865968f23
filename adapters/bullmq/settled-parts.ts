/**
 * The parts of a distributed run read back from the store one at a time, each under the schema the
 * joined result would have: `settleTypes`' rule (a column all null in one part takes the type it
 * has in the first part holding values) and `joinBatches`' (a column is nullable when it is in any
 * part), both settled beforehand on the parts' footers and batch metadata (`partColumns`), so no
 * part waits for another and the caller's memory is one part, not the frame.
 */
import { Field, Schema, Table } from 'apache-arrow';
import { conformTypes } from '../arrow/settle-types';
import { withSchema } from '../arrow/join-batches';
import type { PartColumns } from '../files/part-columns';
import { readBatches } from '../files/partition-store';

/** The settled column types (what each part is conformed to) and the joined result's schema. */
export interface SettledSchema {
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
  if (parts.length === 0) return { types: new Schema([]), schema: new Schema([]) };
  const first = parts[0].schema;
  const typed = first.fields.map((f, j) => {
    const holding = parts.find((p) => p.schema.fields[j]?.name === f.name && !p.allNull[j]);
    return holding ? holding.schema.fields[j] : f;
  });
  const types = new Schema(typed, first.metadata);
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
  return { types, schema: new Schema(joined, first.metadata) };
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

/**
 * The parts in `files`, in order, read one at a time, each conformed to `settled.types` and put
 * under `settled.schema`; `map` (leading columns…) is applied to each before it is given out.
 *
 * @example
 * await writeArrowParts(readSettledParts(files, settled), 'frame.arrow', {}, undefined, true);
 */
export async function* readSettledParts(
  files: readonly string[], settled: SettledSchema, map?: (table: Table, index: number) => Table,
): AsyncGenerator<Table> {
  for (let i = 0; i < files.length; i++) {
    // no reference kept to a part while the next is asked for (see src/util/pass-on.ts)
    let part: Table | undefined = conformTypes(await readBatches(files[i]), settled.types);
    part = withNullability(part, settled.schema);
    if (map) part = map(part, i);
    yield part;
    part = undefined;
  }
}
