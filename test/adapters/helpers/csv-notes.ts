/** The notes `readCsv` gives while reading a file. */
import { readCsv, type AdapterNote } from '../../../adapters';

export async function csvNotes(path: string): Promise<AdapterNote[]> {
  const notes: AdapterNote[] = [];
  await readCsv(path, { onNote: (n) => notes.push(n) });
  return notes;
}
