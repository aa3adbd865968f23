/**
 * The records decorators write. A decorator validates its arguments and writes one of these; the
 * builder reads them and applies them in a fixed order of stages (src/graph/stages/), so the order
 * in which decorators are stacked on a method never matters. What each kind is — its stage, whether
 * several may sit on one method — is in `kinds.ts`.
 */
import type { CheckOutputOptions } from '../quality';
import type { Validator } from '../quality/result';
import type { DependencySpec, LeafSpec } from './dependency-spec';
import type { Step } from './step';
import type { CacheBehavior } from '../cache/behavior';

export type TagValue = string | readonly string[];
export type TagMap = Readonly<Record<string, TagValue>>;

/** Which of the nodes a decorator stack produces a tag or check applies to. */
export type Target = string | readonly string[] | undefined;

export type DecoratorRecord =
  | { readonly kind: 'feature'; readonly doc?: string }
  | { readonly kind: 'tag'; readonly tags: TagMap; readonly target?: Target; readonly propagate?: boolean }
  | { readonly kind: 'checkOutput'; readonly options: CheckOutputOptions; readonly target?: Target }
  | { readonly kind: 'checkOutputCustom'; readonly validators: readonly Validator[]; readonly target?: Target }
  | {
      readonly kind: 'parameterize';
      readonly spec: Readonly<Record<string, Readonly<Record<string, DependencySpec>>>>;
      readonly docs?: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'extractColumns';
      readonly names: readonly string[];
      readonly fillWith?: unknown;
      readonly hasFill: boolean;
    }
  | { readonly kind: 'extractFields'; readonly fields: Readonly<Record<string, unknown>> }
  | ConfigRecord
  | { readonly kind: 'pipeInput'; readonly steps: readonly Step[]; readonly on?: string }
  | { readonly kind: 'pipeOutput'; readonly steps: readonly Step[] }
  | { readonly kind: 'does'; readonly fn: Function; readonly mapping: Readonly<Record<string, string>> }
  | { readonly kind: 'inject'; readonly bindings: Readonly<Record<string, DependencySpec>> }
  | { readonly kind: 'subdag'; readonly namespace?: string; readonly space: NamespaceSpec }
  | { readonly kind: 'cache'; readonly behavior: CacheBehavior };

export interface ConfigRecord {
  readonly kind: 'config';
  readonly mode: 'when' | 'whenNot' | 'whenIn';
  readonly match: Readonly<Record<string, unknown>>;
}

/** A feature set run under a namespace: its inputs bound to outer nodes or values. */
export interface NamespaceSpec {
  readonly features: readonly unknown[];
  /** Inner input name → `source(outer name)` or `value(v)`; unbound inputs are read from outside by their own name. */
  readonly inputs: Readonly<Record<string, LeafSpec>>;
  /** Config seen only inside the namespace (on top of the outer config). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Tags added to every node inside the namespace. */
  readonly tags: TagMap;
}

export type RecordKind = DecoratorRecord['kind'];
