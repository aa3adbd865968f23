/** The CLI's exit code follows the typed issue codes (src/issue-codes.ts), not literals of its own. */
import { exitCodeOf, UsageError } from '../../cli/errors';
import { GraphBuildError, InputError } from '../../src/errors';
import { isUnknownNameCode, UNKNOWN_NAME_CODES } from '../../src/issue-codes';

const issue = (code: string) => ({ code, message: `${code} happened`, nodes: ['x'] });

describe('exitCodeOf', () => {
  it.each(UNKNOWN_NAME_CODES)('an InputError of only "%s" issues is a usage error (2)', (code) => {
    expect(isUnknownNameCode(code)).toBe(true);
    expect(exitCodeOf(new InputError([issue(code)]))).toBe(2);
  });

  it('one other issue among them makes it a failed run (1)', () => {
    expect(exitCodeOf(new InputError([issue('unknown-output'), issue('missing-input')]))).toBe(1);
    expect(isUnknownNameCode('missing-input')).toBe(false);
  });

  it('usage errors are 2, build errors and anything else 1', () => {
    expect(exitCodeOf(new UsageError('no such file'))).toBe(2);
    expect(exitCodeOf(new GraphBuildError([issue('unknown-node')]))).toBe(1);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
  });
});
