/**
 * Per-partition reading: the entity index of an Arrow IPC / Parquet history and the rows of one
 * partition read from only the batches / row groups that hold them, equal cell for cell to the
 * same rows of the whole file, with entities straddling batch and row-group boundaries.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { InputError } from '../../../src/errors';
import { entityHistory } from '../../../src/timeseries/history';
import { planPartitions } from '../../../src/partition/plan';
import { tableFromColumns } from '../../../adapters/arrow/table-from-columns';
import { entityIndex, readRowRange, rowRanges } from '../../../adapters/files/entity-index';
import { readArrow } from '../../../adapters/files/read-arrow';
import { readParquet } from '../../../adapters/files/read-parquet';
import { writeArrowParts } from '../../../adapters/files/write-arrow';
import { writeParquet } from '../../../adapters/files/write-parquet';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

/** 40 entities of 3–17 rows each (sorted by entity, times shuffled inside one), a NaN every 11 rows. */
function history(order: (e: number) => string = (e) => `s${String(e).padStart(3, '0')}`): Table {
  const store: string[] = [];
  const date: number[] = [];
  const x: number[] = [];
  for (let e = 0; e < 40; e++) {
    const n = 3 + ((e * 7) % 15);
    for (let t = 0; t < n; t++) {
      store.push(order(e));
      date.push(Date.UTC(2024, 0, 1 + (e === 5 ? n - 1 - t : t)));
      x.push(store.length % 11 === 0 ? Number.NaN : e * 100 + t);
    }
  }
  return tableFromColumns(['store', 'date', 'x'], [store, Float64Array.from(date), Float64Array.from(x)]);
}

/** Rows of `t` as plain values (NaN kept as the string 'NaN' so that equality sees it). */
function cells(t: Table): unknown[][] {
  return t.toArray().map((r) => Object.values(r.toJSON()).map((v) => (Number.isNaN(v) ? 'NaN' : v)));
}

async function files(table: Table): Promise<Record<'arrow' | 'parquet', string>> {
  const arrow = join(dir(), 'h.arrow');
  const parquet = join(dir(), 'h.parquet');
  const parts = (function* () {
    for (let i = 0; i < table.numRows; i += 70) yield table.slice(i, i + 70); // 70 rows: entities straddle
  })();
  await writeArrowParts(parts, arrow);
  await writeParquet(table, parquet, { rowGroupSize: 64 });
  return { arrow, parquet };
}

describe.each(['arrow', 'parquet'] as const)('%s', (format) => {
  it('indexes each entity run and reads each partition equal to those rows of the whole file', async () => {
    const table = history();
    const path = (await files(table))[format];
    const index = await entityIndex(path, format, 'store');
    expect(index.sorted).toBe(true);
    expect(index.rows).toBe(table.numRows);
    expect(index.keys).toHaveLength(40);
    expect(index.keys[0]).toBe('s000');
    if (format === 'arrow') expect(index.batchStarts.slice(0, 3)).toEqual([0, 70, 140]);
    const whole = format === 'arrow' ? await readArrow(path) : await readParquet(path);
    const groups = { starts: index.starts, count: index.keys.length, rows: index.rows };
    const plan = planPartitions(groups, index.rows, 6);
    expect(plan.some((p) => format === 'arrow' && p.start % 70 !== 0)).toBe(format === 'arrow');
    const full = entityHistory(whole, { entity: 'store', time: 'date' });
    for (const p of plan) {
      const part = await readRowRange(index, p.start, p.end);
      expect(cells(part)).toEqual(cells(whole.slice(p.start, p.end)));
      // the partition's own history equals the whole history's rows of those entities
      const mine = entityHistory(part, { entity: 'store', time: 'date' });
      expect(Array.from(mine.columns.date as Float64Array)).toEqual(
        Array.from((full.columns.date as Float64Array).subarray(p.start, p.end)),
      );
      expect(mine.groups.count).toBe(p.groups);
    }
  });

  it('rowRanges reads the partitions one after another (one Parquet decoder), equal to readRowRange', async () => {
    const path = (await files(history()))[format];
    const index = await entityIndex(path, format, 'store');
    const plan = planPartitions({ starts: index.starts, count: index.keys.length, rows: index.rows }, index.rows, 6);
    const ranges = rowRanges(index);
    try {
      for (const p of [...plan].reverse()) { // any order: each read is its own selection
        expect(cells(await ranges.read(p.start, p.end))).toEqual(cells(await readRowRange(index, p.start, p.end)));
      }
      expect((await ranges.read(5, 5)).numRows).toBe(0);
    } finally {
      await ranges.close();
    }
  });

  it('an input not sorted by entity is marked unsorted with the first row out of order', async () => {
    // entity 3 named so that it sorts before entity 2: runs contiguous but not ascending
    const table = history((e) => (e === 3 ? 's001x' : `s${String(e).padStart(3, '0')}`));
    const index = await entityIndex((await files(table))[format], format, 'store');
    expect(index.sorted).toBe(false);
    expect(index.reason).toMatch(/^entity s001x on row \d+ comes after s002$/);
    expect(index.starts).toHaveLength(0);
  });

  it('an entity whose rows are split in two runs is not sorted', async () => {
    const table = history((e) => (e === 20 ? 's001' : `s${String(e).padStart(3, '0')}`));
    const index = await entityIndex((await files(table))[format], format, 'store');
    expect(index.sorted).toBe(false);
    expect(index.reason).toMatch(/^entity s001 on row \d+ comes after s019$/);
  });

  it('a corrupt file is an InputError naming the file', async () => {
    const path = (await files(history()))[format];
    const bytes = fs.readFileSync(path);
    fs.writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const read = entityIndex(path, format, 'store');
    await expect(read).rejects.toThrow(InputError);
    await expect(entityIndex(path, format, 'store')).rejects.toThrow(path);
  });
});

it('rows read from a file changed since it was indexed: an InputError naming the file', async () => {
  const { arrow } = await files(history());
  const index = await entityIndex(arrow, 'arrow', 'store');
  await writeArrowParts([history().slice(0, 50), history().slice(50)], arrow);
  await expect(readRowRange(index, 60, 130)).rejects.toThrow(
    `Cannot read rows of "${arrow}": its record batch 0 is not the one indexed.`,
  );
});
