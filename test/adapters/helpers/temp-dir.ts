/** A fresh directory under os.tmpdir() per test file, removed afterwards. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useTempDir(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quiver-adapters-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** A fresh directory per test file (as `useTempDir`) and a writer of numbered files in it, giving their paths. */
export function useTempFiles(prefix: string, extension = '.csv') {
  const dir = useTempDir();
  let count = 0;
  return (content: string | Buffer, name = `${prefix}${++count}${extension}`): string => {
    const path = join(dir(), name);
    writeFileSync(path, content);
    return path;
  };
}

/** The vega-datasets file `name`. */
export const vega = (name: string): string => join(__dirname, '../../../node_modules/vega-datasets/data', name);

/** The message of the error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * Index of the first element where two array-likes differ (Object.is, so NaN equals NaN), or -1;
 * -2 when their lengths differ. Much faster than jest's toEqual on millions of elements.
 */
export function firstDifference(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number {
  if (a.length !== b.length) return -2;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && a.constructor === b.constructor) {
    const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    if (bytes(a).equals(bytes(b))) return -1; // bitwise equal (memcmp); otherwise find the index below
  }
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/**
 * A string column flattened for fast comparison: each row's byte length (-1 for null) and all
 * bytes in order. Works for Utf8 and LargeUtf8 whatever the chunking.
 */
export function flattenStrings(vector: { length: number; data: readonly { length: number; offset: number; valueOffsets: ArrayLike<number | bigint>; values: Uint8Array; nullBitmap?: Uint8Array | null }[] }): { lengths: Float64Array; bytes: Uint8Array } {
  const lengths = new Float64Array(vector.length);
  const parts: Uint8Array[] = [];
  let row = 0;
  let total = 0;
  for (const chunk of vector.data) {
    const offsets = chunk.valueOffsets;
    const first = Number(offsets[0]);
    for (let i = 0; i < chunk.length; i++, row++) {
      const bit = chunk.offset + i;
      const valid = !chunk.nullBitmap || chunk.nullBitmap.length === 0 || (chunk.nullBitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
      lengths[row] = valid ? Number(offsets[i + 1]) - Number(offsets[i]) : -1;
    }
    const part = chunk.values.subarray(first, Number(offsets[chunk.length]));
    parts.push(part);
    total += part.length;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { lengths, bytes };
}
