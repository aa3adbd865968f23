/** Moved to src/util/own.ts (a shared helper, also used by decorators); kept for existing imports. */
export * from '../util/own';
