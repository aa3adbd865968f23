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
    slab = nextSlab(slabBytes);
    installed!.cut.push(slab);
    slabAt = 0;
    slabEnd = slabBytes;
  }
  const view = new Float64Array(slab as ArrayBuffer, slabAt, n);
  slabAt += bytes;
  return view;
}

/**
 * Memory of recycled slabs ({@link recycleSlabs}), each in an `ArrayBuffer` no view has ever seen:
 * handed out again zero-filled. At most {@link POOL_SLABS} are kept (4 MiB).
 */
const pool: ArrayBuffer[] = [];
const POOL_SLABS = 64;

/** A zero-filled slab of `bytes`: recycled memory when there is some of that size, else new. */
function nextSlab(bytes: number): ArrayBuffer {
  const top = pool.length > 0 ? pool[pool.length - 1] : undefined;
  if (top === undefined || top.byteLength !== bytes) return new ArrayBuffer(bytes);
  pool.pop();
  new Uint8Array(top).fill(0);
  return top;
}

/**
 * Slabs to cut arrays of up to {@link SLAB_MAX_ROWS} rows from: 64 KiB `ArrayBuffer`s, each region
 * handed out once, zero-filled; longer arrays are plain. A slab's memory is used again only after
 * {@link recycleSlabs} has detached it from every view (a kept view then has length 0; no array
 * ever sees another array's values). For callers that drop what they allocate: the arrays share a
 * `.buffer`, so they must not be transferred (`postMessage`) nor handed to a pool that recycles
 * buffers (partition buffer reuse) — the isolation check's walk installs them only while it runs
 * synchronously.
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
  /** Every slab cut so far (for {@link recycleSlabs}). */
  readonly cut: ArrayBuffer[] = [];
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

/**
 * Gives the memory of every slab `slabs` cut back for other slabs: each is first detached from
 * its views (moved to a new `ArrayBuffer` by a transfer, no copy), so any view still held — a
 * value a feature kept — has length 0 and can never show the values written there next. Call it
 * only once nothing needs the arrays cut from `slabs` (the isolation check: after its comparison
 * passed); `slabs` starts empty again. The recycled memory spares the next check 4 MB of new
 * `ArrayBuffer`s, whose external-memory pressure set off a collection in most warm checks.
 *
 * @example
 * const slabs = new Float64Slabs();
 * const a = slabs.take(10);
 * recycleSlabs(slabs);   // a.length === 0 now; its memory serves the next slabs
 */
export function recycleSlabs(slabs: Float64Slabs): void {
  if (installed === slabs) useFloat64Slabs(undefined);
  const cut = slabs.cut.splice(0);
  slabs.slab = undefined;
  slabs.at = slabs.end = 0;
  if (cut.length === 0) return;
  const moved = structuredClone(cut, { transfer: cut });
  for (let i = 0; i < moved.length && pool.length < POOL_SLABS; i++) pool.push(moved[i]);
}

// Type feedback for the slab branch before any kernel is compiled, so that compiled kernels
// already handle it: a branch never taken would deoptimize every kernel the first time it is.
// V8 records feedback only once a function has run ~1 KB of bytecode (a few hundred calls of this
// one); 64-byte slabs take the new-slab path, then (recycled) the pooled one.
for (let round = 0; round < 2; round++) {
  const primer = new Float64Slabs(64);
  useFloat64Slabs(primer);
  for (let i = 0; i < 512; i++) allocateFloat64(1);
  useFloat64Slabs(undefined);
  recycleSlabs(primer);
}
pool.length = 0;
