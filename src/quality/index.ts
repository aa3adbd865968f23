export type { QualityResult, Validator, ValidationOutcome, Importance } from './result';
export { DATA_TYPE_NAMES, type DataTypeName, type TableSchema } from './types';
export { normalizeCheckOptions, CHECK_KEYS, type CheckOutputOptions, type RegisteredCheckOptions } from './options';
export { registerCheck, type CheckDefinition } from './check-registry';
export { validatorsFromOptions } from './from-options';
export { normalizeCustomValidators } from './custom';
export { runCheck } from './run-check';
export { formatQuality } from './format';
