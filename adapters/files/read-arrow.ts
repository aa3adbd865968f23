/**
 * Arrow IPC files and streams (`.arrow`, `.feather` v2, `.arrows`), read through a file handle one
 * record batch at a time: no single read is larger than one batch, so files over 2 GiB (more than
 * Node can read into one Buffer) work as long as each batch is under 2 GiB.
 */
import { open } from 'node:fs/promises';
import { RecordBatch, RecordBatchReader, Schema, Table } from 'apache-arrow';
import { checkReadable, fileError, reasonOf } from './file-errors';
import { checkUniqueColumns } from './unique-columns';
import { arrowFramingProblem } from './arrow-check-worker';

const FIX = 'The file is truncated or is not Arrow IPC (file or stream format); write it again, or check its extension.';

/**
 * The record batches of an Arrow IPC file or stream, in order, read one at a time. Use it to go
 * through a file larger than memory; `readArrow` collects them into a table.
 *
 * @example
 * for await (const batch of readArrowBatches('flights.arrow')) total += batch.numRows;
 */
export async function* readArrowBatches(path: string): AsyncGenerator<RecordBatch, Schema, undefined> {
  await checkReadable(path, 'Arrow IPC');
  const damaged = await arrowFramingProblem(path);
  if (damaged !== undefined) throw fileError(path, 'read Arrow IPC from', damaged, FIX);
  const file = await open(path, 'r');
  try {
    let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>;
    try {
      reader = await RecordBatchReader.from(file);
      await reader.open();
    } catch (error) {
      throw fileError(path, 'read Arrow IPC from', reasonOf(error), FIX);
    }
    const read = reader.schema as Schema | null;
    if (!read) throw fileError(path, 'read Arrow IPC from', 'it holds no Arrow schema', FIX);
    const schema = namedSchema(read);
    checkUniqueColumns(path, 'Arrow IPC', schema.fields.map((f) => f.name));
    const batches = reader[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<RecordBatch>;
      try {
        next = await batches.next();
      } catch (error) {
        throw fileError(path, 'read Arrow IPC from', reasonOf(error), FIX);
      }
      if (next.done) break;
      yield schema === read ? next.value : new RecordBatch(schema, next.value.data);
    }
    return schema;
  } finally {
    await file.close();
  }
}

/**
 * apache-arrow reads a column named "" back as the name `null` in the file's schema (and "null" in
 * each batch's), so a file with such a column (written by quiver, pandas or pyarrow) could not be
 * read. The schema with "" for those names; the schema itself when every name is a string.
 */
function namedSchema(schema: Schema): Schema {
  if (schema.fields.every((f) => typeof f.name === 'string')) return schema;
  const fields = schema.fields.map((f) => (typeof f.name === 'string' ? f : f.clone({ name: '' })));
  return new Schema(fields, schema.metadata);
}

/**
 * Reads a whole Arrow IPC file or stream into one `Table` (one record batch per batch in the file),
 * batch by batch through a file handle.
 *
 * @example
 * const flights = await readArrow('node_modules/vega-datasets/data/flights-200k.arrow');
 * flights.numRows; // 200000
 */
export async function readArrow(path: string): Promise<Table> {
  const batches: RecordBatch[] = [];
  const iterator = readArrowBatches(path);
  let next = await iterator.next();
  while (!next.done) {
    batches.push(next.value);
    next = await iterator.next();
  }
  try {
    return new Table(next.value, batches);
  } catch (error) {
    throw fileError(path, 'read Arrow IPC from', reasonOf(error), FIX);
  }
}
