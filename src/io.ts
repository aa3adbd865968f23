/**
 * The one place where src/ meets apache-arrow and the other foreign formats: everything here
 * comes from adapters/. Nothing else in src/ imports apache-arrow or danfo.
 */
export * from '../adapters';
export type { Table } from 'apache-arrow';
export * from '../adapters/graphviz';
export * from '../adapters/report';
export * from '../adapters/progress';
