export { forbidFlow } from './forbid-flow';
export { requireTags } from './require-tags';
export type { Policy, PolicyGraph, PolicyIssue } from './policy';
export { inheritedTags, type Inherited } from './inherited-tags';
export { rawColumnsOf } from './column-lineage';
