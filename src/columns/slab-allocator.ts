/**
 * Small Float64 buffers carved from large ones: where a stretch of work makes thousands of short
 * columns at once (the entity-isolation check runs every feature on ~100-row samples), a new
 * `Float64Array` costs about 2 µs for its own zero-filled backing store, and a view into a shared
 * slab about 0.3 µs. Nothing is ever handed out twice: each slab is fresh (zero-filled) memory,
 * filled front to back, and lives as long as any view into it, so a column that outlives the work
 * stays valid.
 */
import type { Float64Allocator } from './allocate';

/**
 * Bytes per slab (a request of more than an eighth of it gets a buffer of its own): below glibc's
 * mmap threshold (128 KiB), so a slab is recycled heap memory, not fresh pages to fault in.
 */
const SLAB_BYTES = 64 * 1024;

/**
 * An allocator that hands out consecutive views of fresh slabs (each `slabBytes` long; requests
 * above an eighth of that get their own buffer). Use it only where the columns it makes share one
 * lifetime: a slab is freed when its last view is.
 *
 * @example
 * const previous = setFloat64Allocator(slabAllocator());
 * try { rollingMean(x, 7, { groups }); } finally { setFloat64Allocator(previous); }
 */
export function slabAllocator(slabBytes: number = SLAB_BYTES): Float64Allocator {
  const own = slabBytes / 8;
  let slab = new ArrayBuffer(0);
  let used = 0;
  return (n) => {
    const bytes = n * 8;
    if (bytes > own) return new Float64Array(n);
    if (used + bytes > slab.byteLength) {
      slab = new ArrayBuffer(slabBytes);
      used = 0;
    }
    const view = new Float64Array(slab, used, n);
    used += bytes;
    return view;
  };
}
