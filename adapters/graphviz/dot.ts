/**
 * The one DOT producer: `visualizeExecution` (src/graph/dot.ts, through the core's ports),
 * `quiver graph`, `graphDot`/`graphSvg` and the run report all write their DOT here, in one style:
 *
 * - each kind of node has one look (styles.ts `KIND_STYLES`): inputs dashed rounded white boxes,
 *   config notes, features rounded blue boxes, requested outputs bold green boxes, checks red
 *   octagons labelled by `checkLabel()` (`range`, `range#2`; `(fail)` when a failure stops the run),
 *   overrides dashed rounded lilac boxes; a box of several nodes is a stack (`box3d`);
 * - every box is filled; a single node's label has its type under the name, its tooltip the origin,
 *   tags and doc; tag values can colour the fill (`colorByTag`); decorations (the report's times and
 *   failures) go on top;
 * - namespaces are nested clusters; a namespace holding one box has no frame (its box keeps the full name);
 * - edges into a check are dotted without arrowhead; a folded edge is thicker by how many it stands for;
 * - a heading holds the title, what was folded, and the legend of kinds and tag colours.
 */
import type { Box, CollapsedGraph } from './collapse';
import { GROUP_STYLE, KIND_MEANING, KIND_STYLES, tagColours, type DotAttrs } from './styles';

/** Extra look for one box (the run report colours boxes by time and failed checks). */
export interface BoxDecoration {
  readonly fillcolor?: string;
  readonly color?: string;
  readonly penwidth?: number;
  readonly fontcolor?: string;
  /** A line added under the label, e.g. `12.4 ms`. */
  readonly caption?: string;
  /** Added to the hover text. */
  readonly tooltip?: string;
}

export interface DotOptions {
  /** Drawn above the graph. */
  readonly title?: string;
  /** Left to right (default) or top to bottom. */
  readonly rankdir?: 'LR' | 'TB';
  /** Fill boxes by the value of this tag (boxes whose members disagree keep their kind's colour). */
  readonly colorByTag?: string;
  readonly decorate?: (box: Box) => BoxDecoration | undefined;
  /** Draw the legend (default true). */
  readonly legend?: boolean;
}

/**
 * Quote a DOT string: `"` and `\` escaped, newlines as `\n` (centred lines).
 *
 * @example
 * quote('say "hi"'); // '"say \\"hi\\""'
 */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attrs(values: DotAttrs): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : quote(v)}`)
    .join(', ');
}

function tagValue(box: Box, key: string): string | undefined {
  let seen: string | undefined;
  for (const m of box.members) {
    const raw = m.tags[key];
    const v = Array.isArray(raw) ? raw[0] : (raw as string | undefined);
    if (v === undefined || (seen !== undefined && v !== seen)) return undefined;
    seen = v;
  }
  return seen;
}

function tooltip(box: Box, extra: string | undefined): string {
  const lines: string[] = [];
  if (box.members.length === 1) {
    const n = box.members[0];
    lines.push(`${n.name}${n.type ? `: ${n.type}` : ''} (${KIND_MEANING[n.kind]})`);
    if (n.origin) lines.push(`defined by ${n.origin}`);
    const tags = Object.entries(n.tags).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`);
    if (tags.length) lines.push(`tags: ${tags.join(', ')}`);
    if (n.doc) lines.push(n.doc);
  } else {
    const names = box.members.slice(0, 12).map((m) => m.name);
    const more = box.members.length - names.length;
    lines.push(`${box.members.length} nodes: ${names.join(', ')}${more > 0 ? ` … and ${more} more` : ''}`);
  }
  if (extra) lines.push(extra);
  return lines.join('\n');
}

function boxLine(box: Box, opts: DotOptions, colours: ReturnType<typeof tagColours>): string {
  const deco = opts.decorate?.(box);
  const single = box.members.length === 1 ? box.members[0] : undefined;
  const lines = [box.label];
  if (single?.type) lines.push(single.type);
  if (deco?.caption) lines.push(deco.caption);
  const tagged = opts.colorByTag ? tagValue(box, opts.colorByTag) : undefined;
  const look: Record<string, string | number> = { ...KIND_STYLES[box.kind], ...(single ? {} : GROUP_STYLE) };
  if (tagged !== undefined) look.fillcolor = colours.of(tagged);
  if (deco?.fillcolor) look.fillcolor = deco.fillcolor;
  if (deco?.color) look.color = deco.color;
  if (deco?.penwidth) look.penwidth = deco.penwidth;
  if (deco?.fontcolor) look.fontcolor = deco.fontcolor;
  if (!String(look.style ?? '').includes('filled')) look.style = `${look.style ? `${look.style},` : ''}filled`;
  return `${quote(box.id)} [${attrs({ ...look, label: lines.join('\n'), tooltip: tooltip(box, deco?.tooltip) })}];`;
}

/**
 * A folded edge is drawn thicker (log of how many it stands for), its arrowhead kept small; an
 * edge into a check is dotted with no arrowhead (a check reads its node, it feeds nothing).
 */
