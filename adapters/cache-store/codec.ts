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
  /** The CRC-32 of `bytes`, taken as they were made (when `encodeValue` was given a CRC-32). */
  readonly crc?: number;
}

/**
 * Given `crc32`, the bytes' CRC-32 is taken as soon as they are made (`crc`).
 *
 * @example
 * encodeValue(Float64Array.of(1)).codec  // 'arrow'
 * encodeValue({ a: 1 }).codec            // 'json'
 * encodeValue({ a: 1 }, zlib.crc32).crc  // the CRC-32 of its JSON bytes
 */
export function encodeValue(value: unknown, crc32?: (bytes: Uint8Array) => number): Encoded {
  const arrow = encodeArrow(value, crc32);
  if (arrow) {
    const { kind, bytes, crc, view } = arrow;
    return { codec: 'arrow', kind, bytes, ...view, ...(crc === undefined ? {} : { crc }) };
  }
  const bytes = Buffer.from(encodeJson(value), 'utf8');
  return { codec: 'json', kind: 'json', bytes, ...(crc32 && { crc: crc32(bytes) }) };
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
