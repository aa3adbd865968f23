/**
 * A dataset of parts with a manifest: each part's rows, bytes and sha256 recorded, the manifest
 * written last; the reader gives the parts joined in order and refuses a dataset whose manifest is
 * missing or whose part is missing, truncated, changed or swapped.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { tableFromArrays, type Table } from 'apache-arrow';
import { MANIFEST, readDataset, readManifest, writeDataset } from '../../../adapters/files/dataset';
import { InputError } from '../../../src';

const part = (from: number, n: number): Table => tableFromArrays({
  id: Int32Array.from({ length: n }, (_, i) => from + i),
  x: Float64Array.from({ length: n }, (_, i) => (i % 3 ? i / 4 : NaN)),
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-dataset-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const ext of ['arrow', 'parquet'] as const) {
  test(`${ext}: each part named with its rows, bytes and sha256; read back joined in order`, async () => {
    const parts = [part(0, 5), part(5, 1), part(6, 12)];
    const manifest = await writeDataset(parts, dir, ext);
    expect(manifest.rows).toBe(18);
    expect(manifest.parts.map((p) => [p.file, p.rows])).toEqual([
      [`part-00000.${ext}`, 5], [`part-00001.${ext}`, 1], [`part-00002.${ext}`, 12],
    ]);
    for (const p of manifest.parts) {
      const bytes = fs.readFileSync(path.join(dir, p.file));
      expect(p.bytes).toBe(bytes.length);
      expect(p.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(await readManifest(dir)).toEqual(manifest);
    const table = await readDataset(dir);
    const ids = Array.from(table.getChild('id')!.toArray() as Int32Array);
    expect(ids).toEqual(Array.from({ length: 18 }, (_, i) => i));
    const x = Array.from(table.getChild('x')!.toArray() as Float64Array);
    const want = parts.flatMap((t) => Array.from(t.getChild('x')!.toArray() as Float64Array));
    expect(x.every((v, i) => Object.is(v, want[i]))).toBe(true);
  });
}

test('no manifest (the writer did not finish, or a parts error): an InputError, never a partial table', async () => {
  async function* failing() {
    yield part(0, 3);
    throw new RangeError('partition 2 failed');
  }
  await writeDataset([part(0, 2), part(2, 2)], dir);
  await expect(writeDataset(failing(), dir)).rejects.toThrow('partition 2 failed');
  expect(fs.existsSync(path.join(dir, MANIFEST))).toBe(false); // the old manifest is gone too
  expect(fs.readdirSync(dir).sort()).toEqual(['part-00000.arrow']); // and the old parts
  await expect(readDataset(dir)).rejects.toThrow(InputError);
  await expect(readDataset(dir)).rejects.toThrow(/has no manifest\.json: its writer did not finish/);
});

test('a part missing, truncated, changed or of other rows: an InputError naming the part', async () => {
  const manifest = await writeDataset([part(0, 4), part(4, 4)], dir);
  const second = path.join(dir, manifest.parts[1].file);
  const good = fs.readFileSync(second);

  fs.rmSync(second);
  await expect(readDataset(dir)).rejects.toThrow(/Part part-00001\.arrow of the dataset .* is missing/);

  fs.writeFileSync(second, good.subarray(0, good.length - 8));
  const truncated = new RegExp(`has ${good.length - 8} bytes, the manifest says ${good.length}`);
  await expect(readDataset(dir)).rejects.toThrow(truncated);

  const changed = Buffer.from(good);
  changed[changed.length - 20] ^= 1;
  fs.writeFileSync(second, changed);
  await expect(readDataset(dir)).rejects.toThrow(/part-00001\.arrow .* does not have the sha256/);

  // a part replaced by another whose manifest entry was edited to match: the rows still differ
  await writeDataset([part(0, 3)], path.join(dir, 'other'));
  const other = fs.readFileSync(path.join(dir, 'other', 'part-00000.arrow'));
  fs.writeFileSync(second, other);
  const edited = { ...manifest, parts: [manifest.parts[0], { ...manifest.parts[1], bytes: other.length,
    sha256: createHash('sha256').update(other).digest('hex') }] };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(edited));
  await expect(readDataset(dir)).rejects.toThrow(/part-00001\.arrow .* has 3 rows, the manifest says 4/);

  fs.writeFileSync(path.join(dir, MANIFEST), '{"format":"other"}');
  await expect(readDataset(dir)).rejects.toThrow(/is not a quiver dataset manifest/);
});
