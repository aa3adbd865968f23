/** Outputs of one command never share a file; a failed read still writes the report; -o errors name the path. */
import * as fs from 'fs';
import * as path from 'path';
import { project, quiver, USER_FILES } from './support/cli';

const dir = project({ ...USER_FILES, 'bad.parquet': 'PAR1 not parquet at all PAR1', 'sub/.keep': '' });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...extra: string[]) => ['run', 'features.ts', '--class', 'Spend', '--inputs', 'data.csv', '--quiet', ...extra];

describe('two outputs resolving to one file are refused before anything runs', () => {
  test.each([
    [['--out', 'o.csv', '--report', 'o.csv'], 'both name the file "o.csv", resolved to'],
    [['--out', 'o.csv', '--report', './sub/../o.csv'], 'both name the file "o.csv" (as "./sub/../o.csv"), resolved to'],
  ])('%j', (flags, words) => {
    const r = quiver(run(...flags), dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: --out and --report ${words} ${path.join(fs.realpathSync(dir), 'o.csv')}: one would overwrite the other. Give --report another path.`);
    expect(fs.existsSync(path.join(dir, 'o.csv'))).toBe(false);
  });

  test('through a symbolic link to the folder', () => {
    fs.symlinkSync('sub', path.join(dir, 'alias'));
    const r = quiver(run('--out', 'sub/r.csv', '--report', 'alias/r.csv'), dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --out and --report both name the file "sub/r.csv" (as "alias/r.csv")');
    expect(fs.existsSync(path.join(dir, 'sub/r.csv'))).toBe(false);
  });
});

describe('a run whose input read fails still writes its --report', () => {
  test.each([
    ['bad.parquet', 1, 'Cannot read Parquet from &quot;bad.parquet&quot;'],
    ['missing.csv', 2, 'Cannot read CSV from &quot;missing.csv&quot;: no such file'],
  ])('--inputs %s', (inputs, code, words) => {
    const report = `failed-${inputs}.html`;
    const r = quiver(['run', 'features.ts', '--inputs', inputs, '--out', 'never.csv', '--report', report, '--quiet'], dir);
    expect(r.code).toBe(code);
    expect(r.stdout).toContain(`Report: ${report}`);
    const html = fs.readFileSync(path.join(dir, report), 'utf8');
    expect(html).toContain('<span class="status failed" id="status">failed</span>');
    expect(html).toContain(words);
    expect(fs.existsSync(path.join(dir, 'never.csv'))).toBe(false);
  });
});

describe('graph -o and --report write through the atomic writer', () => {
  test('graph -o naming a folder: the path and the fix, no raw EISDIR', () => {
    fs.mkdirSync(path.join(dir, 'pic.dot'));
    const r = quiver(['graph', 'features.ts', '-o', 'pic.dot'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('InputError: Cannot write DOT to "pic.dot": "pic.dot" is a folder. Give the path of a file inside it, e.g. "pic.dot/result.dot".\n' +
      '(run again with --verbose to see where it was thrown)\n');
  });

  test('--report through a symbolic link replaces the linked file and keeps the link and its mode', () => {
    fs.writeFileSync(path.join(dir, 'sub/real.html'), 'old');
    fs.chmodSync(path.join(dir, 'sub/real.html'), 0o600);
    fs.symlinkSync('sub/real.html', path.join(dir, 'latest.html'));
    const r = quiver(run('--out', 'fine.csv', '--report', 'latest.html'), dir);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'latest.html')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sub/real.html'), 'utf8')).toContain('<span class="status ok" id="status">succeeded</span>');
    expect(fs.statSync(path.join(dir, 'sub/real.html')).mode & 0o777).toBe(0o600);
  });
});
