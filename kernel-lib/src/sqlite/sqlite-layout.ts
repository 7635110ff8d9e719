/**
 * Entry point of the SQLite reader: the leaf layout of a named table or index in a database
 * file — its leaves' physical page numbers in key order, i.e. paper B's leaf sequence S — read
 * in place, read-only. Feed `leafPages` to the deterioration metrics (gSequence, rangeCostMs,
 * tMin) and the fragmentation metrics.
 *
 * A WAL-mode database is read from the main file, i.e. as of its last checkpoint; by default a
 * `-wal` file with frames not yet checkpointed is refused (see SqliteOpenOptions.pendingWal).
 *
 * The freelist is read first into the same page set as the b-tree walk, so a b-tree page that
 * is also listed as free (cross-linked: SQLite would hand it out again on the next insert;
 * `PRAGMA integrity_check` reports "2nd reference to page") is a format error.
 */
import { requireInteger } from '../core/validate.js';
import { SqliteFile, type SqliteOpenOptions } from './sqlite-file.js';
import { SqliteFormatError } from './sqlite-format-error.js';
import { walkSqliteBtree, type SqliteBtreeLayout } from './sqlite-btree-walk.js';
import { findSqliteBtree, readSqliteSchema, type SqliteSchemaEntry } from './sqlite-schema.js';
import { readSqliteFreelist } from './sqlite-freelist.js';
import { SqlitePageSet } from './sqlite-page-set.js';

export interface SqliteLayoutOptions extends SqliteOpenOptions {
  /** Also list the b-tree's overflow pages (reads every leaf cell). Default false. */
  overflow?: boolean;
  /** Also record each leaf's first key. Default false. */
  firstKeys?: boolean;
}

export interface SqliteLeafLayout extends SqliteBtreeLayout {
  file: string;
  /** The table or index name as stored in sqlite_schema. */
  name: string;
  /** 'table' or 'index' as in sqlite_schema. */
  schemaType: string;
  /** A table stored in an index b-tree: a WITHOUT ROWID table. */
  withoutRowid: boolean;
  pageBytes: number;
  /** Pages in the database file. */
  pageCount: number;
  fileBytes: number;
  /** Pages read to build this layout (schema + b-tree + overflow). */
  pagesRead: number;
}

/**
 * Reads the leaf layout of table or index `name` in the SQLite file at `path`.
 * @throws SqliteFormatError naming the file, the page and what was wrong
 * @example
 *   const lay = readSqliteLeafLayout('/tmp/t.db', 'T1');
 *   lay.leafPages; // => Uint32Array of physical page numbers in key order
 */
export function readSqliteLeafLayout(path: string, name: string, opts: SqliteLayoutOptions = {}): SqliteLeafLayout {
  if (typeof name !== 'string' || name.length === 0) throw new SqliteFormatError(path, null, 'a table or index name is required');
  const file = SqliteFile.open(path, opts);
  try {
    const entry = findSqliteBtree(file, name);
    const seen = new SqlitePageSet(file);
    readSqliteFreelist(file, seen);
    const lay = walkSqliteBtree(file, entry.rootPage, { overflow: opts.overflow, firstKeys: opts.firstKeys, seen });
    return {
      ...lay,
      file: path,
      name: entry.name,
      schemaType: entry.type,
      withoutRowid: entry.type === 'table' && lay.btree === 'index',
      pageBytes: file.header.pageBytes,
      pageCount: file.pageCount,
      fileBytes: file.fileBytes,
      pagesRead: file.pagesRead,
    };
  } finally {
    file.close();
  }
}

/** The tables and indexes of a database file that have a b-tree. @throws SqliteFormatError */
export function listSqliteBtrees(path: string, opts: SqliteOpenOptions = {}): SqliteSchemaEntry[] {
  const file = SqliteFile.open(path, opts);
  try {
    return readSqliteSchema(file).filter((e) => e.rootPage > 0);
  } finally {
    file.close();
  }
}

/** The physical page numbers of leaves [from, to) — a convenience for a key sub-range of S. */
export function sqliteLeafRange(layout: SqliteLeafLayout, from: number, to: number): Uint32Array {
  requireInteger('from', from, 'leaves', 0, layout.leafPages.length);
  requireInteger('to', to, 'leaves', from, layout.leafPages.length);
  return layout.leafPages.subarray(from, to);
}
