/**
 * Pictures of a driver's graph: choose the nodes (all, what some outputs need, what one node
 * needs), fold them until they fit, write DOT, render SVG. Works from the driver's public API only.
 */
import { InputError } from '../../src/errors';
import { collapse, type CollapsedGraph, type CollapseOptions } from './collapse';
import { toDot, type DotOptions } from './dot';
import { graphFromNodeInfo, upstreamOf, type GraphSource } from './model';
import { didYouMean } from '../../src/execution/suggest';
import { renderSvg } from './render-svg';
import type { UnknownNameCode } from '../../src/issue-codes';

export interface PictureOptions extends CollapseOptions, DotOptions {
  /** Draw one execution: these outputs and what they need (default: every node). */
  readonly outputs?: readonly string[];
  /** Draw only what these nodes need, themselves included. */
  readonly upstreamOf?: readonly string[];
  /** Config keys, drawn as config rather than as inputs. */
  readonly configKeys?: readonly string[];
  /** Draw data-quality checks as nodes of their own (default true). */
  readonly checks?: boolean;
}

function checkKnown(names: readonly string[], known: ReadonlySet<string>, what: string): void {
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length === 0) return;
  const issues = unknown.map((n) => ({
    code: 'unknown-node' satisfies UnknownNameCode,
    message: `Unknown node "${n}" (${what}): no feature, input or config key has this name.${didYouMean(n, known)}`,
    nodes: [n],
  }));
  throw new InputError(issues);
}

/**
 * The boxes and edges a picture of `source` draws, folded to fit `maxNodes`.
 *
 * @example
 * const picture = graphPicture(dr, { outputs: ['avg3wkSpend'], maxNodes: 100 });
 * picture.grouping; // 'node' when nothing had to be folded
 */
export function graphPicture(source: GraphSource, opts: PictureOptions = {}): CollapsedGraph {
  const all = graphFromNodeInfo(source.listAvailableVariables(), opts);
  const known = new Set(all.map((n) => n.name));
  let nodes = all;
  if (opts.outputs?.length) {
    checkKnown(opts.outputs, known, 'output');
    nodes = upstreamOf(nodes, opts.outputs);
  }
  if (opts.upstreamOf?.length) {
    checkKnown(opts.upstreamOf, new Set(nodes.map((n) => n.name)), 'upstream of');
    nodes = upstreamOf(nodes, opts.upstreamOf);
  }
  return collapse(nodes, opts);
}

/**
 * The picture as Graphviz DOT text.
 *
 * @example
 * fs.writeFileSync('features.dot', graphDot(dr, { colorByTag: 'owner' }));
 */
export function graphDot(source: GraphSource, opts: PictureOptions = {}): string {
  return toDot(graphPicture(source, opts), opts);
}

/**
 * The picture as an SVG document, laid out by Graphviz in WebAssembly.
 *
 * @example
 * fs.writeFileSync('features.svg', await graphSvg(dr, { outputs: ['avg3wkSpend'] }));
 */
export async function graphSvg(source: GraphSource, opts: PictureOptions = {}): Promise<string> {
  return renderSvg(graphDot(source, opts));
}
