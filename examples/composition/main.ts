/**
 * One reused feature class, ten raw signals, 1,000+ features.
 * `SignalFeatures` is written once, for a signal `x`; `namespaced()` applies it to each signal,
 * so `temperature.mean28`, `humidity.lag7`, … all come from one definition.
 *
 * npm run build && node dist/examples/composition/main.js
 */
/// <reference path="./main.names.d.ts" />
import 'reflect-metadata';
import {
  Builder, checkOutput, diff, ewmMean, namespaced, parameterize, rollingMax, rollingMean, rollingMin, rollingStd, rollingSum, shift, source,
  tag, value, zscore, type ParameterizeSpec,
} from 'quiver';

const WINDOWS = [3, 5, 7, 14, 21, 28, 56, 90];
const LAGS = [1, 2, 3, 5, 7, 14, 21, 28];
const SPANS = [3, 5, 10, 20, 40, 60];

function spec(prefix: string, values: number[]): ParameterizeSpec {
  return Object.fromEntries(values.map((v) => [`${prefix}${v}`, { n: value(v) }]));
}

/** Everything we compute for one signal `x`: 106 features. */
export class SignalFeatures {
  @tag({ family: 'window' })
  @parameterize(spec('mean', WINDOWS), { doc: 'rolling mean over {n} rows' })
  @checkOutput({ allowNaNs: true, importance: 'warn' })
  meanOf(x: Float64Array, n: number): Float64Array { return rollingMean(x, n); }

  @tag({ family: 'window' })
  @parameterize(spec('sum', WINDOWS))
  sumOf(x: Float64Array, n: number): Float64Array { return rollingSum(x, n); }

  @tag({ family: 'window' })
  @parameterize(spec('std', WINDOWS))
  stdOf(x: Float64Array, n: number): Float64Array { return rollingStd(x, n); }

  @tag({ family: 'window' })
  @parameterize(spec('min', WINDOWS))
  minOf(x: Float64Array, n: number): Float64Array { return rollingMin(x, n); }

  @tag({ family: 'window' })
  @parameterize(spec('max', WINDOWS))
  maxOf(x: Float64Array, n: number): Float64Array { return rollingMax(x, n); }

  @tag({ family: 'lag' })
  @parameterize(spec('lag', LAGS))
  lagOf(x: Float64Array, n: number): Float64Array { return shift(x, n); }

  @tag({ family: 'lag' })
  @parameterize(spec('diff', LAGS))
  diffOf(x: Float64Array, n: number): Float64Array { return diff(x, n); }

  @tag({ family: 'ewm' })
  @parameterize(spec('ewm', SPANS))
  ewmOf(x: Float64Array, n: number): Float64Array { return ewmMean(x, { span: n }); }

  @tag({ family: 'window' })
  @parameterize(Object.fromEntries(WINDOWS.map((w) => [`zscoreMean${w}`, { mean: source(`mean${w}`) }])))
  zscoreOf(mean: Float64Array): Float64Array { return zscore(mean); }

  @tag({ family: 'ratio' })
  @parameterize(Object.fromEntries(WINDOWS.flatMap((a) => WINDOWS.filter((b) => b > a).map((b) => [`meanRatio${a}_${b}`, { num: source(`mean${a}`), den: source(`mean${b}`) }]))))
  ratioOf(num: Float64Array, den: Float64Array): Float64Array { return num.map((v, i) => v / den[i]); }

  @tag({ family: 'band' })
  @parameterize(Object.fromEntries(WINDOWS.map((w) => [`band${w}`, { mean: source(`mean${w}`), std: source(`std${w}`) }])))
  bandOf(x: Float64Array, mean: Float64Array, std: Float64Array): Float64Array { return x.map((v, i) => (v - mean[i]) / std[i]); }
}

/** Ten synthetic daily signals of one year (seeded, so the run is repeatable). */
function signals(rows: number): Record<string, Float64Array> {
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const names = ['temperature', 'humidity', 'pressure', 'wind', 'rain', 'sales', 'visits', 'price', 'stock', 'returns'];
  return Object.fromEntries(names.map((name, k) => [name, Float64Array.from({ length: rows }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / (7 + k)) + 5 * random())]));
}

async function main(): Promise<void> {
  const raw = signals(365);
  const started = performance.now();
  const dr = new Builder()
    .withFeatures(...Object.keys(raw).map((signal) => namespaced(signal, SignalFeatures, { inputs: { x: source(signal) }, tags: { signal } })))
    .build();
  const features = dr.listAvailableVariables().filter((v) => !v.isExternalInput).map((v) => v.name);
  const { result, quality } = await dr.run(features, { inputs: raw });
  const ms = performance.now() - started;
  console.log(`${features.length} features from ${Object.keys(raw).length} signals with one class: ${result.numCols} columns × ${result.numRows} rows in ${ms.toFixed(0)} ms`);
  console.log(`${quality.length} checks ran, ${quality.filter((q) => !q.passes).length} failed`);
  console.log('e.g.', features.filter((f) => f.startsWith('temperature.')).slice(0, 6).join(', '), '…');
  console.log('upstream of humidity.zscoreMean7:', dr.whatIsUpstreamOf('humidity.zscoreMean7').join(' → '));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
