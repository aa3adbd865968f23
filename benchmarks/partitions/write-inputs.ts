/**
 * The per-partition reading inputs: the partitions benchmark's seeded history (`writeHistory`)
 * written again as an Arrow IPC file of `batches` record batches and a Parquet file of as many row
 * groups, so that one partition's rows lie in a few of them. `node write-inputs.js DIR E R B`.
 */
import * as path from 'path';
import { readArrow } from '../../adapters/files/read-arrow';
import { writeArrowParts } from '../../adapters/files/write-arrow';
import { writeParquet } from '../../adapters/files/write-parquet';
import { writeHistory } from './history';

async function main(): Promise<void> {
  const [dir, entities, rows, batches] = process.argv.slice(2);
  const table = await readArrow(await writeHistory(dir, Number(entities), Number(rows)));
  const size = Math.ceil(table.numRows / Number(batches));
  const parts = function* () {
    for (let i = 0; i < table.numRows; i += size) yield table.slice(i, i + size);
  };
  await writeArrowParts(parts(), path.join(dir, 'batched.arrow'));
  await writeParquet(table, path.join(dir, 'batched.parquet'), { rowGroupSize: size });
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
