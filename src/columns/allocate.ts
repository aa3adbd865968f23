/**
 * Where kernels get the buffers they return. The default is a plain `Float64Array`; a worker
 * thread of `threads()` allocates in `SharedArrayBuffer` instead, so what it computes is read on
 * the main thread and by other workers without a copy.
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
 * replaced, so a caller that swaps it for a stretch of work can put it back. Used by worker
 * threads, partitioned runs and the entity-isolation check.
 *
 * @example
 * setFloat64Allocator((n) => new Float64Array(new SharedArrayBuffer(n * 8)));
 * const previous = setFloat64Allocator(mine);
 * try { work(); } finally { setFloat64Allocator(previous); }
 */
export function setFloat64Allocator(allocator: Float64Allocator | undefined): Float64Allocator {
  const previous = current;
  current = allocator ?? plain;
  return previous;
}
