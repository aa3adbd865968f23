/**
 * The partitions benchmark's inputs: a sorted history of `entities` × `rows` (entity Int32, time
 * as epoch ms, two seeded float columns with a few NaN) written as Arrow IPC, and a plain-JS
 * features file of `features` per-entity windows (rolling means and stds, shifts, EWMs) on them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { writeArrow } from '../../adapters/files/write-arrow';

/**
 * Writes `history.arrow` into `dir`.
 *
 * @example
 * await writeHistory(dir, 1000, 8000);
 */
export async function writeHistory(dir: string, entities: number, rows: number): Promise<string> {
  const n = entities * rows;
  const entity = new Int32Array(n);
  const time = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const start = Date.UTC(2020, 0, 1);
  for (let e = 0, i = 0; e < entities; e++) {
    for (let t = 0; t < rows; t++, i++) {
      entity[i] = e;
      time[i] = start + t * 3_600_000;
      x[i] = rand() < 0.01 ? NaN : 100 + 10 * rand() + t * 0.01;
      y[i] = rand() < 0.01 ? NaN : rand() * e;
    }
  }
  const file = path.join(dir, 'history.arrow');
  await writeArrow(tableFromColumns(['entity', 'time', 'x', 'y'], [entity, time, x, y]), file);
  return file;
}

/**
 * Writes `features.js` into `dir`: one class of `count` per-entity features of `x` and `y`.
 *
 * @example
 * writeFeatures(dir, 40, require.resolve('../../src'));
 */
export function writeFeatures(dir: string, count: number, quiver: string): string {
  const methods: string[] = [];
  for (let k = 0; methods.length < count; k++) {
    const input = k % 2 === 0 ? 'x' : 'y';
    const w = 3 + 4 * Math.floor(k / 8);
    const kind = Math.floor(k / 2) % 4;
    const body = [
      `q.rollingMean(${input}, ${w}, { groups })`,
      `q.rollingStd(${input}, ${w}, { groups })`,
      `q.shift(${input}, ${w}, { groups })`,
      `q.ewmMean(${input}, { span: ${w}, groups })`,
    ][kind];
    const name = `${input}_${['mean', 'std', 'lag', 'ewm'][kind]}_${w}`;
    methods.push(`  ${name}(${input}, groups) { return ${body}; }`);
  }
  const file = path.join(dir, 'features.js');
  const text =
    `const q = require(${JSON.stringify(quiver)});\nclass History {\n${methods.join('\n')}\n}\n` +
    'module.exports = { History };\n';
  fs.writeFileSync(file, text);
  return file;
}
