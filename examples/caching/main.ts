/**
 * Caching the weather job's features (docs/caching.md): the second build reads every feature from
 * the cache; a changed config value recomputes only what reads it.
 *
 *   npm run build && node dist/examples/caching/main.js [cacheDir]
 */
import 'reflect-metadata';
import { rmSync } from 'fs';
import { readWeather } from '../weather/data';
import { cachingStory } from './story';

async function main(cache = 'out/quiver-cache'): Promise<void> {
  rmSync(cache, { recursive: true, force: true }); // start cold, so the story is the same every time
  const [cold, warm, changed] = await cachingStory(await readWeather(), cache);
  const line = (what: string, b: typeof cold) =>
    `${what.padEnd(28)} ${String(b.read).padStart(5)} read, ${String(b.computed.length).padStart(5)} computed, ${(b.ms / 1000).toFixed(2)} s`;
  console.log(line('first build (cold cache)', cold));
  console.log(line('second build (warm)', warm));
  console.log(line('fitUntil moved (config)', changed));
  console.log(`recomputed after the config change: ${changed.computed.slice(0, 6).join(', ')}${changed.computed.length > 6 ? ', …' : ''}`);
  console.log(`cache in ${cache}; empty it with: npx quiver cache clear ${cache}`);
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
