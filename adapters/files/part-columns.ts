/**
 * What an Arrow IPC file's columns are without reading their data: the schema (from the footer)
 * and, per column, whether it is all null (from each record batch's metadata, whose field nodes
 * count the nulls). The coordinator of a distributed run settles the parts' column types on this
 * before it reads any part's data, so that it reads and writes one part at a time.
 */
import { open } from 'node:fs/promises';
import { DataType, type Field, Message, RecordBatchReader, type Schema } from 'apache-arrow';
import { fileError, reasonOf } from './file-errors';

/** An Arrow IPC file's schema, rows, and which of its columns are all null (or the file has no rows). */
export interface PartColumns {
  readonly schema: Schema;
  readonly rows: number;
  /** Its record batches. */
  readonly batches: number;
  readonly allNull: readonly boolean[];
}

/** The field nodes a column of `type` has in a record batch's metadata (itself and its children's). */
function nodeCount(type: DataType): number {
  if (DataType.isDictionary(type)) return 1; // the dictionary's own nodes are in the dictionary batch
  return 1 + (type.children ?? []).reduce((n: number, child: Field) => n + nodeCount(child.type), 0);
}

/**
 * The schema, rows and all-null columns of Arrow IPC file `path`, read from its footer and the
 * metadata of its record batches (their bodies, the data, are not read).
 *
 * @example
 * const { schema, allNull } = await partColumns('store/k/part-3.arrow');
 * allNull[schema.fields.findIndex((f) => f.name === 'label')]; // true: no row of the part has a label
 */
export async function partColumns(path: string): Promise<PartColumns> {
  const file = await open(path, 'r');
  try {
    const reader = await RecordBatchReader.from(file);
    await reader.open();
    const footer = reader.footer;
    if (!reader.isFile() || footer === null) throw new Error('it is an Arrow stream, not a file with a footer');
    const fields = reader.schema.fields;
    const firstNode: number[] = [];
    let node = 0;
    for (const f of fields) {
      firstNode.push(node);
      node += nodeCount(f.type);
    }
    const nulls = fields.map(() => 0);
    let rows = 0;
    for (let i = 0; i < footer.numRecordBatches; i++) {
      const block = footer.getRecordBatch(i);
      if (block === null) throw new Error(`it has no record batch ${i}`);
      const meta = Buffer.alloc(block.metaDataLength);
      await file.read(meta, 0, block.metaDataLength, Number(block.offset));
      // a continuation marker (-1) then the length, or (before Arrow 0.15) the length alone
      const marked = meta.readInt32LE(0) === -1;
      const length = meta.readInt32LE(marked ? 4 : 0);
      const at = marked ? 8 : 4;
      const message = Message.decode(meta.subarray(at, at + length));
      if (!message.isRecordBatch()) throw new Error(`its block ${i} is not a record batch`);
      const header = message.header();
      rows += Number(header.length);
      for (let j = 0; j < fields.length; j++) nulls[j] += Number(header.nodes[firstNode[j]].nullCount);
    }
    const allNull = nulls.map((n) => rows === 0 || n === rows);
    return { schema: reader.schema, rows, batches: footer.numRecordBatches, allNull };
  } catch (error) {
    throw fileError(path, 'read the column types of', reasonOf(error),
      'The store is incomplete or was changed; run the coordinator again.');
  } finally {
    await file.close();
  }
}
