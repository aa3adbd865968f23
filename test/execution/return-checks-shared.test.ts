/**
 * Declared return types are checked by one function per type for the whole process: two graphs
 * (two training frames' drivers) hand the executor and the isolation walk the same function, so
 * code V8 compiled with it inlined stays valid when a graph is collected.
 */
import 'reflect-metadata';
import { Builder, feature } from '../../src';
import { returnChecksOf } from '../../src/execution/return-checks';

class Typed {
  @feature()
  doubled(x: Float64Array): Float64Array {
    return x.map((v) => v * 2);
  }
  @feature()
  total(x: Float64Array): number {
    return x.reduce((a, b) => a + b, 0);
  }
}

describe('returnChecksOf', () => {
  const checksOf = () => {
    const { graph } = new Builder().withFeatures(Typed).build();
    const checks = returnChecksOf(graph);
    return (name: string) => checks[graph.index.get(name)!];
  };

  it('gives every graph the same check for the same declared type', () => {
    const first = checksOf();
    const second = checksOf();
    expect(first('doubled')).toBeDefined();
    expect(second('doubled')).toBe(first('doubled'));
    expect(second('total')).toBe(first('total'));
    expect(first('total')).not.toBe(first('doubled'));
  });

  it('still tells values of the declared type from others', () => {
    const check = checksOf();
    expect(check('doubled')!(Float64Array.of(1))).toBe(true);
    expect(check('doubled')!([1])).toBe(false);
    expect(check('total')!(3)).toBe(true);
    expect(check('total')!('3')).toBe(false);
  });
});
