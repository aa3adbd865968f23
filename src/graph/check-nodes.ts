/**
 * Transform stage: checks are nodes. A checked feature `x` becomes `x:raw` (its own function),
 * one `x:check:<name>` node per check reading `x:raw`, and `x`, which waits for every check and
 * passes the raw value on — or throws `DataValidationError` if a `'fail'` check failed. Checks
 * thus share the executor, hooks, timings and lineage with every other node.
 */
import { DataValidationError } from '../errors';
import { runCheck } from '../quality';
import type { QualityResult, Validator } from '../quality/result';
import { checkLabelOf, checkNodeName, rawNodeName } from './internal-names';
import { copyWith, makeNode, type FeatureNode } from './node';

export function expandChecks(node: FeatureNode, validators: readonly Validator[]): FeatureNode[] {
  const raw = copyWith(node, { name: rawNodeName(node.name), role: 'raw', owner: node.name });
  const seen = new Map<string, number>();
  const checks = validators.map((validator) => {
    const count = (seen.get(validator.name) ?? 0) + 1;
    seen.set(validator.name, count);
    const label = `${validator.name}${count > 1 ? `#${count}` : ''}`;
    const name = checkNodeName(node.name, label);
    return makeNode({
      name,
      type: undefined,
      dependencies: [{ name: raw.name, type: undefined, optional: false }],
      fn: (args) => runCheck(node.name, validator, args[0], label),
      tags: node.tags,
      doc: validator.description ?? '',
      origin: node.origin,
      definedBy: node.definedBy,
      role: 'check',
      owner: node.name,
      validator,
    });
  });
  const gate = copyWith(node, {
    dependencies: [raw, ...checks].map((n) => ({ name: n.name, type: undefined, optional: false })),
    fn: gateOf(node.name),
  });
  return [raw, ...checks, gate];
}

/** A checked feature's check or gate node moved to a new name (namespaces): its function must report the new name. */
export function renamedCheckFn(node: FeatureNode, newOwner: string): FeatureNode['fn'] | undefined {
  if (node.role === 'check') {
    const validator = node.validator!;
    const label = checkLabel(node);
    return (args) => runCheck(newOwner, validator, args[0], label);
  }
  if (node.dependencies[0]?.name === rawNodeName(node.name)) return gateOf(newOwner);
  return undefined;
}

/**
 * The name a check node's results carry: the validator's name, with `#2`, `#3`… for the second and
 * later checks of one name on one feature (the same validator may run twice).
 *
 * @example
 * checkLabel(graph.node('x:check:lengthIs#2')!); // 'lengthIs#2'
 */
export function checkLabel(node: FeatureNode): string {
  return checkLabelOf(node.name);
}

function gateOf(name: string): (args: unknown[]) => unknown {
  return (args) => {
    let failed: QualityResult[] | undefined;
    for (let i = 1; i < args.length; i++) {
      const result = args[i] as QualityResult;
      if (!result.passes && result.importance === 'fail') (failed ??= []).push(result);
    }
    if (failed) throw new DataValidationError(name, failed);
    return args[0];
  };
}
