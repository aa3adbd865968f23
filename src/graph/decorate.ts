/**
 * The last two stages for one method's nodes: decorate (`@tag`, every produced node by default)
 * and transform (`@checkOutput`, `@checkOutputCustom`, the final nodes by default — each
 * parameterized output, or the table of `@extractColumns`). A `target` picks nodes by name, or
 * `'*'` for all of them.
 */
import { validatorsFromOptions } from '../quality';
import type { Validator } from '../quality/result';
import { expandChecks } from './check-nodes';
import { makeNode, type FeatureNode } from './node';
import type { DecoratorRecord, TagMap, Target } from './records';
import { hasOwn, setOwn } from './own';

type Problem = (code: string, message: string, nodes?: string[]) => void;

export function decorate(
  records: readonly DecoratorRecord[],
  produced: readonly FeatureNode[],
  finals: readonly FeatureNode[],
  origin: string,
  problem: Problem,
): FeatureNode[] {
  const names = produced.map((n) => n.name);
  const targetsOf = (target: Target, defaults: readonly FeatureNode[], decorator: string): readonly FeatureNode[] => {
    if (target === undefined) return defaults;
    const wanted = typeof target === 'string' ? [target] : target;
    if (wanted.includes('*')) return produced;
    const missing = wanted.filter((t) => !names.includes(t));
    if (missing.length > 0) {
      problem('unknown-target', `@${decorator} on ${origin} targets ${missing.map((m) => `"${m}"`).join(', ')}, which ${origin} does not produce (it produces: ${names.join(', ')}).`);
      return [];
    }
    return produced.filter((n) => wanted.includes(n.name));
  };

  const tags = new Map<string, Record<string, string | readonly string[]>>();
  const propagates = new Map<string, Set<string>>();
  const validators = new Map<string, Validator[]>();
  const addChecks = (target: Target, list: readonly Validator[], decorator: string) => {
    for (const node of targetsOf(target, finals, decorator)) validators.set(node.name, [...(validators.get(node.name) ?? []), ...list]);
  };
  for (const record of records) {
    if (record.kind === 'tag') {
      for (const node of targetsOf(record.target, produced, 'tag')) {
        const current = tags.get(node.name) ?? { ...node.tags };
        for (const [key, v] of Object.entries(record.tags)) {
          if (hasOwn(current, key) && JSON.stringify(current[key]) !== JSON.stringify(v)) {
            problem('tag-conflict', `Tag "${key}" is set twice on "${node.name}" (${origin}) with different values: ${JSON.stringify(current[key])} and ${JSON.stringify(v)}. Keep one.`, [node.name]);
          }
          setOwn(current, key, v);
          if (record.propagate) propagates.set(node.name, (propagates.get(node.name) ?? new Set()).add(key));
        }
        tags.set(node.name, current);
      }
    } else if (record.kind === 'checkOutput') addChecks(record.target, validatorsFromOptions(record.options), 'checkOutput');
    else if (record.kind === 'checkOutputCustom') addChecks(record.target, record.validators, 'checkOutputCustom');
  }

  return produced.flatMap((node) => {
    const keys = propagates.get(node.name);
    const tagged = tags.has(node.name)
      ? makeNode({ ...node, tags: Object.freeze(tags.get(node.name)!) as TagMap, ...(keys ? { propagates: Object.freeze([...keys]) } : {}) })
      : node;
    const checks = validators.get(node.name);
    return checks && checks.length > 0 ? expandChecks(tagged, checks) : [tagged];
  });
}
