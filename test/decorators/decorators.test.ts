import { Builder, dictResult, extractColumns } from '../../src';
import { Regional, Tables, Windows, WindowsReordered } from '../fixtures/decorated';

const spend = Float64Array.of(1, 2, 3);
const visits = Float64Array.of(10, 20, 30);
const run = (features: unknown, outputs: string[], cfg: Record<string, unknown> = {}) =>
  new Builder().withFeatures(features).withConfig(cfg).withResult(dictResult()).build().execute(outputs, { inputs: { spend, visits } });

describe('@parameterize', () => {
  test('one node per key; value and source bound; the method itself is no node', async () => {
    const out = await run(Windows, ['spendSum2', 'visitsSum2']);
    expect(Array.from(out.spendSum2 as Float64Array)).toEqual([NaN, 3, 5]);
    expect(Array.from(out.visitsSum2 as Float64Array)).toEqual([NaN, 30, 50]);
    const names = new Builder().withFeatures(Windows).build().listAvailableVariables().map((v) => v.name);
    expect(names).not.toContain('sumOf');
  });

  test('group() as a list and as a record', async () => {
    const out = await run(Windows, ['total', 'weighted']);
    expect(Array.from(out.total as Float64Array)).toEqual([12, 23, 34]);
    expect(Array.from(out.weighted as Float64Array)).toEqual([2, 4, 6]);
  });

  test('doc templates, tags on every output, dependencies by source name', () => {
    const info = new Builder().withFeatures(Windows).build().listAvailableVariables().find((v) => v.name === 'visitsSum2')!;
    expect(info).toMatchObject({ doc: 'Sum of visits over 2 rows', tags: { kind: 'window' }, dependencies: ['visits'], origin: 'Windows.sumOf', checks: ['allowNaNs'] });
  });

  test('decorator order does not matter', () => {
    const describeGraph = (cls: unknown) =>
      new Builder().withFeatures(cls).build().listAvailableVariables().map(({ name, tags, doc, dependencies, checks }) => ({ name, tags, doc, dependencies, checks }));
    expect(describeGraph(WindowsReordered)).toEqual(describeGraph(Windows).filter((n) => ['spendSum2', 'visitsSum2', 'spend', 'visits'].includes(n.name)));
  });
});

describe('@extractColumns and @extractFields', () => {
  test('columns of a record become nodes; the table stays a node; tags reach them all', async () => {
    const out = await run(Tables, ['left', 'right', 'split']);
    expect(Array.from(out.left as Float64Array)).toEqual([-1, -2, -3]);
    expect(out.right).toBe(spend);
    const tags = new Builder().withFeatures(Tables).build().listAvailableVariables({ tags: { source: 'split' } }).map((v) => v.name);
    expect(tags.sort()).toEqual(['left', 'right', 'split']);
  });

  test('columns of an Arrow table arrive as Float64Array; fillWith fills a missing one', async () => {
    const out = await run(Tables, ['a', 'missing']);
    expect(Array.from(out.a as Float64Array)).toEqual([1, 2, 3]);
    expect(out.a).toBeInstanceOf(Float64Array);
    expect(Array.from(out.missing as Float64Array)).toEqual([0, 0, 0]);
  });

  test('a column the table lacks, without fillWith, names the column and the fix', async () => {
    class Lacking {
      @extractColumns('present', 'absent')
      t(spend: Float64Array) { return { present: spend }; }
    }
    await expect(run(Lacking, ['absent'])).rejects.toThrow(
      'Feature "absent" (Lacking.t) threw Error: column "absent" is not in what Lacking.t returned (it has: present). Return it, or give @extractColumns a default: @extractColumns(…, { fillWith: NaN }).',
    );
  });

  test('fields of a record become typed nodes', async () => {
    const out = await run(Tables, ['lo', 'hi']);
    expect(out).toEqual({ lo: 1, hi: 3 });
    expect(new Builder().withFeatures(Tables).build().listAvailableVariables().find((v) => v.name === 'lo')!.typeName).toBe('Number');
  });
});

describe('@config', () => {
  test('when / whenNot choose a variant; x__suffix defines x', async () => {
    expect(Array.from((await run(Regional, ['tax'], { region: 'US' })).tax as Float64Array)).toEqual([0.1, 0.2, 0.30000000000000004]);
    expect(Array.from((await run(Regional, ['tax'], { region: 'EU' })).tax as Float64Array)).toEqual([0.2, 0.4, 0.6000000000000001]);
  });

  test('whenIn keeps a node only for listed values', () => {
    const names = (region: string) => new Builder().withFeatures(Regional).withConfig({ region }).build().listAvailableVariables().map((v) => v.name);
    expect(names('CA')).toContain('naOnly');
    expect(names('EU')).not.toContain('naOnly');
  });
});
