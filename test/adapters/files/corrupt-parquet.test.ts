/**
 * Corrupt Parquet files end in an InputError naming the file, never in the end of the process:
 * parquet-wasm's async reader panics (`RuntimeError: unreachable`, uncatchable) on some of these
 * bytes. The reads run in a child process so that such an abort would be seen as its exit.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();
const root = join(__dirname, '../../..');

it('truncated and byte-flipped files: every read resolves or is an InputError naming the file', () => {
  const script = `
    const fs = require('node:fs');
    const { readParquet, writeParquet, tableFromColumns } = require(${JSON.stringify(join(root, 'adapters/index.ts'))});
    const { InputError } = require(${JSON.stringify(join(root, 'src/errors.ts'))});
    (async () => {
      const n = 5000;
      const source = ${JSON.stringify(join(dir(), 'good.parquet'))};
      await writeParquet(tableFromColumns(['x', 'k', 's'], [
        Float64Array.from({ length: n }, (_, i) => i * 0.5), Int32Array.from({ length: n }, (_, i) => i % 7),
        Array.from({ length: n }, (_, i) => 's' + (i % 13))]), source, { rowGroupSize: 1000 });
      const bytes = fs.readFileSync(source);
      const cases = [];
      for (let i = 0; i < bytes.length; i += 397) cases.push(['flip', i]);
      for (let i = 1; i < bytes.length; i += Math.ceil(bytes.length / 12)) cases.push(['cut', i]);
      const counts = { ok: 0, InputError: 0, other: [] };
      for (const [kind, at] of cases) {
        const path = ${JSON.stringify(dir())} + '/' + kind + '-' + at + '.parquet';
        const b = Buffer.from(bytes);
        if (kind === 'flip') b[at] ^= 0xff;
        fs.writeFileSync(path, kind === 'flip' ? b : b.subarray(0, at));
        try {
          await readParquet(path);
          counts.ok++;
        } catch (e) {
          if (e instanceof InputError && e.message.startsWith('Cannot read Parquet from "' + path + '": ')) counts.InputError++;
          else counts.other.push(kind + at + ': ' + e.message);
        }
      }
      process.stdout.write(JSON.stringify({ cases: cases.length, ...counts }));
    })();`;
  const child = spawnSync(process.execPath, ['-r', join(__dirname, '../helpers/swc-register.js'), '-e', script], { cwd: root, encoding: 'utf8', timeout: 110_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const result = JSON.parse(child.stdout);
  expect(result.other).toEqual([]);
  expect(result.ok + result.InputError).toBe(result.cases);
  expect(result.InputError).toBeGreaterThan(10);
}, 120_000);
