/**
 * Freelist and whole-file accounting: every page of a database (auto_vacuum off, < 1 GiB) is
 * exactly one of: a b-tree page (leaf, interior), an overflow page, or a freelist page.
 * Expected counts: SQLite's PRAGMA freelist_count and PRAGMA page_count (sqlite3 shell).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteFile } from '../../src/sqlite/sqlite-file.js';
import { readSqliteFreelist } from '../../src/sqlite/sqlite-freelist.js';
import { readSqliteSchema } from '../../src/sqlite/sqlite-schema.js';
import { walkSqliteBtree } from '../../src/sqlite/sqlite-btree-walk.js';
import { SqlitePageSet } from '../../src/sqlite/sqlite-page-set.js';
import { runSqlite3 } from '../../src/sqlite/sqlite-dbstat.js';
import { freelistDb, mixedDb, overflowDb, tempDir } from './sqlite-fixtures.js';

const { dir, cleanup } = tempDir();
after(cleanup);

for (const make of [() => freelistDb(dir, 21), () => overflowDb(dir, 1024, 22), () => mixedDb(dir, 4096, 3000, 23)]) {
  const f = make();
  test(`${f.description}: b-tree, overflow and freelist pages cover the file exactly once`, () => {
    const file = SqliteFile.open(f.path);
    try {
      const seen = new SqlitePageSet(file);
      let counted = 0;
      const roots = [1, ...readSqliteSchema(file).filter((e) => e.rootPage > 0).map((e) => e.rootPage)];
      for (const root of roots) {
        const lay = walkSqliteBtree(file, root, { overflow: true, seen });
        counted += lay.leafPages.length + lay.interiorPages.length + lay.overflowPages!.length;
      }
      const free = readSqliteFreelist(file, seen);
      counted += free.trunkPages.length + free.leafPages.length;
      assert.equal(free.trunkPages.length + free.leafPages.length, Number(runSqlite3(f.path, 'PRAGMA freelist_count;')[0]));
      assert.equal(file.pageCount, Number(runSqlite3(f.path, 'PRAGMA page_count;')[0]));
      assert.equal(counted, file.pageCount, 'every page accounted for once (the shared page set rejects a page seen twice)');
      for (let p = 1; p <= file.pageCount; p++) assert.ok(seen.has(p), `page ${p} reached`);
    } finally {
      file.close();
    }
  });
}
