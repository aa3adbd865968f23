/**
 * Bounded memory by partitions (issue 20): `quiver run --entity --time` on a history of
 * `--entities` × `--rows` with `--features` per-entity windows, each run in a fresh (cold) child
 * process: once unpartitioned, then per `--partitions` count twice — from `history.arrow` (one
 * record batch, so the history is read whole) and from `batched.arrow` (`--batches` record
 * batches, written by write-inputs.ts: each partition's rows are read alone), and with
 * `--parquet` from `batched.parquet` too. Reports each run's wall time, peak RSS (the child's
 * maxRSS), which way the history was read, and the frame's size; then one partition's read alone
 * (read-child.ts: whole file, index + range, range with a saved index) from both batched files.
 * With `--verify` (default for frames under 100 MB) the parent reads the files back and checks
 * every cell equals the unpartitioned run's.
 *
 *   npm run bench -- partitions [--entities 1000] [--rows 10000] [--features 40] [--partitions 4,16,64]
 *     [--batches 64] [--parquet] [--out arrow]
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { hasFlag, numberFlag, stringFlag } from '../harness/args';
import type { Scenario } from '../harness/scenario';
import { writeFeatures, writeHistory } from '../partitions/history';
import { writeBatched } from '../partitions/write-inputs';

const CHILD = path.join(__dirname, '..', 'partitions', 'cli-child.js');
const READ_CHILD = path.join(__dirname, '..', 'partitions', 'read-child.js');

interface ChildRun { code: number; wall_ms: number; max_rss_mb: number; parent_wall_ms: number; read_whole: boolean }

/** One cold run of `quiver run args` (or another child script) in a fresh process; its last stdout line is JSON. */
function coldRun(args: readonly string[], cwd: string, script = CHILD): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      err += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => {
      const parent = Math.round(performance.now() - began);
      try {
        const line = JSON.parse(out.trim().split('\n').pop() ?? '') as Omit<ChildRun, 'parent_wall_ms' | 'read_whole'>;
        if (code !== 0 || (line.code ?? 0) !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}`));
        resolve({ ...line, parent_wall_ms: parent, read_whole: err.includes('--partitions reads') });
      } catch {
        reject(new Error(`${args.join(' ')} exited with ${code} and no result line`));
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

/**
 * One partition (the 4th of the middle count) read alone in a cold child, from each batched file:
 * the whole file then sliced, index + range, the index saved, range with the saved index.
 */
async function partitionReadFigures(dir: string, counts: readonly number[]): Promise<Record<string, unknown>> {
  const p = counts[Math.floor(counts.length / 2)];
  const which = Math.min(3, p - 1);
  const figures: Record<string, unknown> = { partitions: p, partition: which };
  for (const file of ['batched.arrow', 'batched.parquet']) {
    for (const mode of ['whole', 'indexed', 'index', 'range']) {
      const run = await coldRun([mode, file, 'entity', String(p), String(which)], dir, READ_CHILD);
      const rows = (run as { rows?: number }).rows;
      figures[`${file} ${mode}`] = { wall_ms: run.wall_ms, max_rss_mb: run.max_rss_mb, rows };
      process.stderr.write(`read ${file} ${mode}: ${run.wall_ms} ms, peak RSS ${run.max_rss_mb} MB\n`);
    }
  }
  return figures;
}

const scenario: Scenario = {
  name: 'partitions',
  description:
    'quiver run --entity --partitions P (history read whole / by partition) vs unpartitioned, ' +
    'cold child per variant: wall time and peak RSS',
  async run(args) {
    const entities = numberFlag(args, '--entities', 1000);
    const rows = numberFlag(args, '--rows', 10_000);
    const features = numberFlag(args, '--features', 40);
    const counts = stringFlag(args, '--partitions', '4,16,64').split(',').map(Number);
    const ext = stringFlag(args, '--out', 'arrow');
    const batches = numberFlag(args, '--batches', 64);
    const frameBytes = entities * rows * (features * 8 + 4 + 8);
    const verify = hasFlag(args, '--verify') || frameBytes < 100e6;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-bench-partitions-'));
    try {
      const history = await writeHistory(dir, entities, rows);
      await writeBatched(dir, history, batches);
      writeFeatures(dir, features, path.join(__dirname, '..', '..', 'src', 'index.js'));
      const base = ['run', 'features.js', '--entity', 'entity', '--time', 'time', '--all', '--quiet'];
      const runs: Record<string, ChildRun & { inputs: string; file_mb: number; same_cells?: boolean }> = {};
      const sources = ['history.arrow', 'batched.arrow', ...(hasFlag(args, '--parquet') ? ['batched.parquet'] : [])];
      const variants: [string, string, number | undefined][] = [['whole', 'history.arrow', undefined]];
      for (const p of counts) for (const input of sources) variants.push([`${p} ${input}`, input, p]);
      for (const [variant, input, p] of variants) {
        const out = `out-${variant.replace(/\W+/g, '-')}.${ext}`;
        const parted = p === undefined ? [] : ['--partitions', String(p)];
        const run = await coldRun([...base, '--inputs', input, '--out', out, ...parted], dir);
        const file = path.join(dir, out);
        const whole = path.join(dir, `out-whole.${ext}`);
        const same = verify && variant !== 'whole' ? await sameCells(whole, file) : undefined;
        const fileMb = Math.round(fs.statSync(file).size / 2 ** 20);
        runs[variant] = { ...run, inputs: input, file_mb: fileMb, ...(same === undefined ? {} : { same_cells: same }) };
        if (same === false) throw new Error(`partitions benchmark: ${variant} differs from unpartitioned`);
        if (variant !== 'whole') fs.rmSync(file);
        const read = p === undefined ? '' : run.read_whole ? ', history read whole' : ', read by partition';
        process.stderr.write(`partitions ${variant}: ${run.wall_ms} ms, peak RSS ${run.max_rss_mb} MB${read}\n`);
      }
      const whole = runs.whole;
      const ratios = Object.fromEntries(Object.entries(runs).filter(([v]) => v !== 'whole').map(([v, r]) => [v, {
        rss: Math.round((100 * r.max_rss_mb) / whole.max_rss_mb) / 100,
        wall: Math.round((100 * r.wall_ms) / whole.wall_ms) / 100,
      }]));
      const reads = await partitionReadFigures(dir, counts);
      return {
        entities, rows_per_entity: rows, history_rows: entities * rows, features, format: ext, batches,
        history_mb: Math.round(fs.statSync(history).size / 2 ** 20),
        frame_mb: Math.round(frameBytes / 2 ** 20), runs, partitioned_vs_whole: ratios, one_partition_read: reads,
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default scenario;
