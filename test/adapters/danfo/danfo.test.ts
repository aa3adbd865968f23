import 'reflect-metadata';
import { DataFrame, Series } from 'danfojs-node';
import { Type } from 'apache-arrow';
import { Builder, danfoFrame, feature, fromDanfo, inputsFromDanfo, isDanfo, readArrow, tableFromColumns, toDanfo } from '../../../src';
import { InputError } from '../../../src/errors';
import { vega } from '../helpers/temp-dir';

describe('fromDanfo', () => {
  it('maps danfo dtypes to Arrow types, missing values to NaN (numbers) or null', () => {
    const df = new DataFrame({
      price: [1.5, NaN, 3],
      qty: [1, 2, 3],
      big: [3_000_000_000, 1, 2],
      city: ['Oslo', null, 'Lima'],
      ok: [true, false, true],
    });
    expect(df.dtypes).toEqual(['float32', 'int32', 'int32', 'string', 'boolean']);
    const table = fromDanfo(df);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'price:Float64', 'qty:Int32', 'big:Float64', 'city:Utf8', 'ok:Bool',
    ]);
    expect(Array.from(table.getChild('price')!)).toEqual([1.5, NaN, 3]);
    expect(Array.from(table.getChild('big')!)).toEqual([3_000_000_000, 1, 2]);
    expect(Array.from(table.getChild('city')!)).toEqual(['Oslo', null, 'Lima']);
    expect(Array.from(table.getChild('ok')!)).toEqual([true, false, true]);
  });

  it('reads datetime columns as Timestamp (ms)', () => {
    const table = fromDanfo(new DataFrame({ at: [new Date(0), new Date(86_400_000)] }));
    expect(table.getChild('at')!.type.typeId).toBe(Type.Timestamp);
    expect(Array.from(table.getChild('at')!)).toEqual([0, 86_400_000]);
  });

  it('reads a Series as one column named after it', () => {
    const table = fromDanfo(new Series([1.5, 2.5], { columns: ['price'] }));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['price']);
    expect(Array.from(table.getChild('price')!)).toEqual([1.5, 2.5]);
  });

  it('gives features Float64Array inputs', () => {
    const inputs = inputsFromDanfo(new DataFrame({ spend: [10, 12.5, 9] }));
    expect(inputs.spend).toBeInstanceOf(Float64Array);
    expect(Array.from(inputs.spend as Float64Array)).toEqual([10, 12.5, 9]);
  });

  it('rejects what is not a danfo frame', () => {
    expect(() => fromDanfo({ spend: [1] })).toThrow(InputError);
    expect(() => fromDanfo({ spend: [1] })).toThrow(
      'fromDanfo takes a danfo.js DataFrame or Series; for a record of columns, pass it to execute as inputs directly.',
    );
    expect(isDanfo(new DataFrame({ a: [1] }))).toBe(true);
    expect(isDanfo({ a: [1] })).toBe(false);
  });
});

describe('toDanfo and danfoFrame()', () => {
  it('round-trips flights-200k.arrow through danfo: same values, numbers as numbers', async () => {
    const flights = (await readArrow(vega('flights-200k.arrow'))).slice(0, 5_000);
    const df = toDanfo(flights);
    expect(df.columns).toEqual(['delay', 'distance', 'time']);
    expect(df.shape).toEqual([5_000, 3]);
    const back = fromDanfo(df);
    expect(Array.from(back.getChild('delay')!)).toEqual(Array.from(flights.getChild('delay')!));
    expect(Array.from(back.getChild('time')!)).toEqual(Array.from(flights.getChild('time')!));
    expect(String(back.getChild('delay')!.type)).toBe('Int32'); // danfo has no Int16: widened, values equal
    expect(String(back.getChild('time')!.type)).toBe('Float64');
  });

  it('keeps column order (also names JS would reorder) and converts nulls, bigints and timestamps', () => {
    const table = tableFromColumns(['b', '2', 'n', 'big', 'when'], [
      [1.5, null, 3], ['x', null, 'z'], [1, 2, 3], new BigInt64Array([1n, 2n, 3n]), [new Date(0), null, new Date(1000)],
    ]);
    const df = toDanfo(table);
    expect(df.columns).toEqual(['b', '2', 'n', 'big', 'when']);
    const [b, two, n, big, when] = df.getColumnData as unknown[][];
    expect(b).toEqual([1.5, NaN, 3]);
    expect(two).toEqual(['x', null, 'z']);
    expect(n).toEqual([1, 2, 3]);
    expect(big).toEqual([1, 2, 3]);
    expect(when).toEqual([new Date(0), null, new Date(1000)]);
  });

  it('makes an empty frame with the columns of an empty table', () => {
    const df = toDanfo(tableFromColumns(['a', 'b'], [new Float64Array(0), []]));
    expect(df.shape).toEqual([0, 2]);
    expect(df.columns).toEqual(['a', 'b']);
  });

  it('danfoFrame() makes the result of a run a DataFrame', async () => {
    class Spend {
      @feature()
      doubled(spend: Float64Array): Float64Array {
        return spend.map((s) => 2 * s);
      }

      @feature()
      total(spend: Float64Array): number {
        return spend.reduce((a, b) => a + b, 0);
      }
    }
    const dr = new Builder().withFeatures(Spend).withResult(danfoFrame()).build();
    const df = await dr.execute(['total', 'doubled'], { inputs: { spend: new Float64Array([1, 2, 4]) } });
    expect(df).toBeInstanceOf(DataFrame);
    expect(df.columns).toEqual(['total', 'doubled']);
    expect(df.getColumnData).toEqual([[7, 7, 7], [2, 4, 8]]);
  });

  it("danfoFrame<DataFrame>() types the result as danfo's own DataFrame (quiver's declarations never import danfo)", async () => {
    class Twice {
      @feature()
      twice(spend: Float64Array): Float64Array {
        return spend.map((s) => 2 * s);
      }
    }
    const dr = new Builder().withFeatures(Twice).withResult(danfoFrame<DataFrame>()).build();
    const df: DataFrame = await dr.execute(['twice'], { inputs: { spend: new Float64Array([1, 2]) } });
    expect(df.sum({ axis: 0 }).values).toEqual([6]); // sum() is danfo's, not in quiver's DanfoFrame shape
  });
});
