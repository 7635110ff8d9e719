/**
 * Fuzz: real database files (built by the sqlite3 shell) with flipped bytes or truncated, and
 * (below) generators for the hostile classes of issue 10.
 * Whatever the damage, the reader either returns a layout or throws SqliteFormatError — never
 * another exception, never unbounded work (pages read ≤ a bound linear in the file's page
 * count) — and the file's bytes are unchanged afterwards (it is opened read-only).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SqliteFile } from '../../src/sqlite/sqlite-file.js';
import { SqliteFormatError } from '../../src/sqlite/sqlite-format-error.js';
import { readSqliteSchema, findSqliteBtree } from '../../src/sqlite/sqlite-schema.js';
import { walkSqliteBtree } from '../../src/sqlite/sqlite-btree-walk.js';
import { readSqliteFreelist } from '../../src/sqlite/sqlite-freelist.js';
import { Rng } from '../../src/core/rng.js';
import { readSqliteLeafLayout } from '../../src/sqlite/sqlite-layout.js';
import { dbstatPages, runSqlite3 } from '../../src/sqlite/sqlite-dbstat.js';
import { Sqlite3ShellError } from '../../src/sqlite/sqlite3-shell-error.js';
import { buildDb, freelistDb, hotJournalDb, mixedDb, overflowDb, tempDir, variantDb, walWithFramesDb } from './sqlite-fixtures.js';
import { CaseDirs, expectResultOrFormatError, mkfifo, patch, readAll, resignWal, walVerdictsAgreeWithSqlite, type ReadItem } from './sqlite-hostile-helpers.js';

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
      const mtime = statSync(p).mtimeMs;
      readEverything(p, fixtures[k].names.filter((n) => n !== 'sqlite_schema'));
      assert.equal(sha(readFileSync(p)), before, 'the file is unchanged');
      assert.equal(statSync(p).mtimeMs, mtime, 'the file was not written');
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

// ---------------------------------------------------------------------------------------------
// Generators for the classes of issue 10: non-regular files as the database or a side file,
// hot journals, WAL headers and salts, huge page counts, non-ASCII names. Reads of these run in
// a child process with a timeout (a blocking reader fails instead of hanging), the reader must
// give a result or a SqliteFormatError naming the database, leave every file as it was, and,
// where SQLite can be asked, agree with SQLite's own view of the same files.
// ---------------------------------------------------------------------------------------------

const dirs = new CaseDirs(dir);

test('fuzz: FIFOs, directories and symlinks as the database or its -wal, -shm, -journal', () => {
  const walBase = walWithFramesDb(dir, 'fuzz-wal-base', true);
  const roles = ['', '-wal', '-shm', '-journal'] as const;
  const kinds = ['fifo', 'dir', 'symlink-to-fifo', 'dangling-symlink'] as const;
  const items: ReadItem[] = [];
  const expected: Array<{ role: string; kind: string; refused: boolean }> = [];
  for (const role of roles) {
    for (const kind of kinds) {
      const c = role === '' ? { d: dirs.empty(), db: '' } : dirs.copy(walBase.path, role === '-wal' ? [] : ['-wal']);
      const target = role === '' ? join(c.d, 'db.db') : `${c.db}${role}`;
      if (role === '') c.db = target;
      if (kind === 'fifo') mkfifo(target);
      else if (kind === 'dir') mkdirSync(target);
      else if (kind === 'symlink-to-fifo') {
        mkfifo(join(c.d, 'pipe'));
        symlinkSync(join(c.d, 'pipe'), target);
      } else symlinkSync(join(c.d, 'nowhere'), target);
      items.push(c);
      // A dangling symlink is no side file (SQLite's access() follows it); as the database it cannot be opened.
      expected.push({ role, kind, refused: !(kind === 'dangling-symlink' && role !== '') });
    }
  }
  readAll(items).forEach((o, i) => {
    const { role, kind, refused } = expected[i];
    const what = `${kind} as ${role || 'the database'}`;
    expectResultOrFormatError(o, items[i].db, what);
    assert.equal(!o.ok, refused, `${what}: ${o.ok ? 'accepted' : o.message}`);
  });
});

test('fuzz: hot journals (first byte, length, super-journal trailer, flipped bytes) agree with SQLite', () => {
  const hot = hotJournalDb(dir, 'fuzz-hot');
  const journal = readFileSync(`${hot.path}-journal`);
  const existing = join(dir, 'an-existing-file');
  writeFileSync(existing, 'x');
  const arb = fc.record({
    firstByte: fc.option(fc.integer({ min: 0, max: 255 }), { freq: 2 }),
    cut: fc.option(fc.integer({ min: 0, max: journal.length }), { freq: 2 }),
    superJournal: fc.constantFrom(null, 'missing', 'existing', 'bad-checksum', 'too-long'),
    flips: fc.array(fc.tuple(fc.integer({ min: 0, max: journal.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
  });
  const samples = fc.sample(arb, { numRuns: 16, seed: 20260102 });
  const items = samples.map((s) => {
    const c = dirs.copy(hot.path);
    let j = Buffer.from(journal);
    for (const [off, v] of s.flips) j[off] = v;
    if (s.firstByte !== null) j[0] = s.firstByte;
    if (s.cut !== null) j = j.subarray(0, s.cut);
    if (s.superJournal) {
      // 'too-long': longer than SQLite's 512-byte path limit, so SQLite ignores the name (the journal stays hot).
      const name = Buffer.from(s.superJournal === 'existing' ? existing : join(dir, s.superJournal === 'too-long' ? 'x'.repeat(600) : 'no-such-super-journal'));
      const tail = Buffer.alloc(16);
      tail.writeUInt32BE(name.length, 0);
      tail.writeUInt32BE((name.reduce((a, b) => (a + b) >>> 0, 0) + (s.superJournal === 'bad-checksum' ? 1 : 0)) >>> 0, 4);
      Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]).copy(tail, 8);
      j = Buffer.concat([j, name, tail]);
    }
    writeFileSync(`${c.db}-journal`, j);
    return c;
  });
  const outs = readAll(items);
  const hotOnes = outs.filter((o) => !o.ok && /hot rollback journal/.test(o.message)).length;
  assert.ok(hotOnes > 0 && hotOnes < outs.length, `the generator reaches hot and cold journals (${hotOnes} of ${outs.length} hot)`);
  outs.forEach((o, i) => {
    expectResultOrFormatError(o, items[i].db, JSON.stringify(samples[i]));
    if (!o.ok && /hot rollback journal/.test(o.message)) return;
    // Not hot for the reader: SQLite (read-write, on a copy) must not roll back either, so it
    // shows the same leaves, or, when the reader found the main file (a crash image) corrupt,
    // fails on it too.
    const s = dirs.copy(items[i].db, ['-journal']);
    let sqlite: number[] | null = null;
    try {
      runSqlite3(s.db, 'SELECT count(*) FROM t;', { write: true });
      sqlite = Array.from(dbstatPages(s.db, 't').leafPages);
    } catch (e) {
      if (!(e instanceof Sqlite3ShellError)) throw e;
    }
    const what = `journal ${JSON.stringify(samples[i])}`;
    if (o.ok) assert.deepEqual(o.leafPages, sqlite, `${what}: accepted, SQLite shows the same leaves`);
    else assert.equal(sqlite, null, `${what}: the reader found the main file corrupt (${o.message}), SQLite must not read it either`);
  });
});

test('fuzz: WAL headers, salts, commit frames and truncation: accepted exactly when SQLite shows the main file', () => {
  const live = walWithFramesDb(dir, 'fuzz-wal-live', false);
  const wal = readFileSync(`${live.path}-wal`);
  const frameBytes = 24 + 1024;
  const frames = Math.floor((wal.length - 32) / frameBytes);
  const arb = fc.record({
    header: fc.option(fc.tuple(fc.constantFrom(0, 4, 8, 12, 16, 20), fc.integer({ min: 0, max: 0xffffffff })), { freq: 2 }),
    magicBigEndian: fc.boolean(),
    frame: fc.option(fc.tuple(fc.integer({ min: 0, max: frames - 1 }), fc.constantFrom(0, 4, 8, 12), fc.integer({ min: 0, max: 0xffffffff })), { freq: 2 }),
    resign: fc.constantFrom('none', 'header', 'all'),
    cut: fc.option(fc.integer({ min: 0, max: wal.length }), { freq: 3 }),
    random: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
  });
  const samples = fc.sample(arb, { numRuns: 16, seed: 20260103 });
  const cs = samples.map((s, k) => {
    const c = dirs.copy(live.path);
    let w = Buffer.from(wal);
    if (s.magicBigEndian) w.writeUInt32BE(0x377f0683, 0);
    if (s.header) w.writeUInt32BE(s.header[1], s.header[0]);
    if (s.frame) w.writeUInt32BE(s.frame[2], 32 + s.frame[0] * frameBytes + s.frame[1]);
    if (s.resign !== 'none') resignWal(w, 1024, s.resign === 'header' ? 0 : Infinity);
    if (s.cut !== null) w = w.subarray(0, s.cut);
    if (s.random) w = Buffer.from(new Rng(k + 1).shuffle(Array.from(w.subarray(0, 9000))));
    writeFileSync(`${c.db}-wal`, w);
    return { ...c, what: JSON.stringify(s) };
  });
  const outs = walVerdictsAgreeWithSqlite(dirs, cs);
  outs.forEach((o, i) => expectResultOrFormatError(o, cs[i].db, cs[i].what));
  assert.ok(outs.some((o) => o.ok) && outs.some((o) => !o.ok), 'the generator reaches both verdicts');
});

test('fuzz: huge page counts (in-header size and sparse file size near 2^31, 2^32)', () => {
  const src = join(dir, 'fuzz-512.db');
  buildDb(src, "PRAGMA page_size=512;\nCREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT);\nINSERT INTO t SELECT value, 'abc' FROM generate_series(1, 300);\n");
  const pages = readFileSync(src).length / 512;
  const counts = fc.constantFrom(0, 1, pages, pages + 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1);
  const arb = fc.record({ headerCount: counts, valid: fc.boolean(), filePages: fc.constantFrom(pages, 2 ** 31 + 3, 2 ** 32 - 2, 2 ** 32, 2 ** 32 + 5) });
  const samples = fc.sample(arb, { numRuns: 10, seed: 20260104 });
  const items = samples.map((s) => {
    const c = dirs.copy(src);
    const h = readFileSync(c.db).subarray(0, 100);
    patch(c.db, 28, Uint8Array.of(s.headerCount >>> 24, (s.headerCount >>> 16) & 255, (s.headerCount >>> 8) & 255, s.headerCount & 255));
    if (!s.valid) patch(c.db, 92, Uint8Array.of(h[24], h[25], h[26], (h[27] + 1) & 255));
    if (s.filePages > pages) truncateSync(c.db, 512 * s.filePages);
    return c;
  });
  readAll(items).forEach((o, i) => {
    expectResultOrFormatError(o, items[i].db, JSON.stringify(samples[i]));
    if (o.ok) assert.equal(o.rows, 300, `${JSON.stringify(samples[i])}: the table reads whole`);
  });
});

test('fuzz: non-ASCII names resolve as SQLite resolves them (ASCII folded, nothing else)', () => {
  const alphabet = ['a', 'A', 'ä', 'Ä', 'k', 'K', '\u212A', 's', 'S', 'ß', 'ſ', 'i', 'I', 'İ', 'ı', 'σ', 'Σ', 'ς', '_'];
  const nameArb = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
  const asciiFold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const made = new Map<string, string>();
  for (const n of fc.sample(nameArb, { numRuns: 40, seed: 20260105 })) if (!made.has(asciiFold(n))) made.set(asciiFold(n), n);
  const names = [...made.values()];
  const p = join(dir, 'fuzz-names.db');
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  buildDb(p, names.map((n, i) => `CREATE TABLE ${q(n)}(id INTEGER PRIMARY KEY);\nINSERT INTO ${q(n)} SELECT value FROM generate_series(1, ${i + 1});`).join('\n'));
  const lookups = [...names, ...fc.sample(nameArb, { numRuns: 60, seed: 20260106 })];
  // SQLite's answer for all lookups in one run: the NOCASE collation folds ASCII letters only, as name resolution does.
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const sqlite = runSqlite3(p, lookups.map((l) => `SELECT coalesce((SELECT name FROM sqlite_schema WHERE type='table' AND name=${lit(l)} COLLATE NOCASE), '-');`).join('\n'));
  assert.equal(sqlite.length, lookups.length);
  lookups.forEach((l, i) => {
    let got = '-';
    try {
      got = readSqliteLeafLayout(p, l).name;
    } catch (e) {
      if (!(e instanceof SqliteFormatError) || !/no table or index named/.test(e.message)) throw e;
    }
    assert.equal(got, sqlite[i], `"${l}" resolves as in SQLite`);
  });
});
