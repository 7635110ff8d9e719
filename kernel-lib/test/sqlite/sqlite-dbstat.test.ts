/**
 * The reader against SQLite itself: for every b-tree of each test database, the leaf pages in
 * key order must equal dbstat's leaf rows sorted by path, and the interior and overflow page
 * sets must equal dbstat's. Expected values: SQLite 3's dbstat virtual table (sqlite3 shell).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readSqliteLeafLayout } from '../../src/sqlite/sqlite-layout.js';
import { compareDbstatKeys, compareDbstatPaths, dbstatPages, runSqlite3, sqlite3ShellPath } from '../../src/sqlite/sqlite-dbstat.js';
import { existsSync, readFileSync } from 'node:fs';
import { sqliteWalStatus } from '../../src/sqlite/sqlite-file.js';
import { freelistDb, mixedDb, overflowDb, tempDir, variantDb, walDb, type Fixture } from './sqlite-fixtures.js';

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);

test('the sqlite3 shell is installed (needed by these tests; `make setup` installs it)', () => {
  // Fails, not skips, when the shell is missing: the message says to run `make setup`.
  assert.ok(sqlite3ShellPath().length > 0);
});

test('a missing sqlite3 shell gives an error that says to run make setup', () => {
  const saved = process.env.SQLITE3_SHELL;
  process.env.SQLITE3_SHELL = '/nonexistent/sqlite3';
  try {
    assert.throws(() => sqlite3ShellPath(), /not found at \/nonexistent\/sqlite3: run `make setup`/);
  } finally {
    if (saved === undefined) delete process.env.SQLITE3_SHELL;
    else process.env.SQLITE3_SHELL = saved;
  }
});

test('dbstat paths sort in key order by numeric components (printf %.3x, may exceed 3 digits)', () => {
  const paths = ['/', '/000/', '/001/', '/00a/', '/010/', '/0ff/', '/fff/', '/1000/', '/000/01a/', '/000/002/'];
  const byKey = [...paths].sort(compareDbstatPaths);
  assert.deepEqual(byKey, ['/', '/000/', '/000/002/', '/000/01a/', '/001/', '/00a/', '/010/', '/0ff/', '/fff/', '/1000/']);
  // With 3-digit components the plain string sort agrees (hex digits 0-9 < a-f in ASCII).
  const three = paths.filter((p) => !p.includes('1000'));
  assert.deepEqual([...three].sort(), [...three].sort(compareDbstatPaths));
});

test('dbstat overflow paths sort in key order: an interior cell\'s chain after its left subtree, before the next child', () => {
  const paths = ['/001/', '/000+000001', '/000/', '/000+000000', '/000/002+000000', '/', '/000/000/', '/001+000000', '/002/'];
  assert.deepEqual([...paths].sort(compareDbstatKeys), ['/', '/000/', '/000/000/', '/000/002+000000', '/000+000000', '/000+000001', '/001/', '/001+000000', '/002/']);
});

const { dir, cleanup } = tempDir();
after(cleanup);

function agree(f: Fixture): void {
  for (const name of f.names) {
    const lay = readSqliteLeafLayout(f.path, name, { overflow: true });
    // dbstat compares names exactly; the reader matches them case-insensitively, as SQLite's SQL does.
    const ds = dbstatPages(f.path, lay.name);
    assert.ok(ds.leafPages.length > 0, `${f.description}: dbstat lists leaves of ${name}`);
    assert.deepEqual(Array.from(lay.leafPages), Array.from(ds.leafPages), `${f.description}: leaves of ${name} in key order`);
    assert.deepEqual(sorted(lay.interiorPages), sorted(ds.interiorPages), `${f.description}: interior pages of ${name}`);
    // In key order of the owning cells (item 14): an index interior cell's chain after its left subtree.
    assert.deepEqual(Array.from(lay.overflowPages!), Array.from(ds.overflowPages), `${f.description}: overflow pages of ${name} in key order`);
  }
}

for (const pageBytes of [1024, 4096, 65536]) {
  test(`page size ${pageBytes}: rowid table, index and WITHOUT ROWID table agree with dbstat`, () => {
    // 65536-byte pages hold ~400 rows per leaf, so more rows are needed for a multi-level tree.
    const f = mixedDb(dir, pageBytes, pageBytes === 65536 ? 30000 : 4000, pageBytes);
    agree(f);
    const t = readSqliteLeafLayout(f.path, 't');
    const w = readSqliteLeafLayout(f.path, 'w');
    const i = readSqliteLeafLayout(f.path, 't_a');
    assert.equal(t.pageBytes, pageBytes);
    assert.equal(t.btree, 'table');
    assert.equal(w.btree, 'index');
    assert.equal(w.withoutRowid, true);
    assert.equal(i.schemaType, 'index');
    assert.ok(t.depth >= 2 && w.depth >= 2, 'multi-level trees');
  });
}

for (const pageBytes of [1024, 4096]) {
  test(`page size ${pageBytes}: rows with overflow pages agree with dbstat`, () => {
    const f = overflowDb(dir, pageBytes, 7 + pageBytes);
    agree(f);
    const lay = readSqliteLeafLayout(f.path, 'big', { overflow: true });
    assert.ok(lay.overflowPages!.length > 100, 'the fixture has overflow chains');
  });
}

test('after many deletes (freelist pages) the layout agrees with dbstat', () => {
  const f = freelistDb(dir, 11);
  const free = Number(runSqlite3(f.path, 'PRAGMA freelist_count;')[0]);
  assert.ok(free > 50, `the fixture has freelist pages (${free})`);
  agree(f);
});

test('a WAL-mode file after a checkpoint agrees with dbstat', () => {
  const f = walDb(dir, 13);
  assert.equal(existsSync(`${f.path}-wal`), false, 'the shell checkpointed and removed the -wal');
  assert.equal(readSqliteLeafLayout(f.path, 't').pageCount > 0, true);
  assert.equal(runSqlite3(f.path, 'PRAGMA journal_mode;')[0], 'wal');
  // A read-only shell leaves an empty -wal behind: no frames, so the reader still accepts the file.
  assert.equal(sqliteWalStatus(f.path, 4096).framesInFile, 0);
  agree(f);
});

for (const variant of ['reserved', 'utf16', 'autovacuum'] as const) {
  test(`format variant "${variant}" (reserved bytes / UTF-16 schema / pointer-map pages) agrees with dbstat`, () => {
    const f = variantDb(dir, variant, 50);
    const header = readFileSync(f.path);
    if (variant === 'reserved') assert.equal(header[20], 40, 'reserved bytes per page (header offset 20)');
    if (variant === 'utf16') assert.equal(header.readUInt32BE(56), 2, 'UTF-16le (header offset 56)');
    if (variant === 'autovacuum') assert.ok(header.readUInt32BE(52) > 0, 'auto-vacuum: largest root page (offset 52)');
    agree(f);
    const lay = readSqliteLeafLayout(f.path, 'items', { overflow: true });
    assert.equal(lay.pageBytes, 1024);
    assert.ok(lay.overflowPages!.length > 0, 'rows with overflow pages');
  });
}

test('first keys of the leaves increase in key order and match SQLite', () => {
  const f = mixedDb(dir, 1024, 2000, 99);
  for (const [name, col, table] of [['t', 'id', 't'], ['w', 'k', 'w']] as const) {
    const lay = readSqliteLeafLayout(f.path, name, { firstKeys: true });
    const keys = Array.from(lay.firstKeys!);
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i] > keys[i - 1], `${name}: first keys increase`);
    // The smallest key of the table is the first key of leaf 0 (confirmed with SQLite's min()).
    assert.equal(keys[0], Number(runSqlite3(f.path, `SELECT min(${col}) FROM ${table};`)[0]));
    // Cells add up to the table's row count (confirmed with count(*)); in an index b-tree
    // (the WITHOUT ROWID table w) interior cells are rows too.
    let rows = lay.leafCellCounts.reduce((a, b) => a + b, 0);
    if (lay.btree === 'index') rows += lay.interiorCellCounts.reduce((a, b) => a + b, 0);
    assert.equal(rows, Number(runSqlite3(f.path, `SELECT count(*) FROM ${table};`)[0]));
  }
});
