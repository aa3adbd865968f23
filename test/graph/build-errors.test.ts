import { Builder, checkOutput, feature, GraphBuildError } from '../../src';
import { BadParameterize, Destructured, Loop, Mistyped, Prices, Volumes } from '../fixtures/broken';

function buildError(...features: unknown[]): GraphBuildError {
  try {
    new Builder().withFeatures(...features).build();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphBuildError);
    return error as GraphBuildError;
  }
  throw new Error('build() did not throw');
}

describe('the graph refuses at build', () => {
  test('a name defined twice, citing both classes', () => {
    const error = buildError(Prices, Volumes);
    expect(error.issues).toHaveLength(1);
    expect(error.message).toBe('Feature "shared" is defined twice: Prices.shared and Volumes.shared. Rename one of them.');
    expect(error.issues[0]).toMatchObject({ code: 'duplicate', nodes: ['shared'] });
  });

  test('the same class passed twice says so', () => {
    expect(buildError(Volumes, Volumes).message).toContain('or pass the class only once');
  });

  test('a cycle, with its path', () => {
    const error = buildError(Loop);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].code).toBe('cycle');
    expect(error.message).toMatch(/^Cycle: (a → b → c → a|b → c → a → b|c → a → b → c) \(each feature feeds the next\)/);
  });

  test('edges whose declared types cannot meet', () => {
    const error = buildError(Mistyped);
    expect(error.issues.map((i) => i.code)).toEqual(['type-mismatch', 'type-mismatch']);
    expect(error.message).toContain('"count" (Mistyped.count) returns number, but "scaled" (Mistyped.scaled) needs "count" as Float64Array');
    expect(error.message).toContain('"label" (Mistyped.label) returns string, but "labelled" (Mistyped.labelled) needs "label" as Float64Array');
  });

  test('@parameterize naming a parameter the method does not have', () => {
    const error = buildError(BadParameterize);
    expect(error.message).toBe(
      '@parameterize on BadParameterize.lag binds "k" for "lag1", but BadParameterize.lag has no such parameter (its parameters: x, steps).',
    );
  });

  test('a destructured parameter, naming the method', () => {
    const error = buildError(Destructured);
    expect(error.message).toMatch(/^Cannot read the parameters of Destructured\.total: a destructured parameter \(\{ ?a, b ?\}\) has no name/);
    expect(error.message).toContain('take the value as one named parameter');
  });

  test('every problem at once, numbered in the message', () => {
    const error = buildError(Prices, Volumes, Loop, Mistyped, BadParameterize);
    expect(error.issues.map((i) => i.code).sort()).toEqual(['cycle', 'duplicate', 'parameterize-unknown-parameter', 'type-mismatch', 'type-mismatch']);
    expect(error.message).toMatch(/^5 problems found while building the graph:\n {2}1\. /);
    expect(error.message).toContain('\n  5. ');
  });

  test('a config key that is also a feature', () => {
    let caught: unknown;
    try {
      new Builder().withFeatures(Prices).withConfig({ price: 3 }).build();
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).message).toBe('"price" is both a config key and a feature (Prices.price). Rename the feature or the config key.');
  });

  test('a config value whose type contradicts the declared one', () => {
    class UsesWindow {
      @feature()
      ma(raw: Float64Array, window: number): Float64Array { return raw.subarray(window); }
    }
    expect(() => new Builder().withFeatures(UsesWindow).withConfig({ window: '3' }).build()).toThrow(
      'Config "window" is a string (3), but UsesWindow.ma declares it as number. Change the config value or the declared type.',
    );
  });

  test('an input that two features need as different types', () => {
    class A { @feature() f(x: Float64Array): Float64Array { return x; } }
    class B { @feature() g(x: number): number { return x; } }
    expect(() => new Builder().withFeatures(A, B).build()).toThrow(
      'Input "x" is needed as Float64Array by A.f and as number by B.g; one value cannot be both. Make the declared types agree.',
    );
  });

  test('a class whose constructor needs arguments', () => {
    class NeedsArgs {
      constructor(readonly factor: number) {
        if (factor === undefined) throw new Error('factor is required');
      }
      scaled(raw: Float64Array): Float64Array { return raw.map((v) => v * this.factor); }
    }
    expect(() => new Builder().withFeatures(NeedsArgs).build()).toThrow(
      'Could not create NeedsArgs with "new NeedsArgs()": factor is required. Pass an instance instead: withFeatures(new NeedsArgs(…)).',
    );
  });
});

describe('a cycle through a checked feature', () => {
  test('names the feature, not its internal check nodes', () => {
    class CheckedLoop {
      @checkOutput({ range: [0, 1] })
      a(b: Float64Array): Float64Array { return b; }
      @feature()
      b(a: Float64Array): Float64Array { return a; }
    }
    expect(() => new Builder().withFeatures(CheckedLoop).build()).toThrow(/^Cycle: (a → b → a|b → a → b) \(each feature feeds the next\)/);
  });
});
