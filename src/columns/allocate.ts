/**
 * Where kernels get the buffers they return. The default is a plain `Float64Array`; a worker
 * thread of `threads()` allocates in `SharedArrayBuffer` instead, so what it computes is read on
 * the main thread and by other workers without a copy. A short-lived caller that throws every
 * result away (the entity-isolation check) can hand out views of larger slabs (`float64Slabs`):
 * a `new Float64Array(n)` of more than 8 values gets its own off-heap backing store, ~0.2 µs a
 * call whatever `n`, which on 10–200 rows costs more than most kernels' loops.
 */

/** Makes a zero-filled `Float64Array` of `n` rows. */
export type Float64Allocator = (n: number) => Float64Array;

const plain: Float64Allocator = (n) => new Float64Array(n);
let current: Float64Allocator = plain;

/**
 * A new zero-filled `Float64Array` of `n` rows from the current allocator.
 *
 * @example
 * allocateFloat64(3);   // Float64Array [0, 0, 0]
 */
export function allocateFloat64(n: number): Float64Array {
  return current(n);
}

/**
 * Replaces the allocator (`undefined` restores plain `Float64Array`s) and returns the one it
 * replaced, to put back. Used by worker threads, the partition buffer pool and the isolation check.
 *
 * @example
 * const before = setFloat64Allocator((n) => new Float64Array(new SharedArrayBuffer(n * 8)));
 * setFloat64Allocator(before);
 */
export function setFloat64Allocator(allocator: Float64Allocator | undefined): Float64Allocator {
  const before = current;
  current = allocator ?? plain;
  return before;
}

// Local constants: an exported const is read as a property of `exports` in the compiled CommonJS.
const SLAB = 1 << 16;
const MAX_ROWS = 1024;
/** Bytes of one slab of {@link float64Slabs}. */
export const SLAB_BYTES = SLAB;
/** Longest array a slab hands out; longer ones are plain `Float64Array`s. */
export const SLAB_MAX_ROWS = MAX_ROWS;

/**
 * An allocator that cuts arrays of up to {@link SLAB_MAX_ROWS} rows from 64 KiB `ArrayBuffer`s,
 * each region handed out once (zero-filled, as every new `ArrayBuffer` is; a slab is never reused
 * or written by the allocator again, so an array that outlives its caller keeps its values and at
 * worst keeps its slab alive). For callers that drop what they allocate: the arrays share a
 * `.buffer`, so they must not be transferred (`postMessage`) nor handed to a pool that recycles
 * buffers (partition buffer reuse) — the isolation check's walk installs it only around its
 * synchronous node calls.
 *
 * @example
 * const before = setFloat64Allocator(float64Slabs());
 * try { value = node.fn(args); } finally { setFloat64Allocator(before); }
 */
export function float64Slabs(): Float64Allocator {
  let slab = new ArrayBuffer(0);
  let at = 0;
  return (n) => {
    if (n > MAX_ROWS) return new Float64Array(n);
    const bytes = n * 8;
    if (at + bytes > slab.byteLength) {
      slab = new ArrayBuffer(SLAB);
      at = 0;
    }
    const view = new Float64Array(slab, at, n);
    at += bytes;
    return view;
  };
}
