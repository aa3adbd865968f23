/**
 * How each kind of node looks, and the colours tags are drawn in. One table, so the CLI picture,
 * the run report and the legend agree.
 */
import type { NodeKind } from './model';

/** Graphviz node attributes, as strings. */
export type DotAttrs = Readonly<Record<string, string | number>>;

/** The look of each kind of node; groups of several nodes add `GROUP_STYLE`. */
export const KIND_STYLES: Readonly<Record<NodeKind, DotAttrs>> = {
  input: { shape: 'box', style: 'rounded,dashed,filled', fillcolor: '#ffffff', color: '#5b6b7f' },
  config: { shape: 'note', style: 'filled', fillcolor: '#fff4cc', color: '#a08a2e' },
  feature: { shape: 'box', style: 'rounded,filled', fillcolor: '#e6effa', color: '#4a6fa5' },
  output: { shape: 'box', style: 'rounded,filled,bold', fillcolor: '#d7efd2', color: '#2f7d32', penwidth: 2 },
  check: { shape: 'octagon', style: 'filled', fillcolor: '#fbe3e1', color: '#b3413a' },
  override: { shape: 'box', style: 'rounded,dashed,filled', fillcolor: '#efe6f7', color: '#6d4a93' },
};

/** Several nodes folded into one box are drawn as a stack. */
export const GROUP_STYLE: DotAttrs = { shape: 'box3d' };

/** What each kind means, for legends. */
export const KIND_MEANING: Readonly<Record<NodeKind, string>> = {
  input: 'input (supplied at run time)',
  config: 'config',
  feature: 'feature',
  output: 'requested output',
  check: 'data-quality check',
  override: 'override (value given for this execution)',
};

/** Light colours that keep black text readable; tag values take them in order of appearance. */
export const TAG_PALETTE: readonly string[] = [
  '#cfe3ff', '#ffd9b3', '#d4f0c8', '#f6c9d8', '#e3d4f5', '#fff0a8', '#c8ede9', '#f2d3c2', '#dfe6c3', '#e0e0e0',
];

/**
 * Assigns palette colours to tag values in the order they are first asked for.
 *
 * @example
 * const colours = tagColours();
 * colours.of('ds');        // '#cfe3ff'
 * colours.of('marketing'); // '#ffd9b3'
 * colours.of('ds');        // '#cfe3ff' again
 */
export function tagColours(): { of(value: string): string; entries(): [string, string][] } {
  const assigned = new Map<string, string>();
  return {
    of(value) {
      let colour = assigned.get(value);
      if (!colour) assigned.set(value, (colour = TAG_PALETTE[assigned.size % TAG_PALETTE.length]));
      return colour;
    },
    entries: () => [...assigned],
  };
}
