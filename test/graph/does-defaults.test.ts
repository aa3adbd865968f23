import 'reflect-metadata';
import { Builder, dictResult, does, GraphBuildError } from '../../src';

const sumOf = (...xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const minus = (a: number, b: number): number => a - b;
const OUTSIDE = 5;

class Reused {
  base = 10;

  @does(sumOf)
  toModify(p0: number, p1 = 1, p2 = 2): number {
    return undefined!;
  }

  @does(minus, { a: 'p1', b: 'p0' })
  mapped(p0: number, p1 = 100): number {
    return undefined!;
  }

  @does(sumOf)
  fromThis(p0: number, p1 = this.base, p2 = p1 * 2): number {
    return undefined!;
  }
}

describe('@does applies the method\'s own default values, as a plain method would', () => {
  const dr = new Builder().withFeatures(Reused).withResult(dictResult()).build();

  test('a rest-parameter function gets the defaults (0 + 1 + 2)', async () => {
    expect(await dr.execute(['toModify'], { inputs: { p0: 0 } })).toEqual({ toModify: 3 });
  });

  test('a mapped function gets the defaults', async () => {
    expect(await dr.execute(['mapped'], { inputs: { p0: 1 } })).toEqual({ mapped: 99 });
  });

  test('a supplied value still wins over the default', async () => {
    expect(await dr.execute(['toModify'], { inputs: { p0: 0, p1: 10 } })).toEqual({ toModify: 12 });
  });

  test('defaults see this and earlier parameters', async () => {
    expect(await dr.execute(['fromThis'], { inputs: { p0: 1 } })).toEqual({ fromThis: 31 });
  });

  test('a default that reads a module constant is a GraphBuildError at build, not NaN at run time', () => {
    class Outside {
      @does(sumOf)
      m(p0: number, p1 = OUTSIDE): number {
        return undefined!;
      }
    }
    expect(() => new Builder().withFeatures(Outside).build()).toThrow(GraphBuildError);
    expect(() => new Builder().withFeatures(Outside).build()).toThrow(
      /^@does on Outside\.m: a default value of its parameters refers to something outside its parameter list \(OUTSIDE is not defined\);/,
    );
  });
});
