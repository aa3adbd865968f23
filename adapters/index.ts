/**
 * Everything that touches a foreign format: Arrow tables in and out, files (Arrow IPC, Parquet,
 * CSV) and danfo.js. src/io.ts re-exports this barrel; nothing here loads danfo until it is used.
 */
export { tableFromColumns, type TableFromColumnsOptions } from './arrow/table-from-columns';
export { inputsFromTable } from './arrow/table-to-inputs';
export { isArrowTable } from './arrow/is-arrow-table';
export { arrowTable } from './arrow/arrow-result';
export type { AdapterNote, NoteSink, NoteOptions } from './notes';
