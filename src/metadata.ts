/**
 * The one module that reads and writes reflect-metadata. Decorators append a record here; the
 * graph builder reads the records of each method once. Records are read with `getOwnMetadata`
 * and copied before writing, so a subclass never edits its parent's list.
 */
import 'reflect-metadata';
import type { DecoratorRecord } from './records/records';

const RECORDS = 'quiver:records';
const DOC_COMMENT = 'quiver:doc-comment';

/** Appends `record` to the records of `target[method]` (target is the class prototype). */
export function addRecord(target: object, method: string | symbol, record: DecoratorRecord): void {
  const own = Reflect.getOwnMetadata(RECORDS, target, method) as DecoratorRecord[] | undefined;
  Reflect.defineMetadata(RECORDS, own ? [...own, record] : [record], target, method);
}

/** The records written on `target[method]` itself (not inherited), in the order they were written. */
export function readRecords(target: object, method: string | symbol): readonly DecoratorRecord[] {
  return (Reflect.getOwnMetadata(RECORDS, target, method) as DecoratorRecord[] | undefined) ?? [];
}

/**
 * Sets the doc a method's comment gives (its JSDoc, written by `documentMethods`); kept apart from
 * the decorator records, so an undecorated method with a comment stays undecorated.
 */
export function setDocComment(target: object, method: string, doc: string): void {
  Reflect.defineMetadata(DOC_COMMENT, doc, target, method);
}

/** The doc comment set on `target[method]` itself, or `undefined`. */
export function readDocComment(target: object, method: string): string | undefined {
  return Reflect.getOwnMetadata(DOC_COMMENT, target, method) as string | undefined;
}

/** The types TypeScript emitted for a decorated method, or `undefined` where none were emitted. */
export interface DesignTypes {
  readonly params?: readonly unknown[];
  readonly returns?: unknown;
}

export function readDesignTypes(target: object, method: string): DesignTypes {
  return {
    params: Reflect.getOwnMetadata('design:paramtypes', target, method) as unknown[] | undefined,
    returns: Reflect.getOwnMetadata('design:returntype', target, method),
  };
}
