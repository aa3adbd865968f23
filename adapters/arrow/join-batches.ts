/**
 * Tables of one schema (the partitions of a run) as one table whose record batches are theirs;
 * a column is nullable when it is in any of them (Arrow marks a column nullable when it holds a null).
 */
import { Field, makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { InputError } from '../../src/errors';

/**
 * One table holding every record batch of `tables`, in order, without copying; the schemas must
 * match (same column names and types).
 *
 * @example
 * const frame = joinBatches([part0, part1, part2]); // frame.batches.length >= 3
 */
export function joinBatches(tables: readonly Table[]): Table {
  if (tables.length === 0) return new Table();
  for (let k = 1; k < tables.length; k++) checkSameSchema(tables[0].schema, tables[k].schema, k);
  const first = tables[0].schema;
  const schema = new Schema(
    first.fields.map((f, j) => (tables.some((t) => t.schema.fields[j].nullable) ? f.clone({ nullable: true }) : f)),
    first.metadata,
  );
  return new Table(schema, tables.flatMap((t) => t.batches.map((b) => withSchema(b, schema))));
}

/**
 * `schema` with every column nullable: what a file written part by part declares, since its
 * schema is written before the later parts (which may hold nulls) are known.
 *
 * @example
 * nullableSchema(table.schema).fields.every((f) => f.nullable); // true
 */
export function nullableSchema(schema: Schema): Schema {
  return new Schema(schema.fields.map((f) => (f.nullable ? f : f.clone({ nullable: true }))), schema.metadata);
}

/**
 * The batch's columns under `schema` (same names and types, other nullability), without copying.
 *
 * @example
 * withSchema(batch, nullableSchema(batch.schema)).schema.fields[0].nullable; // true
 */
export function withSchema(batch: RecordBatch, schema: Schema): RecordBatch {
  if (batch.schema.fields.every((f, j) => f.nullable === schema.fields[j].nullable)) return batch;
  const type = new Struct(schema.fields as Field[]);
  const data = makeData({ type, length: batch.numRows, nullCount: 0, children: batch.data.children });
  return new RecordBatch(schema, data);
}

/**
 * An `InputError` when part `index` (from 0) has other column names or types than the first part
 * (schemas only: a writer keeps no part alive to compare with).
 *
 * @example
 * checkSameSchema(parts[0].schema, parts[3].schema, 3);
 */
export function checkSameSchema(first: Schema, schema: Schema, index: number): void {
  const a = first.fields;
  const b = schema.fields;
  if (b.length === a.length && b.every((f, i) => f.name === a[i].name && String(f.type) === String(a[i].type))) return;
  const listed = (fields: readonly Field[]) => fields.map((f) => `${f.name}: ${f.type}`).join(', ');
  throw new InputError([{
    code: 'partition-schema',
    message: `Partition ${index + 1} has columns ${listed(b)}, but partition 1 has ${listed(a)}; every partition must give ` +
      'the same columns and types (a feature returning another type on some entities?).',
    nodes: [],
  }]);
}
