/**
 * Hostile and unusual files around a database (issue 10, items 6–10, 12, 13): FIFOs and
 * directories as the database or its side files, a sparse file of 2^32 pages, a hot rollback
 * journal, WAL files that SQLite ignores or replays, 0-byte databases, and files SQLite rejects.
 * The expected behaviour is SQLite's own, checked with the sqlite3 shell where it can be. Every
 * read runs in a child process with a timeout (a reader that blocks fails, it does not hang the
 * run), and every case asserts that the reader left the files exactly as they were.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/core/rng.js';
import { dbstatPages, runSqlite3, sqlite3ShellPath } from '../../src/sqlite/sqlite-dbstat.js';
import { Sqlite3ShellError } from '../../src/sqlite/sqlite3-shell-error.js';
import { SqliteFormatError } from '../../src/sqlite/sqlite-format-error.js';
import { sqliteWalStatus } from '../../src/sqlite/sqlite-file.js';
import { sqliteLockState } from '../../src/sqlite/sqlite-locks.js';
import { buildDb, hotJournalDb, mixedDb, tempDir, walWithFramesDb } from './sqlite-fixtures.js';
import { CaseDirs, expectFormatError, mkfifo, patch, readAll, readInChild, resignWal, walVerdictsAgreeWithSqlite, type ReadItem, type ReadOutcome } from './sqlite-hostile-helpers.js';

const { dir, cleanup } = tempDir('sqlite-hostile-');
after(cleanup);
const base = mixedDb(dir, 1024, 1500, 61);
const dirs = new CaseDirs(dir);
const caseDir = (src: string, sides: string[] = []) => dirs.copy(src, sides);
const readCase = (d: string, db: string, name: string | null = 't', pendingWal?: 'refuse' | 'ignore'): ReadOutcome => readAll([{ d, db, name, pendingWal }])[0];
type Item = ReadItem;
/** One crash image (database + hot journal) shared by the tests; each copies it. */
let hotOnce: { path: string; committedRows: number } | null = null;
const hotFixture = () => (hotOnce ??= hotJournalDb(dir));

test('item 6: a FIFO as the database or as its -wal, -shm or -journal is refused, never waited on', () => {
  const d = dirs.empty();
  const fifo = join(d, 'fifo.db');
  mkfifo(fifo);
  const items: Item[] = [{ d, db: fifo }];
  const expect: RegExp[] = [/the database .*fifo\.db is a FIFO \(named pipe\), not a regular file/];
  for (const side of ['-wal', '-journal']) {
    const c = caseDir(base.path);
    mkfifo(`${c.db}${side}`);
    items.push(c);
    expect.push(new RegExp(`the ${side} file .*db\\.db${side} is a FIFO`));
  }
  // A -shm is opened beside a real -wal only.
  const w = walWithFramesDb(dir, 'fifo-shm', true);
  const c = caseDir(w.path, ['-wal']);
  mkfifo(`${c.db}-shm`);
  items.push(c);
  expect.push(/the -shm file .*db\.db-shm is a FIFO/);
  readAll(items).forEach((o, i) => expectFormatError(o, items[i].db, expect[i]));
});

test('item 7: a directory as the database or a side file names the file and says what it is', () => {
  const d = dirs.empty();
  const sub = join(d, 'dir.db');
  mkdirSync(sub);
  const items: Item[] = [{ d, db: sub }];
  const expect: RegExp[] = [/dir\.db is a directory, not a regular file/];
  for (const side of ['-wal', '-journal']) {
    const c = caseDir(base.path);
    mkdirSync(`${c.db}${side}`);
    items.push(c);
    expect.push(new RegExp(`db\\.db${side} is a directory`));
  }
  readAll(items).forEach((o, i) => expectFormatError(o, items[i].db, expect[i]));
});

