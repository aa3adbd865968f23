/**
 * How the entity-isolation check compares a feature's values on the sample together with its
 * values on each side alone, and what it records for a feature that differs. One `Comparison` per
 * check is the walk's request (isolation-walk.ts): the walk calls its `take` and `cut` as methods,
 * so V8 sees the same call targets from one check to the next (closures made per check made the
 * walk's optimized code deoptimize on "wrong call target" in the next check and compile again).
 */
import { Buffer } from 'buffer';
import { Float64Slabs } from '../columns/allocate';
import type { IsolationDifference } from './isolation-error';
import type { LayoutRequest } from './isolation-walk';
import { cellAt, takeRows } from './rows';

/**
 * Values equal when bitwise equal, both missing, or within 1e-12 relative: a feature that reads
 * only its own entity gets the same rows and gives the same bits; the margin only absorbs kernels
 * whose summation order depends on the row's position in the array, far below any real crossing.
 */
const TOLERANCE = 1e-12;

/** Equal, both NaN, or both finite and within the tolerance: an infinity equals only itself. */
function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  if (a !== a || b !== b) return a !== a && b !== b;
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (a === null || a === undefined) return b === null || b === undefined;
  if (a instanceof Date && b instanceof Date) return sameNumber(a.getTime(), b.getTime());
  return false;
}

/** What `compare` gives when nothing differs. */
const NONE = Object.freeze({ first: -1, differing: 0 });

/**
 * Whether `alone` holds the same bytes as `together` from row `offset` (`rows` rows: by default
 * `alone`'s, more when the next side lies right after it): one native memcmp for two typed arrays
 * of one kind. A feature that reads only its own entity gives the same bits on the same
 * rows (every weather feature does), so this settles nearly every comparison without a JS loop,
 * which in the first check of a process runs unoptimized (a third of that check's time).
 */
function sameBytes(together: ArrayLike<unknown>, alone: ArrayLike<unknown>, offset: number, rows = alone.length) {
  let size: number;
  if (together instanceof Float64Array) {
    if (!(alone instanceof Float64Array)) return false;
    size = 8;
  } else {
    if (!ArrayBuffer.isView(together) || together instanceof DataView) return false;
    if (!ArrayBuffer.isView(alone) || together.constructor !== alone.constructor) return false;
    size = (together as unknown as Float64Array).BYTES_PER_ELEMENT;
  }
  const t = together as unknown as Float64Array;
  const a = alone as unknown as Float64Array;
  const bytes = rows * size;
  const from = new Uint8Array(t.buffer, t.byteOffset + offset * size, bytes);
  return Buffer.compare(from, new Uint8Array(a.buffer, a.byteOffset, bytes)) === 0;
}

/**
 * Whether `second` starts where `first` ends in one buffer and together they are as long as
 * `together`, of its kind: then `first`'s bytes run on into `second`'s, and one comparison covers both.
 */
function adjacent(together: ArrayLike<unknown>, first: unknown, second: unknown): boolean {
  if (!(together instanceof Float64Array) || !(first instanceof Float64Array)) return false;
  if (!(second instanceof Float64Array)) return false;
  return first.buffer === second.buffer && second.byteOffset === first.byteOffset + first.byteLength &&
    first.length + second.length === together.length;
}

/** The first row (of `together`, from `offset`) where `alone` differs (-1: none), and how many differ. */
function compare(together: ArrayLike<unknown>, alone: ArrayLike<unknown>, offset: number) {
  if (sameBytes(together, alone, offset)) return NONE;
  let first = -1;
  let differing = 0;
  if (together instanceof Float64Array && alone instanceof Float64Array) {
    // the common case, one tight loop: most feature columns are float64
    for (let i = 0; i < alone.length; i++) {
      const a = together[offset + i];
      const b = alone[i];
      if (a === b || (a !== a && b !== b) || sameNumber(a, b)) continue;
      differing++;
      if (first < 0) first = i;
    }
    return { first, differing };
  }
  for (let i = 0; i < alone.length; i++) {
    if (same(cellAt(together, offset + i), cellAt(alone, i))) continue;
    differing++;
    if (first < 0) first = i;
  }
  return { first, differing };
}

