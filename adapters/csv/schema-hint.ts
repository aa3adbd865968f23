/**
 * How a reader's message tells the user to declare a column's type, in both places it can be
 * declared: `readCsv`/`readJson`'s `schema` option and the command line's `--schema col=type`.
 */

/**
 * A command-line word as a POSIX shell reads it back: bare when safe, else in single quotes.
 *
 * @example
 * shellWord('-');     // '-'
 * shellWord("n't a"); // `'n'\''t a'`
 */
export function shellWord(word: string): string {
  return /^[\w.=:/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `schema: { "day": 'timestamp' }` for code and `--schema day=timestamp` for `quiver run` and
 * `quiver validate`; a name with a comma (which `col=type` pairs cannot hold) points to a JSON file.
 *
 * @example
 * schemaHint('day', 'timestamp'); // `schema: { "day": 'timestamp' } (on the command line: --schema day=timestamp)`
 */
export function schemaHint(column: string, type: string): string {
  const cli = column.includes(',')
    ? `--schema FILE.json holding { ${JSON.stringify(column)}: "${type}" }`
    : `--schema ${shellWord(`${column}=${type}`)}`;
  return `schema: { ${JSON.stringify(column)}: '${type}' } (on the command line: ${cli})`;
}
