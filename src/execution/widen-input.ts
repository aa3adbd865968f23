/**
 * An integer column given where features declare `Float64Array` is widened to a `Float64Array`,
 * losslessly, with a note — never refused: data read from CSV, Parquet or a database holds whole
 * numbers as integers, and float64 holds every int8…int32 and uint8…uint32 value (and float32)
 * exactly. An int64/uint64 column is widened only when every value is within ±2^53; a value beyond
 * is a problem naming the column and the row, since float64 would round it.
 */
import type { AdapterNote } from '../ports';
import { article } from '../graph/types';

const TWO_53 = 2n ** 53n;

type Exact = Int8Array | Int16Array | Int32Array | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | Float32Array;

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
  /** Why the column cannot be widened (an int64 value beyond ±2^53); the value is left as given. */
  readonly problem?: string;
}

/**
 * `value` as the input `name` should reach features that declare it `declared`; `needers()` names
 * those features for the note (called only when there is one).
 *
 * @example
 * widenInput('visits', Int32Array.of(3, 4), Float64Array, () => ['perDay']);
 * // { value: Float64Array [3, 4], note: { code: 'int-as-float64', column: 'visits', message: 'Input "visits" is … ' } }
 */
export function widenInput(name: string, value: unknown, declared: unknown, needers: () => readonly string[]): Widened {
  if (!wantsFloat64(declared) || !ArrayBuffer.isView(value) || value instanceof Float64Array) return { value };
  const kind = value.constructor.name;
  const who = needers().map((n) => `"${n}"`).join(', ');
  let out: Float64Array;
  if (isExactInFloat64(value)) out = Float64Array.from(value);
  else if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
    out = new Float64Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v > TWO_53 || v < -TWO_53) {
        return {
          value,
          problem:
            `Input "${name}" is ${article(kind)} ${kind} and ${who} declares it as Float64Array, but row ${i} ` +
            `holds ${v}, beyond ±2^53, which float64 cannot hold exactly. Declare the parameter as ${kind} ` +
            'to keep the integers, or convert the column yourself if rounding is acceptable.',
        };
      }
      out[i] = Number(v);
    }
  } else return { value };
  const exact = kind.startsWith('Big') ? 'every value is within ±2^53, so no value changes' : 'float64 holds every such value exactly';
  return {
    value: out,
    note: {
      code: 'int-as-float64',
      column: name,
      message: `Input "${name}" is ${article(kind)} ${kind}; ` +
        `${who} declares it as Float64Array, so it is given to them as a Float64Array (${exact}).`,
    },
  };
}
