/**
 * Which file a value becomes: Arrow IPC for typed arrays, Vectors and Tables; JSON for the rest.
 * One table of codecs, tried in order, serves the writer and the reader.
 */
import { decodeArrow, encodeArrow, viewArray } from './arrow-codec';
import { decodeJson, encodeJson } from './json-codec';

export interface Encoded {
  readonly codec: 'arrow' | 'json';
  readonly kind: string;
  readonly bytes: Uint8Array;
  /** For a typed array: where its values start in `bytes` (see `viewArray`). */
  readonly values?: number;
  /** For a typed array: its length. */
  readonly length?: number;
}

/**
 * @example
 * encodeValue(Float64Array.of(1)).codec  // 'arrow'
 * encodeValue({ a: 1 }).codec            // 'json'
 */
export function encodeValue(value: unknown): Encoded {
  const arrow = encodeArrow(value);
  if (arrow) return { codec: 'arrow', kind: arrow.kind, bytes: arrow.bytes, ...arrow.view };
  return { codec: 'json', kind: 'json', bytes: Buffer.from(encodeJson(value), 'utf8') };
}

/**
 * A typed array with its values' place known (`values`, `length`) is a view of the bytes, without
 * decoding the Arrow file again; anything else is decoded.
 *
 * @example decodeValue(encodeValue(12n)) // 12n
 */
export function decodeValue(encoded: Encoded): unknown {
  if (encoded.codec === 'arrow') {
    const { bytes, kind, values, length } = encoded;
    const view = values !== undefined && length !== undefined ? viewArray(bytes, kind, values, length) : undefined;
    return view ?? decodeArrow(bytes, kind);
  }
  return decodeJson(Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.byteLength).toString('utf8'));
}
