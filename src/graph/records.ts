/**
 * The records decorators write. A decorator validates its arguments and writes one of these; the
 * builder reads them and applies them in a fixed order of stages (see `stages.ts`), so the order
 * in which decorators are stacked on a method never matters.
 */
import type { CheckOutputOptions } from '../quality';
import type { Validator } from '../quality/result';
import type { DependencySpec } from './dependency-spec';

export type TagValue = string | readonly string[];
export type TagMap = Readonly<Record<string, TagValue>>;

/** Which of the nodes a decorator stack produces a tag or check applies to. */
export type Target = string | readonly string[] | undefined;

export type DecoratorRecord =
  | { readonly kind: 'feature'; readonly doc?: string }
  | { readonly kind: 'tag'; readonly tags: TagMap; readonly target?: Target }
  | { readonly kind: 'checkOutput'; readonly options: CheckOutputOptions; readonly target?: Target }
  | { readonly kind: 'checkOutputCustom'; readonly validators: readonly Validator[]; readonly target?: Target }
  | {
      readonly kind: 'parameterize';
      readonly spec: Readonly<Record<string, Readonly<Record<string, DependencySpec>>>>;
      readonly docs?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'extractColumns'; readonly names: readonly string[]; readonly fillWith?: unknown; readonly hasFill: boolean }
  | { readonly kind: 'extractFields'; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly kind: 'config'; readonly mode: 'when' | 'whenNot' | 'whenIn'; readonly match: Readonly<Record<string, unknown>> };

export type RecordKind = DecoratorRecord['kind'];
