/**
 * The wiring file: the one place in src/ that loads adapters/ (Arrow, files, CSV, danfo, graphviz,
 * report, progress). It re-exports them for the package entry and connects the core's ports
 * (src/ports.ts) to the Arrow adapter and the cache store. No other src/ module imports it at run time.
 */
import { connectPorts } from './ports';
import { arrowTable, inputsFromTable, isArrowTable, arrowIpcBytes, CacheStore, evictCache } from '../adapters';
import { collapse, toDot } from '../adapters/graphviz';

export * from '../adapters';
export type { Table } from './arrow';
export * from '../adapters/graphviz';
export * from '../adapters/report';
export * from '../adapters/progress';

connectPorts({
  isTable: isArrowTable,
  columnsOf: (table, options) => inputsFromTable(table as never, options),
  resultTable: () => arrowTable(),
  tableBytes: arrowIpcBytes,
  openCacheStore: (dir, hasher) => CacheStore.open(dir, hasher),
  evictCache,
  drawDot: (nodes) => toDot(collapse(nodes, { by: 'node', maxNodes: Infinity, maxEdges: Infinity })),
});
