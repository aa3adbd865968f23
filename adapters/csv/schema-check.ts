/**
 * A declared schema (`readCsv`'s and `readJson`'s `schema`, the CLI's `--schema`) checked against the
 * file's columns before anything is converted: an unknown column (with "did you mean") or an unknown
 * type is an `InputError` naming the file.
 */
import { closest } from '../../src/execution/suggest';
import { fileError } from '../files/file-errors';
import { CSV_TYPES, type CsvType } from './csv-types';

/** A column's declared type, optionally forbidding nulls. */
export type CsvColumnSpec = CsvType | { readonly type: CsvType; readonly nullable?: boolean };

/**
 * Throws unless every schema key is one of `columns` and every type one of `CSV_TYPES`; `holder`
 * is what messages say holds the columns (`header`, `file`).
 *
 * @example
 * checkSchema('a.csv', 'CSV', ['temp', 'city'], { tmp: 'float64' });
 * // InputError: Cannot read CSV from "a.csv": the schema names column "tmp", which the header does not have
 * //   (temp, city). Did you mean "temp"? Fix the name in the schema.
 */
export function checkSchema(
  path: string, format: string, columns: readonly string[], schema: Readonly<Record<string, CsvColumnSpec>>, holder = 'header',
): void {
  for (const [name, spec] of Object.entries(schema)) {
    const type = typeof spec === 'string' ? spec : spec?.type;
    if (!columns.includes(name)) {
      const near = closest(name, columns);
      throw fileError(path, `read ${format} from`,
        `the schema names column "${name}", which the ${holder} does not have (${columns.join(', ')})`,
        `${near ? `Did you mean "${near}"? ` : ''}Fix the name in the schema.`);
    }
    if (!CSV_TYPES.includes(type)) {
      const near = closest(String(type), CSV_TYPES);
      throw fileError(path, `read ${format} from`, `the schema gives column "${name}" the type ${JSON.stringify(type)}`,
        `Use one of ${CSV_TYPES.join(', ')}${near ? ` (did you mean ${near}?)` : ''}.`);
    }
  }
}
