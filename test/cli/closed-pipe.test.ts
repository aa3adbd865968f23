/**
 * `quiver run … | head`: the reader of stdout goes away before the command is done. The command
 * must neither crash (an unhandled EPIPE) nor lose the files it promised (`--report`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { project, USER_FILES } from './support/cli';

const RUNNER = path.join(__dirname, 'support', 'run-from-source.js');
const dir = project(USER_FILES);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a closed stdout pipe neither crashes the command nor loses its report', () => {
  // `true` exits without reading: every line the command prints meets a closed pipe
  const command = `"${process.execPath}" "${RUNNER}" run features.ts --class Spend --inputs data.csv ` +
    '--out out.csv --report run.html --quiet | true; echo "exit ${PIPESTATUS[0]}" >&2';
  const r = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).not.toContain('EPIPE');
  expect(r.stderr).toContain('exit 0');
  expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toMatch(/^doubled,tripled,total\n/);
  expect(fs.readFileSync(path.join(dir, 'run.html'), 'utf8')).toContain('</html>');
});
