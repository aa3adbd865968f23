/**
 * `--partitions` reading one partition's rows at a time: a synthetic history of 300 entities
 * (1–5 rows each, times shuffled inside some) in Arrow IPC record batches and Parquet row groups
 * that entities straddle; each partition read alone holds exactly its rows, and the partitions'
 * results joined equal the whole history's run cell for cell. A layout that is not one run per
 * entity (interleaved), a CSV file, one record batch for the whole file and a global feature are
 * read whole, with a note saying why.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import type { Table } from 'apache-arrow';
import { Builder, FeatureExecutionError, ewmMean, feature, rollingMean, shift, tag, type Groups } from '../../src';
import { PartitionError } from '../../src/partition/errors';
import { runPartitions } from '../../src/partition/run-partitions';
import { entityHistory } from '../../src/timeseries/history';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { writeArrowParts } from '../../adapters/files/write-arrow';
import { writeParquet } from '../../adapters/files/write-parquet';
import { writeCsv } from '../../adapters/csv/write-csv';
import type { AdapterNote } from '../../adapters/notes';
import { partitionReads } from '../../cli/partition-reads';
import { useTempDir } from '../adapters/helpers/temp-dir';

class Store {
  @feature() ma3(x: Float64Array, groups: Groups): Float64Array { return rollingMean(x, 3, { groups, minPeriods: 1 }); }
  @feature() lag1(x: Float64Array, groups: Groups): Float64Array { return shift(x, 1, { groups }); }
  @feature() ewm4(x: Float64Array, groups: Groups): Float64Array { return ewmMean(x, { span: 4, groups }); }
}
class Leaky {
  @feature() crossLag(x: Float64Array): Float64Array { return shift(x, 1); }
}
class Throws {
  @feature() boom(x: Float64Array, groups: Groups): Float64Array {
    if (groups.keys?.includes('e250')) throw new Error('entity e250');
    return shift(x, 1, { groups });
  }
}
class Global {
  @tag({ entityScope: 'global' })
  total(x: Float64Array): number { return x.reduce((s, v) => (v === v ? s + v : s), 0); }
  @feature() share(x: Float64Array, total: number): Float64Array { return x.map((v) => v / total); }
}

const OUTPUTS = ['ma3', 'lag1', 'ewm4'];
const dir = useTempDir();

/** 300 entities of 1–5 rows; `interleave` lays row k of every entity before row k + 1 of any. */
function history(interleave = false): Table {
  const rows: [string, number, number][] = [];
  for (let e = 0; e < 300; e++) {
    const n = 1 + ((e * 7) % 5);
    for (let t = 0; t < n; t++) {
      const day = e % 9 === 4 ? n - 1 - t : t; // times descending inside some entities
      const x = (e * 31 + t * 7) % 13 === 0 ? NaN : e + t / 10;
      rows.push([`e${String(e).padStart(3, '0')}`, Date.UTC(2024, 0, 1 + day), x]);
    }
  }
  if (interleave) rows.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const column = (k: 1 | 2) => Float64Array.from(rows, (r) => r[k]);
  return tableFromColumns(['store', 'date', 'x'], [rows.map((r) => r[0]), column(1), column(2)]);
}

async function write(table: Table, name: string): Promise<string> {
  const file = join(dir(), name);
  if (name.endsWith('.parquet')) await writeParquet(table, file, { rowGroupSize: 64 });
  else if (name.endsWith('.csv')) await writeCsv(table, file);
  else {
    await writeArrowParts((function* () {
      for (let i = 0; i < table.numRows; i += 50) yield table.slice(i, i + 50); // 50 rows: entities straddle batches
    })(), file);
  }
  return file;
}

/** The columns of the unpartitioned run on the whole history, as plain arrays. */
async function wholeRun(table: Table): Promise<Record<string, unknown[]>> {
  const h = entityHistory(table, { entity: 'store', time: 'date' });
  const result = await new Builder().withFeatures(Store).build().execute(OUTPUTS, { inputs: h.inputs });
  const out: Record<string, unknown[]> = { store: Array.from(h.columns.store as ArrayLike<unknown>) };
  for (const name of OUTPUTS) out[name] = Array.from(result.getChild(name)!.toArray() as Float64Array);
  return out;
}

const options = (inputs: string) => ({ inputs, entity: 'store', time: 'date', partitions: 7 });

