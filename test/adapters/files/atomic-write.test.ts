/** The one atomic writer: unique temp files, last writer wins whole, modes, links, stale temp files, errors. */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { Builder, feature, materialize } from '../../../src';
import { tableFromColumns, writeArrow, writeParquet, writeResult, readTable } from '../../../adapters';
import { atomicWrite } from '../../../adapters/files/atomic-write';
import { tempName } from '../../../adapters/files/temp-files';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();
const root = join(__dirname, '../../..');
const register = join(__dirname, '../helpers/swc-register.js');

/** A table whose every cell is `k`: which writer's file it is shows in any cell. */
const tableOf = (k: number, rows = 20_000) => tableFromColumns(['k', 'j'], [new Float64Array(rows).fill(k), new Float64Array(rows).fill(-k)]);

/** Every cell of the table at `path` holds one writer's number: returns it, or throws on a mix. */
async function wholeWriter(path: string, rows = 20_000): Promise<number> {
  const table = await readTable(path);
  expect(table.numRows).toBe(rows);
  const k = Array.from(table.getChild('k')!.toArray() as Float64Array);
  const j = Array.from(table.getChild('j')!.toArray() as Float64Array);
  expect(new Set(k).size).toBe(1);
  expect(j.every((v) => v === -k[0])).toBe(true);
  return k[0];
}

const partials = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.partial'));

describe('concurrent writes to one path', () => {
  it.each(['out.csv', 'out.arrow', 'out.arrows', 'out.parquet'])(
    'twelve writeResult calls at once to %s: all succeed, one writer wins whole, no temp file left',
    async (name) => {
      const folder = fs.mkdtempSync(join(dir(), 'conc-'));
      const path = join(folder, name);
      await Promise.all(Array.from({ length: 12 }, (_, k) => writeResult(tableOf(k), path)));
      expect(await wholeWriter(path)).toBeGreaterThanOrEqual(0);
      expect(partials(folder)).toEqual([]);
    },
  );

  it('writeArrow, writeParquet and materialize racing on one path: one wins whole', async () => {
    const folder = fs.mkdtempSync(join(dir(), 'mixed-'));
    const path = join(folder, 'same.parquet');
    class K {
      @feature() k(n: number): Float64Array { return new Float64Array(20_000).fill(n); }
      @feature() j(k: Float64Array): Float64Array { return k.map((v) => -v); }
    }
    const dr = new Builder().withFeatures(K).withAdapters(materialize(path)).build();
    await Promise.all([
      writeParquet(tableOf(1), path),
      writeParquet(tableOf(2), path, { compression: 'zstd' }),
      dr.execute(['k', 'j'], { inputs: { n: 3 } }),
      dr.execute(['k', 'j'], { inputs: { n: 4 } }),
    ]);
    expect([1, 2, 3, 4]).toContain(await wholeWriter(path));
    await Promise.all([writeArrow(tableOf(5), join(folder, 'same.arrow')), writeArrow(tableOf(6), join(folder, 'same.arrow'))]);
    expect([5, 6]).toContain(await wholeWriter(join(folder, 'same.arrow')));
    expect(partials(folder)).toEqual([]);
  });

  it('two processes writing one path 20 times each: every read sees one whole file', async () => {
    const folder = fs.mkdtempSync(join(dir(), 'procs-'));
    const path = join(folder, 'shared.csv');
    const script = (k: number) => `
      const { writeResult, tableFromColumns } = require(${JSON.stringify(join(root, 'adapters/index.ts'))});
      (async () => {
        for (let i = 0; i < 20; i++) {
          const t = tableFromColumns(['k', 'j'], [new Float64Array(20000).fill(${k}), new Float64Array(20000).fill(-${k})]);
          await writeResult(t, ${JSON.stringify(path)});
        }
      })().catch((e) => { console.error(e.message); process.exit(1); });`;
    const children = [1, 2].map((k) => spawn(process.execPath, ['-r', register, '-e', script(k)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] }));
    const exits = children.map((c) => new Promise<[number | null, string]>((done) => {
      let err = '';
      c.stderr!.on('data', (d) => (err += d));
      c.on('exit', (code) => done([code, err]));
    }));
    const seen = new Set<number>();
    let running = true;
    void Promise.all(exits).then(() => (running = false));
    while (running) {
      if (fs.existsSync(path)) seen.add(await wholeWriter(path));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await Promise.all(exits)).toEqual([[0, ''], [0, '']]);
    seen.add(await wholeWriter(path));
    expect([...seen].every((k) => k === 1 || k === 2)).toBe(true);
    expect(partials(folder)).toEqual([]);
  }, 120_000);
});

