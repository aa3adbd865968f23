/**
 * A file format and a check added from outside quiver with one call each, through the public entry.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, type Table } from 'apache-arrow';
import {
  Builder, checkOutput, dictResult, FeatureDefinitionError, readTable, registerCheck, registerFormat, RegistrationError,
  writeResult,
} from 'quiver';

declare module 'quiver' {
  interface RegisteredCheckOptions {
    atLeast?: number;
  }
}

/** A toy format: a header line, then one line per row, fields separated by '|'; numbers only. */
async function readPsv(path: string): Promise<Table> {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split('|');
  const columns = names.map(() => [] as number[]);
  for (const line of lines) for (const [j, v] of line.split('|').entries()) columns[j].push(Number(v));
  return tableFromArrays(Object.fromEntries(names.map((n, j) => [n, Float64Array.from(columns[j])])));
}

async function writePsv(table: Table, path: string): Promise<void> {
  const names = table.schema.fields.map((f) => f.name);
  const rows = [names.join('|')];
  for (let i = 0; i < table.numRows; i++) rows.push(names.map((n) => String(table.getChild(n)!.get(i))).join('|'));
  writeFileSync(path, `${rows.join('\n')}\n`);
}

describe('registerFormat', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'quiver-psv-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one call makes readTable and writeResult handle a new extension', async () => {
    registerFormat('Pipe-separated', { extensions: ['.psv'], read: readPsv, write: writePsv });
    const path = join(dir, 'prices.psv');
    writeFileSync(path, 'price|qty\n1.5|2\n3|4\n');
    const table = await readTable(path);
    expect(table.numRows).toBe(2);
    expect(Array.from(table.getChild('price')!.toArray() as Float64Array)).toEqual([1.5, 3]);
    const out = join(dir, 'out.psv');
    await writeResult(table, out);
    expect(readFileSync(out, 'utf8')).toBe('price|qty\n1.5|2\n3|4\n');
  });

  it('a taken name or extension needs { override: true }; bad names and extensions are refused', () => {
    const def = { extensions: ['.psv2'], read: readPsv, write: writePsv };
    expect(() => registerFormat('Pipe-separated', def)).toThrow(/a format of this name is registered.*override: true/);
    expect(() => registerFormat('Other', { ...def, extensions: ['.csv'] }))
      .toThrow(/\.csv is CSV\. Pass \{ override: true \}/);
    expect(() => registerFormat('', def)).toThrow(RegistrationError);
    expect(() => registerFormat('Bad ext', { ...def, extensions: ['psv'] }))
      .toThrow(/"psv" must be lower case with a leading dot/);
    expect(() => registerFormat('No writer', { extensions: ['.nw'], read: readPsv } as never)).toThrow(/takes \{ read/);
    registerFormat('Pipe-separated', def, { override: true });
    return expect(readTable(join(dir, 'x.psv'))).rejects.toThrow(/does not know the extension "\.psv".*\.psv2/);
  });
});

describe('registerCheck', () => {
  registerCheck<number>('atLeast', {
    accepts: (o) => (typeof o === 'number' && !Number.isNaN(o) ? null : 'must be a number'),
    make: (lo) => ({
      description: `every value >= ${lo}`,
      validate: (x) => {
        const low = Array.from(x as Float64Array).filter((v) => v < lo).length;
        return { passes: low === 0, message: `${low} values below ${lo}`, diagnostics: { low } };
      },
    }),
  });

  it('one call adds an @checkOutput key that runs and reports like a built-in check', async () => {
    class Prices {
      @checkOutput({ atLeast: 2, range: [0, 100] })
      doubled(price: Float64Array): Float64Array {
        return price.map((v) => v * 2);
      }
    }
    const driver = new Builder().withFeatures(Prices).withResult(dictResult()).build();
    const run = await driver.run(['doubled'], { inputs: { price: Float64Array.of(0.5, 3, 4) } });
    const byCheck = Object.fromEntries(run.quality.map((r) => [r.check, r]));
    expect(run.quality.map((r) => r.check)).toEqual(['range', 'atLeast']);
    expect(byCheck.atLeast).toMatchObject({
      node: 'doubled', passes: false, message: '1 values below 2', importance: 'warn',
    });
    expect(byCheck.range.passes).toBe(true);
  });

  it('its accepts() runs when the class is defined, naming the feature', () => {
    expect(() => {
      class Bad {
        @checkOutput({ atLeast: 'two' } as never)
        f(price: Float64Array): Float64Array { return price; }
      }
      return Bad;
    }).toThrow(FeatureDefinitionError);
    expect(() => {
      class Typo {
        @checkOutput({ atLeest: 1 } as never)
        f(price: Float64Array): Float64Array { return price; }
      }
      return Typo;
    }).toThrow(/Typo\.f.*unknown option "atLeest" \(did you mean "atLeast"\?\)/);
  });

  it('built-in keys cannot be taken, a taken name needs { override: true }, bad names are refused', () => {
    const make = () => ({ description: 'd', validate: () => ({ passes: true, message: 'ok' }) });
    expect(() => registerCheck('range', { make })).toThrow(/"range" is a built-in @checkOutput option/);
    expect(() => registerCheck('importance', { make })).toThrow(RegistrationError);
    expect(() => registerCheck('atLeast', { make })).toThrow(/registered\. Pass \{ override: true \}/);
    expect(() => registerCheck('has space', { make })).toThrow(/must be a JavaScript identifier/);
    expect(() => registerCheck('noMake', {} as never)).toThrow(/takes \{ make/);
    expect(() => registerCheck('atLeast2', { make }, { override: true })).not.toThrow();
  });
});
