/**
 * quiver as a dependency, the way a user gets it: the package is packed (`npm pack`, honouring
 * package.json's `files`), installed from the tarball into an empty project with the npm registry
 * only, and the README's hello world is compiled by `tsc` with exactly the README's tsconfig
 * (`strict`, no `skipLibCheck`), run with `node`, run with `node -r quiver/register main.ts`, and
 * listed by `npx quiver list`.
 *
 * The package is built into a staging folder (the same tsconfig as `npm run build`, other outDir)
 * rather than into this checkout's dist/, which other tests may be reading meanwhile. Skipped, with
 * the reason printed, only when the npm registry cannot be reached.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const repo = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The registry npm would use, and whether it answers within a few seconds. */
function registryProblem(): string | undefined {
  const registry = execFileSync(npm, ['config', 'get', 'registry'], { encoding: 'utf8' }).trim().replace(/\/$/, '');
  const probe = spawnSync(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(`${registry}/typescript`)}, { method: 'HEAD', signal: AbortSignal.timeout(8000) })
      .then((r) => process.exit(r.ok ? 0 : 2), () => process.exit(3))`],
    { timeout: 10000 },
  );
  return probe.status === 0 ? undefined : `the npm registry ${registry} is unreachable (probe exit ${probe.status ?? probe.signal})`;
}

const problem = registryProblem();
if (problem) console.warn(`skipping the pack-and-install test: ${problem}`);
const maybe = problem ? test.skip : test;

function block(file: string): string {
  const match = new RegExp('```ts\\n(// ' + file.replace('.', '\\.') + '\\n[\\s\\S]*?)```').exec(readme);
  if (!match) throw new Error(`README has no \`// ${file}\` code block`);
  return match[1];
}

function readmeTsconfig(): string {
  const match = /\*\*Compiler settings\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README has no tsconfig block after **Compiler settings.**');
  return match[1];
}

/** Runs a command; on failure the error carries its output, so a broken step says what broke. */
function run(command: string, args: string[], cwd: string, timeout = 60000): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NODE_OPTIONS: '' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const timings: Record<string, number> = {};
function timed<T>(name: string, step: () => T): T {
  const start = Date.now();
  try {
    return step();
  } finally {
    timings[name] = (Date.now() - start) / 1000;
  }
}

maybe(
  'the packed tarball installs from the registry alone; the README hello world compiles strictly and runs three ways',
  () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-pack-'));
    try {
      // 1. Stage and build the package as `npm run build` does, then pack it (prepare already done).
      const stage = path.join(root, 'stage');
      fs.mkdirSync(stage);
      for (const entry of ['package.json', 'README.md', 'LICENSE', 'bin', 'docs']) {
        fs.cpSync(path.join(repo, entry), path.join(stage, entry), { recursive: true });
      }
      const build = JSON.parse(fs.readFileSync(path.join(repo, 'tsconfig.build.json'), 'utf8'));
      fs.writeFileSync(
        path.join(stage, 'tsconfig.pack.json'),
        JSON.stringify({
          extends: path.join(repo, 'tsconfig.json'),
          compilerOptions: { types: build.compilerOptions.types, typeRoots: [path.join(repo, 'node_modules', '@types')], rootDir: repo, outDir: path.join(stage, 'dist'), incremental: false },
          include: ['src', 'decorators', 'adapters', 'cli'].map((dir) => path.join(repo, dir)),
        }),
      );
      timed('build', () => run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(stage, 'tsconfig.pack.json')], stage, 120000));
      expect(fs.existsSync(path.join(stage, 'dist', 'src', 'index.js.map'))).toBe(true); // so "no maps packed" means something
      const packed = JSON.parse(timed('pack', () => run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', root], stage)));
      const { filename, size, unpackedSize, entryCount, files } = packed[0] as {
        filename: string;
        size: number;
        unpackedSize: number;
        entryCount: number;
        files: { path: string }[];
      };
      const paths = files.map((f) => f.path);
      expect(paths.filter((p) => /^(test|benchmarks|examples|src|cli|adapters|decorators|node_modules)\//.test(p))).toEqual([]);
      expect(paths.filter((p) => /\.map$|\.tsbuildinfo$|(?<!\.d)\.ts$/.test(p))).toEqual([]);
      expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'bin/quiver.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/cli/register.js', 'dist/cli/main.js']));

      // 2. An empty project installs the tarball and TypeScript from the registry.
      const project = path.join(root, 'project');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'newcomer', version: '1.0.0', private: true }));
      timed('install', () =>
        run(npm, ['install', path.join(root, filename), 'typescript@~5.9', '--prefer-offline', '--no-audit', '--no-fund'], project, 120000),
      );
      expect(fs.existsSync(path.join(project, 'node_modules', 'danfojs-node'))).toBe(false); // optional peer, not pulled in

      // 3. The README's files, the README's tsconfig (strict, no skipLibCheck): tsc compiles them.
      fs.writeFileSync(path.join(project, 'features.ts'), block('features.ts'));
      fs.writeFileSync(path.join(project, 'main.ts'), block('main.ts'));
      const tsconfig = readmeTsconfig();
      expect(JSON.parse(tsconfig).compilerOptions).toMatchObject({ strict: true, experimentalDecorators: true, emitDecoratorMetadata: true });
      expect(tsconfig).not.toContain('skipLibCheck');
      fs.writeFileSync(path.join(project, 'tsconfig.json'), tsconfig);
      timed('tsc', () => run(npx, ['--no-install', 'tsc', '-p', '.'], project, 120000));

      // 4. It runs: compiled, through quiver/register, and the CLI lists it.
      const expectTable = (printed: string) => {
        expect(printed).toContain('avg3wkSpend');
        expect(printed).toMatch(/28\.33333333/); // spendMean
        expect(printed).toMatch(/17\.22401424/); // spendStdDev (ddof=1)
        expect(printed).toMatch(/-1\.06440537/); // spendZeroMeanUnitVariance, first row
      };
      expectTable(timed('node main.js', () => run(process.execPath, ['main.js'], project)));
      fs.rmSync(path.join(project, 'main.js'));
      fs.rmSync(path.join(project, 'features.js'));
      expectTable(timed('node -r quiver/register', () => run(process.execPath, ['-r', 'quiver/register', 'main.ts'], project)));
      const listed = timed('quiver list', () => run(npx, ['--no-install', 'quiver', 'list', 'features.ts'], project));
      expect(listed).toMatch(/^avg3wkSpend\s+Float64Array\s+feature\s+owner=marketing pii=false\s+spend\s*$/m);
      expect(listed).toMatch(/^signups\s+Float64Array\s+input/m);

      // 5. Typed names (issue 18): the hello world with a misspelt output does not compile, and
      // the error names the misspelling.
      fs.writeFileSync(path.join(project, 'main.ts'), block('main.ts').replace("'spendPerSignup'", "'spendPerSingup'"));
      const typo = spawnSync(npx, ['--no-install', 'tsc', '-p', '.', '--noEmit'], { cwd: project, encoding: 'utf8', timeout: 120000 });
      expect(typo.status).not.toBe(0);
      expect(typo.stdout).toContain('unknown name: spendPerSingup');

      console.log(
        `quiver tarball: ${filename} ${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024).toFixed(0)} kB unpacked, ${entryCount} files; ` +
          `seconds: ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
  300000,
);