test('item 8: a (sparse) file of 2^32 pages is a format error, one of 2^32 − 2 pages reads without allocating per page', () => {
  const src = join(dir, 'small512.db');
  buildDb(src, "PRAGMA page_size=512;\nCREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT);\nINSERT INTO t SELECT value, 'abc' FROM generate_series(1, 300);\n");
  // 2^32 pages by file size (in-header size invalidated: version-valid-for ≠ change counter).
  const a = caseDir(src);
  const hdr = readFileSync(a.db).subarray(0, 100);
  patch(a.db, 92, Uint8Array.of(0, 0, 0, (hdr[27] + 1) & 255));
  truncateSync(a.db, 512 * 2 ** 32);
  // 2^32 − 2 pages claimed by a valid in-header size, file as large: the b-tree still reads.
  const b = caseDir(src);
  patch(b.db, 28, Uint8Array.of(0xff, 0xff, 0xff, 0xfe));
  truncateSync(b.db, 512 * (2 ** 32 - 2));
  const [oa, o] = readAll([a, b]);
  expectFormatError(oa, a.db, /4294967296 pages of 512 bytes .*more than the 4294967294 pages SQLite can address/);
  assert.ok(o.ok, o.ok ? '' : o.message);
  assert.equal(o.pageCount, 2 ** 32 - 2);
  assert.equal(o.rows, 300);
});

test('item 9: a hot rollback journal is refused; SQLite itself rolls it back to the committed state', () => {
  const hot = hotFixture();
  const c = caseDir(hot.path, ['-journal']);
  // SQLite (read-write, on a copy) rolls the journal back: the committed rows, and the reader
  // then agrees with dbstat on the rolled-back file.
  const r = caseDir(hot.path, ['-journal']);
  assert.equal(Number(runSqlite3(r.db, 'SELECT count(*) FROM t;', { write: true })[0]), hot.committedRows);
  const [oc, o] = readAll([c, r]);
  expectFormatError(oc, c.db, /db\.db-journal is a hot rollback journal .*never committed/);
  assert.ok(o.ok, o.ok ? '' : o.message);
  assert.deepEqual(o.leafPages, Array.from(dbstatPages(r.db, 't').leafPages));
  assert.equal(o.rows, hot.committedRows);
});

test('item 9: journals that are not hot by SQLite\'s rules are ignored (empty, zeroed header, missing super-journal, empty database)', () => {
  const hot = hotFixture();
  const variants: Array<[string, (j: string) => void]> = [
    ['empty journal', (j) => writeFileSync(j, '')],
    ['zeroed first byte (journal_mode=PERSIST)', (j) => patch(j, 0, Uint8Array.of(0))],
    [
      'names a super-journal that no longer exists',
      (j) => {
        const name = Buffer.from(join(dir, 'gone-super-journal'));
        const tail = Buffer.alloc(16);
        tail.writeUInt32BE(name.length, 0);
        tail.writeUInt32BE(name.reduce((s, b) => (s + b) >>> 0, 0), 4);
        Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]).copy(tail, 8);
        writeFileSync(j, Buffer.concat([readFileSync(j), name, tail]));
      },
    ],
  ];
  const items = variants.map(([, edit]) => {
    const c = caseDir(base.path);
    copyFileSync(`${hot.path}-journal`, `${c.db}-journal`);
    edit(`${c.db}-journal`);
    return c;
  });
  readAll(items).forEach((o, i) => {
    const what = variants[i][0];
    assert.ok(o.ok, `${what}: ${o.ok ? '' : o.message}`);
    // SQLite read-write on a copy: no rollback happens, the main file's rows stay.
    const s = caseDir(items[i].db, ['-journal']);
    assert.equal(Number(runSqlite3(s.db, 'SELECT count(*) FROM t;', { write: true })[0]), o.rows, what);
  });
});

test('item 13: a 0-byte file is an empty database (also with a leftover -journal or -wal beside it)', () => {
  const d = dirs.empty();
  const db = join(d, 'empty.db');
  writeFileSync(db, '');
  writeFileSync(`${db}-journal`, 'leftover');
  writeFileSync(`${db}-wal`, Buffer.alloc(5000, 7));
  const [list, t, schema] = readInChild([
    { path: db, name: null },
    { path: db, name: 't' },
    { path: db, name: 'sqlite_schema' },
  ]);
  assert.deepEqual(list, { ok: true, names: [] });
  expectFormatError(t, db, /no table or index named "t" in sqlite_schema; it holds: \(no tables\)/);
  assert.ok(schema.ok && schema.leafPages!.length === 0 && schema.pageCount === 0);
  const e = join(d, 'empty2.db');
  writeFileSync(e, '');
  assert.equal(runSqlite3(e, 'SELECT count(*) FROM sqlite_schema;')[0], '0', 'SQLite agrees: an empty schema');
});

