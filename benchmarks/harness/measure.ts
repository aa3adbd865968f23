/**
 * Measuring helpers: garbage collection between runs, per-run peak RSS (Linux lets a process
 * reset its own high-water mark through /proc/self/clear_refs), and best/median of samples.
 */
import * as fs from 'fs';

const MB = 1024 * 1024;

/**
 * Collect garbage (the child runs with --expose-gc) and let freed buffers reach the OS.
 *
 * @example
 * out = undefined;
 * await settle();
 */
export async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 2; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Reset this process's peak RSS to its current RSS; false where the kernel does not allow it.
 *
 * @example
 * if (resetPeakRss()) { run(); console.log(peakRssMb()); }
 */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Peak resident set size since start or the last reset, in MiB.
 *
 * @example
 * peakRssMb()  // e.g. 61.2
 */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Current resident set size, in MiB.
 *
 * @example
 * rssMb()  // e.g. 58.9
 */
export function rssMb(): number {
  return process.memoryUsage.rss() / MB;
}

/**
 * Bytes → MiB.
 *
 * @example
 * mib(8 * 1024 * 1024)  // 8
 */
export function mib(bytes: number): number {
  return bytes / MB;
}

/**
 * Best (smallest) and median of samples; NaN when there are none.
 *
 * @example
 * bestAndMedian([3, 1, 2])  // { best: 1, median: 2 }
 */
export function bestAndMedian(samples: readonly number[]): { best: number; median: number } {
  if (samples.length === 0) return { best: NaN, median: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { best: s[0], median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2 };
}

/**
 * Round to `digits` decimals for JSON (keeps the output readable).
 *
 * @example
 * round(3.14159, 2)  // 3.14
 */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Time an async function in ms.
 *
 * @example
 * const { ms, value } = await timed(() => Promise.resolve(42));
 */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
