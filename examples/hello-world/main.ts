/**
 * npm run build && node dist/examples/hello-world/main.js
 * Builds the graph, computes five columns into one Arrow table, and prints it.
 */
import 'reflect-metadata';
import { Builder, formatQuality } from 'quiver';
import { SpendFeatures } from './features';

async function main(): Promise<void> {
  const dr = new Builder().withFeatures(SpendFeatures).build();
  const inputs = {
    spend: Float64Array.of(10, 10, 20, 40, 40, 50),
    signups: Float64Array.of(1, 10, 50, 100, 200, 400),
  };
  const outputs = ['avg3wkSpend', 'spendPerSignup', 'spendMean', 'spendStdDev', 'spendZeroMeanUnitVariance'];
  const { result, quality } = await dr.run(outputs, { inputs });
  console.table(result.toArray().map((row) => row.toJSON()));
  console.log(formatQuality(quality));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
