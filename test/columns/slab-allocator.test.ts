/**
 * `slabAllocator`: short zero-filled columns carved one after another from fresh slabs, never
 * handed out twice; `setFloat64Allocator` gives back the allocator it replaced.
 */
import { allocateFloat64, setFloat64Allocator } from '../../src/columns/allocate';
import { slabAllocator } from '../../src/columns/slab-allocator';
import { shift } from '../../src/columns';

describe('slabAllocator', () => {
  it('hands out zero-filled views that never share a byte, a new slab when one is full', () => {
    const take = slabAllocator(256); // requests up to 32 bytes (4 rows) come from the slab
    const a = take(3);
    const b = take(4);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(24);
    a.fill(1);
    expect(Array.from(b)).toEqual([0, 0, 0, 0]);
    b.fill(2);
    expect(Array.from(a)).toEqual([1, 1, 1]);
    const rest = Array.from({ length: 6 }, () => take(4)); // 24 + 32 + 192 = 248 bytes used
    expect(rest.every((r) => r.buffer === a.buffer)).toBe(true);
    const next = take(2); // 16 more would pass 256: a fresh slab
    expect(next.buffer).not.toBe(a.buffer);
    expect([next.byteOffset, next[0], next[1]]).toEqual([0, 0, 0]);
  });

  it('gives a request of more than an eighth of a slab its own buffer', () => {
    const take = slabAllocator(64);
    const big = take(2); // 16 bytes > 64 / 8
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(16);
  });

  it('is what kernels allocate from while set, and setFloat64Allocator returns the one it replaced', () => {
    const slabs = slabAllocator();
    const previous = setFloat64Allocator(slabs);
    let x: Float64Array;
    let y: Float64Array;
    try {
      x = shift(Float64Array.of(1, 2, 3), 1);
      y = allocateFloat64(2);
    } finally {
      expect(setFloat64Allocator(previous)).toBe(slabs);
    }
    expect(x.buffer).toBe(y.buffer);
    expect(Array.from(x)).toEqual([NaN, 1, 2]);
    expect(allocateFloat64(2).buffer).not.toBe(x.buffer);
  });
});
