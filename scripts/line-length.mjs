#!/usr/bin/env node
/**
 * Line length: no new line over 120 characters in the sources, tests, examples and benchmarks.
 * Lines that were already longer are counted per file in scripts/line-length-baseline.json; a file
 * fails when it has more long lines than its baseline (a new file's baseline is 0). Shorten the
 * line, or after shortening old ones run `node scripts/line-length.mjs --update` to lower the counts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 120;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIRS = ['src', 'adapters', 'decorators', 'cli', 'bin', 'examples', 'benchmarks', 'test', 'scripts'];
const SKIP = new Set(['node_modules', 'dist', 'fixtures']);
const BASELINE = join(ROOT, 'scripts', 'line-length-baseline.json');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) yield path;
  }
}

const counts = {};
const long = {};
for (const dir of DIRS) {
  for (const path of files(join(ROOT, dir))) {
    const rel = relative(ROOT, path).split('\\').join('/');
    const lines = readFileSync(path, 'utf8').split('\n');
    const over = lines.flatMap((l, i) => (l.length > LIMIT ? [i + 1] : []));
    if (over.length > 0) {
      counts[rel] = over.length;
      long[rel] = over;
    }
  }
}

if (process.argv.includes('--update')) {
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(BASELINE, `${JSON.stringify(sorted, null, 1)}\n`);
  console.log(`line-length: baseline written, ${Object.keys(sorted).length} files with lines over ${LIMIT}.`);
} else {
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8'));
  const worse = Object.entries(counts).filter(([file, n]) => n > (baseline[file] ?? 0));
  for (const [file, n] of worse) {
    console.error(`${file}: ${n} lines over ${LIMIT} characters (baseline ${baseline[file] ?? 0}), lines ${long[file].join(', ')}`);
  }
  if (worse.length > 0) {
    console.error(`line-length: shorten the new lines to ${LIMIT} characters or fewer.`);
    process.exit(1);
  }
  console.log(`line-length: no new lines over ${LIMIT} characters.`);
}
