/**
 * What the coordinator tells a worker about one partition (the BullMQ job's data, plain JSON),
 * how a run's key is made, and how global scalars and a feature's failure travel as text.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { DistributedError } from './errors';
import type { JobSource } from './file-source';

/** One partition's job: where the features and inputs are, what to compute, where to write it. */
export interface PartitionJob {
  /** The run's key (`runKey`): parts are stored under it. */
  readonly key: string;
  /** Absolute path of the features file (both sides must be able to read it). */
  readonly featuresFile: string;
  /** sha256 of the features file's text on the coordinator: a worker whose copy differs refuses the job. */
  readonly featuresHash: string;
  /**
   * sha256 of the features file and the local modules it imports (`sourcesHash`) on the
   * coordinator: a worker whose loaded code differs reloads it, and refuses the job when its files differ.
   */
  readonly codeHash?: string;
  readonly classes?: readonly string[];
  readonly config?: Readonly<Record<string, unknown>>;
  readonly outputs: readonly string[];
  /** Outputs chosen by the user (not "every feature"): a non-column output is then an error, not skipped. */
  readonly chosen: boolean;
  readonly entity: string;
  readonly time: string;
  /** The store folder (the worker's `--store` replaces it). */
  readonly store: string;
  /** 0-based partition index, and how many there are. */
  readonly partition: number;
  readonly partitions: number;
  /** History rows of the partition (first, end) in the whole sorted history. */
  readonly rows: readonly [number, number];
  /** The record batches of the store's inputs file that hold this partition: first and count (unused with `source`). */
  readonly batches: readonly [number, number];
  /**
   * The user's inputs file to read the partition's rows from (Arrow IPC or Parquet sorted by
   * entity), instead of the store's `inputs.arrow`; the part then comes back led by entity and time.
   */
  readonly source?: JobSource;
  /** Global feature columns in the inputs file (under `GLOBAL_PREFIX` + name). */
  readonly globalColumns: readonly string[];
  /** Global feature scalars, encoded (`encodeScalar`). */
  readonly globalScalars: Readonly<Record<string, EncodedScalar>>;
  /** Worker threads for the threads() executor (0: inline). */
  readonly threads: number;
}

/** What a worker reports for a finished partition (also kept beside the part in the store). */
export interface PartReport {
  readonly partition: number;
  readonly rows: number;
  readonly ms: number;
  readonly quality: readonly unknown[];
  readonly timings: Readonly<Record<string, number>>;
  readonly notes: readonly unknown[];
  readonly worker: string;
}

/** Global columns are stored in the inputs file under this prefix, so they never meet a history column's name. */
export const GLOBAL_PREFIX = 'quiver.global:';

/** The queue of partition jobs, and the queue of their parent (the assembly) job. */
export const PARTITION_QUEUE = 'partitions';
export const ASSEMBLE_QUEUE = 'assemble';
/** BullMQ key prefix for quiver's queues. */
export const QUEUE_PREFIX = 'quiver';

/**
 * The run's key: a hash of everything the parts depend on, so that a rerun of the same run finds
 * the parts (and BullMQ jobs) of the first one and a changed run does not.
 *
 * @example
 * runKey({ features: text, inputs: '…size:mtime', outputs: ['ma7'], partitions: 8 }); // 'q3f9…' (20 characters)
 */
export function runKey(parts: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(parts, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  return `q${createHash('sha256').update(text).digest('hex').slice(0, 19)}`;
}

export type EncodedScalar =
  | { readonly t: 'n'; readonly v: string } | { readonly t: 's'; readonly v: string }
  | { readonly t: 'b'; readonly v: boolean } | { readonly t: 'i'; readonly v: string } | { readonly t: 'z' };

/**
 * A global feature's single value as JSON-safe text (NaN, ±Infinity, -0 and bigints kept exactly),
 * or a `DistributedError` naming the node when it cannot travel.
 *
 * @example
 * decodeScalar(encodeScalar('meanSales', NaN)); // NaN
 */
export function encodeScalar(node: string, value: unknown): EncodedScalar {
  if (typeof value === 'number') return { t: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value === 'string') return { t: 's', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'bigint') return { t: 'i', v: String(value) };
  if (value === null || value === undefined) return { t: 'z' };
  const what = typeof value === 'object' ? (value as object).constructor?.name ?? 'an object' : typeof value;
  throw new DistributedError(
    `Global feature "${node}" returned ${what}; a distributed run sends each global value to the workers ` +
      'as a column (one value per history row) or a number, string, boolean or bigint. Return one of those, ' +
      'or compute it inside the features that need it.',
  );
}

/**
 * The value `encodeScalar` encoded.
 *
 * @example
 * decodeScalar({ t: 'n', v: '-Infinity' }); // -Infinity
 */
export function decodeScalar(s: EncodedScalar): unknown {
  switch (s.t) {
    case 'n': return s.v === '-0' ? -0 : Number(s.v);
    case 's': return s.v;
    case 'b': return s.v;
    case 'i': return BigInt(s.v);
    default: return undefined;
  }
}

/**
 * sha256 of a features file's text, as `PartitionJob.featuresHash` holds it.
 *
 * @example
 * textHash('export class A {}'); // '3f1c…' (64 hex digits)
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A partition job that failed because a feature threw: the node and partition, then the message. */
const FAILURE_HEAD = 'quiver-feature-failure ';

/**
 * The text a worker fails a job with when feature `node` threw, or (with `results`) when a
 * `'fail'` data-quality check on `node` failed (BullMQ keeps it as the job's failedReason);
 * `parseFailure` reads it back.
 *
 * @example
 * parseFailure(failureText('ma7', 2, 'Feature "ma7" threw …'))?.node; // 'ma7'
 */
export function failureText(node: string, partition: number, message: string, results?: readonly unknown[]): string {
  const head = results === undefined ? { node, partition } : { node, partition, results };
  return `${FAILURE_HEAD}${JSON.stringify(head)}\n${message}`;
}

/**
 * The node, partition and message of a `failureText`, or undefined for any other failure.
 *
 * @example
 * parseFailure('Error: boom'); // undefined
 */
export function parseFailure(
  text: string,
): { node: string; partition: number; message: string; results?: unknown[] } | undefined {
  if (!text.startsWith(FAILURE_HEAD)) return undefined;
  const eol = text.indexOf('\n');
  try {
    type Head = { node: string; partition: number; results?: unknown[] };
    const head = JSON.parse(text.slice(FAILURE_HEAD.length, eol)) as Head;
    return { ...head, message: text.slice(eol + 1) };
  } catch {
    return undefined;
  }
}

/**
 * A Redis URL without its password, for messages.
 *
 * @example
 * redactUrl('redis://:secret@queue:6379/2'); // 'redis://queue:6379/2'
 */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}

/**
 * The files of run `key` in `store`: the partitioned inputs, and each partition's part and report.
 *
 * @example
 * storePaths('/shared/frame.store', 'q3f9…').part(0); // '/shared/frame.store/q3f9…/part-0.arrow'
 */
export function storePaths(store: string, key: string) {
  const dir = path.join(store, key);
  return {
    dir,
    inputs: path.join(dir, 'inputs.arrow'),
    part: (i: number) => path.join(dir, `part-${i}.arrow`),
    report: (i: number) => path.join(dir, `part-${i}.json`),
  };
}
