/**
 * Kernel output buffers: `useFloat64Slabs` returns the slabs it replaced, and the slabs of the
 * isolation check hand out zero-filled, disjoint arrays whose memory is used again only after
 * `recycleSlabs` detached every view of it.
 */
import {
  allocateFloat64, Float64Slabs, recycleSlabs, SLAB_BYTES, SLAB_MAX_ROWS, useFloat64Slabs,
} from '../../src/columns/allocate';
import { rollingMean } from '../../src/columns';

describe('Float64Slabs', () => {
  it('hands out zero-filled arrays of the asked length that share no memory', () => {
    const slabs = new Float64Slabs();
    const arrays = [3, 0, 186, 1, SLAB_MAX_ROWS, 93, 7].map((n) => slabs.take(n));
    expect(arrays.map((a) => a.length)).toEqual([3, 0, 186, 1, SLAB_MAX_ROWS, 93, 7]);
    for (const a of arrays) expect(a.every((v) => v === 0)).toBe(true);
    for (const [k, a] of arrays.entries()) a.fill(k + 1);
    // each still holds only what was written into it: no region was handed out twice
    for (const [k, a] of arrays.entries()) expect(a.every((v) => v === k + 1)).toBe(true);
  });

  it('takes a new slab when one is full, never writes an old one again, and allocates long arrays plainly', () => {
    const slabs = new Float64Slabs();
    const perSlab = Math.floor(SLAB_BYTES / 8 / 100);
    const kept = Array.from({ length: 3 * perSlab }, (_, k) => slabs.take(100).fill(k));
    expect(new Set(kept.map((a) => a.buffer)).size).toBeGreaterThanOrEqual(3);
    for (const [k, a] of kept.entries()) expect(a.every((v) => v === k)).toBe(true);
    const long = slabs.take(SLAB_MAX_ROWS + 1);
    expect(long.byteOffset).toBe(0);
    expect(long.buffer.byteLength).toBe((SLAB_MAX_ROWS + 1) * 8);
    // two allocators never share a slab
    expect(new Float64Slabs().take(4).buffer).not.toBe(new Float64Slabs().take(4).buffer);
  });

  it('serves kernels while installed; useFloat64Slabs gives back what it replaced', () => {
    const slabs = new Float64Slabs();
    const before = useFloat64Slabs(slabs);
    expect(before).toBeUndefined();
    let inSlab: Float64Array;
    try {
      inSlab = rollingMean(Float64Array.of(1, 2, 3), 2);
    } finally {
      expect(useFloat64Slabs(before)).toBe(slabs);
    }
    expect(inSlab.buffer.byteLength).toBe(SLAB_BYTES);
    expect([...inSlab]).toEqual([NaN, 1.5, 2.5]);
    expect(allocateFloat64(3).buffer.byteLength).toBe(24);
  });
});

describe('recycleSlabs', () => {
  it('detaches every array cut from the slabs before their memory is handed out again, zero-filled', () => {
    const first = new Float64Slabs();
    const kept = first.take(100);
    kept.fill(7);
    let alsoKept = first.take(SLAB_MAX_ROWS);
    for (let i = 0; i < 8; i++) alsoKept = first.take(SLAB_MAX_ROWS); // the first slab is full: a second
    alsoKept.fill(9);
    const view = new Float64Array(kept.buffer, 0, 4); // a view a feature made itself
    expect(kept.buffer).not.toBe(alsoKept.buffer);
    recycleSlabs(first);
    // whatever a feature kept is empty now, never another array's values
    expect(kept.length).toBe(0);
    expect(alsoKept.length).toBe(0);
    expect(view.length).toBe(0);
    const next = new Float64Slabs();
    const fresh = next.take(SLAB_MAX_ROWS);
    expect(fresh.every((v) => v === 0)).toBe(true);
    fresh.fill(3);
    expect(next.take(100).every((v) => v === 0)).toBe(true);
    expect(kept.length).toBe(0);
  });

  it('uninstalls slabs being recycled and leaves them empty for reuse', () => {
    const slabs = new Float64Slabs();
    const before = useFloat64Slabs(slabs);
    const inSlab = rollingMean(Float64Array.of(1, 2, 3), 1);
    expect(inSlab.buffer.byteLength).toBe(SLAB_BYTES);
    recycleSlabs(slabs);
    expect(rollingMean(Float64Array.of(1, 2), 1).buffer.byteLength).toBe(16); // plain again
    expect(slabs.cut).toEqual([]);
    expect(slabs.take(3)).toEqual(new Float64Array(3));
    useFloat64Slabs(before);
  });
});
