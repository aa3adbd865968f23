import 'reflect-metadata';
import { Builder, config, feature, InputError } from 'quiver';

class Regional {
  @config.when({ region: 'US' })
  tax__us(price: Float64Array): Float64Array {
    return price.map((p) => p * 0.07);
  }
  @config.whenIn({ tier: ['gold', 'silver'] })
  discount(price: Float64Array): Float64Array {
    return price.map((p) => p * 0.9);
  }
  @feature()
  base(price: Float64Array): Float64Array {
    return price;
  }
}

const price = Float64Array.of(10, 20);

describe('a node switched off by config and then requested', () => {
  const dr = new Builder().withFeatures(Regional).withConfig({ region: 'EU' }).build();

  it('says it exists and which config key disables it', async () => {
    await expect(dr.untyped.execute(['tax'], { inputs: { price } })).rejects.toThrow(
      'Output "tax" exists, but Regional.tax__us is disabled by config key "region": @config.when needs region = "US", ' +
        'the config has "EU". Change the config, or ask for another output.',
    );
    await expect(dr.execute(['discount'], { inputs: { price } })).rejects.toThrow(
      'Output "discount" exists, but Regional.discount is disabled by config key "tier": @config.whenIn needs tier in ' +
        '["gold","silver"], the config has no such key.',
    );
  });

  it('names every variant that config switched off, not only the last one', async () => {
    class Variants {
      @config.when({ mode: 'a' })
      out__a(price: Float64Array): Float64Array {
        return price;
      }
      @config.when({ mode: 'b' })
      out__b(price: Float64Array): Float64Array {
        return price;
      }
    }
    const off = new Builder().withFeatures(Variants).withConfig({ mode: 'c' }).build();
    await expect(off.untyped.execute(['out'], { inputs: { price } })).rejects.toThrow(
      'Output "out" exists, but Variants.out__a is disabled by config key "mode": @config.when needs mode = "a", ' +
        'the config has "c"; Variants.out__b is disabled by config key "mode": @config.when needs mode = "b", ' +
        'the config has "c". Change the config, or ask for another output.',
    );
    const on = new Builder().withFeatures(Variants).withConfig({ mode: 'b' }).build();
    const table = await on.untyped.execute(['out'], { inputs: { price } });
    expect(Array.from(table.getChild('out')!.toArray())).toEqual([10, 20]);
  });

  it('lineage queries say the same', () => {
    expect(() => dr.untyped.whatIsUpstreamOf('tax')).toThrow(InputError);
    expect(() => dr.untyped.whatIsUpstreamOf('tax')).toThrow('whatIsUpstreamOf: "tax" exists, but Regional.tax__us is disabled by config key "region"');
  });

  it('a name that no method defines is still unknown', async () => {
    await expect(dr.untyped.execute(['taxes'], { inputs: { price } })).rejects.toThrow('Unknown output "taxes"');
  });
});
