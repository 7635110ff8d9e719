/**
 * Bad input: each corruption gives a SqliteFormatError naming the file, the page and what was
 * wrong. Corruptions are made by patching copies of real databases built by the sqlite3 shell
 * at places located with the reader's own page parser.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readSqliteLeafLayout } from '../../src/sqlite/sqlite-layout.js';
import { SqliteFile } from '../../src/sqlite/sqlite-file.js';
import { SqliteFormatError } from '../../src/sqlite/sqlite-format-error.js';
import { findSqliteBtree } from '../../src/sqlite/sqlite-schema.js';
import { cellOffset, parseBtreePage, parseCell, newCellPayload } from '../../src/sqlite/sqlite-btree-page.js';
import { walkSqliteBtree } from '../../src/sqlite/sqlite-btree-walk.js';
import { readSqliteFreelist } from '../../src/sqlite/sqlite-freelist.js';
import { runSqlite3 } from '../../src/sqlite/sqlite-dbstat.js';
import { Sqlite3ShellError } from '../../src/sqlite/sqlite3-shell-error.js';
import { freelistDb, mixedDb, overflowDb, tempDir, walWithFramesDb } from './sqlite-fixtures.js';

const { dir, cleanup } = tempDir('sqlite-bad-');
after(cleanup);
const mixed = mixedDb(dir, 1024, 3000, 31);
const over = overflowDb(dir, 1024, 32);
const free = freelistDb(dir, 33);
let copies = 0;

function copy(src: string): string {
  const p = join(dir, `copy-${copies++}.db`);
  copyFileSync(src, p);
  return p;
}
function patch(path: string, offset: number, bytes: number[]): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Uint8Array.from(bytes), 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}
const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

/** Root page, page size and the byte offset of the root's first child pointer. */
function rootInfo(path: string, name: string) {
  const file = SqliteFile.open(path);
  try {
    const root = findSqliteBtree(file, name).rootPage;
    const buf = file.pageBuffer();
    file.readPage(root, buf);
    const h = parseBtreePage(file, root, buf);
    const firstChildAt = (root - 1) * file.header.pageBytes + cellOffset(file, h, buf, 0);
    const lay = walkSqliteBtree(file, root);
    return { root, pageBytes: file.header.pageBytes, pageCount: file.pageCount, firstChildAt, leaf: lay.leafPages[3] };
  } finally {
    file.close();
  }
}

function expectError(fn: () => unknown, file: string, page: number | null, reason: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SqliteFormatError, `a SqliteFormatError, got ${String(e)}`);
    assert.equal(e.file, file);
    assert.equal(e.page, page, `page named in: ${e.message}`);
    assert.match(e.message, reason);
    assert.ok(e.message.startsWith(file), 'the message names the file');
    return true;
  });
}

test('a file that is not SQLite', () => {
  const p = join(dir, 'text.db');
  writeFileSync(p, 'hello, this is a text file and not a database at all '.repeat(10));
  expectError(() => readSqliteLeafLayout(p, 't'), p, 1, /not an SQLite database/);
});

test('a missing file', () => {
  const p = join(dir, 'missing.db');
  expectError(() => readSqliteLeafLayout(p, 't'), p, null, /cannot open for reading/);
});

test('a truncated file: shorter than the header, and shorter than the header says', () => {
  const p = copy(mixed.path);
  writeFileSync(p, readFileSync(p).subarray(0, 60));
  expectError(() => readSqliteLeafLayout(p, 't'), p, 1, /shorter than the 100-byte SQLite header/);
  const q = copy(mixed.path);
  const all = readFileSync(q);
  writeFileSync(q, all.subarray(0, 20 * 1024 + 100));
  // SQLite counts a partial last page (pager: size rounded up), so 20 KiB + 100 bytes is 21 pages.
  expectError(() => readSqliteLeafLayout(q, 't'), q, 22, /truncated: the header says \d+ pages of 1024 bytes but the file holds 21 pages \(20580 bytes, the last one partial\)/);
});

