/**
 * The entity and time columns put in front of a result table, as `buildTrainingFrame`'s frames
 * have them: the entity as given, the time (epoch ms) as an Arrow Timestamp (ms).
 */
import { makeData, makeVector, type Table, TimestampMillisecond } from 'apache-arrow';
import { tableFromColumns } from './table-from-columns';

/** What leads a run's rows: the entity column's values and the time as epoch ms. */
export interface LeadColumns {
  readonly entity: { readonly name: string; readonly values: unknown };
  readonly time: { readonly name: string; readonly epochMs: Float64Array };
}

const TWO_32 = 2 ** 32;

/**
 * Whole epoch milliseconds as an Arrow Timestamp (ms) vector, written as 64-bit integers without
 * a `BigInt` per row; NaN is null.
 *
 * @example
 * timestampVector(Float64Array.of(Date.UTC(2024, 0, 1))).get(0); // 1704067200000
 */
export function timestampVector(epochMs: Float64Array) {
  const n = epochMs.length;
  const words = new Int32Array(2 * n);
  let nullBitmap: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const ms = Math.floor(epochMs[i]);
    if (ms !== ms) {
      nullBitmap ??= new Uint8Array((n + 7) >> 3).fill(255);
      nullBitmap[i >> 3] &= ~(1 << (i & 7));
      continue;
    }
    const high = Math.floor(ms / TWO_32);
    words[2 * i] = ms - high * TWO_32; // low word (little-endian), stored as its 32 bits
    words[2 * i + 1] = high;
  }
  const data = new BigInt64Array(words.buffer, 0, n);
  return makeVector(makeData({ type: new TimestampMillisecond(), length: n, data, nullBitmap }));
}

/**
 * `table` with the entity and time columns in front (no column copied; the time converted once).
 *
 * @example
 * const led = withLeadColumns(table, { entity: { name: 'store', values: stores }, time: { name: 'date', epochMs } });
 * led.schema.fields[0].name; // 'store'
 */
export function withLeadColumns(table: Table, lead: LeadColumns): Table {
  const { entity, time } = lead;
  const front = tableFromColumns([entity.name, time.name], [entity.values, timestampVector(time.epochMs)]);
  return front.assign(table);
}
