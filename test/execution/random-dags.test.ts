import fc from 'fast-check';
import { Builder, dictResult } from '../../src';

/**
 * A random DAG: node i may depend on any earlier node or on the inputs. Each node computes a
 * number from its dependencies; the executor must agree with a naive recursive evaluation.
 */
const dagArbitrary = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.uniqueArray(fc.integer({ min: -2, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
      fc.subarray(Array.from({ length: n }, (_, i) => i), { minLength: 1 }),
    ),
  );

function nodeName(i: number): string {
  return i === -1 ? 'inA' : i === -2 ? 'inB' : `n${i}`;
}

describe('random DAGs', () => {
  test('the executor gives the values of a naive recursive evaluation', async () => {
    await fc.assert(
      fc.asyncProperty(dagArbitrary, async ([n, rawDeps, weights, outputs]) => {
        const deps = rawDeps.map((list, i) => list.filter((d) => d < i));
        const features: Record<string, Function> = {};
        for (let i = 0; i < n; i++) {
          const params = deps[i].map(nodeName);
          // A function whose parameter names are its dependencies, as a feature method has.
          features[nodeName(i)] = new Function(...params, `return ${weights[i]} + ${params.map((p, k) => `${k + 1} * ${p}`).join(' + ') || '0'};`);
        }
        const inputs = { inA: 3, inB: -7 };
        const memo = new Map<number, number>();
        const naive = (i: number): number => {
          if (i < 0) return i === -1 ? inputs.inA : inputs.inB;
          if (!memo.has(i)) memo.set(i, weights[i] + deps[i].reduce((acc, d, k) => acc + (k + 1) * naive(d), 0));
          return memo.get(i)!;
        };
        const names = outputs.map(nodeName);
        const dr = new Builder().withFeatures(features).withResult(dictResult()).build();
        const result = await dr.execute(names, { inputs });
        expect(names.map((name) => result[name])).toEqual(outputs.map(naive));
      }),
      { numRuns: 200 },
    );
  });
});
