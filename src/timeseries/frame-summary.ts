/** A training frame described in a few lines of text, for logs and the end of a job. */
import { formatTime } from './time';
import type { TrainingFrame } from './training-frame';
import { SPLIT_NAMES } from './split';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What a training frame holds: rows per split with their dates, what was dropped and why, the
 * feature count and the label, and the checks passed and failed.
 *
 * @example
 * console.log(formatTrainingFrame(frame));
 * // 2,922 rows of history for 2 location value(s); 1,203 features; label "label" = temp_max 1 step ahead
 * //   train       2,054 rows  2012-04-01 … 2014-06-29
 * //   …
 */
export function formatTrainingFrame(frame: TrainingFrame): string {
  const { counts, history } = frame;
  const ahead = `${frame.horizon} step${frame.horizon === 1 ? '' : 's'} ahead`;
  const lines = [
    `${count(counts.history)} rows of history for ${count(history.entities.length)} ${history.entity} value(s); ` +
      `${count(frame.features.length)} features; label "${frame.label}" = ${frame.target} ${ahead}`,
  ];
  for (const split of SPLIT_NAMES) {
    const range = frame.ranges[split];
    const dates = range === null ? '(empty)' : `${formatTime(range[0])} … ${formatTime(range[1])}`;
    lines.push(`  ${split.padEnd(10)} ${count(counts[split]).padStart(9)} rows  ${dates}`);
  }
  lines.push(
    `  dropped: ${count(counts.warmup)} warm-up, ${count(counts.unlabeled)} without a label, ${count(counts.gap)} in the gaps before cut-offs`,
  );
  const failed = frame.quality.filter((q) => !q.passes).length;
  lines.push(`  checks: ${count(frame.quality.length - failed)} passed, ${count(failed)} failed`);
  return lines.join('\n');
}
