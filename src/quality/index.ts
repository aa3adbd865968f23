export type { QualityResult, Validator, ValidationOutcome, Importance } from './result';
export { DATA_TYPE_NAMES, type DataTypeName, type TableSchema } from './types';
export { normalizeCheckOptions, CHECK_KEYS, type CheckOutputOptions } from './options';
export { validatorsFromOptions } from './from-options';
export { normalizeCustomValidators } from './custom';
export { runCheck } from './run-check';
export { formatQuality } from './format';
