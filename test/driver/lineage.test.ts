import { Builder, InputError } from '../../src';
import { SpendFeatures } from '../fixtures/spend';

const dr = new Builder().withFeatures(SpendFeatures).withConfig({ region: 'US' }).build();

describe('lineage', () => {
  test('listAvailableVariables includes inputs, with types, tags, docs and dependencies', () => {
    const vars = dr.listAvailableVariables();
    expect(vars.map((v) => v.name).sort()).toEqual(
      ['avg3wkSpend', 'signups', 'spend', 'spendMean', 'spendPerSignup', 'spendStdDev', 'spendZeroMean', 'spendZeroMeanUnitVariance'],
    );
    const spend = vars.find((v) => v.name === 'spend')!;
    expect(spend).toMatchObject({ isExternalInput: true, type: Float64Array, typeName: 'Float64Array', role: 'input', dependencies: [] });
    const z = vars.find((v) => v.name === 'spendZeroMeanUnitVariance')!;
    expect(z).toMatchObject({ isExternalInput: false, type: Float64Array, dependencies: ['spendZeroMean', 'spendStdDev'], origin: 'SpendFeatures.spendZeroMeanUnitVariance' });
    expect([...z.checks].sort()).toEqual(['allowNaNs', 'dataType', 'range']);
    expect(vars.find((v) => v.name === 'spendMean')).toMatchObject({ doc: 'Mean spend', type: Number });
  });

  test.each([
    [{ owner: 'marketing' }, ['avg3wkSpend', 'spendPerSignup']],
    [{ owner: 'finance' }, ['spendPerSignup']],
    [{ owner: ['finance', 'nobody'] }, ['spendPerSignup']],
    [{ pii: null }, ['avg3wkSpend']],
    [{ owner: 'marketing', pii: 'false' }, ['avg3wkSpend']],
    [{ missing: null }, []],
  ])('tag filter %j', (tags, expected) => {
    expect(dr.listAvailableVariables({ tags: tags as never }).map((v) => v.name).sort()).toEqual(expected);
  });

  test('upstream, downstream and paths, ends included', () => {
    expect(dr.whatIsUpstreamOf('spendZeroMean').sort()).toEqual(['spend', 'spendMean', 'spendZeroMean']);
    expect(dr.whatIsDownstreamOf('spendMean').sort()).toEqual(['spendMean', 'spendStdDev', 'spendZeroMean', 'spendZeroMeanUnitVariance']);
    expect(dr.whatIsThePathBetween('spendMean', 'spendZeroMeanUnitVariance').sort()).toEqual(['spendMean', 'spendStdDev', 'spendZeroMean', 'spendZeroMeanUnitVariance']);
    expect(dr.untyped.whatIsThePathBetween('signups', 'spendMean')).toEqual([]);
    expect(dr.whatIsUpstreamOf('avg3wkSpend', 'spendPerSignup').sort()).toEqual(['avg3wkSpend', 'signups', 'spend', 'spendPerSignup']);
  });

  test('an unknown name is an InputError with a suggestion', () => {
    expect(() => dr.untyped.whatIsUpstreamOf('spendMaen')).toThrow(new InputError('whatIsUpstreamOf: no feature or input is named "spendMaen". Did you mean "spendMean"?'));
  });
});

describe('visualizeExecution', () => {
  test('DOT of the execution only, inputs and checks drawn differently, no inputs needed', () => {
    const dot = dr.visualizeExecution(['spendZeroMeanUnitVariance']);
    expect(dot.startsWith('digraph quiver {')).toBe(true);
    expect(dot).toContain('"spend" [shape="box", style="rounded,dashed,filled"');
    expect(dot).toContain('"spendZeroMeanUnitVariance" [shape="box", style="rounded,filled,bold"');
    expect(dot).toMatch(/"spendZeroMeanUnitVariance:check:range" \[shape="octagon".*label="range \(fail\)"/);
    expect(dot).toContain('"spendMean" -> "spendZeroMean";');
    expect(dot).toContain('"spendZeroMean" -> "spendZeroMeanUnitVariance";');
    expect(dot).not.toContain('avg3wkSpend');
    expect(dot).not.toContain(':raw');
  });

  test('overrides are drawn dashed and cut their upstream', () => {
    const dot = dr.visualizeExecution(['spendZeroMean'], { overrides: { spendMean: 1 } });
    expect(dot).toContain('"spendMean" [shape="box", style="rounded,dashed,filled", fillcolor="#efe6f7"');
    expect(dot).not.toContain('"spend" -> "spendMean"');
  });
});
