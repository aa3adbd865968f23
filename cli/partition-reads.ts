/**
 * `quiver run --inputs history.arrow --entity C --time T --partitions P` without `--queue`: the
 * history is not read whole but one partition at a time. The entity column is indexed once
 * (`entityIndex`), the partitions are planned on the index, and each partition's rows are read
 * from only the record batches / row groups holding them (`rowRanges`), then sorted by time
 * as the whole history would be. When that cannot give the same table or would not save memory
 * (a CSV or JSON file, an entity layout that is not one run per entity in order,
 * `--calendar`/`--join`, global features, Arrow record batches so large that the partitions
 * would read the file over twice), the history is read whole and a note says why and what to change.
 */
import type { Driver } from '../src/driver';
import { InputError } from '../src/errors';
import { globalFeatures } from '../src/partition/entity-scope';
import { partitionWhere } from '../src/partition/failure';
import { planPartitions, type Partition } from '../src/partition/plan';
import type { PartitionReads } from '../src/partition/reads';
import type { IsolationHistory } from '../src/timeseries/isolation';
import { ISOLATION_ROWS } from '../src/timeseries/isolation';
import { isolationSample } from '../src/timeseries/isolation-sample';
import { entityIndex, rowRanges, type EntityIndex, type RowRanges } from '../adapters/files/entity-index';
import type { AdapterNote } from '../adapters/notes';
import { timeInputs, type TimeOptions } from './time-inputs';
import { inputsFormat } from './session';

/** What `partitionReads` needs of the command's options. */
export interface PartitionReadOptions extends TimeOptions {
  readonly inputs: string;
  readonly partitions?: number;
  readonly schema?: unknown;
  readonly nullValue?: readonly string[];
  readonly defaultNullValues?: boolean;
}

/** The format names (of adapters/files/formats.ts) read by row range, and the index kind of each. */
const RANGED: Readonly<Record<string, 'arrow' | 'parquet'>> = {
  'Arrow IPC file': 'arrow',
  'Arrow IPC stream': 'arrow',
  Parquet: 'parquet',
};

function wholeNote(opts: PartitionReadOptions, why: string, fix: string): AdapterNote {
  return {
    code: 'partitions-read-whole',
    column: opts.entity ?? '',
    message: `--partitions reads ${opts.inputs} whole: ${why}. ${fix}`,
  };
}

/** Rows `[start, end)` of the file as a sorted history (entity, time, groups), as `timeInputs` makes it. */
async function historyOf(ranges: RowRanges, opts: PartitionReadOptions, start: number, end: number) {
  const { history } = await timeInputs(await ranges.read(start, end), opts);
  if (history === undefined) throw new Error('--entity and --time were checked before the index was made');
  return history;
}

/** The partition's history read, checked against the index (a file changed since is an `InputError`). */
async function readPart(
  index: EntityIndex, ranges: RowRanges, opts: PartitionReadOptions, part: Partition, count: number,
) {
  const place = partitionWhere({ ...part, count, entities: part.groups });
  const where = `${place}, rows counted from file row ${part.start}`;
  let history: Awaited<ReturnType<typeof historyOf>>;
  try {
    history = await historyOf(ranges, opts, part.start, part.end);
  } catch (error) {
    if (error instanceof InputError) error.message += where;
    throw error;
  }
  if (history.rows !== part.end - part.start || history.groups.count !== part.groups) {
    throw new InputError(
      `${opts.inputs} changed while it was read: rows ${part.start}–${part.end - 1} ` +
        `held ${history.groups.count} entities, ` +
        `the index of its "${index.entity}" column ${part.groups}${where}. Run again once the file is written.`,
      [index.entity],
    );
  }
  return history.inputs;
}

/**
 * The two neighbouring entities the entity-isolation check compares (the same pair it would take
 * in the whole history), read alone; their input rows counted in the whole file.
 */
async function sampleOf(index: EntityIndex, ranges: RowRanges, opts: PartitionReadOptions): Promise<IsolationHistory> {
  const groups = { starts: index.starts, count: index.keys.length };
  const sample = isolationSample(groups, index.rows, ISOLATION_ROWS);
  if (sample === undefined) return { inputs: {}, groups: { starts: new Int32Array(0), count: 0 }, rows: 0 };
  const start = index.starts[sample.first];
  const end = sample.first + 2 < groups.count ? index.starts[sample.first + 2] : index.rows;
  const history = await historyOf(ranges, opts, start, end);
  const order = Int32Array.from({ length: history.rows }, (_, i) => start + (history.order ? history.order[i] : i));
  return { ...history, order };
}

