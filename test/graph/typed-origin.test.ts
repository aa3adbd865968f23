/**
 * Meaning lives in typed fields, not display strings: a node says which class and method define it
 * (`definedBy`), whether an input may be left out (`optional`) and what it is (`role`); `origin`
 * stays the display text `listAvailableVariables()` and `quiver list` show.
 */
import {
  Builder, checkOutput, dictResult, extractFields, namespaced, parameterize, pipeOutput, source, step, subdag, value,
} from '../../src';
import { buildGraph } from '../../src/graph/build-graph';
import { checkLabelOf, checkNodeName, pipeStepName, rawNodeName } from '../../src/graph/internal-names';

const clip = (x: Float64Array, hi: number) => x.map((v) => Math.min(v, hi));

class Inner {
  twice(x: Float64Array): Float64Array { return x.map((v) => v * 2); }
}

class Shapes {
  plain(spend: Float64Array, window = 3): Float64Array { return spend.map((v) => v * window); }

  @parameterize({ spendLag: { x: source('spend') }, visitsLag: { x: source('visits') } })
  lag(x: Float64Array): Float64Array { return x; }

  @extractFields({ total: Number })
  stats(spend: Float64Array) { return { total: spend.reduce((a, b) => a + b, 0) }; }

  @checkOutput({ range: [0, 100] })
  @pipeOutput(step(clip, { hi: value(50) }).named('clipped'), step(clip, { hi: value(40) }).named('capped'))
  score(spend: Float64Array): Float64Array { return spend; }

  @subdag(Inner, { inputs: { x: source('spend') }, namespace: 'inner' })
  outer(twice: Float64Array, scale: number): Float64Array { return twice.map((v) => v * scale); }
}

describe('typed fields on nodes', () => {
  const ns = namespaced('ns', Inner, { inputs: { x: value(Float64Array.of(1)) } });
  const graph = buildGraph([Shapes, ns], { scale: 2 });
  const node = (name: string) => graph.node(name)!;
  const at = (method: string) => ({ className: 'Shapes', method });

  test('every node a method makes names that method as { className, method }, as origin shows it as text', () => {
    expect(node('plain').definedBy).toEqual(at('plain'));
    expect(node('spendLag').definedBy).toEqual(at('lag'));
    expect(node('visitsLag').definedBy).toEqual(at('lag'));
    expect(node('stats').definedBy).toEqual(at('stats'));
    expect(node('total').definedBy).toEqual(at('stats'));
    for (const name of ['score', 'score.raw', 'score.clipped', rawNodeName('score'), checkNodeName('score', 'range')]) {
      expect([name, node(name).definedBy]).toEqual([name, at('score')]);
      expect(node(name).origin).toBe('Shapes.score');
    }
    expect(node('inner.twice').definedBy).toEqual({ className: 'Inner', method: 'twice' });
    expect(node('ns.twice').definedBy).toEqual({ className: 'Inner', method: 'twice' });
    expect(node('outer').definedBy).toEqual(at('outer'));
    expect(Object.isFrozen(node('plain').definedBy)).toBe(true);
  });

  test('inputs and config carry their role and optional flag; no method defines them', () => {
    expect(node('spend')).toMatchObject({ role: 'input', optional: false, origin: 'input' });
    expect(node('window')).toMatchObject({ role: 'input', optional: true, origin: 'optional input' });
    expect(node('scale')).toMatchObject({ role: 'config', origin: 'config' });
    for (const name of ['spend', 'window', 'scale']) expect(node(name).definedBy).toBeUndefined();
  });

  test('listAvailableVariables() keeps the display origin and adds the typed fields', () => {
    const dr = new Builder().withFeatures(Shapes).withConfig({ scale: 2 }).withResult(dictResult()).build();
    const info = (name: string) => dr.untyped.listAvailableVariables().find((v) => v.name === name)!;
    expect(info('spendLag')).toMatchObject({
      origin: 'Shapes.lag', definedBy: at('lag'), role: 'feature', optional: false,
    });
    expect(info('window')).toMatchObject({ origin: 'optional input', role: 'input', optional: true });
    expect(info('window').definedBy).toBeUndefined();
    expect(info('spend')).toMatchObject({ origin: 'input', role: 'input', optional: false });
    expect(info('scale')).toMatchObject({ origin: 'config', role: 'config', optional: false });
  });

  test('an input is optional only when every reader has a default', () => {
    class Both {
      a(x = 1): number { return x; }
      b(x: number): number { return x; }
      c(y = 2): number { return y; }
    }
    const g = buildGraph([Both], {});
    expect(g.node('x')).toMatchObject({ optional: false, origin: 'input' });
    expect(g.node('y')).toMatchObject({ optional: true, origin: 'optional input' });
  });
});

describe('one naming scheme for the nodes quiver makes', () => {
  test('internal nodes use ":" (no user name can), public step nodes use "."', () => {
    expect(rawNodeName('x')).toBe('x:raw');
    expect(checkNodeName('ns.x', 'range#2')).toBe('ns.x:check:range#2');
    expect(checkLabelOf(checkNodeName('ns.x', 'range#2'))).toBe('range#2');
    expect(pipeStepName('x', 'raw')).toBe('x.raw');
  });

  test('a checked, piped feature: x.raw and x.clipped (public steps), x:raw and x:check:range (internal)', () => {
    const g = buildGraph([Shapes], { scale: 2 });
    const names = g.nodes.map((n) => n.name).filter((n) => n.startsWith('score'));
    expect(names.sort()).toEqual(['score', 'score.clipped', 'score.raw', 'score:check:range', 'score:raw']);
    expect(g.node('score:raw')!.role).toBe('raw');
    expect(g.node('score:check:range')!.role).toBe('check');
    expect(g.node('score.raw')!.role).toBe('feature');
  });
});
