/**
 * Where kernels get the buffers they return. The default is a plain `Float64Array`; a worker
 * thread of `threads()` allocates in `SharedArrayBuffer` instead, so what it computes is read on
 * the main thread and by other workers without a copy.
 */

type Allocator = (n: number) => Float64Array;

const plain: Allocator = (n) => new Float64Array(n);
let current: Allocator = plain;

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
 * Replaces the allocator (`undefined` restores plain `Float64Array`s). Used by worker threads.
 *
 * @example
 * setFloat64Allocator((n) => new Float64Array(new SharedArrayBuffer(n * 8)));
 */
export function setFloat64Allocator(allocator: Allocator | undefined): void {
  current = allocator ?? plain;
}
