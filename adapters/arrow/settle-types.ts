/**
 * The column types of a result that comes in parts. A part infers each column's type from its own
 * values, so a column that is entirely null in one partition (a string feature whose entity has no
 * values) comes out as Float64 there and Utf8 elsewhere. Parts are held back only while some column
 * has been all null in every part so far; then each all-null column takes the type the column has
 * where it holds values.
 */
import { type DataType, Field, makeData, RecordBatch, Schema, Struct, Table, vectorFromArray } from 'apache-arrow';

function allNull(table: Table, j: number): boolean {
  return table.numRows === 0 || table.getChildAt(j)?.nullCount === table.numRows;
}

/**
 * `table` with each all-null column whose type differs from `schema`'s made nulls of `schema`'s
 * type (what `settleTypes` does to each part; exported for a caller that settled the schema itself).
 *
 * @example
 * const part = conformTypes(await readBatches(paths.part(3)), settled);
 */
export function conformTypes(table: Table, schema: Schema): Table {
  const fields = table.schema.fields;
  if (fields.length !== schema.fields.length) return table;
  const target = schema.fields;
  const differs = (f: Field, j: number) => f.name === target[j].name && String(f.type) !== String(target[j].type);
  const retyped = fields.map((f, j) => differs(f, j) && allNull(table, j));
  if (!retyped.includes(true)) return table;
  const newFields = fields.map((f, j) => (retyped[j] ? new Field(f.name, target[j].type as DataType, true) : f));
  const newSchema = new Schema(newFields, table.schema.metadata);
  const batches = table.batches.map((batch) => {
    const length = batch.numRows;
    const children = batch.data.children.map((child, j) =>
      (retyped[j] ? vectorFromArray(new Array(length).fill(null), target[j].type as DataType).data[0] : child));
    return new RecordBatch(newSchema, makeData({ type: new Struct(newFields), length, nullCount: 0, children }));
  });
  return new Table(newSchema, batches);
}

/**
 * The schema whose column types are those of the first part holding values in the column
 * (`isAllNull(k, j)`: part k's column j has no value); the first part's where none does.
 *
 * @example
 * settledSchemaFrom(parts.map((p) => p.schema), (k, j) => parts[k].allNull[j]);
 */
export function settledSchemaFrom(schemas: readonly Schema[], isAllNull: (k: number, j: number) => boolean): Schema {
  const first = schemas[0];
  const fields = first.fields.map((f, j) => {
    const k = schemas.findIndex((s, k) => s.fields[j]?.name === f.name && !isAllNull(k, j));
    return k >= 0 ? schemas[k].fields[j] : f;
  });
  return new Schema(fields, first.metadata);
}

function settledSchema(held: readonly Table[]): Schema {
  return settledSchemaFrom(held.map((t) => t.schema), (k, j) => allNull(held[k], j));
}

/**
 * The parts in order, each all-null column given the type the column has where it holds values
 * (parts are held back, at most while a column has only been null so far). Columns that differ in
 * type where both hold values are left as they are: the writer's schema check names them.
 *
 * @example
 * await writeArrowParts(settleTypes(partitionTables()), 'frame.arrow');
 */
export async function* settleTypes(tables: AsyncIterable<Table>): AsyncGenerator<Table> {
  let schema: Schema | undefined;
  const held: Table[] = [];
  const it = tables[Symbol.asyncIterator]();
  for (;;) {
    // no reference kept to a part while the next is asked for (see src/util/pass-on.ts)
    let step: IteratorResult<Table> | undefined = await it.next();
    if (step.done) break;
    let table: Table | undefined = step.value;
    step = undefined;
    if (schema !== undefined) {
      let out: Table | undefined = conformTypes(table, schema);
      table = undefined;
      yield out;
      out = undefined;
      continue;
    }
    held.push(table);
    table = undefined;
    const unsettled = held[0].schema.fields.some((_, j) => held.every((t) => allNull(t, j)));
    if (unsettled) continue;
    schema = settledSchema(held);
    for (const t of held.splice(0)) yield conformTypes(t, schema);
  }
  if (held.length > 0) {
    const last = settledSchema(held);
    for (const t of held.splice(0)) yield conformTypes(t, last);
  }
}
