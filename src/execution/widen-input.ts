/**
 * One rule for values given where a feature declares `Float64Array`: what converts to float64
 * exactly is converted, what does not is refused — never rounded, never passed on as it is.
 *
 * - converted: a plain array of numbers (any number, NaN for a missing value: a `number[]` *is*
 *   float64 values, so no note); an integer typed array, `Float32Array`, or an int64/uint64 column
 *   (typed array, or a plain array of bigints) whose every value is within ±2^53 (with a note,
 *   since the element type changes);
 * - refused, as a problem naming the input, the declared and the actual type and the row: a plain
 *   array holding anything else (a string, null, a boolean…) or mixing numbers and bigints, and a
 *   bigint beyond ±2^53, which float64 would round.
 *
 * Data read from CSV, Parquet or a database holds whole numbers as integers, and JSON or code
 * holds columns as arrays: both reach a `Float64Array` feature with no cast written by hand.
 */
import type { AdapterNote } from '../ports';
import { article } from '../graph/types';

const TWO_53 = 2n ** 53n;

type Exact =
  | Int8Array | Int16Array | Int32Array | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | Float32Array;

function isExactInFloat64(value: unknown): value is Exact {
  return value instanceof Int8Array || value instanceof Int16Array || value instanceof Int32Array ||
    value instanceof Uint8Array || value instanceof Uint8ClampedArray || value instanceof Uint16Array ||
    value instanceof Uint32Array || value instanceof Float32Array;
}

function wantsFloat64(declared: unknown): boolean {
  return declared === Float64Array || (typeof declared === 'function' && declared.name === 'Float64Array');
}

/** What `widenInput` decided: the value to use, and a note or a problem to report. */
export interface Widened {
  readonly value: unknown;
  readonly note?: AdapterNote;
  /** Why the value cannot be converted exactly; the value is left as given. */
  readonly problem?: string;
  /** The issue code for `problem`: `input-range` (a bigint beyond ±2^53) or `input-type`. */
  readonly code?: 'input-range' | 'input-type';
}

/** How a refused element reads in a message: `"abc" (a string)`, `null`, `true (a boolean)`. */
function element(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)} (a string)`;
  if (typeof v === 'object') return `${article(v.constructor?.name ?? 'Object')} ${v.constructor?.name ?? 'Object'}`;
  return `${String(v)} (${article(typeof v)} ${typeof v})`;
}

/**
 * `value` as the input `name` should reach features that declare it `declared`; `says()` is the
 * clause naming who declares it so (`"perDay" declares it as Float64Array`), called only for a
 * note or a problem. `what` starts the messages (`Input`, or `Override` for a value that replaces a node).
 *
 * @example
 * const says = () => '"perDay" declares it as Float64Array';
 * widenInput('visits', Int32Array.of(3, 4), Float64Array, says);
 * // { value: Float64Array [3, 4], note: { code: 'int-as-float64', column: 'visits', message: 'Input …' } }
 * widenInput('visits', [3, NaN], Float64Array, says);   // { value: Float64Array [3, NaN] }
 * widenInput('visits', [3, '4'], Float64Array, says);
 * // { value: [3, '4'], code: 'input-type', problem: 'Input "visits" is an Array of length 2, but row 1 holds "4" …' }
 */
export function widenInput(
  name: string,
  value: unknown,
  declared: unknown,
  says: () => string,
  what: 'Input' | 'Override' = 'Input',
): Widened {
  if (!wantsFloat64(declared) || value instanceof Float64Array) return { value };
  if (Array.isArray(value)) return widenArray(name, value, says, what);
  if (!ArrayBuffer.isView(value)) return { value };
  const kind = value.constructor.name;
  let out: Float64Array;
  if (isExactInFloat64(value)) out = Float64Array.from(value);
  else if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
    const big = toFloat64(name, value, kind, says, what);
    if (!(big instanceof Float64Array)) return big;
    out = big;
  } else return { value };
  return { value: out, note: widenedNote(name, kind, says, what) };
}

function widenedNote(name: string, kind: string, who: () => string, what: string): AdapterNote {
  const exact = /big/i.test(kind)
    ? 'every value is within ±2^53, so no value changes'
    : 'float64 holds every such value exactly';
  return {
    code: 'int-as-float64',
    column: name,
    message: `${what} "${name}" is ${article(kind)} ${kind}; ` +
      `${who()}, so it is converted to a Float64Array (${exact}).`,
  };
}

/** Bigints to float64, or the problem naming the first one beyond ±2^53. */
function toFloat64(
  name: string, values: ArrayLike<bigint>, kind: string, who: () => string, what: string,
): Float64Array | Widened {
  const out = new Float64Array(values.length);
  const keep = kind === 'Array of bigints' ? 'BigInt64Array' : kind;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > TWO_53 || v < -TWO_53) {
      return {
        value: values,
        code: 'input-range',
        problem:
          `${what} "${name}" is ${article(kind)} ${kind} and ${who()}, but row ${i} ` +
          `holds ${v}, beyond ±2^53, which float64 cannot hold exactly. Declare the parameter as ${keep} ` +
          'to keep the integers, or convert the column yourself if rounding is acceptable.',
      };
    }
    out[i] = Number(v);
  }
  return out;
}

/** `, but row j holds "n/a", which is no number`: the string a parse would stop at, if any. */
function firstNonNumber(values: readonly unknown[], from: number): string {
  for (let j = from; j < values.length; j++) {
    const x = values[j];
    const noNumber = typeof x === 'string' && (x.trim() === '' || Number.isNaN(Number(x)));
    if (noNumber) return ` (row ${j} holds ${JSON.stringify(x)}, which is no number)`;
  }
  return '';
}

function widenArray(name: string, values: readonly unknown[], who: () => string, what: string): Widened {
  const n = values.length;
  const bigints = n > 0 && typeof values[0] === 'bigint';
  const want = bigints ? 'bigint' : 'number';
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === want) continue;
    const fix = typeof v === 'string'
      ? `Parse the strings yourself and pass a Float64Array${firstNonNumber(values, i)}.`
      : v === null || v === undefined
        ? 'Use NaN for a missing value, or pass a Float64Array.'
        : `Pass a Float64Array, or an array of ${want}s only.`;
    const after = i > 0 ? ` where row 0 holds a ${want}` : '';
    return {
      value: values,
      code: 'input-type',
      problem:
        `${what} "${name}" is an Array of length ${n}, but row ${i} holds ${element(v)}${after}, ` +
        `and ${who()}: only an array of numbers (or of bigints within ±2^53) ` +
        `converts to float64 exactly. ${fix}`,
    };
  }
  if (!bigints) return { value: Float64Array.from(values as readonly number[]) };
  const out = toFloat64(name, values as readonly bigint[], 'Array of bigints', who, what);
  return out instanceof Float64Array ? { value: out, note: widenedNote(name, 'Array of bigints', who, what) } : out;
}
