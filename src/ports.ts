/**
 * What the core needs from adapters/, as one small interface, and the one place it is connected.
 * No core module imports adapters/ at run time: the package entry (src/index.ts, through src/io.ts)
 * calls `connectPorts()` with the Arrow table reader and result maker, the cache store and the DOT producer.
 * So loading src/graph/*, src/builder.ts or src/driver.ts loads neither the Arrow package nor csv-parse
 * nor cli-progress (test/architecture/core-loads-no-adapters.test.ts proves it).
 *
 * A core module loaded without the entry (a deep import in a test or a benchmark, a worker
 * thread) connects the built-in adapters the first time it asks for a port, so a run never
 * depends on import order; that lazy `require('./io')` is the only path from the core to adapters/.
 */
import type { Table } from './arrow';
import type { ResultBuilder } from './results/result-builder';
import type { NoteOptions } from '../adapters/notes';
import type { CacheStore } from '../adapters/cache-store/store';
import type { GraphNode, NodeKind } from '../adapters/graphviz/model';

export type { AdapterNote } from '../adapters/notes';
export type { CacheEntry } from '../adapters/cache-store/entry';
export type { CacheStore };
/** One node of a picture, and its kind, as the DOT producer (adapters/graphviz/dot.ts) draws them. */
export type { GraphNode as PictureNode, NodeKind as PictureNodeKind };

/** The adapters the core calls. */
export interface Ports {
  /** Tables in: true for a table `execute` and the helpers read column by column (an Arrow Table). */
  isTable(value: unknown): boolean;
  /** A table's columns as inputs (float columns as `Float64Array`, nulls NaN), notes to `onNote`. */
  columnsOf(table: unknown, options?: NoteOptions): Record<string, unknown>;
  /** Tables out: the default result builder, one Arrow `Table` of the outputs. */
  resultTable(): ResultBuilder<Table>;
  /** The IPC bytes of an Arrow Table or Vector (for fingerprints), undefined for anything else. */
  tableBytes(value: unknown): Uint8Array | undefined;
  /** Opens the node cache's directory. */
  openCacheStore: (typeof CacheStore)['open'];
  /** Removes least recently used cache packs while the directory is over `maxBytes`; `current` (this run's) go last. */
  evictCache(dir: string, maxBytes: number, current?: readonly string[]): Promise<unknown>;
  /** Pictures: the DOT text of these nodes, one box each, in the one house style. */
  drawDot(nodes: readonly GraphNode[]): string;
}

let connected: Ports | undefined;

/**
 * Connects the core to its adapters; the package entry does it once (src/io.ts). A second call
 * replaces the first.
 *
 * @example
 * connectPorts({ isTable, columnsOf, resultTable, tableBytes, openCacheStore, evictCache, drawDot });
 */
export function connectPorts(ports: Ports): void {
  connected = ports;
}

/**
 * The connected adapters; the built-in ones (src/io.ts) when nobody connected any yet.
 *
 * @example
 * if (ports().isTable(value)) inputs = ports().columnsOf(value);
 */
export function ports(): Ports {
  if (connected === undefined) require('./io');
  return connected as Ports;
}
