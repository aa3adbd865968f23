import { Table } from 'apache-arrow';
import { Builder, dictResult } from '../../src';
import { SpendFeatures, SPEND, SIGNUPS } from '../fixtures/spend';

// The figures Hamilton prints for its hello-world with these inputs (pandas, ddof 1).
const EXPECTED = {
  avg3wkSpend: [NaN, NaN, 13.333333, 23.333333, 33.333333, 43.333333],
  spendPerSignup: [10, 1, 0.4, 0.4, 0.2, 0.125],
  spendMean: 28.333333,
  spendStdDev: 17.224014,
  spendZeroMeanUnitVariance: [-1.064405, -1.064405, -0.483821, 0.677349, 0.677349, 1.257934],
};

function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(actual[i]).toBeNaN();
    else expect(actual[i]).toBeCloseTo(e, 6);
  });
}

describe('hello world', () => {
  const outputs = Object.keys(EXPECTED);
  const inputs = { spend: SPEND, signups: SIGNUPS };

  test('one Arrow table, columns in requested order, scalars broadcast', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).build();
    const table = await dr.execute(outputs, { inputs });
    expect(table).toBeInstanceOf(Table);
    expect(table.schema.fields.map((f) => f.name)).toEqual(outputs);
    expect(table.numRows).toBe(6);
    expectClose(table.getChild('avg3wkSpend')!.toArray(), EXPECTED.avg3wkSpend);
    expectClose(table.getChild('spendPerSignup')!.toArray(), EXPECTED.spendPerSignup);
    expectClose(table.getChild('spendMean')!.toArray(), Array(6).fill(EXPECTED.spendMean));
    expectClose(table.getChild('spendStdDev')!.toArray(), Array(6).fill(EXPECTED.spendStdDev));
    expectClose(table.getChild('spendZeroMeanUnitVariance')!.toArray(), EXPECTED.spendZeroMeanUnitVariance);
  });

  test('the requested order is kept, whatever order the graph has', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).build();
    const reversed = [...outputs].reverse();
    const table = await dr.execute(reversed, { inputs });
    expect(table.schema.fields.map((f) => f.name)).toEqual(reversed);
  });

  test('a typed array enters the table without a copy', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).build();
    const table = await dr.execute(['spend', 'avg3wkSpend'], { inputs });
    expect(table.getChild('spend')!.data[0].values.buffer).toBe(SPEND.buffer);
  });

  test('dictResult gives the values as computed', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).withResult(dictResult()).build();
    const result = await dr.execute(outputs, { inputs });
    expect(Object.keys(result)).toEqual(outputs);
    expect(result.spendMean).toBeCloseTo(EXPECTED.spendMean, 6);
    expect(result.avg3wkSpend).toBeInstanceOf(Float64Array);
  });

  test('run() gives quality results and timings', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).build();
    const { quality, timings } = await dr.run(outputs, { inputs });
    expect(quality.map((q) => [q.node, q.check, q.importance, q.passes]).sort()).toEqual([
      ['spendZeroMeanUnitVariance', 'allowNaNs', 'fail', true],
      ['spendZeroMeanUnitVariance', 'dataType', 'fail', true],
      ['spendZeroMeanUnitVariance', 'range', 'fail', true],
    ]);
    expect(Object.keys(timings)).toEqual(expect.arrayContaining(['spendMean', 'spendZeroMeanUnitVariance', 'spendZeroMeanUnitVariance:check:range']));
    expect(Object.keys(timings)).not.toContain('spendZeroMeanUnitVariance:raw');
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
