import { Builder, dictResult, does, extractFields, checkOutput, feature, GraphBuildError, inject, namespaced, parameterize, pipeInput, pipeOutput, source, step, subdag, tag, value, DataValidationError } from '../../src';
import { addConst, double, Levels, minus, rollingSum, sumAll, WindowStats } from '../fixtures/composition';

const rawPrice = Float64Array.of(1, 2, 3, 4);
const volume = Float64Array.of(10, 20, 30, 40);
const arr = (x: unknown) => Array.from(x as Float64Array);

describe('namespaced reuse of a feature class', () => {
  const dr = new Builder()
    .withFeatures(
      Levels,
      namespaced('price', WindowStats, { inputs: { x: source('price'), scale: value(10) } }),
      namespaced('volume', WindowStats, { inputs: { x: source('volume') }, tags: { signal: 'volume' } }),
    )
    .withResult(dictResult())
    .build();

  test('one class, many signals: inputs bound to other nodes or values', async () => {
    const out = await dr.untyped.execute(['price.sum2', 'price.sum3', 'price.scaled', 'volume.sum2', 'volume.last'], { inputs: { rawPrice, volume } });
    expect(arr(out['price.sum2'])).toEqual([NaN, 3, 5, 7]);
    expect(arr(out['price.sum3'])).toEqual([NaN, NaN, 6, 9]);
    expect(arr(out['price.scaled'])).toEqual([10, 20, 30, 40]);
    expect(arr(out['volume.sum2'])).toEqual([NaN, 30, 50, 70]);
    expect(out['volume.last']).toBe(40);
  });

  test('an inner input left unbound is read from outside by its own name', async () => {
    const out = await dr.untyped.execute(['volume.scaled'], { inputs: { volume, scale: 2 } });
    expect(arr(out['volume.scaled'])).toEqual([20, 40, 60, 80]);
  });

  test('lineage, tags and pictures show the nesting', () => {
    expect(dr.untyped.whatIsUpstreamOf('price.sum2')).toEqual(['rawPrice', 'price', 'price.sum2']);
    expect(dr.untyped.whatIsUpstreamOf('price.scaled').sort()).toEqual(['price', 'price.scale', 'price.scaled', 'rawPrice']);
    expect(dr.listAvailableVariables({ tags: { signal: 'volume', family: 'window' } }).map((v) => v.name).sort()).toEqual(['volume.sum2', 'volume.sum3']);
    // one picture style (adapters/graphviz/dot.ts): a namespace is framed when it holds two boxes or more
    const dot = dr.untyped.visualizeExecution(['price.sum2', 'price.sum3', 'volume.sum2', 'volume.sum3']);
    expect(dot).toContain('label="price"');
    expect(dot).toContain('label="volume"');
  });

  test('checks inside a namespace report the namespaced node', async () => {
    const error = await dr.untyped.execute(['price.scaled'], { inputs: { rawPrice: Float64Array.of(1, 200) } }).catch((e) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.node).toBe('price.scaled');
    expect(error.results[0].node).toBe('price.scaled');
  });

  test('namespaces nest, and inner config applies only inside', async () => {
    class Outer {
      @feature()
      total(scaled: Float64Array): number { return scaled.reduce((a, b) => a + b, 0); }
    }
    const nested = new Builder()
      .withFeatures(namespaced('outer', [Outer, namespaced('inner', WindowStats)], { inputs: { x: source('signal') } }))
      .withResult(dictResult())
      .build();
    expect(nested.listAvailableVariables().map((v) => v.name)).toContain('outer.inner.sum2');
    const withConfig = new Builder().withFeatures(namespaced('w', WindowStats, { inputs: { x: source('signal') }, config: { scale: 3 } })).withResult(dictResult()).build();
    expect(arr((await withConfig.untyped.execute(['w.scaled'], { inputs: { signal: Float64Array.of(1, 2) } }))['w.scaled'])).toEqual([3, 6]);
  });

  test('@subdag: the method receives the inner outputs it names', async () => {
    class Band {
      @subdag(WindowStats, { inputs: { x: source('rawPrice'), scale: value(1) } })
      priceBand(sum2: Float64Array, sum3: Float64Array): Float64Array {
        return sum3.map((v, i) => v - sum2[i]);
      }
    }
    const band = new Builder().withFeatures(Band).withResult(dictResult()).build();
    expect(arr((await band.execute(['priceBand'], { inputs: { rawPrice } })).priceBand)).toEqual([NaN, NaN, 1, 2]);
    expect(band.whatIsUpstreamOf('priceBand')).toEqual(['rawPrice', 'priceBand.sum2', 'priceBand.sum3', 'priceBand']);
  });

  test('a bad namespace or binding fails when it is written', () => {
    expect(() => namespaced('a b', WindowStats)).toThrow('namespaced("a b", …): the namespace must be a name such as "price"');
    expect(() => namespaced('p', WindowStats, { inputs: { x: 'price' as never } })).toThrow('namespaced("p", …) binds input "x" to "price"; use source(\'outerName\') or value(v).');
  });
});

