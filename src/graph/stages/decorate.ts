/**
 * The last two stages for one method's nodes: decorate (`@tag`, every produced node by default)
 * and transform (`@checkOutput`, `@checkOutputCustom`, the final nodes by default — each
 * parameterized output, or the table of `@extractColumns`). A `target` picks nodes by name, or
 * `'*'` for all of them.
 */
import { validatorsFromOptions } from '../../quality';
import type { Validator } from '../../quality/result';
import type { TagMap, Target } from '../../records/records';
import { hasOwn, setOwn } from '../../util/own';
import { expandChecks } from '../check-nodes';
import { makeNode, type FeatureNode } from '../node';
import { problem, type Expansion } from './expansion';

/** The nodes `target` picks among those the method produces; an unknown name is a problem. */
function targetsOf(
  x: Expansion, target: Target, defaults: readonly FeatureNode[], decorator: string,
): readonly FeatureNode[] {
  if (target === undefined) return defaults;
  const wanted = typeof target === 'string' ? [target] : target;
  if (wanted.includes('*')) return x.produced;
  const names = x.produced.map((n) => n.name);
  const missing = wanted.filter((t) => !names.includes(t));
  if (missing.length > 0) {
    problem(x, 'unknown-target',
      `@${decorator} on ${x.origin} targets ${missing.map((m) => `"${m}"`).join(', ')}, ` +
        `which ${x.origin} does not produce (it produces: ${names.join(', ')}).`);
    return [];
  }
  return x.produced.filter((n) => wanted.includes(n.name));
}

/**
 * Decorate stage (`@tag`): each record's tags on its target nodes; a key set twice to two values is a problem.
 *
 * @example
 * decorateStage(x); // every produced node now carries the tags of the method's tag records
 */
export function decorateStage(x: Expansion): boolean {
  const records = x.of.tag;
  if (!records) return true;
  const tags = new Map<string, Record<string, string | readonly string[]>>();
  const propagates = new Map<string, Set<string>>();
  for (const record of records) {
    for (const node of targetsOf(x, record.target, x.produced, 'tag')) {
      const current = tags.get(node.name) ?? { ...node.tags };
      for (const [key, v] of Object.entries(record.tags)) {
        if (hasOwn(current, key) && JSON.stringify(current[key]) !== JSON.stringify(v)) {
          const values = `${JSON.stringify(current[key])} and ${JSON.stringify(v)}`;
          problem(x, 'tag-conflict',
            `Tag "${key}" is set twice on "${node.name}" (${x.origin}) with different values: ${values}. Keep one.`,
            [node.name]);
        }
        setOwn(current, key, v);
        if (record.propagate) propagates.set(node.name, (propagates.get(node.name) ?? new Set()).add(key));
      }
      tags.set(node.name, current);
    }
  }
  const retag = (node: FeatureNode): FeatureNode => {
    const own = tags.get(node.name);
    if (!own) return node;
    const keys = propagates.get(node.name);
    const tagged = Object.freeze(own) as TagMap;
    return makeNode({ ...node, tags: tagged, ...(keys ? { propagates: Object.freeze([...keys]) } : {}) });
  };
  x.finals = x.finals.map(retag);
  x.produced = x.produced.map(retag);
  return true;
}

/**
 * Transform stage (`@checkOutput`, `@checkOutputCustom`): a checked node becomes `x:raw`, its checks, and `x`.
 *
 * @example
 * transformStage(x); // a feature checked with { range } becomes x:raw, x:check:range, x
 */
export function transformStage(x: Expansion): boolean {
  const checks = x.of.checkOutput;
  const custom = x.of.checkOutputCustom;
  if (!checks && !custom) return true;
  const validators = new Map<string, Validator[]>();
  const add = (target: Target, list: readonly Validator[], decorator: string) => {
    for (const node of targetsOf(x, target, x.finals, decorator)) {
      validators.set(node.name, [...(validators.get(node.name) ?? []), ...list]);
    }
  };
  // In the order the decorators were written, so check labels (`range`, `range#2`) stay as they were.
  for (const record of x.records) {
    if (record.kind === 'checkOutput') add(record.target, validatorsFromOptions(record.options), 'checkOutput');
    else if (record.kind === 'checkOutputCustom') add(record.target, record.validators, 'checkOutputCustom');
  }
  x.produced = x.produced.flatMap((node) => {
    const list = validators.get(node.name);
    return list && list.length > 0 ? expandChecks(node, list) : [node];
  });
  return true;
}
