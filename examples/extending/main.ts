/**
 * Extending quiver without editing it: a new file format and a new `@checkOutput` check, one call each.
 *
 * npm run build && node dist/examples/extending/main.js
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, type Table } from 'apache-arrow';
import { Builder, checkOutput, formatQuality, readTable, registerCheck, registerFormat, writeResult } from 'quiver';

declare module 'quiver' {
  interface RegisteredCheckOptions {
    /** Every value at least this. */
    atLeast?: number;
  }
}

// A pipe-separated text format of numeric columns.
registerFormat('Pipe-separated', {
  extensions: ['.psv'],
  read: async (path) => {
    const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
    const names = header.split('|');
    const rows = lines.map((line) => line.split('|').map(Number));
    return tableFromArrays(Object.fromEntries(names.map((n, j) => [n, Float64Array.from(rows, (r) => r[j])])));
  },
  write: async (table: Table, path) => {
    const names = table.schema.fields.map((f) => f.name);
    const lines = [names.join('|')];
    for (let i = 0; i < table.numRows; i++) lines.push(names.map((n) => String(table.getChild(n)?.get(i))).join('|'));
    writeFileSync(path, `${lines.join('\n')}\n`);
  },
});

// A check: `@checkOutput({ atLeast: 0 })`.
registerCheck<number>('atLeast', {
  accepts: (o) => (typeof o === 'number' && !Number.isNaN(o) ? null : 'must be a number'),
  make: (lo) => ({
    description: `every value >= ${lo}`,
    validate: (x) => {
      const low = Array.from(x as Float64Array).filter((v) => v < lo).length;
      return { passes: low === 0, message: `${low} value(s) below ${lo}`, diagnostics: { low } };
    },
  }),
});

class Margin {
  @checkOutput({ atLeast: 0 })
  margin(price: Float64Array, cost: Float64Array): Float64Array {
    return price.map((p, i) => p - cost[i]);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'quiver-extending-'));
  writeFileSync(join(dir, 'in.psv'), 'price|cost\n10|4\n5|6\n8|8\n');
  const driver = new Builder().withFeatures(Margin).build();
  const run = await driver.run(['margin'], { inputs: await readTable(join(dir, 'in.psv')) });
  await writeResult(run.result, join(dir, 'out.psv'));
  console.log(readFileSync(join(dir, 'out.psv'), 'utf8'));
  console.log(formatQuality(run.quality));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
