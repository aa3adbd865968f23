/**
 * Parquet in, features, Parquet out: read `flights-3m.parquet` (vega-datasets), compute a few
 * hundred rolling/shift/diff/ewm features of delay, distance and time of day with quiver, and write
 * the result table as Parquet. Reports the time split between read, build, compute and write.
 *
 *   --rows 500000      rows to read (3000000 is the whole file; each feature is 8 bytes × rows)
 *   --features 300     number of generated features (plus 3 base columns)
 *   --out <path>       where to write (default: a temporary file, removed afterwards)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import 'reflect-metadata';
import {
  Builder, diff, ewmMean, feature, parameterize, readParquet, rollingMean, rollingStd, shift, source, value,
  writeParquet, type ParameterizeSpec,
} from '../../src';
import { numberFlag, stringFlag } from '../harness/args';
import type { Scenario } from '../harness/scenario';

/** vega-datasets exports only build/index.js; its data folder sits beside build/. */
const FLIGHTS = join(dirname(require.resolve('vega-datasets')), '..', 'data', 'flights-3m.parquet');
const BASES = ['delayMinutes', 'distanceMiles', 'minuteOfDay'] as const;

/** BigInt64Array → Float64Array (delay and distance are int64 in the file). */
function toFloat(x: BigInt64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Number(x[i]);
  return out;
}

/** Minutes since midnight UTC of a Timestamp<MICROSECOND> column, read from its raw chunks. */
function minutesOfDay(date: { length: number; data: readonly { length: number; values: BigInt64Array }[] }): Float64Array {
  const out = new Float64Array(date.length);
  let at = 0;
  for (const chunk of date.data) {
    for (let i = 0; i < chunk.length; i++) out[at++] = Math.floor(Number(chunk.values[i] / 60_000_000n)) % 1440;
  }
  return out;
}

class FlightBases {
  @feature({ doc: 'Arrival delay in minutes, as float64' })
  delayMinutes(delay: BigInt64Array): Float64Array {
    return toFloat(delay);
  }

  @feature({ doc: 'Distance in miles, as float64' })
  distanceMiles(distance: BigInt64Array): Float64Array {
    return toFloat(distance);
  }

  @feature({ doc: 'Scheduled minute of the day (UTC)' })
  minuteOfDay(date: object): Float64Array {
    return minutesOfDay(date as never);
  }
}

type Kind = 'mean' | 'std' | 'shift' | 'diff' | 'ewm';
const KINDS: readonly Kind[] = ['mean', 'std', 'shift', 'diff', 'ewm'];

/** `count` feature names spread over kinds, bases and parameters 2, 3, 4, …: kind → spec. */
function specs(count: number): Record<Kind, ParameterizeSpec> {
  const out: Record<Kind, ParameterizeSpec> = { mean: {}, std: {}, shift: {}, diff: {}, ewm: {} };
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const base = BASES[Math.floor(i / KINDS.length) % BASES.length];
    const p = 2 + Math.floor(i / (KINDS.length * BASES.length));
    out[kind][`${base}_${kind}${p}`] = { x: source(base), p: value(p) };
  }
  return out;
}

/** One small class per kind, each with one method parameterized over its features. */
function featureClasses(count: number): (new () => object)[] {
  const s = specs(count);
  const classes: (new () => object)[] = [FlightBases];
  if (Object.keys(s.mean).length) {
    class Means { @parameterize(s.mean) mean(x: Float64Array, p: number): Float64Array { return rollingMean(x, p); } }
    classes.push(Means);
  }
  if (Object.keys(s.std).length) {
    class Stds { @parameterize(s.std) std(x: Float64Array, p: number): Float64Array { return rollingStd(x, p); } }
    classes.push(Stds);
  }
  if (Object.keys(s.shift).length) {
    class Shifts { @parameterize(s.shift) lag(x: Float64Array, p: number): Float64Array { return shift(x, p); } }
    classes.push(Shifts);
  }
  if (Object.keys(s.diff).length) {
    class Diffs { @parameterize(s.diff) change(x: Float64Array, p: number): Float64Array { return diff(x, p); } }
    classes.push(Diffs);
  }
  if (Object.keys(s.ewm).length) {
    class Ewms { @parameterize(s.ewm) ewm(x: Float64Array, p: number): Float64Array { return ewmMean(x, { span: p }); } }
    classes.push(Ewms);
  }
  return classes;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const scenario: Scenario = {
  name: 'parquet-flights',
  description: 'read flights-3m.parquet, compute a few hundred features, write Parquet: ms for read / build / compute / write',
  async run(args) {
    const rows = numberFlag(args, '--rows', 500_000);
    const count = numberFlag(args, '--features', 300);
    const tmp = mkdtempSync(join(tmpdir(), 'quiver-parquet-flights-'));
    const out = stringFlag(args, '--out', join(tmp, 'features.parquet'));
    try {
      let t = performance.now();
      const lap = () => { const now = performance.now(); const ms = now - t; t = now; return round(ms); };
      const flights = await readParquet(FLIGHTS, { limit: rows, columns: ['date', 'delay', 'distance'] });
      const readMs = lap();
      const dr = new Builder().withFeatures(...featureClasses(count)).build();
      const outputs = [...BASES, ...Object.values(specs(count)).flatMap((s) => Object.keys(s))];
      const buildMs = lap();
      const table = await dr.execute(outputs, { inputs: flights });
      const computeMs = lap();
      await writeParquet(table, out);
      const writeMs = lap();
      return {
        rows: flights.numRows,
        columns: table.numCols,
        outputMB: round(statSync(out).size / 2 ** 20),
        resultMB: round((table.numCols * table.numRows * 8) / 2 ** 20),
        readMs,
        buildMs,
        computeMs,
        writeMs,
        totalMs: round(readMs + buildMs + computeMs + writeMs),
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

export default scenario;
