import { Builder, concurrent, dictResult, feature, FeatureExecutionError, InputMutationError, readOnlyInputs, QuiverError } from '../../src';
import { fingerprintValue } from '../../src/execution/fingerprint-value';

class Writes {
  @feature()
  scaled(spend: Float64Array): Float64Array {
    spend[1] = 0; // the defect: writes into the caller's array
    return spend.map((v) => v * 2);
  }

  @feature()
  total(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0);
  }
}

class Pure {
  @feature()
  doubled(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 2);
  }

  @feature()
  names(labels: string[]): string[] {
    return labels.map((s) => s.toUpperCase());
  }
}

class SortsInPlace {
  @feature()
  sorted(labels: string[]): string[] {
    return labels.sort();
  }
}

class AsyncWrites {
  @feature()
  async late(counts: Int32Array): Promise<number> {
    await new Promise((r) => setTimeout(r, 1));
    counts[0] += 1;
    return counts[0];
  }
}

class WritesObject {
  @feature()
  limit(settings: { max: number }): number {
    settings.max = 1;
    return settings.max;
  }
}

class WritesIntermediate {
  @feature()
  base(spend: Float64Array): Float64Array {
    return spend.slice();
  }

  @feature()
  clipped(base: Float64Array): Float64Array {
    for (let i = 0; i < base.length; i++) base[i] = Math.min(base[i], 2);
    return base;
  }
}

describe('readOnlyInputs(): a feature that writes into an input is named', () => {
  it('is on by default under jest (NODE_ENV=test) and names the feature and the input', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const spend = new Float64Array([1, 2, 3]);
    const dr = new Builder().withFeatures(Writes).build();
    const error = await dr.execute(['scaled'], { inputs: { spend } }).catch((e) => e);
    expect(error).toBeInstanceOf(InputMutationError);
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error).toBeInstanceOf(QuiverError);
    expect(error.node).toBe('scaled');
    expect(error.input).toBe('spend');
    expect(error.message).toBe(
      'Feature "scaled" (Writes.scaled) wrote into its input "spend" (a Float64Array of length 3): inputs are read-only, shared ' +
        'with the caller and with every other feature that reads them. Copy it first (e.g. spend.slice()) and change the copy.',
    );
  });

  it('passes features that only read, and gives their values unchanged', async () => {
    const spend = new Float64Array([1, 2, 3]);
    const labels = ['c', 'b', 'a'];
    const dr = new Builder().withFeatures(Pure).withAdapters(readOnlyInputs()).build();
    const out = await dr.execute(['doubled', 'names'], { inputs: { spend, labels } });
    expect(Array.from(out.getChild('doubled')!.toArray() as Float64Array)).toEqual([2, 4, 6]);
    expect(Array.from(spend)).toEqual([1, 2, 3]);
    expect(labels).toEqual(['c', 'b', 'a']);
  });

  it('catches a plain array sorted in place (arrays cannot be caught by freezing typed arrays)', async () => {
    const dr = new Builder().withFeatures(SortsInPlace).withResult(dictResult()).build();
    const error = await dr.execute(['sorted'], { inputs: { labels: ['b', 'a'] } }).catch((e) => e);
    expect(error).toBeInstanceOf(InputMutationError);
    expect(error.message).toContain('Feature "sorted" (SortsInPlace.sorted) wrote into its input "labels" (an Array of length 2)');
  });

  it('catches a write after an await, with the concurrent executor too', async () => {
    const dr = new Builder().withFeatures(AsyncWrites).withExecutor(concurrent({ limit: 2 })).withResult(dictResult()).build();
    const error = await dr.execute(['late'], { inputs: { counts: new Int32Array([5]) } }).catch((e) => e);
    expect(error).toBeInstanceOf(InputMutationError);
    expect(error.input).toBe('counts');
  });

  it('catches a field written on an object input', async () => {
    const dr = new Builder().withFeatures(WritesObject).withResult(dictResult()).build();
    const error = await dr.execute(['limit'], { inputs: { settings: { max: 10 } } }).catch((e) => e);
    expect(error).toBeInstanceOf(InputMutationError);
    expect(error.message).toContain('wrote into its input "settings" (an Object)');
  });

  it('catches a write into another feature\'s output (what a third feature would then see)', async () => {
    const dr = new Builder().withFeatures(WritesIntermediate).build();
    const error = await dr.execute(['clipped'], { inputs: { spend: new Float64Array([1, 5]) } }).catch((e) => e);
    expect(error).toBeInstanceOf(InputMutationError);
    expect(error.node).toBe('clipped');
    expect(error.input).toBe('base');
  });

  it('readOnlyInputs({ enabled: false }) turns the test default off; unknown options are refused', async () => {
    const spend = new Float64Array([1, 2, 3]);
    const dr = new Builder().withFeatures(Writes).withAdapters(readOnlyInputs({ enabled: false })).build();
    const out = await dr.execute(['scaled'], { inputs: { spend } });
    expect(Array.from(out.getChild('scaled')!.toArray() as Float64Array)).toEqual([2, 0, 6]);
    expect(spend[1]).toBe(0);
    expect(() => readOnlyInputs({ enabld: false } as never)).toThrow('readOnlyInputs got an unknown option "enabld" (did you mean "enabled"?)');
  });

  it('is off by default outside tests (opt-in through withAdapters)', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const spend = new Float64Array([1, 2, 3]);
      const plain = new Builder().withFeatures(Writes).build();
      await expect(plain.execute(['total', 'scaled'], { inputs: { spend } })).resolves.toBeDefined();
      const checked = new Builder().withFeatures(Writes).withAdapters(readOnlyInputs()).build();
      await expect(checked.execute(['scaled'], { inputs: { spend: new Float64Array([1, 2, 3]) } })).rejects.toBeInstanceOf(InputMutationError);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});