test('a truncated file whose header size is not valid: pointers beyond the end are out of range', () => {
  const p = copy(mixed.path);
  const all = readFileSync(p);
  const info = rootInfo(p, 't');
  // Invalidate the in-header size (version-valid-for ≠ change counter), so the file size rules.
  const cut = Buffer.from(all.subarray(0, 30 * 1024));
  cut.writeUInt32BE(cut.readUInt32BE(24) + 1, 92);
  writeFileSync(p, cut);
  assert.throws(() => readSqliteLeafLayout(p, 't'), (e: unknown) => e instanceof SqliteFormatError && /outside 1\.\.30/.test(e.message));
  assert.ok(info.pageCount > 30);
});

test('a corrupt page type names the page', () => {
  const p = copy(mixed.path);
  const { leaf, pageBytes } = rootInfo(p, 't');
  patch(p, (leaf - 1) * pageBytes, [7]);
  expectError(() => readSqliteLeafLayout(p, 't'), p, leaf, /not a b-tree page: page type byte is 7/);
});

test('a b-tree child loop (child pointer to the root) is a cycle', () => {
  const p = copy(mixed.path);
  const { root, firstChildAt } = rootInfo(p, 't');
  patch(p, firstChildAt, u32(root));
  expectError(() => readSqliteLeafLayout(p, 't'), p, root, /child pointer points to page \d+, which was already reached: a cycle/);
});

test('an out-of-range child page number', () => {
  const p = copy(mixed.path);
  const { root, firstChildAt, pageCount } = rootInfo(p, 't');
  patch(p, firstChildAt, u32(pageCount + 100));
  expectError(() => readSqliteLeafLayout(p, 't'), p, root, new RegExp(`child pointer points to page ${pageCount + 100}, outside 1\\.\\.${pageCount}`));
});

test('a cycle in an overflow chain', () => {
  const p = copy(over.path);
  const file = SqliteFile.open(p);
  let first = 0;
  let second = 0;
  try {
    // The first cell with a chain of at least 3 overflow pages (the last page's next pointer is not read).
    const lay = walkSqliteBtree(file, findSqliteBtree(file, 'big').rootPage, {
      onLeaf(page, buf, h) {
        const cell = newCellPayload();
        for (let i = 0; i < h.cellCount && !first; i++) {
          parseCell(file, h, buf, cellOffset(file, h, buf, i), cell);
          if (cell.payloadBytes - cell.localBytes > 2 * (file.header.usableBytes - 4)) first = cell.overflowPage;
        }
      },
    });
    assert.ok(lay.leafPages.length > 0 && first > 0);
    const b = file.pageBuffer();
    file.readPage(first, b);
    second = b.readUInt32BE(0);
  } finally {
    file.close();
  }
  patch(p, (second - 1) * 1024, u32(first)); // second → first: a loop
  expectError(() => readSqliteLeafLayout(p, 'big', { overflow: true }), p, second, new RegExp(`next-overflow pointer points to page ${first}, which was already reached`));
  // Without overflow: true the chain is not followed, and the leaves still read.
  assert.ok(readSqliteLeafLayout(p, 'big').leafPages.length > 0);
});

test('a cycle in the freelist trunk chain', () => {
  const p = copy(free.path);
  const trunk = readFileSync(p).readUInt32BE(32);
  assert.ok(trunk > 0, 'the fixture has a freelist');
  patch(p, (trunk - 1) * 1024, u32(trunk)); // trunk's next → itself
  const file = SqliteFile.open(p);
  try {
    expectError(() => readSqliteFreelist(file), p, trunk, /next freelist trunk pointer points to page \d+, which was already reached/);
  } finally {
    file.close();
  }
});

test('an unknown table name lists what the schema holds', () => {
  expectError(() => readSqliteLeafLayout(mixed.path, 'nope'), mixed.path, 1, /no table or index named "nope" in sqlite_schema; it holds: table t, index t_a, table w/);
});

test('a -wal file with frames not checkpointed is refused unless pendingWal is "ignore"', () => {
  // Copied while the writer was open: committed frames the main file lacks, and no -shm. (A WAL
  // saved before the last connection's checkpoint and put back afterwards is not pending: its
  // frames equal the main file's pages, and SQLite shows the same database; sqlite-hostile.test.ts.)
  const { path: p } = walWithFramesDb(dir, 'pending', false);
  expectError(() => readSqliteLeafLayout(p, 't'), p, null, /pending\.db-wal holds \d+ frame\(s\) not yet checkpointed/);
  assert.ok(readSqliteLeafLayout(p, 't', { pendingWal: 'ignore' }).leafPages.length > 0);
});

