/** Arrow tables as danfo.js DataFrames (danfo is loaded here, on first use). */
import { Type, Vector, type Table } from 'apache-arrow';
import { epochMsAt, isTemporal } from '../arrow/epoch-ms';
import { float64Column } from '../arrow/float64-column';
import { integerColumn } from '../arrow/integer-column';
import { isValidAt } from '../arrow/validity';
import type { DanfoFrame } from './danfo-types';
import { loadDanfo } from './load-danfo';

/**
 * One column as danfo wants it: plain arrays (danfo mishandles typed arrays in a one-column
 * frame), numbers with NaN for nulls, other values with null.
 */
function danfoColumn(vector: Vector): unknown[] {
  const typeId = vector.type.typeId;
  if (typeId === Type.Float || (typeId === Type.Int && vector.nullCount > 0)) return Array.from(float64Column(vector));
  if (typeId === Type.Int) return Array.from(integerColumn(vector) as ArrayLike<number | bigint>, Number);
  const out: unknown[] = new Array(vector.length);
  let at = 0;
  for (const chunk of vector.data) {
    const temporal = isTemporal(chunk);
    const chunkVector = temporal ? undefined : new Vector([chunk]);
    for (let i = 0; i < chunk.length; i++, at++) {
      if (!isValidAt(chunk.nullBitmap, chunk.offset, i)) out[at] = null;
      else out[at] = temporal ? new Date(epochMsAt(chunk, i)) : chunkVector!.get(i);
    }
  }
  return out;
}

/**
 * A danfo `DataFrame` with the table's columns in order: numbers as numbers (float nulls and
 * integer columns with nulls → NaN; Int64 → number), dates and timestamps as `Date`s, everything
 * else as values with `null` for nulls. danfojs-node must be installed (it is an optional peer
 * dependency): without it this throws a `MissingDependencyError` saying how to install it. The
 * result is typed by shape (`DanfoFrame`); pass danfo's own type to get it: `toDanfo<DataFrame>(table)`.
 *
 * @example
 * const df = toDanfo(await readParquet('flights.parquet', { limit: 1000 }));
 * df.head().print();
 */
export function toDanfo<Frame extends DanfoFrame = DanfoFrame>(table: Table): Frame {
  return frameOf(table) as Frame;
}

function frameOf(table: Table): DanfoFrame {
  const { DataFrame } = loadDanfo('toDanfo() / danfoFrame()');
  const names = table.schema.fields.map((f) => f.name);
  if (table.numRows === 0) return new DataFrame([], { columns: names });
  const data: Record<string, unknown[]> = {};
  names.forEach((name, c) => {
    data[name] = danfoColumn(table.getChildAt(c)!);
  });
  const frame = new DataFrame(data);
  const inOrder = frame.columns.every((name, c) => name === names[c]);
  return inOrder ? frame : frame.loc({ columns: names });
}