test('item 10: WAL liveness follows SQLite (header, salts, checksums, commit frames), checked against SQLite itself', () => {
  const live = walWithFramesDb(dir, 'live', false);
  const done = walWithFramesDb(dir, 'done', true);
  // Live committed frames: refused. A fully checkpointed WAL, also after a read-only
  // connection rebuilt the -shm (mxFrame = all frames, nBackfill = 0): accepted.
  const cLive = { ...caseDir(live.path, ['-wal']), what: 'live frames' };
  const cDone = { ...caseDir(done.path, ['-wal']), what: 'checkpointed' };
  const cShm = { ...caseDir(done.path, ['-wal']), what: 'checkpointed, rebuilt -shm' };
  runSqlite3(cShm.db, 'SELECT count(*) FROM t;');
  assert.ok(readFileSync(`${cShm.db}-shm`).length > 0, 'the read-only shell rebuilt the -shm');
  const [oLive, oDone, oShm] = walVerdictsAgreeWithSqlite(dirs, [cLive, cDone, cShm]);
  expectFormatError(oLive, cLive.db, /db\.db-wal holds \d+ frame\(s\) not yet checkpointed/);
  assert.ok(oDone.ok && oShm.ok);
  // A -wal of random bytes, and live frames behind a broken header checksum or salts: ignored.
  const rng = new Rng(7);
  const edits: Array<[string, (w: Buffer) => void, boolean]> = [
    ['random bytes', (w) => w.set(Uint8Array.from({ length: w.length }, () => rng.int(0, 255))), true],
    ['header checksum off by one', (w) => w.writeUInt32BE((w.readUInt32BE(28) + 1) >>> 0, 28), true],
    ['salt-1 of frame 1 changed', (w) => w.writeUInt32BE((w.readUInt32BE(32 + 8) + 1) >>> 0, 32 + 8), true],
    ['salts of the header changed and re-signed (frames keep the old salts)', (w) => { w.writeUInt32BE((w.readUInt32BE(16) + 1) >>> 0, 16); resignWal(w, 1024, 0); }, true],
    ['no commit frame (commit sizes zeroed, re-signed)', (w) => { for (let off = 32; off + 1048 <= w.length; off += 1048) w.writeUInt32BE(0, off + 4); resignWal(w, 1024); }, true],
    ['big-endian checksums (magic 0x377f0683, re-signed)', (w) => { w.writeUInt32BE(0x377f0683, 0); resignWal(w, 1024); }, false],
  ];
  const cs = edits.map(([what, edit]) => {
    const c = caseDir(live.path, ['-wal']);
    const w = readFileSync(`${c.db}-wal`);
    edit(w);
    writeFileSync(`${c.db}-wal`, w);
    return { ...c, what };
  });
  walVerdictsAgreeWithSqlite(dirs, cs).forEach((o, i) => assert.equal(o.ok, edits[i][2], edits[i][0]));
  // A valid header of an unknown version: SQLite refuses to open (SQLITE_CANTOPEN), so does the reader.
  const c = caseDir(live.path, ['-wal']);
  const w = readFileSync(`${c.db}-wal`);
  w.writeUInt32BE(3007001, 4);
  resignWal(w, 1024);
  writeFileSync(`${c.db}-wal`, w);
  expectFormatError(readCase(c.d, c.db), c.db, /valid WAL header of format version 3007001/);
  assert.throws(() => dbstatPages(caseDir(c.db, ['-wal']).db, 't'), Sqlite3ShellError);
});

test('a partial last page reads as SQLite reads it (zero-padded), a header beyond it is truncation', () => {
  const cut = (bytes: number) => {
    const c = caseDir(base.path);
    truncateSync(c.db, readFileSync(c.db).length - bytes);
    return c;
  };
  const items = [cut(10), cut(1000), cut(1024 + 10)];
  const [o10, o1000, o1034] = readAll(items);
  // 10 bytes off the last page: SQLite reads the file (integrity_check ok); so does the reader, with dbstat's leaves.
  assert.equal(runSqlite3(items[0].db, 'PRAGMA integrity_check;')[0], 'ok');
  assert.ok(o10.ok, o10.ok ? '' : o10.message);
  assert.deepEqual(o10.leafPages, Array.from(dbstatPages(items[0].db, 't').leafPages));
  // 1000 bytes off: still one page by count; whatever the damage, a result or a format error.
  assert.ok(o1000.ok || o1000.error === 'SqliteFormatError');
  // A whole page and more: the header's size exceeds the file, as SQLite says (corrupt).
  expectFormatError(o1034, items[2].db, /truncated: the header says \d+ pages of 1024 bytes but the file holds \d+ pages \(\d+ bytes, the last one partial\)/);
});

