/**
 * What the coordinator's caller gets when a partition job failed on a worker: the same error
 * classes as a single-process run (a 'fail' check is a DataValidationError naming the partition).
 */
import { failureError } from '../../adapters/bullmq/flow';
import { DataValidationError, DistributedError, FeatureExecutionError } from '../../src';
import { failureText } from '../../src/distributed/job';

const result = { node: 'ma4', check: 'notNull', importance: 'fail', passed: false, message: '3 nulls' };

test("a worker's failed 'fail' check reaches the caller as a DataValidationError naming the partition", () => {
  const reason = failureText('ma4', 2, 'Data quality check failed on "ma4" — in partition 3 of 4', [result]);
  const error = failureError(reason, 'redis://q:6379');
  expect(error).toBeInstanceOf(DataValidationError);
  expect(error).not.toBeInstanceOf(DistributedError);
  expect((error as DataValidationError).node).toBe('ma4');
  expect((error as DataValidationError).results).toEqual([result]);
  expect((error as DataValidationError & { partition: number }).partition).toBe(2);
  expect(error.message).toMatch(/partition 3 of 4/);
});

test('a feature that threw stays a FeatureExecutionError; any other reason a DistributedError', () => {
  expect(failureError(failureText('ma4', 0, 'Feature "ma4" threw'), 'redis://q:6379')).toBeInstanceOf(
    FeatureExecutionError,
  );
  expect(failureError('Error: boom', 'redis://q:6379')).toBeInstanceOf(DistributedError);
});
