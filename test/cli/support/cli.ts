/**
 * Spawn the quiver command the way a user runs it, from the TypeScript sources (no build needed:
 * run-from-source.js registers the same ts-loader the command uses for feature files).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RUNNER = path.join(__dirname, 'run-from-source.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `quiver ...args` in `cwd`; stdout is not a terminal, so no progress bar is drawn. */
export function quiver(args: readonly string[], cwd: string): CliResult {
  const run = spawnSync(process.execPath, [RUNNER, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, FORCE_COLOR: '0' } });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh folder outside the repository, with the given files written into it. */
export function project(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * A user's project: features.ts imports `quiver` and a relative helper; data.csv has spend =
 * 1.5, 2.5, 3.5, 4 (so tripled = 4.5, 7.5, 10.5, 12: two values above the range check's 10).
 */
export const USER_FILES = {
  'features.ts': `
import { checkOutput, feature, tag } from 'quiver';
import { times } from './lib/scale';

export class Spend {
  @tag({ owner: 'ds' })
  doubled(spend: Float64Array): Float64Array { return times(spend, 2); }

  @checkOutput({ range: [0, 10], importance: 'warn' })
  tripled(spend: Float64Array): Float64Array { return times(spend, 3); }

  @feature({ doc: 'doubled plus tripled, summed' })
  total(doubled: Float64Array, tripled: Float64Array, bonus: number = 0): number {
    let s = bonus;
    for (let i = 0; i < doubled.length; i++) s += doubled[i] + tripled[i];
    return s;
  }
}

export class Strict {
  @checkOutput({ range: [0, 10], importance: 'fail' })
  strictTripled(spend: Float64Array): Float64Array { return times(spend, 3); }
}
`,
  'lib/scale.ts': `
export function times(x: Float64Array, k: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * k;
  return out;
}
`,
  'data.csv': 'spend,other\n1.5,1\n2.5,1\n3.5,1\n4,1\n',
  'no-spend.csv': 'other\n1.5\n2.5\n',
  'cycle.ts': `
import { feature } from 'quiver';
export class Loop {
  @feature() a(b: Float64Array): Float64Array { return b; }
  @feature() b(a: Float64Array): Float64Array { return a; }
}
`,
  'broken.ts': 'export class Broken {\n  x(: number) { return 1; }\n}\n',
};

/** The note of a `--partitions` run on a CSV `--inputs` file, which is read whole. */
export function csvNote(file: string): string {
  return `--partitions reads ${file} whole: a CSV file cannot be read by row range. ` +
    'Write the history as Arrow IPC (.arrow) or Parquet to read one partition at a time, ' +
    "in about one partition's memory.";
}
