/** The message of the `InputError` a call throws (a test fails if it throws anything else, or nothing). */
import { InputError } from '../../../src/errors';

export function inputErrorMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}
