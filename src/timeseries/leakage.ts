/**
 * The leakage check: a feature must not hold the future. A feature that equals the target one
 * or more steps ahead in its entity (the label itself, or a nearer future value) on the same
 * row is leakage, typically a `shift(x, -k)` or a window that reaches forward.
 */
import { QuiverError } from '../errors';
import type { QualityResult } from '../quality/result';
import { groupBounds, type GroupStarts } from './bounds';

/** A feature equals the future target on at least this fraction of the rows where both are set. */
export const LEAK_FRACTION = 0.99;

/** What `findLeaks` compares. */
export interface LeakageInput {
  /** The feature columns, by name; non-numeric columns are skipped. */
  readonly features: Readonly<Record<string, unknown>>;
  /** The target column over the whole sorted history (the label is its value `horizon` rows ahead). */
  readonly target: Float64Array;
  readonly targetName: string;
  readonly labelName: string;
  readonly horizon: number;
  readonly groups?: GroupStarts;
  /** The rows to compare (the frame's rows); all rows when omitted. */
  readonly rows?: Int32Array;
}

/**
 * Thrown when features hold the future; `.features` names them and `.results` has one failed
 * `leakage` check each.
 *
 * @example
 * try { await buildTrainingFrame(options); } catch (e) { if (e instanceof LeakageError) console.log(e.features); }
 */
export class LeakageError extends QuiverError {
  readonly features: readonly string[];
  readonly results: readonly QualityResult[];
  constructor(results: readonly QualityResult[]) {
    const lines = results.map((r) => `  - ${r.message}`);
    super(
      `Leakage: ${results.length} feature${results.length > 1 ? 's hold' : ' holds'} the label's future:\n${lines.join('\n')}\n` +
        'A feature at time t may only use data up to t: look for a negative shift (shift(x, -k)) or a window that reaches forward.',
    );
    this.features = results.map((r) => r.node);
    this.results = results;
  }
}

function numeric(column: unknown): ArrayLike<number> | undefined {
  if (ArrayBuffer.isView(column) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array) && !(column instanceof DataView)) {
    return column as unknown as ArrayLike<number>;
  }
  if (Array.isArray(column) && column.every((v) => typeof v === 'number')) return column as number[];
  return undefined;
}

/** How many of `rows` have x[i] equal to target[i + lead] (same entity); stops once it cannot reach the fraction. */
function matchAt(x: ArrayLike<number>, target: Float64Array, rows: Int32Array, end: Int32Array, lead: number) {
  const budget = Math.floor((1 - LEAK_FRACTION) * rows.length);
  let compared = 0;
  let equal = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const j = i + lead;
    if (j >= end[i]) continue;
    const a = x[i];
    const b = target[j];
    if (a !== a || b !== b) continue;
    compared++;
    if (a === b) {
      equal++;
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    } else if (compared - equal > budget) return undefined;
  }
  if (compared === 0 || equal < LEAK_FRACTION * compared || !(hi > lo)) return undefined;
  return { compared, equal };
}

/**
 * Compares every numeric feature with the target 1…`horizon` rows ahead in the same entity, on
 * the given rows. A feature leaks when it equals one of those future values on at least 99% of
 * the rows where both are set, and the matched values are not all one constant. Returns one
 * failed `leakage` result per leaking feature (empty when there is none).
 *
 * @example
 * const temp = Float64Array.of(1, 2, 3, 4);
 * findLeaks({ features: { peek: shift(temp, -1) }, target: temp, targetName: 'temp', labelName: 'label', horizon: 1 });
 * // [{ node: 'peek', check: 'leakage', passes: false, message: 'Feature "peek" equals temp 1 step ahead …' }]
 */
export function findLeaks(input: LeakageInput): QualityResult[] {
  const n = input.target.length;
  const bounds = groupBounds(input.groups, n);
  const end = new Int32Array(n);
  for (let g = 0; g + 1 < bounds.length; g++) end.fill(bounds[g + 1], bounds[g], bounds[g + 1]);
  const rows = input.rows ?? Int32Array.from({ length: n }, (_, i) => i);
  const results: QualityResult[] = [];
  for (const [name, column] of Object.entries(input.features)) {
    const x = numeric(column);
    if (x === undefined || x.length !== n) continue;
    for (let lead = input.horizon; lead >= 1; lead--) {
      const match = matchAt(x, input.target, rows, end, lead);
      if (match === undefined) continue;
      const what = lead === input.horizon ? `the label "${input.labelName}"` : `the label is ${input.horizon} steps ahead`;
      results.push({
        node: name,
        check: 'leakage',
        importance: 'fail',
        passes: false,
        message:
          `Feature "${name}" equals ${input.targetName} ${lead} step${lead > 1 ? 's' : ''} ahead (${what}) ` +
          `on ${match.equal} of ${match.compared} rows where both are set.`,
        diagnostics: { lead, equal: match.equal, compared: match.compared, target: input.targetName },
      });
      break;
    }
  }
  return results;
}