/** Rows of the Arrow IPC record batches the partitions read, summed over them (Parquet: not known, 0). */
function batchRowsRead(index: EntityIndex, parts: readonly Partition[]): number {
  const b = index.batchStarts;
  if (index.format !== 'arrow' || b.length < 2) return 0;
  let rows = 0;
  for (const part of parts) {
    let first = 0;
    while (b[first + 1] <= part.start) first++;
    let last = first;
    while (b[last + 1] < part.end) last++;
    rows += b[last + 1] - b[first];
  }
  return rows;
}

/**
 * The partitions of `opts.inputs` read one at a time, or `undefined` after a
 * `partitions-read-whole` note when the file must be read whole (then the caller reads it whole).
 * `index` is the entity index the reads are planned on (a distributed run sends its batches to the workers).
 *
 * @example
 * const opts = { inputs: 'history.arrow', entity: 'store', time: 'date', partitions: 8 };
 * const reads = await partitionReads(dr, outputs, opts, onNote);
 * if (reads) for await (const { run } of runPartitions(dr, outputs, reads, { partitions: 8 })) write(run.result);
 */
export async function partitionReads(
  driver: Driver<unknown>, outputs: readonly string[], opts: PartitionReadOptions, onNote: (note: AdapterNote) => void,
): Promise<(PartitionReads & { readonly index: EntityIndex }) | undefined> {
  // a schema or null values for a binary file: read whole, where the reader refuses them
  const text = opts.schema !== undefined || opts.nullValue !== undefined || opts.defaultNullValues === false;
  if (opts.entity === undefined || opts.time === undefined || text) return undefined;
  const format = await inputsFormat(opts.inputs);
  const kind = RANGED[format.name];
  if (kind === undefined) {
    onNote(wholeNote(opts, `a ${format.name} file cannot be read by row range`,
      'Write the history as Arrow IPC (.arrow) or Parquet to read one partition at a time, ' +
        "in about one partition's memory."));
    return undefined;
  }
  if (opts.calendar !== undefined || (opts.join ?? []).length > 0) {
    onNote(wholeNote(opts, `${opts.calendar !== undefined ? '--calendar' : '--join'} is applied to the whole history`,
      'Fill the calendar or join the tables into the file first to read one partition at a time.'));
    return undefined;
  }
  const globals = globalFeatures(driver, outputs);
  if (globals.length > 0) {
    const one = globals.length === 1;
    const named = globals.map((g) => `"${g}"`).join(', ');
    onNote(wholeNote(opts, `the global ${one ? 'feature' : 'features'} ${named} ${one ? 'needs' : 'need'} every row`,
      `Leave ${one ? 'it' : 'them'} out of the outputs to read one partition at a time.`));
    return undefined;
  }
  const index = await entityIndex(opts.inputs, kind, opts.entity);
  if (!index.sorted) {
    const layout = `its "${opts.entity}" column is not one run per entity in ascending order`;
    const why = `${layout} (${index.reason ?? 'unsorted'})`;
    onNote(wholeNote(opts, why,
      `Sort the file by ${opts.entity} (then by ${opts.time}) to read one partition at a time.`));
    return undefined;
  }
  const groups = { starts: index.starts, count: index.keys.length, rows: index.rows, keys: index.keys };
  const count = opts.partitions ?? 1;
  const touched = batchRowsRead(index, planPartitions(groups, index.rows, count));
  if (touched > 2 * index.rows) {
    const batches = index.batchStarts.length - 1;
    const held = batches === 1 ? 'its one record batch holds' : `its ${batches} record batches hold`;
    const times = (touched / index.rows).toFixed(1);
    const why = `${held} more than a partition's rows, so reading the partitions one at a time ` +
      `would read ${times}× the file`;
    onNote(wholeNote(opts, why,
      `Write it in smaller record batches (${count * 4} or more) to read one partition at a time.`));
    return undefined;
  }
  const ranges = rowRanges(index); // a Parquet file keeps one decoder for every read
  return {
    index,
    groups,
    rows: index.rows,
    sample: () => sampleOf(index, ranges, opts),
    read: (part) => readPart(index, ranges, opts, part, Math.min(count, groups.count)),
    close: () => ranges.close(),
  };
}
