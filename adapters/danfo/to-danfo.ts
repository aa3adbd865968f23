/** Arrow tables as danfo.js DataFrames (danfo is loaded here, on first use). */
import { Type, Vector, type Table } from 'apache-arrow';
import type { DataFrame } from 'danfojs-node';
import { epochMsAt, isTemporal } from '../arrow/epoch-ms';
import { float64Column } from '../arrow/float64-column';
import { integerColumn } from '../arrow/integer-column';
import { isValidAt } from '../arrow/validity';
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
 * else as values with `null` for nulls.
 *
 * @example
 * const df = toDanfo(await readParquet('flights.parquet', { limit: 1000 }));
 * df.head().print();
 */
export function toDanfo(table: Table): DataFrame {
  const { DataFrame } = loadDanfo();
  const names = table.schema.fields.map((f) => f.name);
  if (table.numRows === 0) return new DataFrame([], { columns: names });
  const data: Record<string, unknown[]> = {};
  names.forEach((name, c) => (data[name] = danfoColumn(table.getChildAt(c)!)));
  const frame = new DataFrame(data as never);
  const inOrder = frame.columns.every((name, c) => name === names[c]);
  return inOrder ? frame : (frame.loc({ columns: names }) as DataFrame);
}
