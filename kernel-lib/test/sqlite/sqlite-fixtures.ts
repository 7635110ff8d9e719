/**
 * Small seeded SQLite databases built with the real `sqlite3` shell for the reader's tests.
 * Rows are inserted in a seeded random key order so that page splits scatter the leaves
 * (a layout worth validating), and every file stays below a few MB so the tests stay fast.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';
import { runSqlite3, sqlite3ShellPath } from '../../src/sqlite/sqlite-dbstat.js';

export interface Fixture {
  path: string;
  /** The b-trees to compare with dbstat. */
  names: string[];
  description: string;
}

/** A temp dir removed by the returned cleanup function. */
export function tempDir(prefix = 'sqlite-reader-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Seeded permutation of 0..n-1. */
function permutation(n: number, rng: Rng): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i));
}

function insertsSql(table: string, ids: number[], rowSql: (id: number) => string, batch = 500): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; i += batch) {
    parts.push(`INSERT INTO ${table} VALUES ${ids.slice(i, i + batch).map(rowSql).join(',')};`);
  }
  return parts.join('\n');
}

/** Builds one database with the shell; fails loudly (with the `make setup` hint) if the shell is missing. */
export function buildDb(path: string, sql: string): void {
  sqlite3ShellPath();
  runSqlite3(path, sql, { write: true });
}

/** rowid table + secondary index + WITHOUT ROWID table, rows in seeded random order. */
export function mixedDb(dir: string, pageBytes: number, rows: number, seed: number): Fixture {
  const rng = new Rng(seed);
  const path = join(dir, `mixed-${pageBytes}-${seed}.db`);
  const ids = permutation(rows, rng);
  const sql = [
    `PRAGMA page_size=${pageBytes};`,
    'CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, s TEXT);',
    'CREATE INDEX t_a ON t(a);',
    'CREATE TABLE w(k INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID;',
    'BEGIN;',
    insertsSql('t', ids, (id) => `(${id},${(id * 7919) % rows},'${'x'.repeat(20 + (id % 60))}')`),
    insertsSql('w', permutation(rows, rng), (id) => `(${id},'${'y'.repeat(30 + (id % 90))}')`),
    'COMMIT;',
  ].join('\n');
  buildDb(path, sql);
  return { path, names: ['t', 't_a', 'w', 'sqlite_schema'], description: `page ${pageBytes}: rowid table, index, WITHOUT ROWID table` };
}

/** Rows whose payload overflows onto overflow pages, in a rowid table, an index and a WITHOUT ROWID table. */
export function overflowDb(dir: string, pageBytes: number, seed: number): Fixture {
  const rng = new Rng(seed);
  const path = join(dir, `overflow-${pageBytes}-${seed}.db`);
  const ids = permutation(120, rng);
  const big = (id: number) => `'${String.fromCharCode(97 + (id % 26)).repeat(pageBytes + 37 * id)}'`;
  const sql = [
    `PRAGMA page_size=${pageBytes};`,
    'CREATE TABLE big(id INTEGER PRIMARY KEY, b TEXT);',
    'CREATE INDEX big_b ON big(b);',
    'CREATE TABLE wbig(k TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;',
    'BEGIN;',
    insertsSql('big', ids, (id) => `(${id},${big(id)})`, 20),
    insertsSql('wbig', ids, (id) => `(${id}||${big(id)},${id})`, 20),
    'COMMIT;',
  ].join('\n');
  buildDb(path, sql);
  return { path, names: ['big', 'big_b', 'wbig'], description: `page ${pageBytes}: overflow pages` };
}

/** Many deletes after the load: freed pages land on the freelist (auto_vacuum off). */
export function freelistDb(dir: string, seed: number): Fixture {
  const rng = new Rng(seed);
  const path = join(dir, `freelist-${seed}.db`);
  const rows = 6000;
  const ids = permutation(rows, rng);
  const sql = [
    'PRAGMA page_size=1024;',
    'PRAGMA auto_vacuum=NONE;',
    'CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT);',
    'CREATE TABLE w(k INTEGER PRIMARY KEY, s TEXT) WITHOUT ROWID;',
    'BEGIN;',
    insertsSql('t', ids, (id) => `(${id},'${'z'.repeat(80)}')`),
    insertsSql('w', ids, (id) => `(${id},'${'q'.repeat(80)}')`),
    'COMMIT;',
    'DELETE FROM t WHERE id % 3 <> 0 OR id BETWEEN 1000 AND 3000;',
    'DELETE FROM w WHERE k % 5 = 1 OR k > 4000;',
  ].join('\n');
  buildDb(path, sql);
  return { path, names: ['t', 'w'], description: 'after many deletes: freelist pages' };
}

