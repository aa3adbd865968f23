import { dtypeOfConstructor, TYPED_ARRAY_DTYPES } from '../../src/util/dtypes';
import { arrowTypeOfArray, type NumericArray } from '../../adapters/arrow/typed-arrays';

describe('the one typed-array ↔ dtype table (src/util/dtypes.ts)', () => {
  it.each([
    [Float64Array, 'float64'], [Float32Array, 'float32'], [Int8Array, 'int8'], [Int16Array, 'int16'],
    [Int32Array, 'int32'], [BigInt64Array, 'int64'], [Uint8Array, 'uint8'], [Uint8ClampedArray, 'uint8'],
    [Uint16Array, 'uint16'], [Uint32Array, 'uint32'], [BigUint64Array, 'uint64'],
  ] as const)('%p is %s, by constructor and by name', (ctor, dtype) => {
    expect(dtypeOfConstructor(ctor)).toBe(dtype);
    expect(dtypeOfConstructor(ctor.name)).toBe(dtype);
  });

  it('has no name for DataView, Array or an unknown name', () => {
    expect(dtypeOfConstructor(DataView)).toBeUndefined();
    expect(dtypeOfConstructor(Array)).toBeUndefined();
    expect(dtypeOfConstructor('Float16Array')).toBeUndefined();
  });

  it('the Arrow adapter derives the same pairing: the Arrow type name spells the dtype', () => {
    for (const { ctor, dtype } of TYPED_ARRAY_DTYPES) {
      const type = arrowTypeOfArray(new ctor(1) as NumericArray);
      expect(String(type).toLowerCase()).toBe(dtype);
    }
  });
});
