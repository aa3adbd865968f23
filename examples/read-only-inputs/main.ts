/**
 * npm run build && node dist/examples/read-only-inputs/main.js
 * A feature that sorts its input in place changes the caller's data and what every other feature
 * sees. readOnlyInputs() (on by default under NODE_ENV=test) names the feature and the input.
 */
import 'reflect-metadata';
import { Builder, dictResult, feature, InputMutationError, readOnlyInputs } from 'quiver';

class Prices {
  /** The median price — written the careless way: `sort()` sorts the caller's array. */
  @feature()
  medianPrice(price: Float64Array): number {
    const sorted = price.sort();
    return sorted[sorted.length >> 1];
  }

  /** The first price of the day: wrong if medianPrice ran first and sorted the input. */
  @feature()
  openingPrice(price: Float64Array): number {
    return price[0];
  }
}

async function main(): Promise<void> {
  const dr = new Builder().withFeatures(Prices).withResult(dictResult()).withAdapters(readOnlyInputs()).build();
  try {
    await dr.execute(['medianPrice', 'openingPrice'], { inputs: { price: Float64Array.of(12, 10, 11) } });
  } catch (error) {
    if (!(error instanceof InputMutationError)) throw error;
    console.log(`${error.node} wrote into ${error.input}:\n${error.message}`);
    // The fix: const sorted = price.slice().sort();
  }
}

void main();
