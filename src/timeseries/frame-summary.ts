/** A training frame described in a few lines of text, for logs and the end of a job. */
import { formatTime } from './time';
import type { TrainingFrame } from './training-frame';
import { SPLIT_NAMES } from './split';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * What a training frame holds: rows per split with their dates, what was dropped and why, the
 * feature count and the label, and the checks passed and failed.
 *
 * @example
 * console.log(formatTrainingFrame(frame));
 * // 2,922 rows of history for 2 entities (location); 1,039 features; label "label" = temp_max 1 step ahead
 * //   train          1,460 rows  2012-06-30 … 2014-06-29
 * //   …
 */
export function formatTrainingFrame(frame: TrainingFrame): string {
  const { counts, history } = frame;
  const ahead = `${frame.horizon} step${frame.horizon === 1 ? '' : 's'} ahead`;
  const lines = [
    `${plural(counts.history, 'row')} of history for ${count(history.entities.length)} ${history.entities.length === 1 ? 'entity' : 'entities'} (${history.entity}); ` +
      `${plural(frame.features.length, 'feature')}; label "${frame.label}" = ${frame.target} ${ahead}`,
  ];
  for (const split of SPLIT_NAMES) {
    const range = frame.ranges[split];
    const dates = range === null ? '(empty)' : `${formatTime(range[0])} … ${formatTime(range[1])}`;
    lines.push(`  ${split.padEnd(10)} ${count(counts[split]).padStart(9)} ${counts[split] === 1 ? 'row ' : 'rows'}  ${dates}`);
  }
  lines.push(
    `  dropped: ${count(counts.warmup)} warm-up, ${count(counts.unlabeled)} without a label, ${count(counts.gap)} in the gaps before cut-offs`,
  );
  const failed = frame.quality.filter((q) => !q.passes).length;
  lines.push(`  checks: ${count(frame.quality.length - failed)} passed, ${count(failed)} failed`);
  return lines.join('\n');
}
