/**
 * Checks the nodes of every method as a whole and makes the `Graph`: names defined twice, names
 * that clash with config keys, inputs whose consumers disagree on a type, edges whose declared
 * types cannot meet, and cycles. Every problem is collected; then one `GraphBuildError` lists them.
 */
import { GraphBuildError, type Issue } from '../errors';
import { acyclicOrderOf, consumerLists, findCycles } from './cycles';
import { Graph } from './graph';
import { makeNode, SUPPLIED, type Dependency, type FeatureNode } from './node';
import { declaredTypeName, describeValue, isKnownType, typesCompatible, valueMatchesType } from './types';
import { hasOwn } from '../util/own';
import { joinAnd } from '../util/join-and';

export function assembleGraph(features: readonly FeatureNode[], config: Readonly<Record<string, unknown>>, issues: Issue[]): Graph {
  // Set from the last node to the first, so each name keeps its first definition: one Map write a
  // node. Fewer names than nodes means some are defined twice; only then does the slower pass run.
  let index = new Map<string, number>();
  for (let i = features.length - 1; i >= 0; i--) index.set(features[i].name, i);
  const unique = index.size === features.length;
  if (!unique) index = new Map();
  const nodes: FeatureNode[] = unique ? [...features] : [];
  let duplicates: Map<string, FeatureNode[]> | undefined;
  for (const node of unique ? [] : features) {
    const first = index.get(node.name);
    if (first === undefined) {
      index.set(node.name, nodes.length);
      nodes.push(node);
    } else {
      duplicates ??= new Map();
      duplicates.set(node.name, [...(duplicates.get(node.name) ?? [nodes[first]]), node]);
    }
  }
  for (const [name, defs] of duplicates ?? []) {
    const origins = defs.map((d) => d.origin);
    issues.push({
      code: 'duplicate',
      message: `Feature "${name}" is defined ${defs.length === 2 ? 'twice' : `${defs.length} times`}: ${joinAnd(origins)}. Rename ${defs.length === 2 ? 'one of them' : 'all but one'}${new Set(origins).size === 1 ? ' (or pass the class only once)' : ''}.`,
      nodes: [name],
    });
  }
  for (const name of Object.keys(config)) {
    const i = index.get(name);
    if (i !== undefined) {
      issues.push({ code: 'config-clash', message: `"${name}" is both a config key and a feature (${nodes[i].origin}). Rename the feature or the config key.`, nodes: [name] });
    }
  }

  // One pass over every edge: an edge between features is resolved and its types checked here; an
  // edge to a name no feature defines is collected, then that name becomes an input or config node.
  const count = nodes.length;
  const deps: Int32Array[] = new Array(count);
  const mismatches: Issue[] = [];
  const external = new Map<string, { consumers: { node: FeatureNode; type: unknown }[]; optional: boolean }>();
  let open: number[] | undefined; // (node, edge) pairs still pointing at an input
  // Every node's edge list is a view into one buffer: a small typed array of its own costs twice the memory.
  let total = 0;
  for (let i = 0; i < count; i++) total += nodes[i].dependencies.length;
  const edges = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const node = nodes[i];
    const list = node.dependencies;
    if (list.length === 0) {
      deps[i] = NO_EDGES;
      continue;
    }
    const d = (deps[i] = new Int32Array(edges.buffer, at * 4, list.length));
    at += list.length;
    for (let k = 0; k < list.length; k++) {
      const dep = list[k];
      const j = index.get(dep.name);
      if (j !== undefined) {
        d[k] = j;
        const provider = nodes[j];
        if (isKnownType(dep.type) && !typesCompatible(provider.type, dep.type)) {
          mismatches.push(typeMismatch(provider, node, dep));
        }
        continue;
      }
      (open ??= []).push(i, k);
      let entry = external.get(dep.name);
      if (entry === undefined) external.set(dep.name, (entry = { consumers: [], optional: true }));
      entry.consumers.push({ node, type: dep.type });
      entry.optional &&= dep.optional;
    }
  }
  for (const [name, { consumers, optional }] of external) {
    const typed = consumers.filter((c) => isKnownType(c.type));
    const conflict = typed.find((c) => !typesCompatible(c.type, typed[0].type) && !typesCompatible(typed[0].type, c.type));
    if (conflict) {
      issues.push({
        code: 'input-type-conflict',
        message: `Input "${name}" is needed as ${declaredTypeName(typed[0].type)} by ${typed[0].node.origin} and as ${declaredTypeName(conflict.type)} by ${conflict.node.origin}; one value cannot be both. Make the declared types agree.`,
        nodes: [name],
      });
    }
    const isConfig = hasOwn(config, name);
    if (isConfig && typed.length > 0) {
      const wrong = typed.find((c) => !valueMatchesType(config[name], c.type));
      if (wrong) {
        issues.push({
          code: 'config-type',
          message: `Config "${name}" is ${describeValue(config[name])}, but ${wrong.node.origin} declares it as ${declaredTypeName(wrong.type)}. Change the config value or the declared type.`,
          nodes: [name],
        });
      }
    }
    index.set(name, nodes.length);
    deps.push(NO_EDGES);
    nodes.push(suppliedNode(name, typed[0]?.type, isConfig, optional));
  }
  for (let p = 0; open !== undefined && p < open.length; p += 2) {
    deps[open[p]][open[p + 1]] = index.get(nodes[open[p]].dependencies[open[p + 1]].name)!;
  }
  for (const issue of mismatches) issues.push(issue);
  // The cycle check walks flat consumer lists; the per-node views are made when something asks (lineage, messages).
  const lists = consumerLists(nodes.length, deps);
  const order = acyclicOrderOf(nodes.length, deps, lists);
  for (const cycle of order ? [] : findCycles(nodes.length, deps)) {
    // A checked feature's internal nodes (x:raw, x:check:…) are shown as the feature itself.
    const names = cycle.map((i) => nodes[i].owner ?? nodes[i].name).reverse().filter((n, k, all) => k === 0 || n !== all[k - 1]);
    issues.push({
      code: 'cycle',
      message: `Cycle: ${names.join(' → ')} (each feature feeds the next). A feature cannot depend on itself, directly or through others; break the cycle.`,
      nodes: [...new Set(names)],
    });
  }
  if (issues.length > 0) throw new GraphBuildError(issues);
  return new Graph(nodes, deps, index, { lists, order: order! });
}

const NO_EDGES = new Int32Array(0);
const NO_TAGS = Object.freeze({});

/** An input or config node: supplied at run time, never computed. `origin` is its display text. */
function suppliedNode(name: string, type: unknown, isConfig: boolean, optional: boolean): FeatureNode {
  return makeNode({
    name,
    type,
    dependencies: [],
    fn: SUPPLIED,
    tags: NO_TAGS,
    doc: '',
    origin: isConfig ? 'config' : optional ? 'optional input' : 'input',
    role: isConfig ? 'config' : 'input',
    ...(isConfig ? {} : { optional }),
  });
}

function typeMismatch(provider: FeatureNode, node: FeatureNode, dep: Dependency): Issue {
  return {
    code: 'type-mismatch',
    message: `Type mismatch: "${provider.name}" (${provider.origin}) returns ${declaredTypeName(provider.type)}, ` +
      `but "${node.name}" (${node.origin}) needs "${dep.name}" as ${declaredTypeName(dep.type)}. ` +
      'Make the declared types agree.',
    nodes: [provider.name, node.name],
  };
}
