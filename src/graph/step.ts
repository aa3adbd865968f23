/** Moved to src/records/step.ts (chain steps sit next to the metadata); kept for existing imports. */
export * from '../records/step';
