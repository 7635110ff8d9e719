/**
 * The schema table `sqlite_schema` (fileformat2 §2.6): a table b-tree rooted at page 1 whose
 * rows are (type, name, tbl_name, rootpage, sql). The reader uses it to find the root page of
 * a table or index by name. `sqlite_schema` / `sqlite_master` name page 1 itself.
 *
 * Names match as in SQLite: case-insensitively for ASCII letters only (sqlite3StrICmp folds
 * A–Z; 'Ä' and 'ä', or the Kelvin sign and 'k', are different names), which JavaScript's
 * toLowerCase() would not respect. Root pages are checked as SQLite checks them when it loads
 * the schema: a table or index whose root page is 1 (sqlite_schema's own) or beyond the last
 * page makes every statement fail with "malformed database schema", so it is a format error.
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';
import { cellOffset, newCellPayload, parseCell } from './sqlite-btree-page.js';
import { walkSqliteBtree } from './sqlite-btree-walk.js';
import { readPayloadPrefix } from './sqlite-overflow.js';
import { decodeRecord, serialTypeBytes } from './sqlite-record.js';
import { readVarint, type VarintOut } from './sqlite-varint.js';

export interface SqliteSchemaEntry {
  /** 'table', 'index', 'view' or 'trigger'. */
  type: string;
  name: string;
  tableName: string;
  /** Root page of the b-tree, 0 for views, triggers and virtual tables. */
  rootPage: number;
}

/** Payload bytes needed for the record header and its first `columns` columns. */
function prefixBytesFor(head: Uint8Array, columns: number): number {
  const v: VarintOut = { value: 0, bytes: 0 };
  if (!readVarint(head, 0, head.length, v)) return head.length;
  const headerBytes = v.value;
  let hp = v.bytes;
  let total = headerBytes;
  for (let c = 0; c < columns && hp < Math.min(headerBytes, head.length); c++) {
    if (!readVarint(head, hp, head.length, v)) break;
    hp += v.bytes;
    total += Math.max(0, serialTypeBytes(v.value));
  }
  return total;
}

/** `s` with ASCII letters folded to lower case and every other character kept (SQLite's sqlite3StrICmp). */
export function sqliteAsciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** All rows of sqlite_schema (first four columns). @throws SqliteFormatError */
export function readSqliteSchema(file: SqliteFile): SqliteSchemaEntry[] {
  const entries: SqliteSchemaEntry[] = [];
  const cell = newCellPayload();
  const scratch = file.pageBuffer();
  walkSqliteBtree(file, 1, {
    onLeaf(page, buf, h) {
      if (!h.isTable) throw new SqliteFormatError(file.path, page, 'sqlite_schema must be a table b-tree, found an index b-tree page');
      for (let i = 0; i < h.cellCount; i++) {
        parseCell(file, h, buf, cellOffset(file, h, buf, i), cell);
        const head = readPayloadPrefix(file, page, buf, cell, 256, scratch);
        const need = prefixBytesFor(head, 4);
        const bytes = need <= head.length ? head : readPayloadPrefix(file, page, buf, cell, need, scratch);
        const [type, name, tableName, rootPage] = decodeRecord(file, page, bytes, 4, file.header.textEncoding);
        if (typeof type !== 'string' || typeof name !== 'string') {
          throw new SqliteFormatError(file.path, page, `sqlite_schema row ${cell.rowid}: type and name must be text`);
        }
        const root = typeof rootPage === 'number' ? rootPage : 0;
        if ((type === 'table' || type === 'index') && (root === 1 || root < 0 || !Number.isInteger(root) || root > file.pageCount)) {
          throw new SqliteFormatError(
            file.path,
            page,
            `sqlite_schema row ${cell.rowid} (${type} "${name}"): root page ${root} is ${root === 1 ? "page 1, sqlite_schema's own" : `not a page of this file (2..${file.pageCount})`}; SQLite rejects the schema as malformed`,
          );
        }
        entries.push({ type, name, tableName: typeof tableName === 'string' ? tableName : '', rootPage: root });
      }
    },
  });
  return entries;
}

/** The schema entry of the table or index called `name` (ASCII case-insensitive, as SQLite). @throws SqliteFormatError */
export function findSqliteBtree(file: SqliteFile, name: string): SqliteSchemaEntry {
  const lower = sqliteAsciiLower(name);
  if (lower === 'sqlite_schema' || lower === 'sqlite_master') return { type: 'table', name, tableName: name, rootPage: 1 };
  const schema = readSqliteSchema(file);
  const hit = schema.find((e) => sqliteAsciiLower(e.name) === lower);
  if (!hit) {
    const known = schema.filter((e) => e.rootPage > 0).map((e) => `${e.type} ${e.name}`);
    throw new SqliteFormatError(
      file.path,
      1,
      `no table or index named "${name}" in sqlite_schema; it holds: ${known.length ? known.join(', ') : '(no tables)'}`,
    );
  }
  if (hit.rootPage <= 0) {
    throw new SqliteFormatError(file.path, 1, `"${name}" is a ${hit.type} without a b-tree of its own (root page ${hit.rootPage}); name a table or an index`);
  }
  file.checkPageNumber(hit.rootPage, 1, `sqlite_schema's root page of "${name}"`);
  return hit;
}
