/**
 * `quiver list <features>`: every node with its type, kind, tags, checks, dependencies and doc,
 * as an aligned table or as JSON.
 */
import type { NodeInfo, TagFilter } from '../../src';
import type { Io } from '../io';
import { buildDriver, type FeatureOptions } from '../session';

export interface ListOptions extends FeatureOptions {
  readonly tag?: TagFilter;
  readonly json?: boolean;
}

/** The node's kind is its typed role (`config` nodes have role `config`), never its origin text. */
function kindOf(v: NodeInfo): string {
  return v.role;
}

function tagsOf(tags: NodeInfo['tags']): string {
  return Object.entries(tags).map(([k, val]) => `${k}=${Array.isArray(val) ? val.join('|') : val}`).join(' ');
}

/** Inherited tags with where each came from: `pii=true←email`. */
function inheritedOf(v: NodeInfo): string {
  return Object.entries(v.inheritedTags)
    .map(([k, val]) => `${k}=${Array.isArray(val) ? val.join('|') : val}←${(v.inheritedFrom[k] ?? []).join('|')}`)
    .join(' ');
}

/** Rows padded into columns; the last column is not padded. */
function aligned(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

/**
 * Print the nodes of a feature file; resolves to the exit code.
 *
 * @example
 * listCommand('features.ts', { tag: { owner: 'ds' }, json: true }, processIo);
 */
export function listCommand(file: string, opts: ListOptions, io: Io): number {
  const dr = buildDriver(file, opts);
  const nodes = dr.listAvailableVariables({ tags: opts.tag });
  if (opts.json) {
    const plain = nodes.map((v) => ({
      name: v.name, type: v.typeName, kind: kindOf(v), origin: v.origin, tags: v.tags,
      ...(Object.keys(v.inheritedTags).length > 0 ? { inheritedTags: v.inheritedTags, inheritedFrom: v.inheritedFrom } : {}),
      checks: v.checks, dependencies: v.dependencies, doc: v.doc,
    }));
    io.out(JSON.stringify(plain, null, 2));
    return 0;
  }
  if (nodes.length === 0) {
    io.out(opts.tag ? 'No node matches these tags.' : 'No nodes.');
    return 0;
  }
  const inherits = nodes.some((v) => Object.keys(v.inheritedTags).length > 0);
  const header = ['NAME', 'TYPE', 'KIND', 'TAGS', ...(inherits ? ['INHERITED TAGS'] : []), 'CHECKS', 'DEPENDS ON', 'DOC'];
  const rows = nodes.map((v) => [
    v.name, v.typeName, kindOf(v), tagsOf(v.tags), ...(inherits ? [inheritedOf(v)] : []),
    v.checks.join(' '), v.dependencies.join(', '), v.doc.split('\n')[0],
  ]);
  io.out(aligned([header, ...rows]));
  return 0;
}
