/**
 * whatIsUpstreamOf / whatIsDownstreamOf include the names asked about (as Hamilton's
 * what_is_upstream_of / what_is_downstream_of), mirror each other, and give dependency order.
 */
import { Builder, checkOutput, config, feature, parameterize, value } from '../../src';
import { SpendFeatures } from '../fixtures/spend';

class More {
  @checkOutput({ range: [0, 1e9] })
  checked(spendPerSignup: Float64Array): Float64Array { return spendPerSignup; }

  @parameterize({ scaledA: { k: value(1) }, scaledB: { k: value(2) } })
  scaled(checked: Float64Array, k: number): Float64Array { return checked.map((v) => v * k); }

  @config.when({ region: 'US' })
  taxed__us(scaledA: Float64Array, rate: number): Float64Array { return scaledA.map((v) => v * rate); }

  @feature()
  late(taxed: Float64Array, spendMean: number): number { return taxed.length + spendMean; }
}

const dr = new Builder().withFeatures(SpendFeatures, More).withConfig({ region: 'US', rate: 0.5 }).build().untyped;
const names = dr.listAvailableVariables().map((v) => v.name);

describe('lineage: the given names are included, both ways', () => {
  test('a node is its own upstream and its own downstream', () => {
    for (const x of names) {
      expect(dr.whatIsUpstreamOf(x)).toContain(x);
      expect(dr.whatIsDownstreamOf(x)).toContain(x);
    }
    expect(dr.whatIsUpstreamOf('spend')).toEqual(['spend']);
    expect(dr.whatIsDownstreamOf('late')).toEqual(['late']);
  });

  test('the exact sets, in dependency order, through checks, @parameterize and @config.when', () => {
    expect(new Set(dr.whatIsUpstreamOf('taxed'))).toEqual(
      new Set(['spend', 'signups', 'spendPerSignup', 'checked', 'scaledA', 'rate', 'taxed']),
    );
    expect(new Set(dr.whatIsDownstreamOf('checked'))).toEqual(
      new Set(['checked', 'scaledA', 'scaledB', 'taxed', 'late']),
    );
    expect(new Set(dr.whatIsDownstreamOf('rate'))).toEqual(new Set(['rate', 'taxed', 'late']));
    for (const x of names) {
      for (const answer of [dr.whatIsUpstreamOf(x), dr.whatIsDownstreamOf(x)]) {
        expect(new Set(answer).size).toBe(answer.length);
        expect(answer.some((n) => n.includes(':'))).toBe(false); // no internal check nodes
        // dependency order: nothing in the answer comes before a node it needs
        answer.forEach((n, i) => {
          for (const needed of dr.whatIsUpstreamOf(n)) if (needed !== n && answer.includes(needed)) {
            expect(answer.indexOf(needed)).toBeLessThan(i);
          }
        });
      }
    }
  });

  test('mirror: y is upstream of x exactly when x is downstream of y; the path is their intersection', () => {
    for (const x of names) {
      const up = new Set(dr.whatIsUpstreamOf(x));
      for (const y of names) {
        expect(dr.whatIsDownstreamOf(y).includes(x)).toBe(up.has(y));
        const path = dr.whatIsThePathBetween(y, x);
        const both = dr.whatIsDownstreamOf(y).filter((n) => up.has(n));
        expect(new Set(path)).toEqual(new Set(up.has(y) ? both : []));
      }
    }
  });

  test('several names: the union, each once, the given ones included', () => {
    expect(new Set(dr.whatIsUpstreamOf('spendMean', 'avg3wkSpend', 'spendMean'))).toEqual(
      new Set(['spend', 'spendMean', 'avg3wkSpend']),
    );
    expect(dr.whatIsUpstreamOf('spendMean', 'spend')).toEqual(['spend', 'spendMean']);
    expect(new Set(dr.whatIsDownstreamOf('scaledB', 'taxed'))).toEqual(new Set(['scaledB', 'taxed', 'late']));
  });
});
