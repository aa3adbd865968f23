/**
 * A partition read straight from the user's inputs file: when the history is an Arrow IPC file
 * or a Parquet file sorted by entity, the coordinator indexes its entity column once and each job
 * names the file (with the size and modification time the coordinator saw), the partition's rows
 * and, for Arrow, the record batches that hold them. The worker reads only those and checks that
 * the rows it got hold the partition's entities: a file changed in between is an error, never
 * another partition's values.
 */
import * as fs from 'fs';
import * as os from 'os';
import { DistributedError } from './errors';
import { decodeScalar, encodeScalar, textHash, type EncodedScalar } from './job';

/** The entities a partition's rows must hold: how many, the first and last, and a hash of all of them. */
export interface SourceEntities {
  readonly count: number;
  readonly first: EncodedScalar;
  readonly last: EncodedScalar;
  /** `entitiesHash` of the partition's entity keys, in file order. */
  readonly hash: string;
}

/** Where a worker reads its partition: the user's file, as the coordinator indexed it. */
export interface JobSource {
  /** Absolute path (every machine must be able to read it there). */
  readonly path: string;
  readonly format: 'arrow' | 'parquet';
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * Arrow IPC file: the first record batch holding the partition, and the file row each batch from
   * it starts at, then the row after the last one read (so `batchStarts.length - 1` batches are read).
   * Parquet: absent (the worker decodes the row groups holding its rows, from the file's footer).
   */
  readonly firstBatch?: number;
  readonly batchStarts?: readonly number[];
  readonly entities: SourceEntities;
}

/**
 * sha256 of entity keys in order (bigints kept apart from numbers), as `SourceEntities.hash` holds it.
 *
 * @example
 * entitiesHash(['s001', 's002']) === entitiesHash(['s001', 's002']); // true
 */
export function entitiesHash(keys: readonly unknown[]): string {
  return textHash(JSON.stringify(keys, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
}

/**
 * The `SourceEntities` of `keys` (a partition's entity keys, in file order).
 *
 * @example
 * sourceEntities(['s001', 's002']).count; // 2
 */
export function sourceEntities(keys: readonly unknown[]): SourceEntities {
  const first = keys.length > 0 ? keys[0] : null;
  const last = keys.length > 0 ? keys[keys.length - 1] : null;
  return {
    count: keys.length, first: encodeScalar('entity', first), last: encodeScalar('entity', last),
    hash: entitiesHash(keys),
  };
}

function changed(source: JobSource, what: string): DistributedError {
  return new DistributedError(
    `The inputs file ${source.path} on worker ${os.hostname()} is not the one the coordinator indexed: ${what}. ` +
      "Its rows may no longer be this partition's entities; run again once the file is written " +
      '(the coordinator indexes it anew), and give every machine the same file.',
  );
}

/**
 * A `DistributedError` unless the file has the size and modification time the coordinator saw.
 *
 * @example
 * await checkSourceFile(job.source);
 */
export async function checkSourceFile(source: JobSource): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(source.path);
  } catch (error) {
    throw changed(source, `it cannot be read here (${(error as Error).message})`);
  }
  if (stat.size !== source.size || stat.mtimeMs !== source.mtimeMs) {
    const was = `${source.size} bytes, modified ${new Date(source.mtimeMs).toISOString()}`;
    const now = `${stat.size} bytes, modified ${new Date(stat.mtimeMs).toISOString()}`;
    throw changed(source, `it was ${was} and is ${now}`);
  }
}

/**
 * A `DistributedError` unless `rows` rows were read (of `expected`) and `keys` are the partition's entities.
 *
 * @example
 * checkSourceRows(job.source, [0, 500], table.numRows, runKeys(table, 'store'));
 */
export function checkSourceRows(
  source: JobSource, range: readonly [number, number], rows: number, keys: readonly unknown[],
): void {
  const [start, end] = range;
  const span = `rows ${start}–${end - 1}`;
  if (rows !== end - start) throw changed(source, `${span} came back as ${rows} rows`);
  const want = source.entities;
  if (keys.length === want.count && entitiesHash(keys) === want.hash) return;
  const shown = (v: unknown) => JSON.stringify(typeof v === 'bigint' ? `${v}n` : v);
  const got = keys.length > 0 ? `${shown(keys[0])} … ${shown(keys[keys.length - 1])}` : 'none';
  const expected = `${shown(decodeScalar(want.first))} … ${shown(decodeScalar(want.last))}`;
  throw changed(source, `${span} hold ${keys.length} entities (${got}), the index ${want.count} (${expected})`);
}