describe('chains of steps', () => {
  test('@pipeInput: the input goes through named steps, each a visible node', async () => {
    class Clean {
      @pipeInput(step(double), step(addConst, { c: value(1) }).named('shifted'))
      cleaned(rawPrice: Float64Array): Float64Array { return rawPrice; }
    }
    const dr = new Builder().withFeatures(Clean).withResult(dictResult()).build();
    expect(arr((await dr.execute(['cleaned'], { inputs: { rawPrice } })).cleaned)).toEqual([3, 5, 7, 9]);
    expect(dr.whatIsUpstreamOf('cleaned')).toEqual(['rawPrice', 'cleaned.double', 'cleaned.shifted', 'cleaned']);
  });

  test('@pipeOutput: the output goes through steps; a step may depend on config and read other nodes', async () => {
    class Scores {
      @pipeOutput(step(minus, { b: source('baseline') }), step(double).when({ doubled: true }))
      score(rawPrice: Float64Array): Float64Array { return rawPrice; }
    }
    const inputs = { rawPrice, baseline: Float64Array.of(1, 1, 1, 1) };
    const on = new Builder().withFeatures(Scores).withConfig({ doubled: true }).withResult(dictResult()).build();
    expect(arr((await on.execute(['score'], { inputs })).score)).toEqual([0, 2, 4, 6]);
    expect(on.whatIsUpstreamOf('score').sort()).toEqual(['baseline', 'rawPrice', 'score', 'score.minus', 'score.raw']);
    const off = new Builder().withFeatures(Scores).withConfig({ doubled: false }).withResult(dictResult()).build();
    expect(arr((await off.execute(['score'], { inputs })).score)).toEqual([0, 1, 2, 3]);
  });

  test('misuse: a step binding a parameter it does not have', () => {
    class Bad {
      @pipeOutput(step(addConst, { k: value(1) }))
      score(rawPrice: Float64Array): Float64Array { return rawPrice; }
    }
    expect(() => new Builder().withFeatures(Bad).build()).toThrow('The step addConst of Bad.score binds "k", which is not one of its parameters after the first (c).');
  });
});