test('the sqlite3 shell is not handed a FIFO (it would block opening it): a SqliteFormatError at once', () => {
  const d = dirs.empty();
  const fifo = join(d, 'fifo.db');
  mkfifo(fifo);
  const c = caseDir(base.path);
  mkfifo(`${c.db}-journal`);
  for (const p of [fifo, c.db]) {
    const t0 = Date.now();
    // The timeout makes a blocked shell fail (Sqlite3ShellError) instead of hanging the test.
    assert.throws(() => runSqlite3(p, 'SELECT count(*) FROM sqlite_schema;', { timeoutMs: 5000 }), (e: unknown) => e instanceof SqliteFormatError && e.file === p && /is a FIFO/.test(e.message));
    assert.ok(Date.now() - t0 < 4000, 'refused before the shell ran');
  }
});

/** Polls `cond` every 50 ms for at most `ms`; fails (never hangs) when it does not become true. */
async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    assert.ok(Date.now() - t0 < ms, `timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('item 9 with a real writer: its live journal (RESERVED) is not hot, its main-file writes (EXCLUSIVE) are refused, and once it is killed the journal is hot', async () => {
  const c = caseDir(base.path);
  const committed = readCase(c.d, c.db);
  assert.ok(committed.ok);
  const lockLine = (byte: number) => () => {
    const { ino } = statSync(c.db);
    return readFileSync('/proc/locks', 'utf8').split('\n').some((l) => l.includes(`:${ino} `) && / WRITE /.test(l) && Number(l.trim().split(/\s+/)[6]) <= byte && (l.trim().split(/\s+/)[7] === 'EOF' || Number(l.trim().split(/\s+/)[7]) >= byte));
  };
  const writer = spawn(sqlite3ShellPath(), ['-batch', c.db], { stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  writer.stdout.on('data', (b: Buffer) => (out += b.toString()));
  try {
    // Each step ends with a SELECT whose answer says the statements before it are done.
    let step = 0;
    const send = async (sql: string) => {
      const mark = `done-${++step}`;
      writer.stdin.write(`${sql}SELECT '${mark}';\n`);
      await waitFor(() => out.includes(mark), 10000, `the writer to finish step ${step}`);
    };
    // A transaction with a few changes: RESERVED held, journal written, main file untouched.
    await send("PRAGMA cache_size=5;\nBEGIN;\nUPDATE t SET s = s || 'u' WHERE id < 20;\n");
    await waitFor(() => existsSync(`${c.db}-journal`) && lockLine(0x40000001)(), 5000, 'the writer to hold RESERVED');
    const live = readCase(c.d, c.db);
    assert.ok(live.ok, `a live writer's journal is not hot: ${live.ok ? '' : live.message}`);
    assert.deepEqual(live.leafPages, committed.leafPages, 'the main file still holds the committed state');
    // Enough changes to spill the 5-page cache into the main file: EXCLUSIVE is held until commit.
    await send("UPDATE t SET s = s || 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv';\n");
    await waitFor(lockLine(0x40000002), 5000, 'the writer to hold EXCLUSIVE');
    expectFormatError(readCase(c.d, c.db), c.db, /another process holds the PENDING or EXCLUSIVE lock/);
    // Killed mid-transaction: the locks go, the journal stays, hot.
    writer.kill('SIGKILL');
    await waitFor(() => !lockLine(0x40000001)() && !lockLine(0x40000002)(), 5000, 'the killed writer\'s locks to go');
    expectFormatError(readCase(c.d, c.db), c.db, /db\.db-journal is a hot rollback journal/);
    // SQLite rolls it back (on a copy): the committed state again, as the reader then reads it.
    const r = caseDir(c.db, ['-journal']);
    runSqlite3(r.db, 'SELECT count(*) FROM t;', { write: true });
    const back = readCase(r.d, r.db);
    assert.ok(back.ok && !existsSync(`${r.db}-journal`));
    assert.deepEqual(back.leafPages, committed.leafPages);
  } finally {
    writer.kill('SIGKILL');
  }
});

