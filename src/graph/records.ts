/** Moved to src/records/records.ts (decorator records sit next to the metadata); kept for existing imports. */
export * from '../records/records';
