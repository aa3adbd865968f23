/**
 * Where kernels get the buffers they return. The default is a plain `Float64Array`; a worker
 * thread of `threads()` allocates in `SharedArrayBuffer` instead, so what it computes is read on
 * the main thread and by other workers without a copy. A short-lived caller that throws every
 * result away (the entity-isolation check) can install views of larger slabs (`Float64Slabs`):
 * a `new Float64Array(n)` of more than 8 values gets its own off-heap backing store, ~0.2 µs a
 * call whatever `n`, which on 10–200 rows costs more than most kernels' loops.
 */

/** Makes a zero-filled `Float64Array` of `n` rows. */
export type Float64Allocator = (n: number) => Float64Array;

const plain: Float64Allocator = (n) => new Float64Array(n);
let current: Float64Allocator = plain;

/**
 * A new zero-filled `Float64Array` of `n` rows: from the installed slabs ({@link useFloat64Slabs})
 * if any, else from the current allocator.
 *
 * @example
 * allocateFloat64(3);   // Float64Array [0, 0, 0]
 */
export function allocateFloat64(n: number): Float64Array {
  return slab === undefined ? current(n) : fromSlab(n);
}

/**
 * Replaces the allocator (`undefined` restores plain `Float64Array`s). Used by worker threads.
 *
 * @example
 * setFloat64Allocator((n) => new Float64Array(new SharedArrayBuffer(n * 8)));
 */
export function setFloat64Allocator(allocator: Float64Allocator | undefined): void {
  current = allocator ?? plain;
}

// Local constants: an exported const is read as a property of `exports` in the compiled CommonJS.
const SLAB = 1 << 16;
const MAX_ROWS = 1024;
/** Bytes of one slab of {@link Float64Slabs}. */
export const SLAB_BYTES = SLAB;
/** Longest array a slab hands out; longer ones are plain `Float64Array`s. */
export const SLAB_MAX_ROWS = MAX_ROWS;

// The installed slabs' state, in module variables: the branch and the cut inlined into every kernel
// read no object's property (through a `Float64Slabs` object, the compiled kernels deoptimized on
// "insufficient type feedback" the first time a check installed one, though the feedback was there).
/** The slab being cut (`undefined`: no slabs installed), where its free part starts, its size. */
let slab: ArrayBuffer | undefined;
let slabAt = 0;
let slabEnd = 0;
let slabBytes = SLAB;
let installed: Float64Slabs | undefined;

function fromSlab(n: number): Float64Array {
  if (n > MAX_ROWS) return new Float64Array(n);
  const bytes = n * 8;
  if (slabAt + bytes > slabEnd) {
    slab = new ArrayBuffer(slabBytes);
    slabAt = 0;
    slabEnd = slabBytes;
  }
  const view = new Float64Array(slab as ArrayBuffer, slabAt, n);
  slabAt += bytes;
  return view;
}

/**
 * Slabs to cut arrays of up to {@link SLAB_MAX_ROWS} rows from: 64 KiB `ArrayBuffer`s, each region
 * handed out once (zero-filled, as every new `ArrayBuffer` is; a slab is never reused or written
 * by the allocator again, so an array that outlives its caller keeps its values and at worst keeps
 * its slab alive); longer arrays are plain. For callers that drop what they allocate: the arrays
 * share a `.buffer`, so they must not be transferred (`postMessage`) nor handed to a pool that
 * recycles buffers (partition buffer reuse) — the isolation check's walk installs them only
 * around its synchronous node calls.
 *
 * @example
 * const slabs = new Float64Slabs();
 * slabs.take(93);   // a Float64Array of 93 zeros, a view of a 64 KiB slab
 */
export class Float64Slabs {
  /** Where the slabs stand while not installed (the slab, its free part, its end). */
  slab: ArrayBuffer | undefined = undefined;
  at = 0;
  end = 0;
  readonly bytes: number;

  /** `bytes`: the size of each slab (64 KiB unless priming, below). */
  constructor(bytes = SLAB) {
    this.bytes = bytes;
  }

  /** `n` zero-filled rows, as `allocateFloat64` gives them while these slabs are installed. */
  take(n: number): Float64Array {
    const before = useFloat64Slabs(this);
    try {
      return fromSlab(n);
    } finally {
      useFloat64Slabs(before);
    }
  }
}

/**
 * Makes `allocateFloat64` cut from `next` (`undefined`: back to the allocator) and returns what
 * was installed before, to put back. The allocator function itself is left alone: kernels that
 * V8 compiled with it inlined stay compiled (swapping it made each of them deoptimize on
 * "wrong call target" and compile again in the first isolation check of a process).
 *
 * @example
 * const before = useFloat64Slabs(new Float64Slabs());
 * try { value = node.fn(args); } finally { useFloat64Slabs(before); }
 */
export function useFloat64Slabs(next: Float64Slabs | undefined): Float64Slabs | undefined {
  const before = installed;
  if (before !== undefined) {
    before.slab = slab;
    before.at = slabAt;
    before.end = slabEnd;
  }
  installed = next;
  if (next === undefined) {
    slab = undefined;
  } else {
    slab = next.slab ?? new ArrayBuffer(0);
    slabAt = next.at;
    slabEnd = next.end;
    slabBytes = next.bytes;
  }
  return before;
}

// Type feedback for the slab branch before any kernel is compiled, so that compiled kernels
// already handle it: a branch never taken would deoptimize every kernel the first time it is.
// V8 records feedback only once a function has run ~1 KB of bytecode (a few hundred calls of this
// one); 64-byte slabs take the new-slab path too.
useFloat64Slabs(new Float64Slabs(64));
for (let i = 0; i < 512; i++) allocateFloat64(1);
useFloat64Slabs(undefined);
