/**
 * Time offsets as pandas writes them (`'28D'`, `'90min'`, `'2W'`) in milliseconds: the length of an
 * offset window, a calendar step or a join tolerance. One table of units, one parser.
 */
import { InputError } from '../errors';
import { closest } from '../execution/suggest';

/** Milliseconds per unit; `W` is 7 days, as pandas' fixed `'W'` window length. */
const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  D: 86_400_000,
  W: 604_800_000,
};

const OFFSET = /^\s*(\d+(?:\.\d+)?)?\s*([A-Za-z]+)\s*$/;

/** An offset such as `'28D'`: a positive count (default 1) and a unit `ms`, `s`, `min`, `h`, `D` or `W`. */
export type Offset = string;

/**
 * The length of `offset` in milliseconds: `'28D'` → 2419200000, `'h'` → 3600000. A number is
 * taken as milliseconds. Anything else, a zero or negative length or an unknown unit is an
 * `InputError` naming `where` and listing the units.
 *
 * @example
 * offsetMs('rollingMean', '28D');   // 2419200000
 * offsetMs('asOfJoin', 5000);       // 5000
 */
export function offsetMs(where: string, offset: unknown): number {
  if (typeof offset === 'number') {
    if (offset > 0 && Number.isFinite(offset)) return offset;
    throw new InputError(
      `${where}: the offset must be a positive number of milliseconds or a string like "28D"; got ${offset}.`,
    );
  }
  const units = Object.keys(UNIT_MS).join(', ');
  if (typeof offset === 'string' && /^\s*\d+\s*$/.test(offset)) {
    throw new InputError(
      `${where}: "${offset}" has no unit. For ${offset.trim()} rows pass the number ${offset.trim()}; ` +
        `for a time span add a unit, e.g. "${offset.trim()}D" (units ${units}).`,
    );
  }
  const match = typeof offset === 'string' ? OFFSET.exec(offset) : null;
  if (match === null) {
    const got = typeof offset === 'string' ? `"${offset}"` : String(offset);
    throw new InputError(`${where}: the offset must be a count and a unit such as "28D" (units ${units}); got ${got}.`);
  }
  const unit = match[2];
  const size = UNIT_MS[unit];
  if (size === undefined) {
    const known = Object.keys(UNIT_MS);
    // 'd' → 'D', 'H' → 'h'; no guess for a lone letter such as 'M' (a month is not 'ms').
    const near = known.find((u) => u.toLowerCase() === unit.toLowerCase()) ??
      (unit.length > 1 ? closest(unit, known) : undefined);
    const hint = near ? ` (did you mean "${near}"?)` : '';
    throw new InputError(
      `${where}: "${offset}" has an unknown unit "${unit}"${hint}; units are ${units} ` +
        '(months and years have no fixed length: use days).',
    );
  }
  const ms = (match[1] === undefined ? 1 : Number(match[1])) * size;
  if (!(ms > 0)) {
    throw new InputError(`${where}: the offset "${offset}" has length 0; give a positive length such as "1D".`);
  }
  return ms;
}
