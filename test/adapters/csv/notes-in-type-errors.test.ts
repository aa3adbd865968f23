/**
 * A CSV column read as text because of a few fields, fed to a feature that declares Float64Array:
 * the type error carries the reader's note (column, file, line, value and fix), however the table
 * reaches the feature.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, inputsFromTable } from '../../../adapters';
import { Builder, buildTrainingFrame, entityHistory, feature, InputError } from '../../../src';
import { rejection, useTempDir } from '../helpers/temp-dir';

class Prices {
  @feature()
  doubled(price: Float64Array): Float64Array {
    return price.map((v) => 2 * v);
  }
}

const dir = useTempDir();
async function prices(): Promise<{ path: string; table: Awaited<ReturnType<typeof readCsv>> }> {
  const path = join(dir(), 'prices.csv');
  writeFileSync(path, 'shop,day,sales,price\na,2024-01-01,1,3.5\na,2024-01-02,2,n/a?\nb,2024-01-01,3,4\n');
  return { path, table: await readCsv(path, { onNote: () => {} }) };
}
const note = (path: string) =>
  `Column "price" of "${path}" is read as utf8: most of its fields are numbers, but line 3 holds "n/a?". ` +
  'To read numbers, pass nullValues including "n/a?" (on the command line: --null-value \'n/a?\'), ' +
  'or schema: { "price": \'float64\' } ' +
  '(on the command line: --schema price=float64).';

describe('a number column read as text names why in the type error', () => {
  const dr = new Builder().withFeatures(Prices).build();

  test('the table given to execute', async () => {
    const { path, table } = await prices();
    const error = await rejection(dr.execute(['doubled'], { inputs: table }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Input "price" is a Vector<Utf8> of length 3, but "doubled" declares it as Float64Array. ' +
        `Pass a Float64Array. (${note(path)})`,
    );
  });

  test('its columns, taken out with inputsFromTable', async () => {
    const { path, table } = await prices();
    const error = await rejection(dr.execute(['doubled'], { inputs: inputsFromTable(table) }));
    expect(error.message).toContain(`(${note(path)})`);
  });

  test('an entity history made from it (rows reordered)', async () => {
    const { path, table } = await prices();
    const { inputs } = entityHistory(table, { entity: 'shop', time: 'day' });
    const error = await rejection(dr.execute(['doubled'], { inputs: inputs as never }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^Input "price" is an Array of length 3, but row 0 holds "3.5" \(a string\)/);
    expect(error.message).toContain(`(${note(path)})`);
  });

  test('buildTrainingFrame over it', async () => {
    const { path, table } = await prices();
    const error = await rejection(buildTrainingFrame({
      features: [Prices], data: table, entity: 'shop', time: 'day', target: 'sales', isolationCheck: false,
    }));
    expect(error.message).toContain(`(${note(path)})`);
  });
});