const isColumn = (v: unknown, n: number): v is ArrayLike<unknown> =>
  v !== null && typeof v === 'object' && (v as ArrayLike<unknown>).length === n;

/** What a `Comparison` needs to know about the sample: its two sides and how to name a row. */
export interface ComparisonSample {
  /** The features compared, in the walk's output order. */
  readonly outputs: readonly string[];
  readonly overridden: readonly string[];
  readonly layouts: readonly Readonly<Record<string, unknown>>[];
  /** History rows of each side, in the together layout's order (the first side first). */
  readonly sides: readonly [Int32Array, Int32Array];
  /** The two entities (keys, or group indices without keys). */
  readonly entities: readonly [unknown, unknown];
  /** Each history row's time, for messages; and each history row's row in the user's input. */
  readonly time: ArrayLike<number> | undefined;
  readonly order: Int32Array | null | undefined;
}

/**
 * The walk's request of one check: `take` compares each output's three values as they come and
 * keeps the first difference of each feature in `found`; `cut` gives an overridden node's value
 * of the together layout to a side.
 *
 * @example
 * const comparison = new Comparison(sample);
 * await walkLayouts(driver, comparison);
 * comparison.differences();   // [] when every feature reads only its own entity
 */
export class Comparison implements LayoutRequest {
  readonly outputs: readonly string[];
  readonly overridden: readonly string[];
  readonly layouts: readonly Readonly<Record<string, unknown>>[];
  private readonly sample: ComparisonSample;
  private readonly rows: number;
  private readonly offsets: readonly [number, number];
  /** Per side, the positions of its rows in the together layout. */
  private readonly positions: readonly [Int32Array, Int32Array];
  private readonly found: (IsolationDifference | undefined)[];
  /** The walk's slabs: `take` keeps no array, so they can be recycled once nothing differed. */
  readonly slabs = new Float64Slabs();

  constructor(sample: ComparisonSample) {
    this.sample = sample;
    this.outputs = sample.outputs;
    this.overridden = sample.overridden;
    this.layouts = sample.layouts;
    const [a, b] = sample.sides;
    this.rows = a.length + b.length;
    this.offsets = [0, a.length];
    this.positions = [Int32Array.from(a, (_, j) => j), Int32Array.from(b, (_, j) => a.length + j)];
    this.found = new Array(sample.outputs.length);
  }

  /** A column of the together layout's length cut to layout `layout`'s rows (1, 2: a side); anything else as is. */
  cut(value: unknown, layout: number): unknown {
    const column = value as ArrayLike<unknown> | null;
    return column !== null && typeof column === 'object' && column.length === this.rows
      ? takeRows(column as never, this.positions[layout - 1])
      : value;
  }

  /** Output `j`'s values on the three layouts (together, first side, second side). */
  take(j: number, values: readonly unknown[]): void {
    const a = values[0];
    if (!isColumn(a, this.rows)) return;
    // the two sides' values side by side in memory (one slab, cut one after the other) against the
    // whole together column: one memcmp settles both
    const first = values[1];
    const joined = values.length === 3 && adjacent(a, first, values[2]);
    if (joined && sameBytes(a, first as Float64Array, 0, this.rows)) return;
    const { sides, entities, time, order, outputs } = this.sample;
    // the second entity's start first: a window or shift that forgets { groups } shows there
    for (let side = 1; side >= 0; side--) {
      const b = values[1 + side];
      const rows = sides[side].length;
      const column = isColumn(b, rows);
      // a column together and anything else alone (a number, a column of another length) differs at its first row
      const { first, differing } = column ? compare(a, b, this.offsets[side]) : { first: 0, differing: rows };
      if (first < 0) continue;
      const row = sides[side][first];
      this.found[j] = {
        feature: outputs[j],
        entity: entities[side],
        neighbour: entities[1 - side],
        side: side === 1 ? 'after' : 'before',
        time: time?.[row],
        inputRow: order ? order[row] : row,
        together: cellAt(a, this.offsets[side] + first),
        alone: column ? cellAt(b, first) : b,
        differing,
        compared: rows,
      };
      return;
    }
  }

  /** Every feature that differed, in output order. */
  differences(): IsolationDifference[] {
    return this.found.filter((d): d is IsolationDifference => d !== undefined);
  }
}
