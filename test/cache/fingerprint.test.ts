/**
 * Data versions: the canonical walk's pieces are joined before they are hashed, which must give the
 * digest of the same bytes fed one by one (keys of existing caches stay valid), and must still tell
 * apart values that differ only in a NaN, a -0, a bigint or where a typed array sits.
 */
import { Fingerprints } from '../../src/cache/fingerprint';
import { bytesOf, loadHasher, type Hasher } from '../../src/cache/hasher';

let hasher: Hasher;
beforeAll(async () => {
  hasher = await loadHasher();
});

const piecewise = (...pieces: (string | Uint8Array)[]) => {
  const stream = hasher.stream();
  for (const piece of pieces) stream.update(piece);
  return stream.digest();
};

describe('fingerprints', () => {
  it('are the streaming xxHash64 of the canonical pieces, whether joined or not', () => {
    const column = Float64Array.of(1.5, NaN);
    expect(new Fingerprints(hasher).of({ a: 1, v: column, s: 'x' })).toBe(
      piecewise('object:Object{', '"a"=', 'number:1;', '"v"=', 'view.Float64Array:16:', bytesOf(column),
        '"s"=', 'string:"x";', ']'),
    );
    expect(new Fingerprints(hasher).of([1, 2])).toBe(hasher.text('array:2[number:1;number:2;]'));
  });

  it('tell apart values that differ only in a NaN, -0, a bigint, undefined or an array kind', () => {
    const prints = new Fingerprints(hasher);
    const values = [
      { x: 0 }, { x: -0 }, { x: NaN }, { x: 1n }, { x: '1' }, { x: undefined }, { x: null }, {},
      { x: Float64Array.of(1) }, { x: Float32Array.of(1) }, { x: [Float64Array.of(1)] }, { x: new Date(0) },
    ];
    const versions = values.map((v) => prints.of(v));
    expect(new Set(versions).size).toBe(values.length);
    expect(new Fingerprints(hasher).of({ x: NaN })).toBe(versions[2]);
  });
});