/** Expects SQLite itself to reject `sql` on `path`, through a Sqlite3ShellError naming the database and the command. */
function sqliteRejects(path: string, sql: string, stderr: RegExp): void {
  assert.throws(
    () => runSqlite3(path, sql),
    (e: unknown) => {
      assert.ok(e instanceof Sqlite3ShellError, `a Sqlite3ShellError, got ${String(e)}`);
      assert.equal(e.dbPath, path);
      assert.ok(e.message.startsWith(path) && e.message.includes(sql.trim()) && e.message.includes('-readonly'), e.message);
      assert.match(e.stderr, stderr);
      return true;
    },
  );
}

test('item 12: files SQLite rejects are format errors: an interior root with 0 cells, a child page with 0 cells', () => {
  const { root, pageBytes, leaf } = rootInfo(mixed.path, 't');
  assert.notEqual(root, 1);
  // Root page: b-tree header at offset 0 (not page 1); cell count at bytes 3–4.
  const p = copy(mixed.path);
  patch(p, (root - 1) * pageBytes + 3, [0, 0]);
  expectError(() => readSqliteLeafLayout(p, 't'), p, root, /interior root page with 0 cells/);
  sqliteRejects(p, 'SELECT sum(length(s)) FROM t;', /malformed/);
  const q = copy(mixed.path);
  patch(q, (leaf - 1) * pageBytes + 3, [0, 0]);
  expectError(() => readSqliteLeafLayout(q, 't'), q, leaf, /leaf page with 0 cells below the root/);
  sqliteRejects(q, 'SELECT sum(length(s)) FROM t;', /malformed/); // a scan of t itself, not of its index
});

test('item 12: a schema root page of 1 is a format error, as SQLite rejects the whole schema', () => {
  const p = copy(mixed.path);
  runSqlite3(p, "PRAGMA writable_schema=ON;\nUPDATE sqlite_schema SET rootpage=1 WHERE name='t_a';\n", { write: true });
  expectError(() => readSqliteLeafLayout(p, 't'), p, 1, /sqlite_schema row \d+ \(index "t_a"\): root page 1 is page 1, sqlite_schema's own/);
  sqliteRejects(p, 'SELECT count(*) FROM t;', /malformed/);
  const q = copy(mixed.path);
  runSqlite3(q, "PRAGMA writable_schema=ON;\nUPDATE sqlite_schema SET rootpage=100000 WHERE name='w';\n", { write: true });
  expectError(() => readSqliteLeafLayout(q, 't'), q, 1, /\(table "w"\): root page 100000 is not a page of this file/);
  sqliteRejects(q, 'SELECT count(*) FROM t;', /malformed database schema/);
});

test('item 12: a freelist leaf pointing at a live b-tree page is a format error (SQLite: "2nd reference to page")', () => {
  const p = copy(free.path);
  const trunk = readFileSync(p).readUInt32BE(32);
  const { root } = rootInfo(p, 't');
  patch(p, (trunk - 1) * 1024 + 8, u32(root)); // freelist leaf 0 → the root of t
  expectError(() => readSqliteLeafLayout(p, 't'), p, null, new RegExp(`root page points to page ${root}, which was already reached: a cycle or cross-linked pages \\(reached first as a freelist page\\)`));
  assert.match(runSqlite3(p, 'PRAGMA integrity_check;').join('\n'), new RegExp(`2nd reference to page ${root}`));
});

test('item 12 class: a cell count above SQLite\'s MX_CELL = (page size − 8)/6 is a format error', () => {
  const { leaf, pageBytes } = rootInfo(mixed.path, 't');
  const p = copy(mixed.path);
  const max = Math.floor((pageBytes - 8) / 6);
  patch(p, (leaf - 1) * pageBytes + 3, [(max + 1) >> 8, (max + 1) & 255]);
  expectError(() => readSqliteLeafLayout(p, 't'), p, leaf, new RegExp(`cell count ${max + 1} is more than SQLite's maximum of ${max} cells`));
  sqliteRejects(p, 'SELECT sum(length(s)) FROM t;', /malformed/);
});
