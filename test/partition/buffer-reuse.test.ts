/**
 * PartitionBuffers: a written partition's kernel buffers serve the next partition. The file is
 * right when P is large and partitions differ in size (buffers are reused many times, zero-filled),
 * buffers come back only when released, and small or whole-history allocations are not pooled.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { arrowTable } from '../../adapters/arrow/arrow-result';
import { tableBuffers } from '../../adapters/arrow/table-buffers';
import { readTable, writeResultParts } from '../../adapters/files/formats';
import { Builder, entityHistory, ewmMean, expandingMean, feature, rollingMean, shift, type Groups } from '../../src';
import { allocateFloat64 } from '../../src/columns/allocate';
import { PartitionBuffers } from '../../src/partition/buffer-reuse';
import { partitionResults } from '../../src/partition/collect';
import { planPartitions } from '../../src/partition/plan';

class Chained {
  @feature()
  ma5(value: Float64Array, groups: Groups): Float64Array { return rollingMean(value, 5, { groups, minPeriods: 2 }); }
  @feature()
  lagOfMa(ma5: Float64Array, groups: Groups): Float64Array { return shift(ma5, 3, { groups }); }
  @feature()
  trend(value: Float64Array, groups: Groups): Float64Array { return ewmMean(value, { span: 7, groups }); }
  @feature()
  running(lagOfMa: Float64Array, groups: Groups): Float64Array { return expandingMean(lagOfMa, { groups }); }
}

/** 400 entities of 1 to ~300 rows with NaNs. */
function history() {
  const entity: number[] = [];
  const time: number[] = [];
  const value: number[] = [];
  let seed = 3;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let e = 0; e < 400; e++) {
    const n = 1 + Math.floor(rand() ** 2 * 300);
    for (let t = 0; t < n; t++) {
      entity.push(e);
      time.push(t * 60_000);
      value.push(rand() < 0.05 ? NaN : rand() * 100 - t);
    }
  }
  const data = { entity: Int32Array.from(entity), time, value: Float64Array.from(value) };
  return entityHistory(data, { entity: 'entity', time: 'time' });
}

const outputs = ['ma5', 'lagOfMa', 'trend', 'running'];
const dir = mkdtempSync(join(tmpdir(), 'quiver-reuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PartitionBuffers in a partitioned run written part by part', () => {
  const h = history();
  const driver = () => new Builder().withFeatures(Chained).withResult(arrowTable()).build();
  let whole: Table;
  beforeAll(async () => {
    whole = await driver().execute(outputs, { inputs: h.inputs });
  });

  test.each(['arrow', 'parquet'])('97 partitions of different sizes to .%s: the whole run\'s cells', async (ext) => {
    const plan = planPartitions(h.groups, h.rows, 97);
    const sizes = plan.map((p) => p.end - p.start);
    expect(Math.min(...sizes)).toBeLessThan(Math.max(...sizes) / 2);
    const pool = new PartitionBuffers(Math.max(...sizes));
    const { results } = partitionResults(driver(), outputs, h, { partitions: 97 });
    const file = join(dir, `reuse.${ext}`);
    pool.use();
    try {
      await writeResultParts(results, file, (part) => pool.release(tableBuffers(part)));
    } finally {
      pool.stop();
    }
    expect(pool.reused).toBeGreaterThan(100);
    const back = await readTable(file);
    expect(back.numRows).toBe(whole.numRows);
    for (const name of outputs) {
      const values = (t: Table) => Array.from(t.getChild(name)!.toArray() as Float64Array);
      expect(values(back)).toEqual(values(whole));
    }
  });
});

describe('PartitionBuffers', () => {
  afterEach(() => new PartitionBuffers(1).stop());

  test('a buffer comes back only when released, zero-filled, and only if the pool lent it', () => {
    const pool = new PartitionBuffers(100);
    pool.use();
    const a = allocateFloat64(80);
    a.fill(7);
    const b = allocateFloat64(60);
    expect(b.buffer).not.toBe(a.buffer);
    pool.release([a.buffer, new ArrayBuffer(800)]);
    const c = allocateFloat64(90);
    expect(c.buffer).toBe(a.buffer);
    expect(c.length).toBe(90);
    expect(c.every((v) => v === 0)).toBe(true);
    expect(pool.reused).toBe(1);
    // the foreign buffer was not taken in: the next one is new
    expect(allocateFloat64(90).buffer).not.toBe(a.buffer);
    expect(pool.reused).toBe(1);
  });

  test('small columns (aggregates) and columns longer than a partition are not pooled; stop() restores', () => {
    const pool = new PartitionBuffers(100);
    pool.use();
    const small = allocateFloat64(50);
    const long = allocateFloat64(101);
    expect(small.buffer.byteLength).toBe(400);
    expect(long.buffer.byteLength).toBe(808);
    expect(allocateFloat64(51).buffer.byteLength).toBe(800);
    pool.stop();
    expect(allocateFloat64(60).buffer.byteLength).toBe(480);
  });
});
