/**
 * A second story: irregular monthly stock histories with the S&P 500 and US jobs joined as of each
 * row's time (never a value stamped after the row), features over day-counted windows, and a run
 * report whose "Point-in-time joins" section lists each join and the rows it could not match.
 *
 *   npm run build && node dist/examples/time-series/main.js [outDir]
 */
import 'reflect-metadata';
import { join } from 'path';
import { Builder, formatTrainingFrame, writeRunReport } from 'quiver';
import { StockFeatures } from './features';
import { JOIN_NAMES, stocksFrame } from './frame';

async function main(outDir = 'out'): Promise<void> {
  const frame = await stocksFrame();
  console.log(formatTrainingFrame(frame));
  for (const [j, s] of frame.joins.entries()) {
    console.log(`${JOIN_NAMES[j]}: ${s.columns.join(', ')} — ${s.rows - s.unmatched} of ${s.rows} rows matched, ${s.unmatched} without a value`);
  }
  // The report draws the features' graph: run them once more on the frame's joined history.
  const driver = new Builder().withFeatures(StockFeatures).build();
  const outputs = frame.features.filter((name) => name !== 'price');
  const run = await driver.run(outputs, { inputs: frame.history.inputs });
  const report = join(outDir, 'stocks-report.html');
  await writeRunReport({
    driver, outputs, run, title: 'stocks with exogenous tables',
    details: { history: 'stocks.csv (a tenth of the rows dropped)', entity: frame.entity, time: frame.time },
    joins: frame.joins.map((s, j) => ({ ...s, name: JOIN_NAMES[j] })),
  }, report);
  console.log(`report: ${report}`);
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