describe('what the replaced path keeps', () => {
  it('a replaced file keeps its mode', async () => {
    const path = join(dir(), 'mode.csv');
    await writeResult(tableOf(1, 3), path);
    fs.chmodSync(path, 0o640);
    await writeResult(tableOf(2, 3), path);
    expect(fs.statSync(path).mode & 0o777).toBe(0o640);
    expect(await wholeWriter(path, 3)).toBe(2);
  });

  it('a symbolic link at the path stays; the file it points to is replaced', async () => {
    const folder = fs.mkdtempSync(join(dir(), 'link-'));
    fs.mkdirSync(join(folder, 'real'));
    const target = join(folder, 'real', 'data.arrow');
    const link = join(folder, 'latest.arrow');
    await writeResult(tableOf(1, 3), target);
    fs.symlinkSync('real/data.arrow', link);
    await writeResult(tableOf(2, 3), link);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('real/data.arrow');
    expect(await wholeWriter(target, 3)).toBe(2);
    expect(partials(folder)).toEqual([]);
    expect(partials(join(folder, 'real'))).toEqual([]);
  });

  it('a link to a file not there yet creates that file', async () => {
    const folder = fs.mkdtempSync(join(dir(), 'dangling-'));
    fs.symlinkSync('made-later.csv', join(folder, 'link.csv'));
    await writeResult(tableOf(7, 3), join(folder, 'link.csv'));
    expect(fs.lstatSync(join(folder, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(await wholeWriter(join(folder, 'made-later.csv'), 3)).toBe(7);
  });
});

describe('temporary files a killed run left behind', () => {
  /** The pid of a process that has exited. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  }

  it('a run killed mid-write leaves no file at the path, only a hidden temp file', async () => {
    const folder = fs.mkdtempSync(join(dir(), 'killed-'));
    const path = join(folder, 'big.csv');
    const script = `
      const { atomicWrite } = require(${JSON.stringify(join(root, 'adapters/files/atomic-write.ts'))});
      atomicWrite(${JSON.stringify(path)}, 'CSV', async (file) => {
        await file.write('k\\n1\\n');
        process.stdout.write('writing\\n');
        await new Promise(() => setInterval(() => undefined, 1000));
      });`;
    const child = spawn(process.execPath, ['-r', register, '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done) => child.stdout!.once('data', () => done()));
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect(fs.existsSync(path)).toBe(false);
    const left = partials(folder);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.big\\.csv\\.quiver-${child.pid}-[0-9a-f]{16}\\.partial$`));
  }, 60_000);

  it('the next write to the folder removes stale ones (older than an hour, writer gone) and keeps the rest', async () => {
    const folder = fs.mkdtempSync(join(dir(), 'stale-'));
    const dead = deadPid();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    const files = {
      stale: `.a.csv.quiver-${dead}-0123456789abcdef.partial`,
      legacy: `.b.arrow.${dead}.1700000000000.partial`,
      fresh: `.c.csv.quiver-${dead}-fedcba9876543210.partial`,
      alive: `.d.csv.quiver-${process.pid}-00000000000000aa.partial`,
      notOurs: '.e.csv.partial',
    };
    for (const [key, name] of Object.entries(files)) {
      fs.writeFileSync(join(folder, name), 'x');
      if (key !== 'fresh') fs.utimesSync(join(folder, name), hoursAgo(2), hoursAgo(2));
    }
    await writeResult(tableOf(1, 3), join(folder, 'out.csv'));
    expect(fs.readdirSync(folder).sort()).toEqual([files.fresh, files.alive, files.notOurs, 'out.csv'].sort());
  });

  it('temp names are unique even when drawn in the same millisecond', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempName('x.csv')));
    expect(names.size).toBe(1000);
  });
});

describe('write errors name the path and the fix', () => {
  const table = tableOf(1, 3);

  it('a folder that does not exist', async () => {
    const path = join(dir(), 'no-such-folder', 'out.parquet');
    const error = await rejection(writeResult(table, path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot write Parquet to "${path}": the folder "${join(dir(), 'no-such-folder')}" does not exist. Create it, or write to another path.`,
    );
    expect((error as Error & { cause: { code: string } }).cause.code).toBe('ENOENT');
  });

  it('a path that is a folder', async () => {
    const path = join(dir(), 'a-folder.csv');
    fs.mkdirSync(path);
    expect((await rejection(writeResult(table, path))).message).toBe(
      `Cannot write CSV to "${path}": "${path}" is a folder. Give the path of a file inside it, e.g. "${path}/result.csv".`,
    );
    expect(partials(dir())).toEqual([]);
  });

  it('a folder that is a file', async () => {
    const file = join(dir(), 'plain-file');
    fs.writeFileSync(file, '');
    const path = join(file, 'out.arrow');
    expect((await rejection(writeResult(table, path))).message).toBe(
      `Cannot write Arrow IPC to "${path}": a part of "${file}" is a file, not a folder. Write to a path inside a folder.`,
    );
  });

  it('a full disk (ENOSPC from the write, driven directly: no small disk to fill here)', async () => {
    const path = join(dir(), 'full.csv');
    const error = await rejection(atomicWrite(path, 'CSV', async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }));
    expect(error.message).toBe(`Cannot write CSV to "${path}": no space left on the device of "${dir()}". Free some space, or write to another disk.`);
    expect(fs.existsSync(path)).toBe(false);
    expect(partials(dir())).toEqual([]);
  });

  it.each([
    ['EROFS', 'is on a read-only file system. Write to another path.'],
    ['EACCES', 'permission denied in'],
  ])('%s', async (code, words) => {
    const path = join(dir(), `${code}.csv`);
    const error = await rejection(atomicWrite(path, 'CSV', async () => {
      throw Object.assign(new Error(`${code}: raw`), { code });
    }));
    expect(error.message).toContain(`Cannot write CSV to "${path}": `);
    expect(error.message).toContain(words);
    expect(error.message).not.toContain(`${code}: raw`);
  });
});
