/**
 * Cuts columns of equal length into record batches that share their buffers: batch boundaries fall
 * on every column's own chunk boundaries, and often enough that no column's chunk passes
 * `maxChunkBytes`; each batch's column is a zero-copy slice (`Data.slice`) of the chunk that holds
 * those rows. Ordinary results stay one batch: a column of 1M float64 is 8 MB.
 */
import { Data, Field, RecordBatch, Schema, Struct, Table, makeData } from 'apache-arrow';
import { chunkBytes, DEFAULT_MAX_BATCH_BYTES } from './byte-size';

/** One column ready for a table: its field and its chunks, whose lengths add up to the table's. */
export interface ColumnChunks {
  readonly field: Field;
  readonly chunks: readonly Data[];
}

/** Average bytes one row of the column takes (buffers over rows), for sizing batches. */
function bytesPerRow(column: ColumnChunks): number {
  let bytes = 0;
  let rows = 0;
  for (const chunk of column.chunks) {
    bytes += chunkBytes(chunk);
    rows += chunk.length;
  }
  return rows === 0 ? 0 : bytes / rows;
}

/** Sorted, distinct row indices where a batch ends (the last one is `length`). */
function batchEnds(columns: readonly ColumnChunks[], length: number, maxChunkBytes: number): number[] {
  let widest = 0;
  let chunked = false;
  for (const c of columns) {
    widest = Math.max(widest, bytesPerRow(c));
    if (c.chunks.length > 1) chunked = true;
  }
  const rowsPerBatch = widest > 0 ? Math.max(1, Math.floor(maxChunkBytes / widest)) : length;
  if (!chunked && rowsPerBatch >= length) return [length]; // one chunk a column, under the size: one batch
  const ends = new Set<number>();
  for (let end = rowsPerBatch; end < length; end += rowsPerBatch) ends.add(end);
  for (const column of columns) {
    let end = 0;
    for (const chunk of column.chunks) {
      end += chunk.length;
      if (end > 0 && end < length) ends.add(end);
    }
  }
  ends.add(length);
  return [...ends].sort((a, b) => a - b);
}

/** The rows [start, end) of a column, as a slice of the one chunk that holds them. */
class ChunkCursor {
  private index = 0;
  private chunkStart = 0;
  constructor(private readonly chunks: readonly Data[]) {}

  take(start: number, end: number): Data {
    while (this.chunkStart + this.chunks[this.index].length <= start) {
      this.chunkStart += this.chunks[this.index].length;
      this.index++;
    }
    const chunk = this.chunks[this.index];
    const offset = start - this.chunkStart;
    return offset === 0 && end - start === chunk.length ? chunk : chunk.slice(offset, end - start);
  }
}

/**
 * A `RecordBatch` of children that all have the batch's length. apache-arrow's constructor
 * re-checks every child's length and rebuilds the schema with `Schema.assign`, which compares
 * every field with every other: 5,000 columns took 40 ms. Our children never need that repair,
 * so the batch is made as the constructor would leave it, without the quadratic pass.
 */
function recordBatch(schema: Schema, data: Data<Struct>): RecordBatch {
  if (schema.fields.length < 64) return new RecordBatch(schema, data);
  const batch = Object.create(RecordBatch.prototype) as RecordBatch;
  return Object.assign(batch, { schema, data, _metadata: new Map() });
}

/**
 * The table of one record batch whose children are `children` (one per field of `schema`, each
 * of `length` rows): what `assembleTable` makes of whole chunks under the size limit.
 *
 * @example
 * const x = new Float64Array([1, 2]);
 * const data = makeData({ type: new Float64(), data: x });
 * const table = oneBatchTable(new Schema([new Field('x', new Float64())]), [data], 2);
 */
export function oneBatchTable(schema: Schema, children: Data[], length: number): Table {
  const type = new Struct(schema.fields);
  return new Table(schema, [recordBatch(schema, makeData({ type, length, nullCount: 0, children }))]);
}

/**
 * One `Table` from columns of equal length `length`, without copying any value buffer.
 *
 * @example
 * const field = new Field('x', new Float64());
 * const t = assembleTable([{ field, chunks: [makeData({ type: new Float64(), data: x })] }], x.length);
 */
export function assembleTable(
  columns: readonly ColumnChunks[],
  length: number,
  maxChunkBytes: number = DEFAULT_MAX_BATCH_BYTES,
): Table {
  const schema = new Schema(columns.map((c) => c.field));
  const type = new Struct(schema.fields);
  if (length === 0) {
    const children = columns.map((c) => c.chunks[0] ?? makeData({ type: c.field.type, length: 0 }));
    return new Table(schema, [recordBatch(schema, makeData({ type, length: 0, nullCount: 0, children }))]);
  }
  const ends = batchEnds(columns, length, maxChunkBytes);
  if (ends.length === 1 && columns.every((c) => c.chunks.length === 1)) {
    // One batch of whole chunks (the ordinary result): every chunk is its column, no cursor to walk.
    return oneBatchTable(schema, columns.map((c) => c.chunks[0]), length);
  }
  const nonEmpty = columns.map((c) => new ChunkCursor(c.chunks.filter((d) => d.length > 0)));
  const batches: RecordBatch[] = [];
  let start = 0;
  for (const end of ends) {
    const children = nonEmpty.map((cursor) => cursor.take(start, end));
    batches.push(recordBatch(schema, makeData({ type, length: end - start, nullCount: 0, children })));
    start = end;
  }
  return new Table(schema, batches);
}
