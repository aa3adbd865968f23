/**
 * The executed graph for the run report: boxes filled by the time they took, checks that failed
 * and the node that failed outlined, laid out as inline SVG.
 */
import type { QualityResult } from '../../src/quality/result';
import type { Box } from '../graphviz/collapse';
import type { BoxDecoration } from '../graphviz/dot';
import { graphDot, type PictureOptions } from '../graphviz/picture';
import type { GraphSource } from '../graphviz/model';
import { renderSvg } from '../graphviz/render-svg';
import { formatMs } from './html';
import { checkNodeName } from '../../src/graph/internal-names';

/** Light to dark: how long a box took relative to the slowest (square-root scale). */
export const TIME_PALETTE: readonly string[] = ['#fff7bc', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#993404'];
const FAIL = { fill: '#ffcdd2', line: '#c62828' };
const WARN = { fill: '#ffe0b2', line: '#ef6c00' };

export interface RunFacts {
  readonly timings: Readonly<Record<string, number>>;
  readonly quality: readonly QualityResult[];
  /** The node whose error ended the run, if one did. */
  readonly failedNode?: string;
  /** Nodes read from the cache (`run().cache.hits`): captioned "from cache". */
  readonly cached?: readonly string[];
}

/**
 * The fill for a time: `TIME_PALETTE` indexed by √(ms / slowest).
 *
 * @example
 * timeColour(100, 100); // '#993404' (the slowest)
 */
export function timeColour(ms: number, slowest: number): string {
  const f = slowest > 0 ? Math.sqrt(Math.max(0, ms) / slowest) : 0;
  return TIME_PALETTE[Math.min(TIME_PALETTE.length - 1, Math.floor(f * TIME_PALETTE.length))];
}

/**
 * The decorations of every box: time fill and caption, failure outlines.
 *
 * @example
 * const dot = toDot(collapse(nodes), { decorate: runDecorator({ timings: run.timings, quality: run.quality }) });
 */
export function runDecorator(facts: RunFacts): (box: Box) => BoxDecoration | undefined {
  const failed = new Map<string, 'fail' | 'warn'>();
  const mark = (name: string, level: 'fail' | 'warn') => {
    if (failed.get(name) !== 'fail') failed.set(name, level);
  };
  for (const q of facts.quality) {
    if (q.passes) continue;
    const level = q.importance === 'fail' ? 'fail' : 'warn';
    mark(checkNodeName(q.node, q.check), level);
    mark(q.node, level);
  }
  if (facts.failedNode) mark(facts.failedNode, 'fail');
  const slowest = Math.max(0, ...Object.values(facts.timings));
  const cached = new Set(facts.cached ?? []);
  return (box) => {
    let ms = 0;
    let timed = false;
    let level: 'fail' | 'warn' | undefined;
    for (const m of box.members) {
      const t = facts.timings[m.name];
      if (t !== undefined) (ms += t), (timed = true);
      const f = failed.get(m.name);
      if (f === 'fail' || (f === 'warn' && level === undefined)) level = f;
    }
    const fromCache = box.members.some((m) => cached.has(m.name));
    if (!timed && !level && !fromCache) return undefined;
    const look = level === 'fail' ? FAIL : level === 'warn' ? WARN : undefined;
    const isCheck = box.kind === 'check';
    const failedHere = facts.failedNode !== undefined && box.members.some((m) => m.name === facts.failedNode);
    const fill = isCheck && look ? look.fill : timed ? timeColour(ms, slowest) : undefined;
    return {
      fillcolor: fill,
      fontcolor: fill !== undefined && TIME_PALETTE.indexOf(fill) >= TIME_PALETTE.length - 2 ? '#ffffff' : undefined,
      color: look?.line,
      penwidth: look ? 3 : undefined,
      caption: [timed ? formatMs(ms) : '', fromCache ? 'from cache' : '', failedHere ? 'FAILED' : ''].filter(Boolean).join(' · '),
      tooltip: timed ? `took ${formatMs(ms)}${fromCache ? ' (read from the cache)' : ''}` : undefined,
    };
  };
}

/**
 * Graphviz's SVG without its XML prolog, DOCTYPE and comments, ready to inline in HTML.
 *
 * @example
 * const html = `<div>${inlineSvg(await renderSvg(dot))}</div>`;
 */
export function inlineSvg(svg: string): string {
  return svg.replace(/<\?xml[^>]*\?>/g, '').replace(/<!DOCTYPE[^>]*>/g, '').replace(/<!--[\s\S]*?-->/g, '').trim();
}

/**
 * The executed graph as inline SVG, decorated with the run's facts.
 *
 * @example
 * const svg = await executedGraphSvg(dr, outputs, { timings: run.timings, quality: run.quality });
 */
export async function executedGraphSvg(driver: GraphSource, outputs: readonly string[], facts: RunFacts, opts: PictureOptions = {}): Promise<string> {
  const dot = graphDot(driver, { ...opts, outputs, decorate: runDecorator(facts) });
  return inlineSvg(await renderSvg(dot));
}
