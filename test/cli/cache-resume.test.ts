/**
 * `quiver run --cache`: a real child process killed with SIGKILL mid-run, then run again, reads
 * every node that had finished and computes only the rest; two runs sharing one cache directory at
 * once both succeed; `quiver cache clear` empties it; `--report` marks nodes read from the cache.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { project, quiver } from './support/cli';

const STEPS = 8;
const methods = Array.from({ length: STEPS }, (_, k) => `
  @feature()
  async step${k + 1}(${k === 0 ? 'spend' : `step${k}`}: Float64Array): Promise<Float64Array> {
    await new Promise((done) => setTimeout(done, 250));
    fs.appendFileSync('computed.log', 'step${k + 1}\\n');
    return ${k === 0 ? 'spend' : `step${k}`}.map((v) => v * 2 + ${k});
  }`).join('\n');

const dir = project({
  'features.ts': `import * as fs from 'fs';\nimport { feature } from 'quiver';\n\nexport class Slow {${methods}\n}\n`,
  'data.csv': 'spend\n1.5\n2.5\n3.5\n',
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const RUN = (out: string, cache: string) => ['run', 'features.ts', '--inputs', 'data.csv', '--out', out, '--cache', cache, '--quiet'];
const ALL = Array.from({ length: STEPS }, (_, k) => `step${k + 1}`);
const computed = () => (fs.existsSync(path.join(dir, 'computed.log')) ? fs.readFileSync(path.join(dir, 'computed.log'), 'utf8').split('\n').filter(Boolean) : []);
const stored = (cache: string) => {
  const index = path.join(dir, cache, 'index');
  // an entry being written is a `.name.quiver-….partial` file beside the others (atomic-write.ts): not stored yet
  const entries = fs.existsSync(index) ? fs.readdirSync(index).filter((f) => !f.endsWith('.partial')) : [];
  return entries.map((f) => JSON.parse(fs.readFileSync(path.join(index, f), 'utf8')).node as string);
};
const columns = async (file: string) => {
  const table = await readTable(path.join(dir, file));
  return Object.fromEntries(ALL.map((n) => [n, Array.from(table.getChild(n)!.toArray() as Float64Array)]));
};

/** Starts `quiver run` and kills it with SIGKILL once `count` nodes are stored (bounded by 60 s). */
function killAfter(cache: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, [path.join(__dirname, 'support/run-from-source.js'), ...RUN('killed.arrow', cache)], { cwd: dir, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const timer = setInterval(() => {
      const done = stored(cache);
      if (done.length >= count || Date.now() - began > 60_000) {
        clearInterval(timer);
        child.kill('SIGKILL');
        child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(stored(cache)) : reject(new Error(`the run ended by itself (${signal})`))));
      }
    }, 20);
    child.once('error', reject);
  });
}

describe('quiver run --cache', () => {
  test('a run killed with SIGKILL resumes: finished nodes are read, only the rest computed, the result equal', async () => {
    const whole = quiver(RUN('whole.arrow', 'whole-cache'), dir);
    expect(whole.stderr).toBe('');
    expect(whole.stdout).toContain(`Cache whole-cache: 0 nodes read, ${STEPS} nodes computed.`);
    fs.rmSync(path.join(dir, 'computed.log'));

    const finished = await killAfter('cache', 3);
    expect(finished.length).toBeGreaterThanOrEqual(3);
    expect(finished.length).toBeLessThan(STEPS);
    expect(fs.existsSync(path.join(dir, 'killed.arrow'))).toBe(false);
    fs.rmSync(path.join(dir, 'computed.log'));

    const resumed = quiver(RUN('resumed.arrow', 'cache'), dir);
    expect(resumed.stderr).toBe('');
    expect(computed()).toEqual(ALL.filter((n) => !finished.includes(n)));
    // every step is an output: each finished one is read, each other computed
    const rest = STEPS - finished.length;
    expect(resumed.stdout).toContain(`Cache cache: ${finished.length} nodes read, ${rest} node${rest === 1 ? '' : 's'} computed.`);
    expect(await columns('resumed.arrow')).toEqual(await columns('whole.arrow'));
  });

  test('two runs sharing one cache directory at once both succeed; a third reads everything', async () => {
    const start = (out: string) => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [path.join(__dirname, 'support/run-from-source.js'), ...RUN(out, 'shared')], { cwd: dir, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.once('exit', (code) => (clearTimeout(timer), resolve(code)));
    });
    expect(await Promise.all([start('a.arrow'), start('b.arrow')])).toEqual([0, 0]);
    expect(await columns('a.arrow')).toEqual(await columns('b.arrow'));
    const third = quiver([...RUN('c.arrow', 'shared'), '--report', 'run.html'], dir);
    expect(third.stdout).toContain(`Cache shared: ${STEPS} nodes read, 0 nodes computed.`);
    expect(await columns('c.arrow')).toEqual(await columns('a.arrow'));
    const html = fs.readFileSync(path.join(dir, 'run.html'), 'utf8');
    expect(html).toContain('8 of them were read from the cache.');
    expect(html).toContain('step8 <span class="badge cached">FROM CACHE</span>');
  });

  test('quiver cache clear empties the directory, and refuses one that is not a cache', () => {
    quiver(RUN('d.arrow', 'to-clear'), dir);
    const cleared = quiver(['cache', 'clear', 'to-clear'], dir);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/^Cleared to-clear: 8 entries, [\d.]+ MB\.\n$/);
    expect(stored('to-clear')).toEqual([]);
    const refused = quiver(['cache', 'clear', 'features.ts'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('CacheError: Cannot clear "features.ts": it is not a quiver cache (no QUIVER-CACHE file in it). Pass the directory given to withCache() or --cache.');
  });
});
