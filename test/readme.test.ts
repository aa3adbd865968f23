/**
 * The README's hello-world, copied into files of a newcomer's own as the README shows them,
 * gives the table the README promises.
 */
import fs from 'fs';
import path from 'path';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

function block(file: string): string {
  const match = new RegExp('```ts\\n(// ' + file.replace('.', '\\.') + '\\n[\\s\\S]*?)```').exec(readme);
  if (!match) throw new Error(`README has no \`// ${file}\` code block`);
  return match[1];
}

test('the README hello world, in a folder of its own, prints the promised table', async () => {
  // Inside the clone, as a newcomer's scratch folder would be (reflect-metadata resolves from there).
  const dir = fs.mkdtempSync(path.join(__dirname, '.readme-'));
  fs.writeFileSync(path.join(dir, 'features.ts'), block('features.ts'));
  fs.writeFileSync(path.join(dir, 'main.ts'), block('main.ts'));
  const printed: Record<string, number>[][] = [];
  const table = jest.spyOn(console, 'table').mockImplementation((rows) => void printed.push(rows as Record<string, number>[]));
  require(path.join(dir, 'main.ts'));
  for (let i = 0; i < 100 && printed.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  table.mockRestore();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(printed).toHaveLength(1);
  const rows = printed[0];
  const column = (name: string) => rows.map((r) => r[name]);
  const close = (actual: number[], expected: number[]) =>
    expected.forEach((e, i) => {
      if (Number.isNaN(e)) expect(actual[i]).toBeNaN();
      else expect(actual[i]).toBeCloseTo(e, 6);
    });
  close(column('avg3wkSpend'), [NaN, NaN, 13.333333, 23.333333, 33.333333, 43.333333]);
  close(column('spendPerSignup'), [10, 1, 0.4, 0.4, 0.2, 0.125]);
  close(column('spendMean'), Array(6).fill(28.333333));
  close(column('spendStdDev'), Array(6).fill(17.224014));
  close(column('spendZeroMeanUnitVariance'), [-1.064405, -1.064405, -0.483821, 0.677349, 0.677349, 1.257934]);
  // and the table in the README says the same
  expect(readme).toContain('| NaN | 10 | 28.333333 | 17.224014 | -1.064405 |');
});
