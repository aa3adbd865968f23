/**
 * The per-partition reading inputs: the partitions benchmark's seeded history (`writeHistory`)
 * written again as an Arrow IPC file of `batches` record batches and a Parquet file of as many row
 * groups, so that one partition's rows lie in a few of them. The `partitions` scenario calls
 * `writeBatched`; by hand: `node write-inputs.js DIR E R B`.
 */
import * as path from 'path';
import { readArrow } from '../../adapters/files/read-arrow';
import { writeArrowParts } from '../../adapters/files/write-arrow';
import { writeParquet } from '../../adapters/files/write-parquet';
import { writeHistory } from './history';

/**
 * Writes `batched.arrow` (`batches` record batches) and `batched.parquet` (as many row groups)
 * into `dir` from the history file `history`; returns their paths.
 *
 * @example
 * const { arrow, parquet } = await writeBatched(dir, await writeHistory(dir, 1000, 8000), 64);
 */
export async function writeBatched(
  dir: string, history: string, batches: number,
): Promise<{ arrow: string; parquet: string }> {
  const table = await readArrow(history);
  const size = Math.ceil(table.numRows / batches);
  const parts = function* () {
    for (let i = 0; i < table.numRows; i += size) yield table.slice(i, i + size);
  };
  const arrow = path.join(dir, 'batched.arrow');
  const parquet = path.join(dir, 'batched.parquet');
  await writeArrowParts(parts(), arrow);
  await writeParquet(table, parquet, { rowGroupSize: size });
  return { arrow, parquet };
}

if (require.main === module) {
  const [dir, entities, rows, batches] = process.argv.slice(2);
  writeHistory(dir, Number(entities), Number(rows))
    .then((history) => writeBatched(dir, history, Number(batches)))
    .catch((error) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
