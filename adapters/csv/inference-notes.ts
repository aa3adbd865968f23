/**
 * What type inference tells the user about a CSV column it read as something they may not expect:
 * numbers or dates read as text because of one field, or integers too big for int64 read as
 * (rounded) float64. Each note names the file, the column, the line and the value, and the fix.
 */
import type { AdapterNote } from '../notes';
import type { Inferred } from './csv-types';
import { schemaHint, shellWord } from './schema-hint';

/**
 * The notes for one inferred column; `lines[row]` is the file line of each row.
 *
 * @example
 * inferenceNotes('a.csv', 'day', { type: 'utf8', notADate: { row: 1, value: '2023-02-31' } }, [2, 3]);
 * // [{ code: 'csv-dates-as-utf8', column: 'day', message: 'Column "day" of "a.csv" is read as utf8: …' }]
 */
export function inferenceNotes(path: string, column: string, inferred: Inferred, lines: readonly number[]): AdapterNote[] {
  const notes: AdapterNote[] = [];
  const where = `Column "${column}" of "${path}"`;
  const schema = (type: string) => schemaHint(column, type);
  if (inferred.notANumber) {
    const { row, value } = inferred.notANumber;
    notes.push({
      code: 'csv-numbers-as-utf8',
      column,
      message:
        `${where} is read as utf8: most of its fields are numbers, but line ${lines[row]} holds ${JSON.stringify(value)}. ` +
        `To read numbers, pass nullValues including ${JSON.stringify(value)} (on the command line: --null-value ` +
          `${shellWord(value)}), or ${schema('float64')}.`,
    });
  }
  if (inferred.notADate) {
    const { row, value } = inferred.notADate;
    notes.push({
      code: 'csv-dates-as-utf8',
      column,
      message:
        `${where} is read as utf8: most of its fields are ISO 8601 dates, but line ${lines[row]} holds ${JSON.stringify(value)}, ` +
        `which is not a date (or a day that does not exist). Fix that field, or pass ${schema('timestamp')} ` +
        'to be told about every field that is not a date.',
    });
  }
  if (inferred.lossyInteger) {
    const { row, value } = inferred.lossyInteger;
    notes.push({
      code: 'csv-lossy-integer',
      column,
      message:
        `${where} is read as float64: line ${lines[row]} holds ${value.trim()}, an integer beyond int64, ` +
        `which float64 rounds (to ${Number(value)}). To keep the digits exactly, pass ${schema('utf8')}.`,
    });
  }
  if (inferred.leadingZero) {
    const { row, value } = inferred.leadingZero;
    notes.push({
      code: 'csv-leading-zeros',
      column,
      message:
        `${where} is read as ${inferred.type}: line ${lines[row]} holds ${JSON.stringify(value)}, whose leading zero ` +
        `a number drops (${Number(value)}). If the column is a code (a zip, an id), pass ${schema('utf8')}.`,
    });
  }
  if (inferred.overflow) {
    const { row, value } = inferred.overflow;
    notes.push({
      code: 'csv-float-overflow',
      column,
      message:
        `${where} is read as float64: line ${lines[row]} holds ${value.trim()}, beyond float64's range (±1.8e308), ` +
        `which reads as Infinity. Scale the values in the file, or pass ${schema('utf8')} to keep the text.`,
    });
  }
  return notes;
}
