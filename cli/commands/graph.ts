/**
 * `quiver graph <features>`: a picture of all features or of one execution, as DOT or SVG, folded
 * to stay readable (see adapters/graphviz/collapse.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeTextFile } from '../../adapters/files/atomic-write';
import type { CollapseMode } from '../../adapters/graphviz/collapse';
import { toDot } from '../../adapters/graphviz/dot';
import { graphPicture, type PictureOptions } from '../../adapters/graphviz/picture';
import { renderSvg } from '../../adapters/graphviz/render-svg';
import { UsageError } from '../errors';
import type { Io } from '../io';
import { buildDriver, type FeatureOptions } from '../session';

export interface GraphOptions extends FeatureOptions {
  readonly outputs?: string[];
  readonly upstreamOf?: string[];
  readonly expand?: string[];
  readonly collapse?: CollapseMode;
  readonly maxNodes?: number;
  readonly colorBy?: string;
  readonly format?: 'dot' | 'svg';
  readonly output?: string;
  readonly checks?: boolean;
}

const MODES = ['auto', 'node', 'origin', 'namespace', 'class', 'band'];

/**
 * `--collapse` values: `auto`, `node` (no folding), `origin`, `namespace`, `class`, `band`, `tag:<key>`.
 *
 * @example
 * parseCollapse('tag:owner'); // 'tag:owner'
 */
export function parseCollapse(text: string): CollapseMode {
  if (MODES.includes(text) || /^tag:.+/.test(text)) return text as CollapseMode;
  throw new UsageError(`--collapse takes one of ${MODES.join(', ')} or tag:<key> (got "${text}").`);
}

function formatFor(opts: GraphOptions): 'dot' | 'svg' {
  if (opts.format) return opts.format;
  return opts.output && path.extname(opts.output).toLowerCase() === '.svg' ? 'svg' : 'dot';
}

/**
 * Draw the graph; writes to `--output` or prints to stdout. Resolves to the exit code.
 *
 * @example
 * await graphCommand('features.ts', { output: 'graph.svg', expand: ['rollingMean'] }, processIo);
 */
export async function graphCommand(file: string, opts: GraphOptions, io: Io): Promise<number> {
  const format = formatFor(opts);
  const dr = buildDriver(file, opts);
  const picture: PictureOptions = {
    outputs: opts.outputs,
    upstreamOf: opts.upstreamOf,
    expand: opts.expand,
    by: opts.collapse,
    maxNodes: opts.maxNodes,
    colorByTag: opts.colorBy,
    configKeys: Object.keys(opts.config ?? {}),
    checks: opts.checks,
    title: path.basename(file),
  };
  const graph = graphPicture(dr, picture);
  const dot = toDot(graph, picture);
  const text = format === 'svg' ? await renderSvg(dot) : dot;
  if (!opts.output) {
    io.out(text);
    return 0;
  }
  await fs.promises.mkdir(path.dirname(path.resolve(opts.output)), { recursive: true });
  await writeTextFile(opts.output, format.toUpperCase(), text);
  const folded = graph.grouping === 'node' ? '' : `, folded by ${graph.grouping}`;
  io.out(`Wrote ${format.toUpperCase()} of ${graph.nodeCount} nodes as ${graph.boxes.length} boxes${folded} to ${opts.output}.`);
  return 0;
}
