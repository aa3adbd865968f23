/**
 * Bounded memory by partitions (issue 20): `quiver run --entity --time` on a history of
 * `--entities` × `--rows` with `--features` per-entity windows, once unpartitioned and once per
 * `--partitions` count, each in a fresh (cold) child process; reports each run's wall time and
 * peak RSS (the child's maxRSS) and the frame's size. With `--verify` (default for frames under
 * 100 MB) the parent reads the files back and checks every cell equals the unpartitioned run's.
 *
 *   npm run bench -- partitions [--entities 1000] [--rows 10000] [--features 40] [--partitions 4,16,64] [--out arrow]
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { hasFlag, numberFlag, stringFlag } from '../harness/args';
import type { Scenario } from '../harness/scenario';
import { writeFeatures, writeHistory } from '../partitions/history';

const CHILD = path.join(__dirname, '..', 'partitions', 'cli-child.js');

interface ChildRun { code: number; wall_ms: number; max_rss_mb: number; parent_wall_ms: number }

/** One cold run of `quiver run args` in a fresh process. */
function coldRun(args: readonly string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, [CHILD, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('close', (code) => {
      const parent = Math.round(performance.now() - began);
      try {
        const line = JSON.parse(out.trim().split('\n').pop() ?? '') as Omit<ChildRun, 'parent_wall_ms'>;
        if (code !== 0 || line.code !== 0) return reject(new Error(`quiver run ${args.join(' ')} exited with ${code}`));
        resolve({ ...line, parent_wall_ms: parent });
      } catch {
        reject(new Error(`quiver run ${args.join(' ')} exited with ${code} and no result line`));
      }
    });
  });
}

async function sameCells(a: string, b: string): Promise<boolean> {
  const [x, y] = [await readTable(a), await readTable(b)];
  if (x.numRows !== y.numRows || x.numCols !== y.numCols) return false;
  return x.schema.fields.every((f) => {
    const u = x.getChild(f.name)!.toArray() as ArrayLike<unknown>;
    const v = y.getChild(f.name)?.toArray() as ArrayLike<unknown> | undefined;
    if (v === undefined || u.length !== v.length) return false;
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i] && !(u[i] !== u[i] && v[i] !== v[i])) return false;
    return true;
  });
}

const scenario: Scenario = {
  name: 'partitions',
  description: 'quiver run --entity --partitions P vs unpartitioned, cold child per variant: wall time and peak RSS',
  async run(args) {
    const entities = numberFlag(args, '--entities', 1000);
    const rows = numberFlag(args, '--rows', 10_000);
    const features = numberFlag(args, '--features', 40);
    const counts = stringFlag(args, '--partitions', '4,16,64').split(',').map(Number);
    const ext = stringFlag(args, '--out', 'arrow');
    const frameBytes = entities * rows * (features * 8 + 4 + 8);
    const verify = hasFlag(args, '--verify') || frameBytes < 100e6;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-bench-partitions-'));
    try {
      await writeHistory(dir, entities, rows);
      writeFeatures(dir, features, path.join(__dirname, '..', '..', 'src', 'index.js'));
      const base = ['run', 'features.js', '--inputs', 'history.arrow', '--entity', 'entity', '--time', 'time'];
      base.push('--all', '--quiet');
      const runs: Record<string, ChildRun & { file_mb: number; same_cells?: boolean }> = {};
      for (const variant of ['whole', ...counts.map(String)]) {
        const out = `out-${variant}.${ext}`;
        const parted = variant === 'whole' ? [] : ['--partitions', variant];
        const run = await coldRun([...base, '--out', out, ...parted], dir);
        const file = path.join(dir, out);
        const whole = path.join(dir, `out-whole.${ext}`);
        const same = verify && variant !== 'whole' ? await sameCells(whole, file) : undefined;
        const fileMb = Math.round(fs.statSync(file).size / 2 ** 20);
        runs[variant] = { ...run, file_mb: fileMb, ...(same === undefined ? {} : { same_cells: same }) };
        if (same === false) throw new Error(`partitions benchmark: --partitions ${variant} differs from unpartitioned`);
        if (variant !== 'whole') fs.rmSync(file);
        process.stderr.write(`partitions ${variant}: ${run.wall_ms} ms, peak RSS ${run.max_rss_mb} MB\n`);
      }
      const whole = runs.whole;
      const ratios = Object.fromEntries(counts.map((p) => [p, {
        rss: Math.round((100 * runs[p].max_rss_mb) / whole.max_rss_mb) / 100,
        wall: Math.round((100 * runs[p].wall_ms) / whole.wall_ms) / 100,
      }]));
      return {
        entities, rows_per_entity: rows, history_rows: entities * rows, features, format: ext,
        frame_mb: Math.round(frameBytes / 2 ** 20), runs, partitioned_vs_whole: ratios,
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default scenario;
