/**
 * Numbers in a time column are epoch milliseconds. A column of epoch seconds (Unix time, Python's
 * `time.time()`), of Excel serial day numbers (45292 = 2024-01-01) or of micro/nanoseconds would be
 * read as dates in early 1970 or after the year 9999 without a word, and every calendar feature,
 * offset window and split computed on them: the check here refuses them, naming the unit the
 * values look like and the fix. It runs once per
 * array (a `WeakSet` remembers the arrays checked, and those `timeColumn` made from Dates or ISO
 * text, whose early-1970 values are meant).
 */
import { InputError } from '../errors';
import { formatTime } from './format-time';

/** Epoch seconds for 1973–2286 read as ms all fall in 1970-01-02 … 1970-04-26. */
const SECONDS_LOW = 1e8, SECONDS_HIGH = 1e10;
/**
 * Excel serial day numbers (days since 1899-12-30; 25569 is 1970-01-01) of 1954-10-03 … 2119-01-10,
 * which as ms all fall in 1970-01-01T00:00:20 … 00:01:20. Refused only when every value is in the
 * band, so the band is as narrow as the dates real data holds (whatever lies in it is refused even
 * if meant: a step counter resumed at 30000, a 20–80 s experiment clocked in ms, which can pass as
 * Dates). Low bound: day indices and step counts start at 0 or 1 (`t: [0, 1, …, 1460]`, freq 1),
 * so they pass however long they run, and one that starts late still passes below 20000 (55 years
 * of days); Excel dates before 1954 are rare in a history. High bound: 2119 still holds the dates
 * of any plan or forecast. Both are far from the seconds band (1e8) and from real epoch ms.
 */
const EXCEL_LOW = 20000, EXCEL_HIGH = 80000;
/** Excel's serial day number of 1970-01-01: ms = (serial − EXCEL_EPOCH_DAY) × 86400000. */
const EXCEL_EPOCH_DAY = 25569;
/** 9999-12-31T23:59:59.999Z: later "milliseconds" are microseconds or nanoseconds. */
const LAST_MS = 253402300799999;

const checked = new WeakSet<Float64Array>();

/**
 * Marks `ms` as epoch milliseconds already vouched for (converted from Dates or text, or checked),
 * so {@link checkTimeUnit} passes it without a look.
 *
 * @example
 * markTimeUnitChecked(msFromDates);
 */
export function markTimeUnitChecked(ms: Float64Array): void {
  checked.add(ms);
}

/**
 * Refuses epoch milliseconds that look like epoch seconds (all in 1970-01-02 … 1970-04-26), Excel
 * serial day numbers (all in 20000 … 80000, dates of 1954–2119) or micro/nanoseconds (beyond the
 * year 9999) with an `InputError` naming `what` and the fix; NaN and infinite rows are skipped.
 * An array checked once is not checked again.
 *
 * @example
 * checkTimeUnit(Float64Array.of(1700000000), 'Time column "ts"', 'ts');
 * // InputError: Time column "ts" holds 1700000000, which as epoch milliseconds … look like epoch seconds.
 */
export function checkTimeUnit(ms: Float64Array, what: string, node: string): void {
  if (ms.length === 0 || checked.has(ms)) return;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < ms.length; i++) {
    const t = ms[i];
    if (t - t !== 0) continue; // NaN and ±Infinity: the kernels' own checks name those rows
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (lo > hi) return;
  const range = `${lo === hi ? `holds ${lo}` : `holds numbers from ${lo} to ${hi}`}`;
  if (lo >= SECONDS_LOW && hi < SECONDS_HIGH) {
    throw new InputError(
      `${what} ${range}, which as epoch milliseconds (how quiver reads numbers) all fall between ` +
        `${formatTime(lo)} and ${formatTime(hi)}: they look like epoch seconds. Multiply them by 1000 first ` +
        '(seconds → milliseconds); if they really are milliseconds in early 1970, pass them as Dates.',
      [node],
    );
  }
  if (lo >= EXCEL_LOW && hi < EXCEL_HIGH) {
    throw new InputError(
      `${what} ${range}, which as epoch milliseconds (how quiver reads numbers) all fall between ` +
        `${formatTime(lo)} and ${formatTime(hi)}: they look like Excel serial day numbers (days since 1899-12-30, ` +
        `${lo === hi ? excelDay(lo) : `${excelDay(lo)} to ${excelDay(hi)}`}). Convert them first: ` +
        `ms = (serial - ${EXCEL_EPOCH_DAY}) * 86400000; ` +
        'if they really are milliseconds in early 1970, pass them as Dates.',
      [node],
    );
  }
  if (hi > LAST_MS || lo < -LAST_MS) {
    throw new InputError(
      `${what} ${range}, which as epoch milliseconds (how quiver reads numbers) is beyond ` +
        'the year 9999: it looks like epoch microseconds (divide by 1000) or nanoseconds (divide by 1e6). ' +
        'Convert it to milliseconds first, or pass an Arrow Timestamp column, which carries its unit.',
      [node],
    );
  }
  checked.add(ms);
}

/** An Excel serial day number as the date it names (`45292` → `2024-01-01`; a fraction is the time of day). */
function excelDay(serial: number): string {
  return formatTime((serial - EXCEL_EPOCH_DAY) * 86400000);
}