describe.each(['h.arrow', 'h.parquet'])('%s sorted by entity', (name) => {
  it('reads each partition alone, and the parts joined equal the whole run cell for cell', async () => {
    const table = history();
    const file = await write(table, name);
    const dr = new Builder().withFeatures(Store).build();
    const notes: AdapterNote[] = [];
    const reads = await partitionReads(dr, OUTPUTS, options(file), (n) => notes.push(n));
    expect(notes).toEqual([]);
    expect(reads).toBeDefined();
    expect(reads!.rows).toBe(table.numRows);
    expect(reads!.groups.count).toBe(300);
    const got: Record<string, unknown[]> = { store: [], ma3: [], lag1: [], ewm4: [] };
    let partitions = 0;
    for await (const { part, run, inputs } of runPartitions(dr, OUTPUTS, reads!, { partitions: 7 })) {
      partitions++;
      expect((inputs.x as Float64Array).length).toBe(part.end - part.start); // its own rows, not the file's
      expect((inputs.groups as Groups).count).toBe(part.groups);
      got.store.push(...(inputs.store as unknown[]));
      for (const out of OUTPUTS) got[out].push(...(run.result.getChild(out)!.toArray() as Float64Array));
    }
    expect(partitions).toBe(7);
    expect(got).toEqual(await wholeRun(table));
  });
});

describe('read whole, with a note', () => {
  const collect = async (file: string, features: Function = Store, outputs = OUTPUTS) => {
    const notes: AdapterNote[] = [];
    const dr = new Builder().withFeatures(features as never).build();
    const reads = await partitionReads(dr, outputs, options(file), (n) => notes.push(n));
    return { reads, messages: notes.map((n) => `${n.code}: ${n.message}`) };
  };

  it('entities interleaved in the file: not a row range per partition', async () => {
    const file = await write(history(true), 'mixed.arrow');
    const { reads, messages } = await collect(file);
    expect(reads).toBeUndefined();
    expect(messages).toEqual([
      `partitions-read-whole: --partitions reads ${file} whole: ` +
        'its "store" column is not one run per entity in ascending order (entity e001 on row 300 comes after e299). ' +
        'Sort the file by store (then by date) to read one partition at a time.',
    ]);
  });

  it('a CSV file', async () => {
    const file = await write(history(), 'h.csv');
    const { reads, messages } = await collect(file);
    expect(reads).toBeUndefined();
    expect(messages).toEqual([
      `partitions-read-whole: --partitions reads ${file} whole: a CSV file cannot be read by row range. ` +
        'Write the history as Arrow IPC (.arrow) or Parquet to read one partition at a time, ' +
        "in about one partition's memory.",
    ]);
  });

  it('an Arrow IPC file of one record batch: every partition would read all of it', async () => {
    const file = join(dir(), 'one.arrow');
    await writeArrowParts([history()], file);
    const { reads, messages } = await collect(file);
    expect(reads).toBeUndefined();
    expect(messages).toEqual([
      `partitions-read-whole: --partitions reads ${file} whole: ` +
        "its one record batch holds more than a partition's rows, " +
        'so reading the partitions one at a time would read 7.0× the file. ' +
        'Write it in smaller record batches (28 or more) to read one partition at a time.',
    ]);
  });

  it('a global feature needs every row', async () => {
    const file = await write(history(), 'g.arrow');
    const { reads, messages } = await collect(file, Global, ['share']);
    expect(reads).toBeUndefined();
    expect(messages).toEqual([
      `partitions-read-whole: --partitions reads ${file} whole: the global feature "total" needs every row. ` +
        'Leave it out of the outputs to read one partition at a time.',
    ]);
  });
});

it('a cross-entity feature is refused on the sample before any partition is read', async () => {
  const file = await write(history(), 'leaky.arrow');
  const dr = new Builder().withFeatures(Leaky).build();
  const reads = await partitionReads(dr, ['crossLag'], options(file), () => undefined);
  const read = jest.spyOn(reads!, 'read');
  const first = runPartitions(dr, ['crossLag'], reads!, { partitions: 7 }).next();
  await expect(first).rejects.toThrow(PartitionError);
  await expect(first).rejects.toThrow(/feature "crossLag" is not entity-local/);
  expect(read).not.toHaveBeenCalled();
  expect(fs.existsSync(file)).toBe(true);
});

it('a feature that throws in a later partition names it, as with the history read whole', async () => {
  const file = await write(history(), 'throws.arrow');
  const dr = new Builder().withFeatures(Throws).build();
  const reads = await partitionReads(dr, ['boom'], options(file), () => undefined);
  const seen: number[] = [];
  const run = (async () => {
    for await (const { part } of runPartitions(dr, ['boom'], reads!, { partitions: 7 })) seen.push(part.index);
  })();
  await expect(run).rejects.toThrow(FeatureExecutionError);
  await expect(run).rejects.toThrow(/Error: entity e250 — in partition 6 of 7 \(history rows \d+–\d+, \d+ entities\)$/);
  expect(seen).toEqual([0, 1, 2, 3, 4]);
});
