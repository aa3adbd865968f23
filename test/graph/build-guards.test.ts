import 'reflect-metadata';
import { Builder, extractColumns, extractFields, feature, FeatureDefinitionError, GraphBuildError, tag } from '../../src';

function buildError(build: () => unknown): GraphBuildError {
  try {
    build();
  } catch (error) {
    if (error instanceof GraphBuildError) return error;
    throw error;
  }
  throw new Error('build() did not throw');
}

describe('a decorator on a _helper method', () => {
  test('is a FeatureDefinitionError when the class is defined, not silently dropped', () => {
    let error: unknown;
    try {
      class Helpers {
        @tag({ owner: 'x' })
        _scale(x: Float64Array): Float64Array {
          return x;
        }
      }
      void Helpers;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeatureDefinitionError);
    expect((error as Error).message).toBe(
      '@tag is on Helpers._scale: `_` methods are helpers, not features, so the decorator would be ignored. ' +
        'Rename the method without the leading "_" to make it a feature, or remove the decorator.',
    );
  });

  test('an undecorated _helper stays a helper', () => {
    class Fine {
      _helper(): number {
        return 1;
      }
      @feature()
      one(): number {
        return this._helper();
      }
    }
    expect(new Builder().withFeatures(Fine).build().listAvailableVariables().map((v) => v.name)).toEqual(['one']);
  });
});

describe('withFeatures given something without features', () => {
  test('Object.create(null) is an error naming what was passed and the fix', () => {
    const error = buildError(() => new Builder().withFeatures(Object.create(null)).build());
    expect(error.message).toBe(
      'withFeatures() was given an object with no prototype and no methods, so it defines no features. Pass feature classes ' +
        'or instances whose methods are the features (withFeatures(MyFeatures)); methods starting with "_", getters and static methods do not count.',
    );
  });

  test('a class without public methods is named', () => {
    class Empty {
      _only(): number {
        return 1;
      }
    }
    expect(buildError(() => new Builder().withFeatures(Empty).build()).message).toMatch(
      /^withFeatures\(\) was given the class Empty, which has no public methods, so it defines no features\./,
    );
  });

  test('an object without prototype whose own methods are features works', () => {
    const features = Object.assign(Object.create(null), { two: () => 2 });
    expect(new Builder().withFeatures(features).build().listAvailableVariables().map((v) => v.name)).toEqual(['two']);
  });
});

describe('@extractColumns / @extractFields on a method declared to return a primitive', () => {
  test('@extractColumns on a number is a GraphBuildError at build', () => {
    class Bad {
      @extractColumns('a', 'b')
      table(x: Float64Array): number {
        return x.length;
      }
    }
    expect(buildError(() => new Builder().withFeatures(Bad).build()).message).toBe(
      '@extractColumns on Bad.table cannot apply: Bad.table is declared to return number, which is never a table ' +
        '(an Arrow Table or a record of columns). Declare the type it really returns, or remove @extractColumns.',
    );
  });

  test('@extractFields on a string is a GraphBuildError at build', () => {
    class Bad {
      @extractFields({ a: Number })
      record(x: Float64Array): string {
        return String(x.length);
      }
    }
    expect(buildError(() => new Builder().withFeatures(Bad).build()).issues.map((i) => i.code)).toEqual(['extract-primitive']);
  });
});
