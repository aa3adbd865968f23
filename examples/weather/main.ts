/**
 * The main job: a daily training frame for Seattle and New York from vega-datasets' weather.csv,
 * over a thousand features per row, label = tomorrow's max temperature, data-quality checks on,
 * the splits written to out/ as Arrow files.
 *
 *   npm run build && node dist/examples/weather/main.js [outDir]
 */
import 'reflect-metadata';
import { mkdirSync } from 'fs';
import { join } from 'path';
import { formatQuality, writeArrow } from 'quiver';
import { formatTrainingFrame } from 'quiver';
import { weatherFrame } from './frame';

async function main(outDir = 'out'): Promise<void> {
  const began = performance.now();
  const frame = await weatherFrame();
  const built = performance.now();

  mkdirSync(outDir, { recursive: true });
  for (const split of ['train', 'validation', 'test'] as const) {
    await writeArrow(frame[split], join(outDir, `weather-${split}.arrow`));
  }
  const written = performance.now();

  console.log(formatTrainingFrame(frame));
  const failed = frame.quality.filter((q) => !q.passes);
  if (failed.length > 0) console.log(formatQuality(failed));
  console.log(
    `features and splits in ${((built - began) / 1000).toFixed(2)} s; ` +
      `${outDir}/weather-{train,validation,test}.arrow written in ${((written - built) / 1000).toFixed(2)} s`,
  );
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
