/** The names `dataType` and `schema` use for element types, as Arrow spells them. */

/** Every data-type name a check accepts. */
export const DATA_TYPE_NAMES = [
  'float64', 'float32', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'bool', 'utf8', 'timestamp',
] as const;

/** An element type: `float64`, `int32`, `uint8`, `bool`, `utf8`, `timestamp`… */
export type DataTypeName = (typeof DATA_TYPE_NAMES)[number];

/**
 * What a table output must look like, for `@checkOutput({ schema })`.
 *
 * @example
 * const schema: TableSchema = { columns: { price: 'float64', symbol: 'utf8' }, allowExtraColumns: true };
 */
export interface TableSchema {
  /** Every column the table must have, with its element type. */
  readonly columns: Readonly<Record<string, DataTypeName>>;
  /** Whether columns not named in `columns` are allowed; default `false`. */
  readonly allowExtraColumns?: boolean;
}
