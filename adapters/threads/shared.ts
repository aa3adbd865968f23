/**
 * Columns in shared memory: a typed array over a `SharedArrayBuffer` crosses to another thread
 * without a copy (both sides see the same bytes), and the result table wraps it without a copy.
 * What may cross at all: numbers, strings, booleans, bigints, null/undefined and typed arrays.
 */

type Typed = Exclude<ArrayBufferView, DataView>;
type TypedCtor = new (buffer: ArrayBufferLike, byteOffset?: number, length?: number) => Typed;

/** True for a typed array (not a DataView). */
export function isTyped(x: unknown): x is Typed {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/** True when the typed array's memory is shared between threads (whichever realm made the buffer). */
export function isShared(x: Typed): boolean {
  return Object.prototype.toString.call(x.buffer) === '[object SharedArrayBuffer]';
}

/**
 * A typed array that arrived from another thread, as a view of this realm's class over the same
 * memory. Messages are deserialized in the process's main realm; code running in another realm
 * (a vm context, as under jest) would otherwise fail `instanceof Float64Array` on them.
 *
 * @example
 * const x = inThisRealm(message.value);   // x instanceof Float64Array, same buffer
 */
export function inThisRealm<T>(value: T): T {
  if (!isTyped(value)) return value;
  const Ctor = (globalThis as Record<string, unknown>)[value.constructor.name] as TypedCtor | undefined;
  if (Ctor === undefined || (value as unknown) instanceof Ctor) return value;
  const x = value as unknown as { buffer: ArrayBufferLike; byteOffset: number; length: number };
  return new Ctor(x.buffer, x.byteOffset, x.length) as unknown as T;
}

/**
 * The same values in shared memory: `x` itself when it already is, else one copy.
 *
 * @example
 * toShared(Float64Array.of(1, 2)).buffer instanceof SharedArrayBuffer   // true
 */
export function toShared<T extends Typed>(x: T): T {
  if (isShared(x)) return x;
  const Ctor = x.constructor as unknown as TypedCtor;
  const copy = new Ctor(new SharedArrayBuffer(x.byteLength), 0, (x as unknown as { length: number }).length);
  new Uint8Array(copy.buffer, 0, x.byteLength).set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  return copy as T;
}

/**
 * A zero-filled `Float64Array` in shared memory: the kernels' allocator inside a worker thread.
 *
 * @example
 * sharedFloat64(4).buffer instanceof SharedArrayBuffer   // true
 */
export function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * 8));
}

function crossesAsIs(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol') || isTyped(v);
}

/** A record made with `{}` whose values are numbers, strings, typed arrays… (entity `groups`, say). */
function isPlainData(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v).every(crossesAsIs);
}

/**
 * How many rows the largest column among `values` has, or -1 when one of them cannot cross
 * threads as it is (an Arrow vector, a class instance, a function…). Plain records of numbers
 * and typed arrays (entity `groups`) cross.
 *
 * @example
 * crossRows([Float64Array.of(1, 2, 3), 2])   // 3
 * crossRows([new Map()])                     // -1
 */
export function crossRows(values: readonly unknown[]): number {
  let rows = 0;
  for (const v of values) {
    if (isTyped(v)) rows = Math.max(rows, (v as unknown as { length: number }).length);
    else if (!crossesAsIs(v) && !isPlainData(v)) return -1;
  }
  return rows;
}

/** True for a value a worker may send back as it is (a record would lose nothing either, but tables would). */
export { crossesAsIs };
