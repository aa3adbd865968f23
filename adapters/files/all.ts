export * from './read-arrow';
export * from './write-arrow';
export * from './read-parquet';
export * from './write-parquet';
