/** The text report of a run's data-quality results: failures first, then how many passed. */
import type { QualityResult } from './result';
import { plural } from './text';

const LABEL = { fail: 'FAIL', warn: 'WARN' } as const;

/**
 * Renders results as a compact report. Each failed check is one line (`fail` before `warn`, else
 * in run order) with its importance, node, check and message in aligned columns; the last line
 * counts the checks that passed.
 *
 * @example
 * console.log(formatQuality(run.quality));
 * // FAIL  spendZ       range      42 of 1,000,000 values (0.004%) outside [-5, 5]; first at rows 17, 912, 4410; observed min -7.2, max 12.9
 * // WARN  avg3wkSpend  allowNaNs  2 of 10 values (20%) are missing (NaN, null or undefined); at rows 0, 1
 * // 3 checks passed
 */
export function formatQuality(results: readonly QualityResult[]): string {
  if (results.length === 0) return 'no data-quality checks ran';
  const failed = results.filter((r) => !r.passes);
  const ordered = [...failed.filter((r) => r.importance === 'fail'), ...failed.filter((r) => r.importance !== 'fail')];
  const nodeWidth = Math.max(0, ...ordered.map((r) => r.node.length));
  const checkWidth = Math.max(0, ...ordered.map((r) => r.check.length));
  const indent = ' '.repeat(4 + 2 + nodeWidth + 2 + checkWidth + 2);
  const lines = ordered.map((r) => {
    const message = r.message.replace(/\n/g, `\n${indent}`);
    return `${LABEL[r.importance] ?? r.importance.toUpperCase()}  ${r.node.padEnd(nodeWidth)}  ${r.check.padEnd(checkWidth)}  ${message}`;
  });
  lines.push(`${plural(results.length - failed.length, 'check')} passed`);
  return lines.join('\n');
}
