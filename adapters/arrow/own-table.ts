/**
 * A table made by another copy of apache-arrow, rebuilt on quiver's own copy.
 *
 * Two copies meet more often than one would think: an ES-module project's `import 'apache-arrow'`
 * loads the package's `.mjs` build while quiver `require`s its CommonJS build (same version, two
 * sets of classes), and a project on another Arrow version gets its own copy next to quiver's.
 * apache-arrow's `instanceof` says yes to another copy's tables (its `Symbol.hasInstance`), but its
 * writer's visitors and `new Table(batches)` do not take their types and data: given a foreign
 * table, `tableToIPC` wrote a schema with no record batches — an unreadable `.arrow` file
 * written without a word — and parquet-wasm failed on those bytes. So every adapter that hands a
 * user's table to apache-arrow first passes it through {@link ownTable}: the same buffers (no copy),
 * under types, fields and Data made by quiver's copy.
 */
import * as A from 'apache-arrow';
import { InputError } from '../../src/errors';

interface ForeignType {
  readonly typeId: number;
  readonly [key: string]: unknown;
}

interface ForeignField {
  readonly name: string;
  readonly type: ForeignType;
  readonly nullable: boolean;
  readonly metadata?: Map<string, string>;
}

interface ForeignData {
  readonly type: ForeignType;
  readonly offset: number;
  readonly length: number;
  readonly nullCount: number;
  readonly buffers: unknown[];
  readonly children: ForeignData[];
  readonly dictionary?: { readonly data: ForeignData[] };
  readonly variadicBuffers?: ReadonlyArray<Uint8Array>;
}

interface ForeignTable {
  readonly schema: { readonly fields: ForeignField[]; readonly metadata?: Map<string, string> };
  readonly batches: { readonly data: ForeignData }[];
}

function field(f: ForeignField): A.Field {
  return new A.Field(f.name, ownType(f.type), f.nullable, f.metadata ? new Map(f.metadata) : null);
}

/** quiver's copy of a DataType from any copy of apache-arrow, by `typeId` and its parameters. */
function ownType(t: ForeignType): A.DataType {
  const p = t as Record<string, any>;
  switch (t.typeId) {
    case A.Type.Null: return new A.Null();
    case A.Type.Int: return new A.Int(p.isSigned, p.bitWidth);
    case A.Type.Float: return new A.Float(p.precision);
    case A.Type.Binary: return new A.Binary();
    case A.Type.LargeBinary: return new A.LargeBinary();
    case A.Type.Utf8: return new A.Utf8();
    case A.Type.LargeUtf8: return new A.LargeUtf8();
    case A.Type.Bool: return new A.Bool();
    case A.Type.Decimal: return new A.Decimal(p.scale, p.precision, p.bitWidth);
    case A.Type.Date: return new A.Date_(p.unit);
    case A.Type.Time: return new A.Time(p.unit, p.bitWidth);
    case A.Type.Timestamp: return new A.Timestamp(p.unit, p.timezone);
    case A.Type.Interval: return new A.Interval(p.unit);
    case A.Type.Duration: return new A.Duration(p.unit);
    case A.Type.FixedSizeBinary: return new A.FixedSizeBinary(p.byteWidth);
    case A.Type.Utf8View: return new A.Utf8View();
    case A.Type.BinaryView: return new A.BinaryView();
    case A.Type.List: return new A.List(field(p.children[0]));
    case A.Type.LargeList: return new A.LargeList(field(p.children[0]));
    case A.Type.FixedSizeList: return new A.FixedSizeList(p.listSize, field(p.children[0]));
    case A.Type.Struct: return new A.Struct(p.children.map(field));
    case A.Type.Map: return new A.Map_(field(p.children[0]) as A.Field<A.Struct>, p.keysSorted);
    case A.Type.Union: return new A.Union(p.mode, Array.from(p.typeIds as ArrayLike<number>), p.children.map(field));
    case A.Type.Dictionary:
      return new A.Dictionary(ownType(p.dictionary), ownType(p.indices) as never, p.id, p.isOrdered);
    default:
      throw new InputError(
        `An Arrow column of type ${String(t)} (type id ${t.typeId}) comes from another copy of apache-arrow and ` +
          'quiver cannot rebuild it on its own copy. Build the table with the apache-arrow quiver uses ' +
          "(require('apache-arrow') from CommonJS), or pass the columns as typed arrays.",
      );
  }
}

function ownData(d: ForeignData): A.Data {
  const dictionary = d.dictionary ? new A.Vector(d.dictionary.data.map(ownData)) : undefined;
  return new A.Data(
    ownType(d.type),
    d.offset,
    d.length,
    d.nullCount,
    d.buffers as never,
    d.children.map(ownData),
    dictionary,
    d.variadicBuffers,
  );
}

/** `instanceof` without apache-arrow's `Symbol.hasInstance`, which also says yes to another copy's objects. */
const strictlyInstance = (value: unknown, of: abstract new (...args: never[]) => unknown): boolean =>
  Function.prototype[Symbol.hasInstance].call(of, value);

function isOwn(table: A.Table): boolean {
  return strictlyInstance(table, A.Table) && table.schema.fields.every((f) => strictlyInstance(f.type, A.DataType)) &&
    table.batches.every((b) => strictlyInstance(b.data, A.Data));
}

/**
 * `table` itself when it is an instance of quiver's apache-arrow; otherwise the same columns,
 * buffers shared, rebuilt on quiver's copy (types, fields, schema metadata, dictionaries).
 *
 * @example
 * const own = ownTable(tableFromOtherArrowCopy);  // own instanceof Table, same rows and types
 * ownTable(own) === own;                           // true
 */
export function ownTable<T extends A.TypeMap = any>(table: A.Table<T>): A.Table<T> {
  if (isOwn(table)) return table;
  const foreign = table as unknown as ForeignTable;
  const schema = new A.Schema(
    foreign.schema.fields.map(field),
    foreign.schema.metadata ? new Map(foreign.schema.metadata) : null,
  );
  const struct = new A.Struct(schema.fields);
  const batches = foreign.batches.map(({ data: d }) => {
    const data = new A.Data(struct, d.offset, d.length, d.nullCount, d.buffers as never, d.children.map(ownData));
    return new A.RecordBatch(schema, data);
  });
  if (batches.length === 0) return new A.Table(schema) as unknown as A.Table<T>;
  return new A.Table(batches) as unknown as A.Table<T>;
}

/**
 * `vector` itself when its chunks are quiver's apache-arrow's; otherwise the same chunks, buffers
 * shared, rebuilt on quiver's copy (see {@link ownTable}).
 *
 * @example
 * ownVector(vectorOfOtherArrowCopy).type instanceof DataType; // true, and strictly ours
 */
export function ownVector<T extends A.DataType = any>(vector: A.Vector<T>): A.Vector<T> {
  if (vector.data.every((d) => strictlyInstance(d, A.Data) && strictlyInstance(d.type, A.DataType))) return vector;
  return new A.Vector((vector.data as unknown as ForeignData[]).map(ownData)) as unknown as A.Vector<T>;
}
