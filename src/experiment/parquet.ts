/**
 * Parquet tables through a Store, with hyparquet-writer (pure JavaScript, no native code) and
 * its companion reader hyparquet. Written a row group at a time (ROW_GROUP rows, counted from
 * the start of the file) and streamed to the store as each group is encoded, so memory is one
 * row group whatever the table's length. Row groups depend only on the rows, so the same rows
 * give the same bytes: `merge` re-encodes the shards' rows into exactly the unsharded file.
 * Every column is OPTIONAL (an empty CSV cell is a null); SNAPPY compression.
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData, type SchemaElement } from 'hyparquet';
import type { Store } from './store.js';
import type { Cell, Column, ColType, TableSink } from './table.js';
import { Sha256 } from './sha256.js';
import { splitCsvLine } from '../scenario/csv.js';

/** Rows per row group (the last one holds the rest). */
export const ROW_GROUP = 32768;
const FLUSH = 1 << 20;

const SCHEMA: Record<ColType, Pick<SchemaElement, 'type' | 'converted_type'>> = {
  int: { type: 'INT64' },
  double: { type: 'DOUBLE' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  bool: { type: 'BOOLEAN' },
};

/** A ByteWriter that hands its bytes on (to a file) every megabyte and after each row group. */
class StreamWriter extends ByteWriter {
  constructor(private readonly emit: (bytes: Uint8Array) => void) {
    super(1 << 16);
  }
  override ensure(size: number): void {
    if (this.index > FLUSH) this.flush();
    super.ensure(size);
  }
  flush(): void {
    if (this.index === 0) return;
    this.emit(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

function columnData(c: Column, rows: Cell[][], j: number): Array<bigint | number | string | boolean | null> {
  return rows.map((r) => {
    const v = r[j];
    if (c.type === 'string') return v === undefined ? null : String(v);
    if (v === '' || v === undefined) return null;
    if (c.type === 'bool') {
      if (v !== 'true' && v !== 'false') throw new Error(`column ${c.name}: expected true or false, got "${v}"`);
      return v === 'true';
    }
    const x = Number(v);
    if (Number.isNaN(x) && v !== 'NaN') throw new Error(`column ${c.name}: expected a number, got "${v}"`);
    if (c.type === 'double') return x;
    if (!Number.isSafeInteger(x)) throw new Error(`column ${c.name}: expected an integer, got ${v}`);
    return BigInt(x);
  });
}

export function openParquet(store: Store, file: string, columns: Column[]): TableSink {
  const f = store.append(file);
  const hash = new Sha256();
  const out = new StreamWriter((b) => {
    f.write(b);
    hash.bytes(b);
  });
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...SCHEMA[c.type], repetition_type: 'OPTIONAL' as const }))];
  const writer = new ParquetWriter({ writer: out, schema, createdBy: 'clwsim' });
  let pending: Cell[][] = [];
  const group = (rows: Cell[][]) => {
    writer.write({ columnData: columns.map((c, j) => ({ name: c.name, data: columnData(c, rows, j) })), rowGroupSize: rows.length });
    out.flush();
  };
  const sink: TableSink = {
    csv: (text) => sink.rows(text.split('\n').filter((l) => l !== '').map(splitCsvLine)),
    rows(rows) {
      for (const r of rows) {
        pending.push(r);
        if (pending.length === ROW_GROUP) {
          group(pending);
          pending = [];
        }
      }
    },
    close() {
      if (pending.length) group(pending);
      pending = [];
      writer.finish();
      f.commit();
      return `sha256:${hash.digest()}`;
    },
    abort: () => f.abort(),
  };
  return sink;
}

/** A file in a store as hyparquet reads it: byte ranges on demand. */
function asyncBuffer(store: Store, file: string): AsyncBuffer {
  const size = store.size(file);
  if (size === undefined) throw new Error(`${store.where}/${file}: file not found`);
  return { byteLength: size, slice: (from, to) => store.readRange(file, from, to ?? size).slice().buffer };
}

const TYPE_OF: Record<string, ColType> = { INT64: 'int', INT32: 'int', DOUBLE: 'double', FLOAT: 'double', BYTE_ARRAY: 'string', BOOLEAN: 'bool' };

/** The columns of a Parquet table (names and types, as openParquet writes them). */
export function parquetColumns(meta: FileMetaData): Column[] {
  return meta.schema.slice(1).map((e) => ({ name: e.name, type: TYPE_OF[e.type ?? ''] ?? 'string' }));
}

/** A value as the CSV would hold it. */
const cellOf = (v: unknown): Cell =>
  v === null || v === undefined ? '' : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? String(v) : (v as Cell);

export interface ParquetTable { columns: Column[]; rows: number; groups: AsyncIterable<Cell[][]> }

/** Open a Parquet table for reading, one row group at a time. */
export async function readParquet(store: Store, file: string): Promise<ParquetTable> {
  const buf = asyncBuffer(store, file);
  const metadata = await parquetMetadataAsync(buf);
  async function* groups(): AsyncGenerator<Cell[][]> {
    let start = 0;
    for (const g of metadata.row_groups) {
      const end = start + Number(g.num_rows);
      let rows: unknown[][] = [];
      await parquetRead({ file: buf, metadata, rowStart: start, rowEnd: end, rowFormat: 'array', onComplete: (r) => { rows = r; } });
      yield rows.map((r) => r.map(cellOf));
      start = end;
    }
  }
  return { columns: parquetColumns(metadata), rows: Number(metadata.num_rows), groups: groups() };
}
