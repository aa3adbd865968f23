/**
 * Finds the methods of feature classes: every public method, own and inherited, except the
 * constructor, static methods, getters/setters and names starting with `_`.
 */
import type { Issue } from '../errors';

export interface FeatureSource {
  /** The instance methods run on. */
  readonly instance: object;
  readonly className: string;
}

export interface FoundMethod {
  readonly source: FeatureSource;
  readonly name: string;
  readonly fn: Function;
  /** The prototype (or object) that defines the method: its decorator records live there. */
  readonly holder: object;
}

/** Makes one instance per class (`new Class()`); instances are used as they are. */
export function toSource(item: unknown, issues: Issue[]): FeatureSource | undefined {
  if (typeof item === 'function') {
    try {
      return { instance: new (item as new () => object)(), className: item.name || 'anonymous class' };
    } catch (error) {
      issues.push({
        code: 'constructor-failed',
        message: `Could not create ${item.name} with "new ${item.name}()": ${(error as Error)?.message ?? error}. Pass an instance instead: withFeatures(new ${item.name}(…)).`,
        nodes: [],
      });
      return undefined;
    }
  }
  if (typeof item === 'object' && item !== null) {
    const ctor = isPlainObject(item) ? undefined : (item as object).constructor;
    return { instance: item, className: ctor?.name || 'object' };
  }
  issues.push({
    code: 'not-a-feature-class',
    message: `withFeatures() was given ${item === null ? 'null' : typeof item}; pass feature classes or instances of them.`,
    nodes: [],
  });
  return undefined;
}

/** An object literal or `Object.create(null)`: its own methods are its features. */
function isPlainObject(item: object): boolean {
  const proto = Object.getPrototypeOf(item);
  return proto === Object.prototype || proto === null;
}

/**
 * The build issue for a class or object in which no method was found: it defines no feature, which
 * is never what `withFeatures` was meant to get.
 *
 * @example
 * noFeaturesIssue(Object.create(null), 'object').message;
 * // 'withFeatures() was given an object with no prototype and no methods, so it defines no features. …'
 */
export function noFeaturesIssue(item: unknown, className: string): Issue {
  const what = typeof item === 'function'
    ? `the class ${className}, which has no public methods`
    : Object.getPrototypeOf(item) === null
      ? 'an object with no prototype and no methods'
      : `${className === 'object' ? 'an object' : `an instance of ${className}`} with no public methods`;
  return {
    code: 'no-features',
    message: `withFeatures() was given ${what}, so it defines no features. Pass feature classes or instances whose ` +
      'methods are the features (withFeatures(MyFeatures)); methods starting with "_", getters and static methods do not count.',
    nodes: [],
  };
}

export function collectMethods(source: FeatureSource): FoundMethod[] {
  const found: FoundMethod[] = [];
  const seen = new Set<string>();
  // A plain object's own methods count; a class instance's own fields (arrow functions) do not.
  let holder: object | null = isPlainObject(source.instance) ? source.instance : Object.getPrototypeOf(source.instance);
  while (holder && holder !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (seen.has(name) || name === 'constructor' || name.startsWith('_')) continue;
      seen.add(name);
      const descriptor = Object.getOwnPropertyDescriptor(holder, name);
      if (!descriptor || descriptor.get || descriptor.set || typeof descriptor.value !== 'function') continue;
      found.push({ source, name, fn: descriptor.value, holder });
    }
    holder = Object.getPrototypeOf(holder);
  }
  return found;
}