describe('fingerprintValue', () => {
  it('changes on any one-element write, for every typed array kind, unaligned views and nested values', () => {
    const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;
    for (const Kind of kinds) {
      for (const n of [1, 3, 7, 17]) {
        const x = new (Kind as unknown as new (n: number) => ArrayLike<unknown> & Record<number, unknown>)(n);
        for (let i = 0; i < n; i++) {
          const before = fingerprintValue(x);
          const old = x[i];
          x[i] = typeof old === 'bigint' ? old + 1n : (old as number) + 1;
          expect(fingerprintValue(x)).not.toBe(before);
          x[i] = old;
          expect(fingerprintValue(x)).toBe(before);
        }
      }
    }
    const bytes = new Uint8Array(11);
    const view = bytes.subarray(1, 10); // byteOffset 1: not word-aligned
    for (let i = 0; i < view.length; i++) {
      const before = fingerprintValue(view);
      view[i] = 9;
      expect(fingerprintValue(view)).not.toBe(before);
    }
    const nested = { a: [1, 'x', { d: new Date(0) }], m: new Map([['k', new Float64Array(2)]]) };
    const f0 = fingerprintValue(nested);
    (nested.a[2] as { d: Date }).d.setTime(5);
    expect(fingerprintValue(nested)).not.toBe(f0);
    const f1 = fingerprintValue(nested);
    nested.m.get('k')![1] = NaN;
    expect(fingerprintValue(nested)).not.toBe(f1);
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    expect(typeof fingerprintValue(cyclic)).toBe('number');
  });
});

describe('fingerprintValue on class instances', () => {
  it('sees their arrays and buffers but not scalar or `_` caches filled on first read', () => {
    class Column {
      _count = -1;
      length = 3;
      constructor(readonly values: Float64Array) {}
    }
    const c = new Column(new Float64Array([1, 2, 3]));
    const f0 = fingerprintValue(c);
    c._count = 3; // a cache filled on first read (Arrow's _nullCount is one)
    expect(fingerprintValue(c)).toBe(f0);
    c.values[2] = 0;
    expect(fingerprintValue(c)).not.toBe(f0);
  });
});
