/**
 * quiver's decorators are legacy (`experimentalDecorators`) decorators: only those make TypeScript
 * emit the parameter and return types quiver checks. Compiled without that option (TypeScript 5's
 * standard decorators, or tsx/esbuild with a plain tsconfig), a decorator is called as
 * `(method, context)` instead of `(prototype, name, descriptor)`; this recognizes such a call.
 */
import { FeatureDefinitionError } from '../src/errors';

/** The part of a standard decorator's context object this reads. */
interface StandardContext {
  readonly kind: string;
  readonly name: string | symbol;
}

/** True when `key` is a standard decorator's context (`{ kind, name, … }`) rather than a property key. */
function isStandardContext(key: unknown): key is StandardContext {
  return typeof key === 'object' && key !== null && typeof (key as StandardContext).kind === 'string' && 'name' in key;
}

/** The tsconfig.json settings quiver's decorators need, as the message shows them. */
export const DECORATOR_TSCONFIG = '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }';

/**
 * Throws a `FeatureDefinitionError` saying how to compile for quiver when `@decorator` was called
 * as a standard decorator (its second argument a context object with `kind` and `name`).
 *
 * @example
 * rejectStandardDecorator('tag', key); // in a decorator's body, before reading `key` as a name
 */
export function rejectStandardDecorator(decorator: string, key: unknown): void {
  if (!isStandardContext(key)) return;
  const on = key.kind === 'method' ? `the method "${String(key.name)}"` : `the ${key.kind} "${String(key.name)}"`;
  throw new FeatureDefinitionError(
    `@${decorator} on ${on} was called as a standard (TC39) decorator: this code was compiled without ` +
      '"experimentalDecorators", so TypeScript emits neither legacy decorators nor the parameter and return types ' +
      `quiver reads. Enable both in tsconfig.json: ${DECORATOR_TSCONFIG}. ` +
      'Runners that ignore these settings (tsx, esbuild) drop the types: run with node -r quiver/register, ' +
      'ts-node or tsc instead.',
  );
}
