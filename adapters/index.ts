/**
 * Everything that touches a foreign format: Arrow tables in and out, files (Arrow IPC, Parquet,
 * CSV) and danfo.js. src/io.ts re-exports this barrel. Importing it loads apache-arrow and
 * csv-parse only: parquet-wasm and danfojs-node are required the first time they are used.
 */
export { tableFromColumns, type TableFromColumnsOptions } from './arrow/table-from-columns';
export { inputsFromTable } from './arrow/table-to-inputs';
export { isArrowTable } from './arrow/is-arrow-table';
export { arrowTable } from './arrow/arrow-result';
export type { ArrowTypeOf, TypedTable } from './arrow/typed-table';
export type { AdapterNote, NoteSink, NoteOptions } from './notes';

export { readArrow, readArrowBatches } from './files/read-arrow';
export { writeArrow, writeArrowParts, type WriteArrowOptions } from './files/write-arrow';
export { readParquet, readParquetBatches, type ReadParquetOptions } from './files/read-parquet';
export { writeParquet, writeParquetParts, type WriteParquetOptions } from './files/write-parquet';
export { readCsv, DEFAULT_NULL_VALUES, type ReadCsvOptions, type CsvColumnSpec } from './csv/read-csv';
export { writeCsv, type WriteCsvOptions } from './csv/write-csv';
export { inferCsvType, type CsvType } from './csv/csv-types';
export { readJson, type ReadJsonOptions } from './json/read-json';
export { writeJson, type WriteJsonOptions } from './json/write-json';
export { readTable, writeResult, writeResultParts, type ReadTableOptions } from './files/formats';
export { registerFormat, type FormatDefinition } from './files/register-format';
export { materialize, type MaterializeOptions } from './files/materialize';

export { fromDanfo, inputsFromDanfo } from './danfo/from-danfo';
export { toDanfo } from './danfo/to-danfo';
export { danfoFrame } from './danfo/danfo-result';
export { isDanfo, type DanfoLike } from './danfo/is-danfo';
export type { DanfoFrame } from './danfo/danfo-types';
export { qualityTable } from './arrow/quality-table';
export { openLineage, type OpenLineageOptions, type DatasetRef } from './lineage/open-lineage';

export { threads, type ThreadsOptions, type ThreadsExecutor } from './threads/threads';
export { arrowIpcBytes } from './cache-store/arrow-codec';
export { CacheStore, EntryLost } from './cache-store/store';
export { evictCache, clearCache } from './cache-store/maintenance';
export { NotEncodable } from './cache-store/json-codec';
export type { CacheEntry } from './cache-store/entry';
