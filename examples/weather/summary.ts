/**
 * The main job's summary for a reader: the features by family (a family is a name with its signal
 * and its numbers taken out: `temp_max_mean_7` and `wind_mean_28` are both `mean_N`), a few rows
 * of the train split, and the lines that open the written files in pandas, polars and quiver.
 */
import type { TrainingFrame } from 'quiver';

type ArrowTable = TrainingFrame['train'];

/** One family: its pattern, how many features, and the first and last of them. */
export interface FeatureFamily {
  readonly family: string;
  readonly count: number;
  readonly first: string;
  readonly last: string;
}

/**
 * Groups feature names by family: the longest of `prefixes` (the signals) and the separator are
 * taken off the front, and every number becomes `N`. A name that is only a prefix is "today's
 * value"; one with no prefix is its own family (`day_of_week`).
 *
 * @example
 * featureFamilies(['temp_max_mean_7', 'wind_mean_28', 'temp_max'], ['temp_max', 'wind']);
 * // [{ family: 'mean_N', count: 2, first: 'temp_max_mean_7', last: 'wind_mean_28' }, { family: "today's value", count: 1, … }]
 */
export function featureFamilies(names: readonly string[], prefixes: readonly string[]): FeatureFamily[] {
  const byLength = [...prefixes].sort((a, b) => b.length - a.length);
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const prefix = byLength.find((p) => name === p || name.startsWith(`${p}_`));
    const rest = prefix === undefined ? name : name.slice(prefix.length + 1);
    const family = rest === '' ? "today's value" : rest.replace(/\d+/g, 'N');
    const members = groups.get(family);
    if (members) members.push(name);
    else groups.set(family, [name]);
  }
  return [...groups].map(([family, members]) => ({ family, count: members.length, first: members[0], last: members[members.length - 1] }));
}

/**
 * The families as lines, largest first; families of one feature are listed together at the end.
 *
 * @example
 * console.log(formatFamilies(featureFamilies(frame.features, SIGNALS)));
 */
export function formatFamilies(families: readonly FeatureFamily[], shown = 12): string {
  const many = families.filter((f) => f.count > 1).sort((a, b) => b.count - a.count);
  const single = families.filter((f) => f.count === 1).map((f) => f.first);
  const total = families.reduce((n, f) => n + f.count, 0);
  const width = Math.max(...many.slice(0, shown).map((f) => f.family.length), 6);
  const lines = [`${total.toLocaleString('en-US')} features in ${families.length} families:`];
  for (const f of many.slice(0, shown)) {
    lines.push(`  ${f.family.padEnd(width)} ${String(f.count).padStart(4)}  ${f.first} … ${f.last}`);
  }
  const rest = many.slice(shown);
  if (rest.length > 0) {
    const n = rest.reduce((k, f) => k + f.count, 0);
    lines.push(`  ${rest.length} more families (${n} features): ${rest.map((f) => `${f.family} ${f.count}`).join(', ')}`);
  }
  if (single.length > 0) lines.push(`  one each (${single.length}): ${single.join(', ')}`);
  return lines.join('\n');
}

function cell(value: unknown, isTime: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (isTime) return new Date(Number(value)).toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

/**
 * The first `rows` rows of some columns of a split, aligned (times as dates).
 *
 * @example
 * console.log(previewRows(frame.train, ['location', 'date', 'temp_max', 'label'], 3, 'date'));
 */
export function previewRows(table: ArrowTable, columns: readonly string[], rows: number, time?: string): string {
  const grid = columns.map((name) => {
    const column = table.getChild(name);
    const values = [name];
    for (let i = 0; i < Math.min(rows, table.numRows); i++) values.push(cell(column?.get(i), name === time));
    return values;
  });
  const widths = grid.map((c) => Math.max(...c.map((v) => v.length)));
  return grid[0].map((_, i) => `  ${grid.map((c, j) => (j < 2 ? c[i].padEnd(widths[j]) : c[i].padStart(widths[j]))).join('  ')}`).join('\n');
}

/**
 * How to open the written Arrow files: pandas, polars and quiver itself.
 *
 * @example
 * console.log(loadHints(['out/weather-train.arrow']));
 */
export function loadHints(files: readonly string[]): string {
  const first = JSON.stringify(files[0]);
  return [
    `Written: ${files.join(', ')} (Arrow IPC files, one row per location and day)`,
    `  pandas:  pd.read_feather(${first})   (with pyarrow installed)`,
    `  polars:  pl.read_ipc(${first})`,
    `  quiver:  await readArrow(${first})`,
  ].join('\n');
}