function edgeLook(count: number, intoCheck: boolean): string {
  const look: string[] = intoCheck ? ['style=dotted', 'arrowhead=none'] : [];
  if (count > 1) {
    const width = Math.min(5, 1 + 1.3 * Math.log10(count));
    look.push(`penwidth=${width.toFixed(2)}`, `arrowsize=${(0.7 / Math.sqrt(width)).toFixed(2)}`, `tooltip=${quote(`${count} edges`)}`);
  }
  return look.length ? ` [${look.join(', ')}]` : '';
}

interface Cluster {
  boxes: Box[];
  readonly children: Map<string, Cluster>;
}

function clusterTree(boxes: readonly Box[]): Cluster {
  const root: Cluster = { boxes: [], children: new Map() };
  for (const box of boxes) {
    let at = root;
    let path = '';
    for (const part of box.namespace ? box.namespace.split('.') : []) {
      path = path ? `${path}.${part}` : part;
      let next = at.children.get(path);
      if (!next) at.children.set(path, (next = { boxes: [], children: new Map() }));
      at = next;
    }
    at.boxes.push(box);
  }
  flattenLonely(root);
  return root;
}

/** A namespace holding a single box gets no frame of its own: the box moves to the parent. */
function flattenLonely(cluster: Cluster): number {
  let total = cluster.boxes.length;
  for (const [path, child] of [...cluster.children]) {
    const inside = flattenLonely(child);
    if (inside < 2) {
      cluster.boxes.push(...child.boxes);
      cluster.children.delete(path);
    }
    total += inside;
  }
  return total;
}

function writeCluster(cluster: Cluster, indent: string, out: string[], line: (b: Box) => string): void {
  for (const box of cluster.boxes) out.push(indent + line(box));
  for (const [path, child] of cluster.children) {
    out.push(`${indent}subgraph ${quote(`cluster_${path}`)} {`);
    out.push(`${indent}  label=${quote(path.slice(path.lastIndexOf('.') + 1))}; tooltip=${quote(`namespace ${path}`)};`);
    out.push(`${indent}  style="rounded,filled"; fillcolor="#f7f9fc"; color="#b8c2d0"; fontcolor="#44546a";`);
    writeCluster(child, `${indent}  `, out, line);
    out.push(`${indent}}`);
  }
}

/** The graph's heading: title, what was folded, and the legend of kinds and tag colours. */
function heading(lines: readonly string[], legendRows: readonly string[][]): string {
  const rows = lines.map((l, i) => `<tr><td align="left">${i === 0 ? `<b>${html(l)}</b>` : html(l)}</td></tr>`);
  for (const cells of legendRows) {
    if (cells.length) rows.push(`<tr><td align="left"><table border="0" cellspacing="3" cellpadding="3"><tr>${cells.join('')}</tr></table></td></tr>`);
  }
  return rows.length ? `<<table border="0" cellspacing="0" cellpadding="1">${rows.join('')}</table>>` : '""';
}

function legendRows(graph: CollapsedGraph, tag: string | undefined, entries: [string, string][]): string[][] {
  const kinds = [...new Set(graph.boxes.map((b) => b.kind))];
  const cell = (fill: string, text: string) => `<td bgcolor="${fill}" border="1" align="left">${html(text)}</td>`;
  return [kinds.map((k) => cell(String(KIND_STYLES[k].fillcolor), KIND_MEANING[k])), entries.map(([v, c]) => cell(c, `${tag}=${v}`))];
}

/**
 * The DOT text of a collapsed graph.
 *
 * @example
 * const dot = toDot(collapse(nodes), { title: 'spend features', colorByTag: 'owner' });
 * const svg = await renderSvg(dot);
 */
export function toDot(graph: CollapsedGraph, opts: DotOptions = {}): string {
  const colours = tagColours();
  const out = ['digraph quiver {'];
  out.push(`  graph [rankdir=${opts.rankdir ?? 'LR'}, fontname="Helvetica", fontsize=12, labelloc=t, labeljust=l, nodesep=0.25, ranksep=0.5];`);
  out.push('  node [fontname="Helvetica", fontsize=11, margin="0.12,0.05"];');
  out.push('  edge [color="#7f8c9d", arrowsize=0.7];');
  writeCluster(clusterTree(graph.boxes), '  ', out, (b) => boxLine(b, opts, colours));
  const kinds = new Map(graph.boxes.map((b) => [b.id, b.kind]));
  for (const e of graph.edges) out.push(`  ${quote(e.from)} -> ${quote(e.to)}${edgeLook(e.count, kinds.get(e.to) === 'check')};`);
  const lines = opts.title ? [opts.title] : [];
  if (graph.grouping !== 'node') lines.push(`${graph.nodeCount} nodes folded by ${graph.grouping} into ${graph.boxes.length} boxes`);
  const legendCells = opts.legend === false ? [] : legendRows(graph, opts.colorByTag, colours.entries());
  out.push(`  label=${heading(lines, legendCells)};`);
  out.push('}');
  return out.join('\n');
}
