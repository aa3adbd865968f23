/**
 * The main job (`npm run demo`, see main.ts): a daily training frame for Seattle and New York from
 * vega-datasets' weather.csv, over a thousand features per row, label = tomorrow's max temperature,
 * data-quality checks on, the splits written to `outDir` as Arrow files, OpenLineage events beside.
 * A function, so that a benchmark can run the same job in a fresh process with and without the
 * entity-isolation check (benchmarks/scenarios/isolation.ts).
 *
 * With a cache directory, a second run reads the frame whole from it; the lineage adapter only
 * observes, so it still gets the run's START and COMPLETE events (replayed, marked fromCache).
 */
/// <reference path="./features.names.d.ts" />
import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';
import { Builder, formatQuality, openLineage, writeArrow } from 'quiver';
import { formatTrainingFrame } from 'quiver';
import { WEATHER_CSV } from './data';
import { weatherFrame, VALIDATION_FROM } from './frame';
import { Calendar, CityStatistics, WeatherSignals, WeatherWindows } from './features';
import { INDICATORS, SIGNALS } from './grids';
import { featureFamilies, formatFamilies, loadHints, previewRows } from './summary';

/** Where the job writes, what it reads from a cache, and whether the entity-isolation check runs. */
export interface WeatherJobOptions {
  readonly outDir?: string;
  readonly cacheDir?: string;
  /** Default true: `buildTrainingFrame`'s check that every feature reads only its own city's rows. */
  readonly isolationCheck?: boolean;
  /** Where the job's report lines go (default `console.log`). */
  readonly log?: (line: string) => void;
}

const SPLITS = ['train', 'validation', 'test'] as const;

/**
 * Runs the weather job.
 *
 * @example
 * await weatherJob({ outDir: 'out' });
 */
export async function weatherJob(options: WeatherJobOptions = {}): Promise<void> {
  const { outDir = 'out', cacheDir, isolationCheck = true, log = console.log } = options;
  mkdirSync(outDir, { recursive: true });
  // OpenLineage events of this run (START, COMPLETE): each feature column mapped to its raw columns.
  const lineageFile = join(outDir, 'lineage.ndjson');
  rmSync(lineageFile, { force: true });
  const lineage = openLineage({
    namespace: 'forecasting',
    job: 'weather',
    emit: lineageFile,
    inputs: [WEATHER_CSV],
    outputs: SPLITS.map((split) => join(outDir, `weather-${split}.arrow`)),
    fields: { groups: 'location' }, // the entity groups are read from the location column
  });

  const began = performance.now();
  const frame = await weatherFrame(undefined, [lineage], cacheDir, isolationCheck);
  const built = performance.now();

  for (const split of SPLITS) {
    await writeArrow(frame[split], join(outDir, `weather-${split}.arrow`));
  }
  const written = performance.now();

  log(formatTrainingFrame(frame));
  // Every one of the 1,000+ names is typed (features.names.d.ts, from `quiver types`): a misspelt
  // name here is a compile error, not a failure after the run.
  const dr = new Builder()
    .withFeatures(WeatherSignals, WeatherWindows, CityStatistics, Calendar)
    .withConfig({ fitUntil: Date.parse(VALIDATION_FROM) })
    .build();
  const upstream = dr.whatIsUpstreamOf('temp_max_mean_7').filter((n) => n !== 'temp_max_mean_7');
  log(`temp_max_mean_7 is made from: ${upstream.join(', ')}`);
  const failed = frame.quality.filter((q) => !q.passes);
  if (failed.length > 0) log(formatQuality(failed));
  log(`\n${formatFamilies(featureFamilies(frame.features, [...SIGNALS, ...INDICATORS]))}`);
  const shown = [frame.entity, frame.time, 'temp_max', 'temp_max_lag_1', 'temp_max_mean_7', 'temp_max_ewm_7'];
  shown.push('precipitation_total_7', frame.label);
  const columns = frame.train.numCols.toLocaleString('en-US');
  const label = `"${frame.label}" is tomorrow's temp_max`;
  log(`\nThe train split's first rows (${shown.length} of ${columns} columns; ${label}):`);
  log(previewRows(frame.train, shown, 4, frame.time));
  log(`\n${loadHints(SPLITS.map((split) => join(outDir, `weather-${split}.arrow`)))}`);
  log(
    `\nfeatures and splits in ${((built - began) / 1000).toFixed(2)} s; ` +
      `${outDir}/weather-{train,validation,test}.arrow written in ${((written - built) / 1000).toFixed(2)} s; ` +
      `lineage (OpenLineage) in ${lineageFile}`,
  );
}
