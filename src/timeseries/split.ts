/**
 * Splitting a training frame by time, with a gap at each cut-off so that no row's label comes
 * from the next split's period.
 */
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { groupBounds, type GroupStarts } from './bounds';
import { formatTime } from './time';

/** The names of the three splits, in time order. */
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Rows (indexes into the sorted history) of each split. */
export type SplitRows = Readonly<Record<SplitName, Int32Array>>;

/** How `splitRows` cuts. */
export interface SplitPlan {
  /** First time (epoch ms) of the validation split; `undefined` = no validation split. */
  readonly validation?: number;
  /** First time (epoch ms) of the test split; `undefined` = no test split. */
  readonly test?: number;
  /**
   * Rows per entity kept clear before each cut-off (at least the horizon): a row stays in its
   * split only when none of the next `gap` rows of its entity is at or after the next cut-off.
   */
  readonly gap: number;
}

/** What `splitRows` returns: the rows of each split and how many rows each gap removed. */
export interface Splits {
  readonly rows: SplitRows;
  /** Rows removed at the end of `train` and of `validation` by the gap. */
  readonly gapped: Readonly<Record<'train' | 'validation', number>>;
}

/** Every key `SplitPlan` knows. */
const PLAN_KEYS = ['validation', 'test', 'gap'];

function checkPlan(plan: SplitPlan): number[] {
  assertKnownKeys(plan, PLAN_KEYS, 'splitRows', InputError);
  if (!Number.isInteger(plan.gap) || plan.gap < 0) {
    throw new InputError(`The split gap is ${plan.gap}; give a whole number of rows (at least the horizon).`, ['gap']);
  }
  const { validation, test } = plan;
  if (validation !== undefined && test !== undefined && !(validation < test)) {
    throw new InputError(
      `The validation cut-off (${formatTime(validation)}) must come before the test cut-off (${formatTime(test)}). ` +
        'Swap them, or drop one of the splits.',
      ['splits.validation', 'splits.test'],
    );
  }
  const cuts = [validation ?? Infinity, test ?? Infinity];
  if (validation === undefined) cuts[0] = cuts[1];
  return cuts;
}

/**
 * Assigns each kept row to `train` (time < validation cut-off), `validation` (validation ≤ time
 * < test) or `test` (time ≥ test cut-off). Before a cut-off, a row is dropped when any of the
 * next `gap` rows of its entity is dated at or after that cut-off: with `gap = horizon`, no
 * label of a split is dated in the next split. `keep[i] = 0` excludes row `i` up front
 * (warm-up, no label).
 *
 * @example
 * // one entity, days 0…9, validation from day 5, gap 1: day 4 is dropped (its label is day 5)
 * const day = 86_400_000;
 * const time = Float64Array.from({ length: 10 }, (_, i) => i * day);
 * splitRows(time, undefined, new Uint8Array(10).fill(1), { validation: 5 * day, gap: 1 }).rows.train;
 * // Int32Array [0, 1, 2, 3]
 */
export function splitRows(
  time: Float64Array, groups: GroupStarts | undefined, keep: Uint8Array, plan: SplitPlan,
): Splits {
  const [validationCut, testCut] = checkPlan(plan);
  const bounds = groupBounds(groups, time.length);
  const assigned = new Int8Array(time.length).fill(-1);
  const sizes = [0, 0, 0];
  const gapped = [0, 0];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const end = bounds[g + 1];
    for (let i = bounds[g]; i < end; i++) {
      if (keep[i] === 0) continue;
      const t = time[i];
      const split = t < validationCut ? 0 : t < testCut ? 1 : 2;
      if (split < 2) {
        const ahead = Math.min(i + plan.gap, end - 1);
        if (ahead > i && time[ahead] >= (split === 0 ? validationCut : testCut)) {
          gapped[split]++;
          continue;
        }
      }
      assigned[i] = split;
      sizes[split]++;
    }
  }
  const lists = sizes.map((size) => new Int32Array(size));
  const filled = [0, 0, 0];
  for (let i = 0; i < time.length; i++) {
    const split = assigned[i];
    if (split >= 0) lists[split][filled[split]++] = i;
  }
  return {
    rows: { train: lists[0], validation: lists[1], test: lists[2] },
    gapped: { train: gapped[0], validation: gapped[1] },
  };
}
