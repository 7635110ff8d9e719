/**
 * Item 11: names match as in SQLite, which folds ASCII letters only (sqlite3StrICmp; the NOCASE
 * collation likewise). 'tÄ' and 'tä' are two tables, so are the Kelvin sign 'K' (U+212A) and
 * 'k'; JavaScript's toLowerCase() would merge them. Expected values: SQLite's own answer to
 * SELECT count(*) FROM "<name>" and dbstat's pages for the stored name.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readSqliteLeafLayout } from '../../src/sqlite/sqlite-layout.js';
import { dbstatPages, runSqlite3 } from '../../src/sqlite/sqlite-dbstat.js';
import { sqliteAsciiLower } from '../../src/sqlite/sqlite-schema.js';
import { buildDb, tempDir } from './sqlite-fixtures.js';

const { dir, cleanup } = tempDir('sqlite-names-');
after(cleanup);

const q = (n: string) => `"${n.replace(/"/g, '""')}"`;

test('names differing only in non-ASCII case are different b-trees; ASCII case is folded', () => {
  const p = join(dir, 'names.db');
  const names = ['tÄ', 'tä', '\u212A', 'k', 'straße', 'STRASSE', 'Σ', 'σ'];
  buildDb(
    p,
    [
      'PRAGMA page_size=1024;',
      ...names.map((n, i) => `CREATE TABLE ${q(n)}(id INTEGER PRIMARY KEY, s TEXT);\nINSERT INTO ${q(n)} SELECT value, printf('%.60c', 'n') FROM generate_series(1, ${100 * (i + 1)});`),
    ].join('\n'),
  );
  // Lookups as typed, with ASCII letters flipped, and non-ASCII look-alikes.
  const lookups = [...names, 'TÄ', 'Tä', 'K', 'STRAßE', 'strasse'];
  for (const look of lookups) {
    const rows = Number(runSqlite3(p, `SELECT count(*) FROM ${q(look)};`)[0]);
    const lay = readSqliteLeafLayout(p, look);
    assert.equal(lay.leafCellCounts.reduce((a, b) => a + b, 0), rows, `"${look}" names the table SQLite reads (${rows} rows), got "${lay.name}"`);
    assert.deepEqual(Array.from(lay.leafPages), Array.from(dbstatPages(p, lay.name).leafPages), `"${look}": leaves as dbstat`);
  }
  assert.throws(() => readSqliteLeafLayout(p, 'ta'), /no table or index named "ta"/);
  // dbstat's own name match is exact; dbstatPages resolves the name as SQL does first.
  assert.deepEqual(Array.from(dbstatPages(p, 'TÄ').leafPages), Array.from(dbstatPages(p, 'tÄ').leafPages));
  assert.notDeepEqual(Array.from(dbstatPages(p, 'tÄ').leafPages), Array.from(dbstatPages(p, 'tä').leafPages));
  assert.ok(dbstatPages(p, 'TÄ').leafPages.length > 0);
});

test('sqliteAsciiLower folds A–Z only', () => {
  assert.equal(sqliteAsciiLower('AbC_Ä_\u212A_İ_Σ'), 'abc_Ä_\u212A_İ_Σ');
});