describe('@does and @inject', () => {
  test('@does reuses one implementation, by name, by mapping, or through a rest parameter', async () => {
    class Totals {
      @does(sumAll) both(rawPrice: Float64Array, volume: Float64Array): Float64Array { throw new Error('not run'); }
      @does(minus, { a: 'volume', b: 'rawPrice' }) gap(rawPrice: Float64Array, volume: Float64Array): Float64Array { throw new Error('not run'); }
    }
    const out = await new Builder().withFeatures(Totals).withResult(dictResult()).build().execute(['both', 'gap'], { inputs: { rawPrice, volume } });
    expect(arr(out.both)).toEqual([11, 22, 33, 44]);
    expect(arr(out.gap)).toEqual([9, 18, 27, 36]);
  });

  test('@does with a parameter that matches nothing says how to map it', () => {
    class Bad { @does(minus) gap(rawPrice: Float64Array, volume: Float64Array): Float64Array { return rawPrice; } }
    expect(() => new Builder().withFeatures(Bad).build()).toThrow(
      "@does on Bad.gap: minus's parameter \"a\" matches no parameter of Bad.gap (rawPrice, volume). Map it: @does(minus, { a: '<parameter of Bad.gap>' }).",
    );
  });

  test('@inject binds without renaming, and applies to every parameterized output', async () => {
    class Injected {
      @inject({ x: source('rawPrice') })
      @parameterize({ p2: { window: value(2) }, p3: { window: value(3) } })
      sums(x: Float64Array, window: number): Float64Array { return rollingSum(x, window); }

      @inject({ x: source('volume'), window: value(2) })
      volume2(x: Float64Array, window: number): Float64Array { return rollingSum(x, window); }
    }
    const out = await new Builder().withFeatures(Injected).withResult(dictResult()).build().untyped.execute(['p2', 'p3', 'volume2'], { inputs: { rawPrice, volume } });
    expect(arr(out.p3)).toEqual([NaN, NaN, 6, 9]);
    expect(arr(out.volume2)).toEqual([NaN, 30, 50, 70]);
  });

  test('@inject and @parameterize binding the same parameter is a build error', () => {
    class Clash {
      @inject({ window: value(2) })
      @parameterize({ p2: { window: value(2) } })
      sums(x: Float64Array, window: number): Float64Array { return x; }
    }
    expect(() => new Builder().withFeatures(Clash).build()).toThrow(GraphBuildError);
    expect(() => new Builder().withFeatures(Clash).build()).toThrow('Clash.sums binds "window" in both @inject and @parameterize (for "p2"); bind it in one place.');
  });
});

describe('targets', () => {
  test('tags reach every parameterized output; checks can target extracted fields', async () => {
    class Stats {
      @tag({ owner: 'ds' })
      @parameterize({ a2: { w: value(2) }, a3: { w: value(3) } })
      sums(rawPrice: Float64Array, w: number): Float64Array { return rollingSum(rawPrice, w); }

      @extractFields({ lo: Number, hi: Number })
      @checkOutput({ range: [0, 3], importance: 'warn', target: 'hi' })
      bounds(rawPrice: Float64Array) { return { lo: Math.min(...rawPrice), hi: Math.max(...rawPrice) }; }
    }
    const dr = new Builder().withFeatures(Stats).withResult(dictResult()).build();
    expect(dr.listAvailableVariables({ tags: { owner: 'ds' } }).map((v) => v.name)).toEqual(['a2', 'a3']);
    const { quality } = await dr.untyped.run(['lo', 'hi'], { inputs: { rawPrice } });
    expect(quality.map((q) => [q.node, q.check, q.passes])).toEqual([['hi', 'range', false]]);
  });

  test("a target the method does not produce is a build error naming what it does produce", () => {
    class Wrong {
      @tag({ a: 'b' }, { target: 'nope' })
      @parameterize({ x1: { w: value(1) } })
      f(rawPrice: Float64Array, w: number): Float64Array { return rawPrice; }
    }
    expect(() => new Builder().withFeatures(Wrong).build()).toThrow('@tag on Wrong.f targets "nope", which Wrong.f does not produce (it produces: x1).');
  });
});

describe('the composition example', () => {
  test('one reused class gives 1,000+ features from ten signals', async () => {
    const { SignalFeatures } = await import('../../examples/composition/main');
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const dr = new Builder().withFeatures(...names.map((n) => namespaced(n, SignalFeatures, { inputs: { x: source(n) } }))).build();
    const features = dr.listAvailableVariables().filter((v) => !v.isExternalInput);
    expect(features.length).toBeGreaterThanOrEqual(1000);
    expect(features.map((f) => f.name)).toContain('j.meanRatio3_90');
  });
});
