/**
 * Fuzz: real database files (built by the sqlite3 shell) with flipped bytes or truncated.
 * Whatever the damage, the reader either returns a layout or throws SqliteFormatError — never
 * another exception, never unbounded work (pages read ≤ a bound linear in the file's page
 * count) — and the file's bytes are unchanged afterwards (it is opened read-only).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SqliteFile } from '../../src/sqlite/sqlite-file.js';
import { SqliteFormatError } from '../../src/sqlite/sqlite-format-error.js';
import { readSqliteSchema, findSqliteBtree } from '../../src/sqlite/sqlite-schema.js';
import { walkSqliteBtree } from '../../src/sqlite/sqlite-btree-walk.js';
import { readSqliteFreelist } from '../../src/sqlite/sqlite-freelist.js';
import { freelistDb, mixedDb, overflowDb, tempDir, variantDb } from './sqlite-fixtures.js';

const { dir, cleanup } = tempDir('sqlite-fuzz-');
after(cleanup);
const fixtures = [mixedDb(dir, 1024, 1500, 41), overflowDb(dir, 1024, 42), freelistDb(dir, 43), mixedDb(dir, 4096, 2500, 44), variantDb(dir, 'utf16', 45), variantDb(dir, 'reserved', 46)];
const originals = fixtures.map((f) => readFileSync(f.path));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Everything the reader can do to a file, with the work bounded and counted. */
function readEverything(path: string, names: string[]): number {
  let file: SqliteFile;
  try {
    file = SqliteFile.open(path);
  } catch (e) {
    if (e instanceof SqliteFormatError) return 0;
    throw e;
  }
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof SqliteFormatError)) throw e;
    }
  };
  try {
    attempt(() => void readSqliteSchema(file));
    for (const n of names) attempt(() => void walkSqliteBtree(file, findSqliteBtree(file, n).rootPage, { overflow: true, firstKeys: true }));
    attempt(() => void readSqliteFreelist(file));
    // Bound: each walk reads each page at most once, plus the schema reads and short payload
    // prefixes; (names + 3) · 3 · pageCount is far above an honest walk and far below a loop.
    const bound = (names.length + 3) * 3 * file.pageCount + 100;
    assert.ok(file.pagesRead <= bound, `pages read ${file.pagesRead} ≤ ${bound}`);
    return file.pagesRead;
  } finally {
    file.close();
  }
}

/** Offsets biased towards the structures: header, page headers and cell pointers, anywhere. */
function offsetArb(size: number, pageBytes: number) {
  const pages = Math.floor(size / pageBytes);
  return fc.oneof(
    fc.integer({ min: 0, max: 99 }),
    fc.tuple(fc.integer({ min: 0, max: pages - 1 }), fc.integer({ min: 0, max: 24 })).map(([p, o]) => p * pageBytes + (p === 0 ? 100 : 0) + o),
    fc.integer({ min: 0, max: size - 1 }),
  );
}

test('mutated and truncated files: a layout or a SqliteFormatError, bounded work, bytes unchanged', () => {
  const arb = fc.integer({ min: 0, max: fixtures.length - 1 }).chain((k) => {
    const size = originals[k].length;
    const pageBytes = readFileSync(fixtures[k].path).readUInt16BE(16);
    return fc.record({
      k: fc.constant(k),
      flips: fc.array(fc.tuple(offsetArb(size, pageBytes), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
      truncateTo: fc.option(fc.integer({ min: 0, max: size }), { freq: 4 }),
    });
  });
  let run = 0;
  fc.assert(
    fc.property(arb, ({ k, flips, truncateTo }) => {
      const bytes = Buffer.from(originals[k]);
      for (const [off, v] of flips) bytes[off] = v;
      const mutated = truncateTo === null ? bytes : bytes.subarray(0, truncateTo);
      const p = join(dir, `fuzz-${run++ % 4}.db`);
      writeFileSync(p, mutated);
      const before = sha(mutated);
      readEverything(p, fixtures[k].names.filter((n) => n !== 'sqlite_schema'));
      assert.equal(sha(readFileSync(p)), before, 'the file is unchanged');
    }),
    { numRuns: 400, seed: 20260101 },
  );
});

test('the unmutated fixtures read without error', () => {
  for (const f of fixtures) {
    const file = SqliteFile.open(f.path);
    try {
      for (const n of f.names) walkSqliteBtree(file, findSqliteBtree(file, n).rootPage, { overflow: true, firstKeys: true });
      readSqliteFreelist(file);
    } finally {
      file.close();
    }
  }
});
