import * as fs from 'fs';
import * as path from 'path';
import { project, quiver, USER_FILES } from './support/cli';

const dir = project(USER_FILES);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('quiver list', () => {
  test('prints every node with type, kind, tags, checks, dependencies and doc', () => {
    const r = quiver(['list', 'features.ts', '--class', 'Spend'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => l.split(/\s{2,}/));
    expect(lines[0]).toEqual(['NAME', 'TYPE', 'KIND', 'TAGS', 'CHECKS', 'DEPENDS ON', 'DOC']);
    expect(lines.find((l) => l[0] === 'doubled')).toEqual(['doubled', 'Float64Array', 'feature', 'owner=ds', 'spend']);
    expect(lines.find((l) => l[0] === 'tripled')).toEqual(['tripled', 'Float64Array', 'feature', 'range', 'spend']);
    expect(lines.find((l) => l[0] === 'total')).toEqual(['total', 'Number', 'feature', 'doubled, tripled, bonus', 'doubled plus tripled, summed']);
    expect(lines.find((l) => l[0] === 'spend')).toEqual(['spend', 'Float64Array', 'input']);
  });

  test('--json with --tag: machine-readable, filtered', () => {
    const r = quiver(['list', 'features.ts', '--tag', 'owner=ds', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'doubled', type: 'Float64Array', kind: 'feature', origin: 'Spend.doubled', tags: { owner: 'ds' }, checks: [], dependencies: ['spend'], doc: '' },
    ]);
  });

  test('a graph that does not build: exit 1 with the GraphBuildError message', () => {
    const r = quiver(['list', 'cycle.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^GraphBuildError: Cycle: a → b → a \(each feature feeds the next\)\. A feature cannot depend on itself/);
  });

  test('a missing file: exit 2', () => {
    const r = quiver(['list', 'missing.ts'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: Cannot read the feature file "missing\.ts": no such file/);
  });
});

describe('quiver graph', () => {
  test('DOT to stdout: the nodes, the check, the config drawn as config', () => {
    const r = quiver(['graph', 'features.ts', '--class', 'Spend', '--config', 'bonus=2'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^digraph quiver \{/);
    expect(r.stdout).toContain('"tripled:check:range" [shape="octagon"');
    expect(r.stdout).toContain('"bonus" [shape="note"');
    expect(r.stdout).toContain('"spend" -> "doubled";');
  });

  test('-o file.svg writes an SVG and says what it drew', () => {
    const r = quiver(['graph', 'features.ts', '--class', 'Spend', '--outputs', 'doubled', '-o', 'pics/doubled.svg'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote SVG of 2 nodes as 2 boxes to pics/doubled.svg.\n');
    const svg = fs.readFileSync(path.join(dir, 'pics/doubled.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect([...svg.matchAll(/class="node">\s*<title>([^<]*)</g)].map((m) => m[1])).toEqual(['doubled', 'spend']);
  });

  test.each([
    [['graph', 'features.ts', '--expand', 'nothingLikeThis'], /^InputError: Nothing to expand named "nothingLikeThis"/],
    [['graph', 'features.ts', '--upstream-of', 'tripld'], /^InputError: Unknown node "tripld" \(upstream of\): no feature, input or config key has this name\. Did you mean "tripled"\?/],
    [['graph', 'features.ts', '--format', 'png'], /^error: option '--format <format>' argument 'png' is invalid\. Allowed choices are dot, svg\./],
    [['graph', 'features.ts', '--max-nodes', '0'], /^error: --max-nodes takes a whole number above 0 \(got "0"\)\./],
    [['graph', 'features.ts', '--collapse', 'colour'], /^error: --collapse takes one of auto, node, origin, namespace, class, band or tag:<key> \(got "colour"\)\./],
  ])('bad usage exits 2: %j', (args, message) => {
    const r = quiver(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('quiver validate', () => {
  test('OK without computing anything', () => {
    const r = quiver(['validate', 'features.ts', '--class', 'Spend', '--inputs', 'data.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('OK: features.ts can compute 3 outputs from data.csv (4 rows, 2 columns). Nothing was computed.\n');
  });

  test('prints every problem at once and exits 1', () => {
    const r = quiver(['validate', 'features.ts', '--class', 'Spend', '--inputs', 'no-spend.csv', '--outputs', 'doubled,tripld', '--config', 'other=1'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^InputError: 3 problems found in the inputs of this execution:\n/);
    expect(r.stderr).toContain('"other" is both a config key and an input.');
    expect(r.stderr).toContain('Unknown output "tripld"');
    expect(r.stderr).toContain('Missing input "spend", needed by "doubled".');
  });

  test('--inputs is required: exit 2', () => {
    const r = quiver(['validate', 'features.ts'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: required option '--inputs <file>' not specified/);
  });
});

test('--help works on every command and --version prints the package version', () => {
  for (const cmd of [[], ['run'], ['list'], ['graph'], ['validate']]) {
    const r = quiver([...cmd, '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(cmd.length ? new RegExp(`^Usage: quiver ${cmd[0]} \\[options\\] <features>`) : /^Usage: quiver \[options\] \[command\]/);
  }
  const version = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version;
  expect(quiver(['--version'], dir).stdout).toBe(`${version}\n`);
  const none = quiver([], dir);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('Usage: quiver');
});
