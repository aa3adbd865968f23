/**
 * The shared body of every decorator: make sure it sits on an instance method, build the record
 * (which validates the arguments and may throw `FeatureDefinitionError`), check that it may join the
 * method's other records (`assertRecordFits`: one `@parameterize`, never `@extractColumns` with
 * `@extractFields`), and write it.
 */
import { FeatureDefinitionError } from '../src/errors';
import { addRecord, readRecords } from '../src/metadata';
import { assertRecordFits } from '../src/records/kinds';
import type { DecoratorRecord } from '../src/records/records';
import { rejectStandardDecorator } from './standard-decorator';

/** The type of every quiver decorator: a legacy (experimentalDecorators) method decorator. */
export type FeatureDecorator = (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => void;

export function recordOn(decorator: string, makeRecord: (where: string) => DecoratorRecord): FeatureDecorator {
  return (target, key, descriptor) => {
    rejectStandardDecorator(decorator, key);
    const where = whereOf(target, key);
    if (typeof target === 'function') {
      throw new FeatureDefinitionError(`@${decorator} is on the static method ${where}; features are instance methods. Remove "static".`);
    }
    if (!descriptor || typeof descriptor.value !== 'function') {
      throw new FeatureDefinitionError(`@${decorator} is on ${where}, which is not a method; decorate a method (getters, setters and fields are not features).`);
    }
    if (typeof key === 'string' && key.startsWith('_')) {
      throw new FeatureDefinitionError(
        `@${decorator} is on ${where}: \`_\` methods are helpers, not features, so the decorator would be ignored. ` +
          `Rename the method without the leading "_" to make it a feature, or remove the decorator.`,
      );
    }
    const record = Object.freeze(makeRecord(where));
    assertRecordFits(readRecords(target, key), record, where);
    addRecord(target, key, record);
  };
}

/**
 * A decorator whose arguments are checked when it is applied to a method (when the class is
 * defined), so a mistake names the method (`Subject.method:` before the decorator's own message).
 * `build` validates the arguments and makes the record.
 */
export function checkedOn(decorator: string, build: () => DecoratorRecord): FeatureDecorator {
  return recordOn(decorator, (where) => {
    try {
      return build();
    } catch (e) {
      if (e instanceof FeatureDefinitionError) throw new FeatureDefinitionError(`${where}: ${e.message}`, { cause: e });
      throw e;
    }
  });
}

/** `Class.method` for messages (`anonymous class.method` for a class without a name). */
export function whereOf(target: object, key: string | symbol): string {
  const owner = typeof target === 'function' ? target : (target as { constructor?: Function }).constructor;
  return `${owner?.name || 'anonymous class'}.${String(key)}`;
}
