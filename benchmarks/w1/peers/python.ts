/**
 * W1 in Python (pandas, or hand-written numpy) as a peer of the same run: one long-lived
 * `/usr/bin/python3 w1_python.py` child per mode, started once (it generates W1's raw inputs
 * itself, from the same hash), then asked for one run per round, so its rounds interleave with
 * quiver's and the floor's. The child times itself (no pipe or start-up in its figures) and sends
 * the checksum of what it made and its own peak RSS.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Checksum } from '../checksum';
import type { W1Impl } from '../impl';

/** The interpreter: Debian's, which has python3-pandas (not a pyenv one on PATH). */
const PYTHON = process.env.QUIVER_BENCH_PYTHON ?? '/usr/bin/python3';

/** The script, found from src (ts-node) or from dist/ (compiled). */
function scriptPath(): string {
  const here = join(__dirname, 'w1_python.py');
  return existsSync(here) ? here : join(__dirname, '..', '..', '..', '..', 'benchmarks', 'w1', 'peers', 'w1_python.py');
}

/** A W1 implementation that drives the Python child; `close()` ends the child. */
export interface PythonW1Impl extends W1Impl {
  close(): Promise<void>;
}

interface Reply {
  phases: Record<string, number>;
  checksum: Checksum;
  peak_rss_mb: number;
}

/**
 * W1 through pandas (`mode: 'pandas'`, WORKLOAD.md's expressions on Series, then one DataFrame)
 * or hand-written numpy (`'numpy'`), run by `/usr/bin/python3` at N features × R rows.
 *
 * @example
 * const impl = pythonImpl('numpy', 100, 1000);
 * const out = await impl.run(generateRaw(1000));   // the child computes its own raw inputs
 * await impl.close();
 */
export function pythonImpl(mode: 'pandas' | 'numpy', n: number, r: number): PythonW1Impl {
  let child: ChildProcessWithoutNullStreams | undefined;
  let lines: Interface | undefined;
  let versions = '';
  const waiting: Array<{ resolve: (line: string) => void; reject: (e: Error) => void }> = [];
  let stderr = '';
  let ended = true; // no child, or it has exited (or never started)

  const next = () => new Promise<string>((resolve, reject) => { waiting.push({ resolve, reject }); });
  const failAll = (why: string) => {
    const tail = stderr.trim().split('\n').pop();
    for (const w of waiting.splice(0)) w.reject(new Error(`${PYTHON} w1_python.py --mode ${mode}: ${why}${tail ? `: ${tail}` : ''}`));
  };

  async function start(): Promise<void> {
    child = spawn(PYTHON, [scriptPath(), '--mode', mode, '--features', String(n), '--rows', String(r)], { stdio: 'pipe' });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    ended = false;
    child.on('error', (e) => { ended = true; failAll(`cannot start (${e.message})`); });
    child.on('exit', (code) => { ended = true; failAll(`ended (exit ${code}) before answering`); });
    lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => waiting.shift()?.resolve(line));
    const ready = await next();
    const info = JSON.parse(ready) as { pandas: string; numpy: string };
    versions = `pandas ${info.pandas}, numpy ${info.numpy}`;
  }

  return {
    name: mode,
    unsupported: [],
    get note() {
      return mode === 'pandas'
        ? `plain pandas script (${versions || 'pandas'}): WORKLOAD.md's expression per feature on Series, then pd.DataFrame of all N; timed inside Python`
        : `hand-written numpy (${versions || 'numpy'}): cumsum windows, slices for shifts; timed inside Python`;
    },
    async run() {
      if (!child) await start();
      const answer = next();
      child!.stdin.write('run\n');
      const reply = JSON.parse(await answer) as Reply;
      const compute = Object.values(reply.phases).reduce((a, b) => a + b, 0);
      return {
        phases: { compute },
        extra: { ...Object.fromEntries(Object.entries(reply.phases).map(([k, v]) => [`${k}_ms`, v])), python_peak_rss_mb: reply.peak_rss_mb },
        checksum: async () => reply.checksum,
      };
    },
    async close() {
      if (!child) return;
      if (!ended) {
        const done = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
        child.stdin.end('quit\n');
        await done;
      }
      lines?.close();
      child = undefined;
    },
  };
}
