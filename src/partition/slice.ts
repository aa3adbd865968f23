/**
 * The inputs of one partition: every column of the history cut to the partition's rows without
 * copying (typed arrays by `subarray`, Arrow vectors and arrays by `slice`), and `groups` replaced
 * by the partition's own.
 */
import type { Groups } from '../columns';
import { groupsAt } from '../columns/groups';
import type { Partition } from './plan';
import { isTypedArray } from '../util/shapes';

function cutColumn(value: unknown, rows: number, start: number, end: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  const column = value as { length?: unknown; subarray?: (a: number, b: number) => unknown; slice?: (a: number, b: number) => unknown };
  if (column.length !== rows) return value;
  if (isTypedArray(value)) return value.subarray(start, end);
  if (typeof column.slice === 'function') return column.slice(start, end);
  return value;
}

/**
 * `inputs` (or `overrides`) cut to `part`: columns of length `rows` become the partition's rows,
 * `groupsName` becomes the partition's groups, anything else passes as it is.
 *
 * @example
 * const inputs = partitionInputs(history.inputs, history.rows, history.groups, part);
 */
export function partitionInputs(
  inputs: Readonly<Record<string, unknown>>, rows: number, groups: Groups, part: Partition, groupsName = 'groups',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inputs)) out[name] = cutColumn(value, rows, part.start, part.end);
  if (groupsName in inputs) out[groupsName] = partitionGroups(groups, part);
  return out;
}

/**
 * The groups of `part`, starting at row 0.
 *
 * @example
 * partitionGroups(history.groups, part).count === part.groups; // true
 */
export function partitionGroups(groups: Groups, part: Partition): Groups {
  const starts = new Int32Array(part.groups);
  for (let k = 0; k < part.groups; k++) starts[k] = groups.starts[part.firstGroup + k] - part.start;
  const keys = groups.keys?.slice(part.firstGroup, part.firstGroup + part.groups);
  return groupsAt(starts, part.end - part.start, keys);
}