test('side files of a symlinked database are looked for beside its target, as SQLite resolves the path', () => {
  const hot = hotFixture();
  // Journal beside the target: hot (SQLite refuses a read-only open: it must roll back first).
  const t = caseDir(hot.path, ['-journal']);
  const d1 = dirs.empty();
  symlinkSync(t.db, join(d1, 'link.db'));
  // Journal beside the link only: not SQLite's journal, ignored.
  const u = caseDir(base.path);
  const d2 = dirs.empty();
  symlinkSync(u.db, join(d2, 'link.db'));
  copyFileSync(`${hot.path}-journal`, join(d2, 'link.db-journal'));
  const [o1, o2] = readAll([{ d: d1, db: join(d1, 'link.db') }, { d: d2, db: join(d2, 'link.db') }]);
  expectFormatError(o1, join(d1, 'link.db'), new RegExp(`${t.db.replace(/[/.]/g, '\\$&')}-journal is a hot rollback journal`));
  assert.throws(() => runSqlite3(join(d1, 'link.db'), 'SELECT count(*) FROM t;'), (e: unknown) => e instanceof Sqlite3ShellError && /readonly/.test(e.stderr));
  assert.ok(o2.ok, o2.ok ? '' : o2.message);
  assert.equal(Number(runSqlite3(join(d2, 'link.db'), 'SELECT count(*) FROM t;')[0]), 1500);
});

test('item 8 class: a sparse -wal of 8 TiB behind a valid header costs what its valid frames cost', () => {
  const live = walWithFramesDb(dir, 'sparse-wal', false);
  const c = caseDir(live.path, ['-wal']);
  truncateSync(`${c.db}-wal`, 2 ** 43);
  const [o, ignored] = readAll([c, { ...c, pendingWal: 'ignore' }]);
  // The live frames still count (SQLite stops at the first invalid frame, the zeros after them).
  expectFormatError(o, c.db, /db\.db-wal holds \d+ frame\(s\) not yet checkpointed/);
  assert.ok(ignored.ok, ignored.ok ? '' : ignored.message);
});

test('sqliteWalStatus counts live and pending frames by SQLite\'s rules', () => {
  const live = sqliteWalStatus(walWithFramesDb(dir, 'count-live', false).path);
  const done = sqliteWalStatus(walWithFramesDb(dir, 'count-done', true).path);
  // Never checkpointed: every frame is live and still to be copied.
  assert.ok(live.headerValid && live.committedFrames > 0 && live.committedFrames === live.framesInFile);
  assert.equal(live.pendingFrames, live.committedFrames);
  assert.ok(live.pendingPages > 0 && live.pendingPages <= live.pendingFrames && !live.mainFileIsCurrent);
  // Checkpointed: the same frames, none pending.
  assert.ok(done.headerValid && done.committedFrames === live.committedFrames && done.pendingFrames === 0 && done.mainFileIsCurrent);
});

test('sqliteLockState reads SQLite\'s lock bytes from /proc/locks lines of the file\'s device and inode', () => {
  const st = statSync(base.path);
  const major = Math.floor(st.dev / 256) & 0xfff;
  const minor = (st.dev & 0xff) | (Math.floor(st.dev / 4096) & 0xfff00);
  const id = `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${st.ino}`;
  const other = `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${st.ino + 1}`;
  const locks = (lines: string[]) => {
    const p = join(dir, `locks-${lines.length}-${Math.random().toString(36).slice(2)}`);
    writeFileSync(p, lines.join('\n') + '\n');
    return sqliteLockState(st, p);
  };
  assert.deepEqual(locks([`1: POSIX  ADVISORY  READ 10 ${id} 1073741826 1073742335`]), { known: true, reserved: false, exclusive: false }, 'a reader (SHARED)');
  assert.deepEqual(locks([`1: POSIX  ADVISORY  WRITE 10 ${id} 1073741825 1073741825`]), { known: true, reserved: true, exclusive: false }, 'RESERVED');
  assert.deepEqual(locks([`1: POSIX  ADVISORY  WRITE 10 ${id} 1073741826 1073742335`]), { known: true, reserved: false, exclusive: true }, 'EXCLUSIVE');
  assert.deepEqual(locks([`1: POSIX  ADVISORY  WRITE 10 ${id} 1073741824 1073741824`]), { known: true, reserved: false, exclusive: true }, 'PENDING');
  assert.deepEqual(locks([`1: POSIX  ADVISORY  WRITE 10 ${other} 1073741825 1073741825`, `2: -> POSIX  ADVISORY  WRITE 11 ${id} 1073741825 1073741825`]), { known: true, reserved: false, exclusive: false }, 'another file, a waiter');
  assert.deepEqual(sqliteLockState(st, join(dir, 'no-such-proc-locks')), { known: false, reserved: false, exclusive: false });
});
