/**
 * Arrow dates and timestamps as epoch milliseconds (UTC), read from their raw values: Date<DAY>
 * counts days, Date<MILLISECOND> milliseconds, Timestamp its unit (s, ms, µs or ns), floored
 * exactly to a whole millisecond by src/util/epoch.ts (the conversion the kernels use).
 */
import { Type, type Data, type Timestamp, type Date_ } from 'apache-arrow';
import { DAY, epochMillisOf, MILLISECOND, MS_PER_DAY } from '../../src/util/epoch';

/**
 * True for Arrow Date and Timestamp chunks.
 *
 * @example
 * isTemporal(table.getChild('date')!.data[0]); // true for flights-3m's Timestamp<MICROSECOND>
 */
export function isTemporal(data: Data): boolean {
  const id = data.type.typeId;
  return id === Type.Timestamp || id === Type.Date;
}

/**
 * Epoch milliseconds of row `i` of a Date or Timestamp chunk (the caller checks validity).
 *
 * @example
 * epochMsAt(table.getChild('date')!.data[0], 0); // 978307260000 for 2001-01-01T00:01Z
 */
export function epochMsAt(data: Data, i: number): number {
  const raw = (data.values as ArrayLike<number | bigint>)[i];
  if (data.type.typeId === Type.Date) {
    return (data.type as Date_).unit === DAY ? Number(raw) * MS_PER_DAY : epochMillisOf(raw, MILLISECOND);
  }
  return epochMillisOf(raw, (data.type as Timestamp).unit);
}
