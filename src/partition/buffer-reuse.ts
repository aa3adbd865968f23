/**
 * Buffers of one partition handed to the next: while a partitioned run writes part by part, the
 * kernels' Float64 buffers (`allocateFloat64`) come from this pool, and the buffers of a part
 * whose bytes are written go back to it, so the next partition fills memory already touched
 * instead of fresh memory (whose first touch costs about 3 ms/MB here) and peak memory does not
 * wait for the garbage collector. Only buffers the pool lent and the writer has finished with are
 * reused; everything else is left to the garbage collector as usual.
 */
import { setFloat64Allocator } from '../columns/allocate';

/**
 * A pool of Float64 buffers sized for the largest partition (`rows`); `use()` makes it the
 * kernels' allocator until `stop()`.
 *
 * @example
 * const pool = new PartitionBuffers(maxPartitionRows);
 * pool.use();
 * try { … pool.release(buffersOfWrittenPart) … } finally { pool.stop(); }
 */
export class PartitionBuffers {
  private readonly free: ArrayBuffer[] = [];
  // weak: a lent buffer that never comes back (an intermediate) is the garbage collector's
  private readonly lent = new WeakSet<ArrayBuffer>();
  /** Buffers handed out again (for the benchmark and the tests). */
  reused = 0;

  constructor(private readonly rows: number) {}

  /** A zero-filled Float64Array of `n` rows: a returned buffer when one is free, else a new one. */
  allocate(n: number): Float64Array {
    // a partition's column, not a small aggregate or the whole history's
    if (n > this.rows || 2 * n <= this.rows) return new Float64Array(n);
    const buffer = this.free.pop();
    if (buffer === undefined) {
      const fresh = new ArrayBuffer(this.rows * 8);
      this.lent.add(fresh);
      return new Float64Array(fresh, 0, n);
    }
    this.lent.add(buffer);
    this.reused++;
    return new Float64Array(buffer, 0, n).fill(0);
  }

  /** The buffers of a written part: those this pool lent are free for the next partition. */
  release(buffers: Iterable<ArrayBufferLike>): void {
    for (const buffer of buffers) {
      if (this.lent.delete(buffer as ArrayBuffer)) this.free.push(buffer as ArrayBuffer);
    }
  }

  use(): void {
    setFloat64Allocator((n) => this.allocate(n));
  }

  stop(): void {
    setFloat64Allocator(undefined);
    this.free.length = 0;
  }
}