/** A WAL-mode database; the shell checkpoints and removes the -wal when it exits. */
export function walDb(dir: string, seed: number): Fixture {
  const rng = new Rng(seed);
  const path = join(dir, `wal-${seed}.db`);
  const ids = permutation(4000, rng);
  const sql = [
    'PRAGMA page_size=4096;',
    'PRAGMA journal_mode=WAL;',
    'CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT);',
    'BEGIN;',
    insertsSql('t', ids, (id) => `(${id},'${'w'.repeat(100)}')`),
    'COMMIT;',
    'DELETE FROM t WHERE id % 4 = 0;',
    'PRAGMA wal_checkpoint(TRUNCATE);',
  ].join('\n');
  buildDb(path, sql);
  return { path, names: ['t'], description: 'WAL mode after a checkpoint' };
}

/**
 * Format variants: reserved bytes at the end of each page (usable size U < page size, which
 * moves the overflow thresholds), a UTF-16 database (schema names in UTF-16), and auto-vacuum
 * (pointer-map pages between the b-tree pages). Each has a rowid table with overflowing rows,
 * an index on text and a WITHOUT ROWID table, with names in mixed case.
 */
export function variantDb(dir: string, variant: 'reserved' | 'utf16' | 'autovacuum', seed: number): Fixture {
  const rng = new Rng(seed);
  const path = join(dir, `variant-${variant}-${seed}.db`);
  const ids = permutation(1500, rng);
  // Order matters: auto_vacuum set before page_size makes the shell keep its default page size.
  const pre =
    variant === 'reserved'
      ? ['.filectrl reserve_bytes 40', 'PRAGMA page_size=1024;']
      : variant === 'utf16'
        ? ['PRAGMA page_size=1024;', "PRAGMA encoding='UTF-16le';"]
        : ['PRAGMA page_size=1024;', 'PRAGMA auto_vacuum=FULL;'];
  const sql = [
    ...pre,
    'CREATE TABLE Items(id INTEGER PRIMARY KEY, label TEXT, body TEXT);',
    'CREATE INDEX Items_Label ON Items(label);',
    'CREATE TABLE Tags(name TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;',
    'BEGIN;',
    insertsSql('Items', ids, (id) => `(${id},'label-${(id * 7919) % 1500}','${'b'.repeat(id % 7 === 0 ? 2500 : 40)}')`, 100),
    insertsSql('Tags', permutation(1500, rng), (id) => `('tag-${id}-${'t'.repeat(id % 50)}',${id})`, 100),
    'COMMIT;',
    'DELETE FROM Items WHERE id % 5 = 0;',
  ].join('\n');
  buildDb(path, sql);
  return { path, names: ['Items', 'items_label', 'TAGS'], description: `variant ${variant}` };
}

/**
 * The files a writer killed mid-transaction leaves behind: a rollback-mode database whose big
 * transaction spilled pages into the main file (cache_size 5 pages), and its hot `-journal`,
 * copied while the transaction was open (the shell then rolls the original back). `committedRows`
 * is the row count SQLite shows after rolling the journal back.
 */
export function hotJournalDb(dir: string, name = 'hot'): { path: string; committedRows: number } {
  const src = join(dir, `${name}-src.db`);
  const path = join(dir, `${name}.db`);
  buildDb(src, "PRAGMA page_size=1024;\nCREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT);\nINSERT INTO t SELECT value, printf('%.100c', 'x') FROM generate_series(1, 8000);\n");
  buildDb(
    src,
    [
      'PRAGMA cache_size=5;',
      'BEGIN;',
      'DELETE FROM t WHERE id % 3 = 0;',
      "INSERT INTO t SELECT value + 100000, printf('%.300c', 'z') FROM generate_series(1, 500);",
      `.system cp ${src} ${path} && cp ${src}-journal ${path}-journal`,
      'ROLLBACK;',
    ].join('\n'),
  );
  return { path, committedRows: 8000 };
}

/**
 * A WAL-mode database with its `-wal` as a writer left it (copied while the writer was open):
 * `checkpointed` false: two committed transactions not yet in the main file; true: the same after
 * `PRAGMA wal_checkpoint(PASSIVE)` copied every frame into the main file (the -wal keeps its
 * frames until the next writer restarts it). No `-shm` is copied.
 */
export function walWithFramesDb(dir: string, name: string, checkpointed: boolean): { path: string } {
  const src = join(dir, `${name}-src.db`);
  const path = join(dir, `${name}.db`);
  buildDb(
    src,
    [
      'PRAGMA page_size=1024;',
      'PRAGMA journal_mode=WAL;',
      'PRAGMA wal_autocheckpoint=0;',
      'CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT);',
      "INSERT INTO t SELECT value, printf('%.80c', 'w') FROM generate_series(1, 3000);",
      'PRAGMA wal_checkpoint(TRUNCATE);',
      "INSERT INTO t SELECT value + 10000, printf('%.80c', 'v') FROM generate_series(1, 1500);",
      'DELETE FROM t WHERE id % 7 = 0;',
      ...(checkpointed ? ['PRAGMA wal_checkpoint(PASSIVE);'] : []),
      `.system cp ${src} ${path} && cp ${src}-wal ${path}-wal`,
    ].join('\n'),
  );
  return { path };
}
