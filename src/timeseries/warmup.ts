/**
 * The warm-up rule: at the start of each entity, rows where some feature has not produced its
 * first value yet (a 28-day mean is NaN for the first 27 days) are not training rows.
 */
import { InputError } from '../errors';
import { groupBounds, type GroupStarts } from './bounds';
import { cellAt } from './rows';

/** `'auto'` derives the warm-up per entity from the features; a number drops that many rows per entity. */
export type Warmup = 'auto' | number;

/** Where a feature never produced a value inside one entity. */
export interface NeverDefined {
  readonly feature: string;
  readonly entity: number;
}

/** The warm-up found for each entity. */
export interface WarmupRows {
  /** `rows[g]` = how many leading rows of entity `g` are warm-up. */
  readonly rows: Int32Array;
  /** For each entity, the feature that needed the longest warm-up (`undefined` when none did). */
  readonly longest: readonly (string | undefined)[];
  /** Features that are missing on every row of some entity (with `'auto'`, that whole entity is warm-up). */
  readonly neverDefined: readonly NeverDefined[];
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** How many leading rows of `lo…hi` are missing in this column. */
function leadingMissing(column: unknown, lo: number, hi: number): number {
  let i = lo;
  if (column instanceof Float64Array || column instanceof Float32Array) {
    while (i < hi && column[i] !== column[i]) i++;
  } else if (!(ArrayBuffer.isView(column))) {
    while (i < hi && isMissing(cellAt(column, i))) i++;
  }
  return i - lo;
}

/**
 * The warm-up rows of each entity. With `'auto'`, entity `g`'s warm-up is the longest run of
 * missing values (NaN, null) that any feature starts with in that entity: the rows before every
 * feature has produced its first value. Missing values after that point are data, not warm-up,
 * and stay. With a number `w`, every entity's first `w` rows are warm-up.
 *
 * @example
 * const ma3 = Float64Array.of(NaN, NaN, 2, NaN, NaN, 5);
 * warmupRows({ ma3 }, { starts: Int32Array.of(0, 3), count: 2 }, 6, 'auto').rows; // Int32Array [2, 2]
 */
export function warmupRows(
  features: Readonly<Record<string, unknown>>, groups: GroupStarts | undefined, rows: number, rule: Warmup,
): WarmupRows {
  const bounds = groupBounds(groups, rows);
  const count = bounds.length - 1;
  const out = new Int32Array(count);
  const longest: (string | undefined)[] = new Array(count).fill(undefined);
  const neverDefined: NeverDefined[] = [];
  if (rule !== 'auto') {
    if (!Number.isInteger(rule) || rule < 0) {
      throw new InputError(`warmup is ${String(rule)}; give 'auto' or a whole number of rows (0 or more) to drop at the start of each entity.`, ['warmup']);
    }
    for (let g = 0; g < count; g++) out[g] = Math.min(rule, bounds[g + 1] - bounds[g]);
    return { rows: out, longest, neverDefined };
  }
  for (const [name, column] of Object.entries(features)) {
    for (let g = 0; g < count; g++) {
      const lo = bounds[g];
      const hi = bounds[g + 1];
      const lead = leadingMissing(column, lo, hi);
      if (lead === hi - lo && hi > lo) neverDefined.push({ feature: name, entity: g });
      if (lead > out[g]) {
        out[g] = lead;
        longest[g] = name;
      }
    }
  }
  return { rows: out, longest, neverDefined };
}
