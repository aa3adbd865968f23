/**
 * A node is a frozen record; a change makes a new one (`copyWith`). Edges live in the graph
 * (`Graph.deps`), not on nodes: a node only names what it needs.
 */
import type { NodeRole } from '../execution/hooks';
import type { Validator } from '../quality/result';
import type { DecoratorRecord, TagMap } from '../records/records';

export interface Dependency {
  /** The name of the node, config key or input this dependency reads. */
  readonly name: string;
  /** The declared type (a constructor) or `undefined` when unknown. */
  readonly type: unknown;
  /** A parameter with a default value: when nothing provides it, the default applies. */
  readonly optional: boolean;
}

/**
 * Where a node comes from, as typed fields: the class and method that define it (`origin` is the
 * same as text, `Class.method`). `module` is the file, when the one who builds the graph knows it.
 */
export interface NodeOrigin {
  readonly module?: string;
  readonly className: string;
  readonly method: string;
}

/** Computes a node's value from its dependencies' values, in `dependencies` order. */
export type NodeFn = (args: unknown[]) => unknown;

export interface FeatureNode {
  readonly name: string;
  readonly type: unknown;
  readonly dependencies: readonly Dependency[];
  readonly fn: NodeFn;
  readonly tags: TagMap;
  readonly doc: string;
  /**
   * Where it was defined, as messages and `listAvailableVariables()` show it: `Class.method`, `input`,
   * `optional input` or `config`. Code decides by `role`, `optional` and `definedBy`, never by this text.
   */
  readonly origin: string;
  /** The method that defines the node; `undefined` for inputs and config. */
  readonly definedBy?: NodeOrigin;
  readonly role: NodeRole;
  /** For an `input` node: true when every node that reads it has a default for it. */
  readonly optional?: boolean;
  /** For `raw` and `check` nodes: the feature they belong to. */
  readonly owner?: string;
  /** For `check` nodes: the check they run. */
  readonly validator?: Validator;
  /** Keys of this node's own tags that every node downstream inherits (`@tag(…, { propagate: true })`). */
  readonly propagates?: readonly string[];
  /** The code that defines the node (for the cache's code version); inputs and config have none. */
  readonly code?: CodeIdentity;
}

/** What a node's code is made of: the method that defines it and that method's decorator records. */
export interface CodeIdentity {
  readonly fn: Function;
  readonly records: readonly DecoratorRecord[];
  /** The instance the method runs on: its own fields are part of the code version. */
  readonly instance?: object;
}

/** Freezes a freshly made node record (and its dependency list) in place. */
export function makeNode(node: FeatureNode): FeatureNode {
  Object.freeze(node.dependencies);
  return Object.freeze(node);
}

export function copyWith(node: FeatureNode, changes: Partial<FeatureNode>): FeatureNode {
  return makeNode({ ...node, ...changes, dependencies: [...(changes.dependencies ?? node.dependencies)] });
}

/** Internal nodes (a checked feature's raw value, its checks) are hidden from lineage answers. */
export function isInternal(node: FeatureNode): boolean {
  return node.role === 'raw' || node.role === 'check';
}

/** The value every input and config node computes: it is supplied, never computed. */
export const SUPPLIED: NodeFn = () => {
  throw new Error('an input node is supplied by the execution, never computed');
};
