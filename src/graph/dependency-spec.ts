/** Moved to src/records/dependency-spec.ts (binding specs sit next to the metadata); kept for existing imports. */
export * from '../records/dependency-spec';
