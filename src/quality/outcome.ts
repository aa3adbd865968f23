/**
 * Pieces every check shares: the function shape of a check, the "this check makes no sense for
 * this kind of value" outcome, and the sampler that counts offending rows and keeps the first few.
 */
import type { ValidationOutcome } from './result';
import { describeValue, isTable } from './column';
import { formatCount, MAX_SAMPLE_ROWS } from './text';

/** A check with its options bound: looks at one value and says whether it passes. */
export type CheckFn = (value: unknown) => ValidationOutcome;

/**
 * Counts offending rows and keeps the first `MAX_SAMPLE_ROWS` of them (and their values, when
 * asked). Called only for offenders, so it stays off the hot path of a passing column.
 *
 * @example
 * const bad = new Offenders();
 * bad.add(17); bad.add(912);
 * bad.count; // 2
 * bad.rows;  // [17, 912]
 */
export class Offenders {
  count = 0;
  readonly rows: number[] = [];
  readonly values: unknown[] = [];

  /** Offenders counted elsewhere: `count` of them, the first ones at `rows`. */
  static counted(count: number, rows: number[]): Offenders {
    const out = new Offenders();
    out.count = count;
    for (let k = 0; k < rows.length && k < MAX_SAMPLE_ROWS; k++) out.rows.push(rows[k]);
    return out;
  }

  add(row: number, value?: unknown): void {
    this.count++;
    if (this.rows.length < MAX_SAMPLE_ROWS) {
      this.rows.push(row);
      this.values.push(value);
    }
  }

  /** `{ count, total, fraction, firstRows }` for diagnostics. */
  diagnostics(total: number): Record<string, unknown> {
    return { count: this.count, total, fraction: total === 0 ? 0 : this.count / total, firstRows: this.rows.slice() };
  }
}

/**
 * The failing outcome of a check given a kind of value it cannot judge (a table for `range`, a
 * string for `maxStandardDev`…). It says what the check needs and what it got, never throws.
 *
 * @example
 * notApplicable('range', 'a column of numbers or a single number', 'abc').message;
 * // 'range needs a column of numbers or a single number, but got the string "abc"'
 */
export function notApplicable(check: string, needs: string, value: unknown, why?: string): ValidationOutcome {
  const hint = isTable(value)
    ? '; to check some of its columns, name them with the target option, e.g. target: [\'price\']'
    : '';
  return {
    passes: false,
    message: `${check} needs ${needs}, but got ${why ?? describeValue(value)}${hint}`,
    diagnostics: { applicable: false, got: why ?? describeValue(value) },
  };
}

/**
 * The message of a passing check that ignores missing values: "all 998 non-missing values are in
 * [1, 2] (2 missing ignored)", "all 10 values are missing; unique ignores missing values", or
 * "no values to check (empty column)".
 *
 * @example
 * allPresent(4, 1, 'unique', 'are distinct'); // 'all 3 non-missing values are distinct (1 missing ignored)'
 */
export function allPresent(total: number, missing: number, check: string, verdict: string): string {
  if (total === 0) return 'no values to check (empty column)';
  if (missing === total) return `all ${formatCount(total)} values are missing; ${check} ignores missing values`;
  if (missing === 0) return `all ${formatCount(total)} values ${verdict}`;
  return `all ${formatCount(total - missing)} non-missing values ${verdict} (${formatCount(missing)} missing ignored)`;
}
