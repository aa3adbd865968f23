/**
 * One cold read of one partition's rows, for the per-partition reading figures: `node
 * read-child.js whole|indexed <file> <entity> <partitions> <partition>` reads the whole file and
 * slices the partition (today's path), or indexes the entity column and reads only the
 * batches / row groups holding the partition; `index` writes the index to `<file>.index.json` and
 * `range` reads the partition with that index (a worker given the coordinator's index). Prints
 * `{ mode, rows, wall_ms, max_rss_mb }`.
 */
import * as fs from 'fs';
import { planPartitions } from '../../src/partition/plan';
import { groupsOf } from '../../src/columns';
import { entityIndex, readRowRange } from '../../adapters/files/entity-index';
import { readArrow } from '../../adapters/files/read-arrow';
import { readParquet } from '../../adapters/files/read-parquet';

async function main(): Promise<void> {
  const [mode, file, entity, count, which] = process.argv.slice(2);
  const format = file.endsWith('.parquet') ? 'parquet' : 'arrow';
  const began = performance.now();
  let rows: number;
  if (mode === 'whole') {
    const table = format === 'parquet' ? await readParquet(file) : await readArrow(file);
    const keys = table.getChild(entity)?.toArray() as Int32Array;
    const part = planPartitions(groupsOf(keys), table.numRows, Number(count))[Number(which)];
    rows = table.slice(part.start, part.end).numRows;
  } else if (mode === 'index') {
    const index = await entityIndex(file, format, entity);
    const json = { ...index, starts: Array.from(index.starts) };
    fs.writeFileSync(`${file}.index.json`, JSON.stringify(json));
    rows = index.rows;
  } else {
    const saved = mode === 'range' ? JSON.parse(fs.readFileSync(`${file}.index.json`, 'utf8')) : undefined;
    const index = saved ? { ...saved, starts: Int32Array.from(saved.starts) } : await entityIndex(file, format, entity);
    if (!index.sorted) throw new Error(`not sorted: ${index.reason}`);
    const groups = { starts: index.starts, count: index.keys.length, rows: index.rows };
    const part = planPartitions(groups, index.rows, Number(count))[Number(which)];
    rows = (await readRowRange(index, part.start, part.end)).numRows;
  }
  const line = {
    mode, format, rows, wall_ms: Math.round(performance.now() - began),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
