/**
 * A node's declared return type is checked when it finishes: a cheap constructor check, made
 * once per graph (only for nodes whose type is known; `Object`, unions and async `Promise` types
 * are unknown and not checked), so the executor's loop only reads one array slot per node.
 */
import { FeatureExecutionError } from '../errors';
import type { Graph } from '../graph/graph';
import type { FeatureNode } from '../graph/node';
import { article, describeValue, isKnownType, primitiveName, typeName, valueMatchesType } from '../graph/types';

export type ReturnCheck = ((value: unknown) => boolean) | undefined;

const cache = new WeakMap<Graph, readonly ReturnCheck[]>();
/**
 * One check per declared type for the whole process, not per graph: the executor's and the
 * isolation walk's call of it then sees the same function in every run. A check made per graph
 * was inlined into their optimized code and, once that graph was collected, threw the code away
 * ("weak objects") in every training frame's run.
 */
const byType = new WeakMap<Function, ReturnCheck>();

/**
 * For each node of `graph`, the check of its value against its declared return type, or
 * `undefined` where there is nothing to check (unknown types, inputs, check nodes, a checked
 * feature's gate, which passes on a value already checked as `x:raw`).
 *
 * @example
 * const checks = returnChecksOf(graph);
 * checks[graph.index.get('spendMean')!]?.(3); // true: declared number, got a number
 */
export function returnChecksOf(graph: Graph): readonly ReturnCheck[] {
  let checks = cache.get(graph);
  if (!checks) {
    const list = new Array<ReturnCheck>(graph.nodes.length);
    for (let i = 0; i < list.length; i++) list[i] = checkOf(graph.nodes[i]);
    cache.set(graph, (checks = list));
  }
  return checks;
}

function checkOf(node: FeatureNode): ReturnCheck {
  if ((node.role !== 'feature' && node.role !== 'raw') || !isKnownType(node.type)) return undefined;
  const first = node.dependencies[0]?.name;
  if (first !== undefined && first.length === node.name.length + 4 && first === `${node.name}:raw`) return undefined;
  const t = node.type;
  let check = byType.get(t);
  if (check === undefined) byType.set(t, (check = checkFor(t)));
  return check;
}

function checkFor(t: unknown): ReturnCheck {
  const primitive = primitiveName(t);
  if (primitive !== undefined) return (v) => typeof v === primitive || v instanceof (t as Function);
  return (v) => v instanceof (t as Function) || valueMatchesType(v, t);
}

/**
 * The error for a node whose value does not match its declared return type.
 *
 * @example
 * returnTypeError(node, 3).message;
 * // 'Feature "x" (F.x) is declared to return Float64Array but returned a number (3). …'
 */
export function returnTypeError(node: FeatureNode, value: unknown): FeatureExecutionError {
  const name = node.owner ?? node.name;
  const declared = primitiveName(node.type) ?? typeName(node.type);
  const detail = `"${name}" (${node.origin}) is declared to return ${declared} but returned ${describeValue(value)}`;
  return new FeatureExecutionError(name, node.origin, new TypeError(detail),
    `Feature ${detail}. Return ${article(declared)} ${declared}, or change the declared return type.`);
}
