/**
 * The state one method's expansion passes from stage to stage (src/records/kinds.ts lists the
 * stages and which record kind each applies). Stages fill it in order; a stage that finds a problem
 * records an issue naming `Class.method` and the expansion stops after that stage.
 */
import type { Issue } from '../../errors';
import type { DesignTypes } from '../../metadata';
import type { DecoratorRecord, NamespaceSpec, RecordKind } from '../../records/records';
import type { DependencySpec } from '../../records/dependency-spec';
import type { FoundMethod } from '../collect-methods';
import type { CodeIdentity, FeatureNode, NodeOrigin } from '../node';
import type { ParsedParameter } from '../params';

export type Of<K extends RecordKind> = Extract<DecoratorRecord, { kind: K }>;

/** A method's records grouped by kind, each list in the order the decorators were written. */
export type RecordsByKind = { readonly [K in RecordKind]?: readonly Of<K>[] };

/**
 * Groups records by kind in one pass.
 *
 * @example
 * groupRecords(readRecords(proto, 'x')).tag?.length; // how many tag records the method has
 */
export function groupRecords(records: readonly DecoratorRecord[]): RecordsByKind {
  const by: { [K in RecordKind]?: Of<K>[] } = {};
  for (const r of records) ((by[r.kind] ??= []) as DecoratorRecord[]).push(r);
  return by;
}

export interface ExpandContext {
  readonly config: Readonly<Record<string, unknown>>;
  readonly issues: Issue[];
  /** Methods that have quiver decorators but no emitted types (metadata is off). */
  readonly untyped: string[];
  /** The nodes of a feature set under a namespace (for `@subdag`). */
  readonly expandSpace: (
    space: NamespaceSpec, namespace: string, origin: string, definedBy?: NodeOrigin,
  ) => FeatureNode[];
  /** Where to record nodes that `@config.*` switched off (name → why), for "disabled by config" messages. */
  readonly disabled?: Map<string, string>;
}

/** One node a method defines before chains and checks: its name, parameter bindings and doc. */
export interface Output {
  readonly name: string;
  readonly bound: Record<string, DependencySpec>;
  readonly doc: string;
}

export interface Expansion {
  readonly method: FoundMethod;
  readonly ctx: ExpandContext;
  readonly records: readonly DecoratorRecord[];
  readonly of: RecordsByKind;
  /** `Class.method`, as messages and `FeatureNode.origin` show it. */
  readonly origin: string;
  /** The same as a typed field (`FeatureNode.definedBy`). */
  readonly definedBy: NodeOrigin;
  readonly code: CodeIdentity;
  /** Set by `problem`: the expansion stops after the current stage. */
  failed: boolean;
  /** The node name (`x` for a method `x__us` under `@config.*`). */
  name: string;
  params: readonly ParsedParameter[];
  types: DesignTypes;
  doc: string;
  /** What runs: the method, or `@does`'s function. */
  impl: Function;
  outputs: Output[];
  /** Nodes of a `@subdag`'s namespace: produced first, never tagged or checked by this method. */
  inner: FeatureNode[];
  /** One node per output, with the name the user asks for (after its chains). */
  finals: FeatureNode[];
  /** For each final node, which dependency each parameter reads (-1: a value or group). */
  paramDeps: (readonly number[])[];
  /** Step nodes of `@pipeInput` / `@pipeOutput`. */
  chained: FeatureNode[];
  /** Nodes of `@extractColumns` / `@extractFields`. */
  extracted: FeatureNode[];
  /** What the method produces so far, in order (set by the extract stage, then retagged, then checked). */
  produced: FeatureNode[];
}

/**
 * Records an issue for the method (the build fails with every issue listed).
 *
 * @example
 * problem(x, 'does', `@does on ${x.origin}: …`);
 */
export function problem(x: Expansion, code: string, message: string, nodes: string[] = [x.origin]): void {
  x.failed = true;
  x.ctx.issues.push({ code, message, nodes });
}
