/**
 * Helpers for the hostile-file tests: the reader run in a child process with a timeout, FIFOs,
 * and a snapshot of a directory's files (bytes and mtime) to show the reader never writes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { dbstatPages } from '../../src/sqlite/sqlite-dbstat.js';
import { Sqlite3ShellError } from '../../src/sqlite/sqlite3-shell-error.js';
import { walChecksum } from '../../src/sqlite/sqlite-wal.js';

export interface ReadCase {
  path: string;
  name: string | null;
  pendingWal?: 'refuse' | 'ignore';
}
export type ReadOutcome =
  | { ok: true; name?: string; names?: string[]; leafPages?: number[]; rows?: number; pageCount?: number }
  | { ok: false; error: string; message: string; file?: string; page?: number | null };

const CHILD = join(__dirname, 'sqlite-read-child.ts');

/** Runs the cases in one child process; fails (never hangs) when it takes longer than `timeoutMs`. */
export function readInChild(cases: ReadCase[], timeoutMs = 30000): ReadOutcome[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD], { input: JSON.stringify(cases), encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 28 });
  assert.ok(!r.error && r.signal === null, `the reader did not finish within ${timeoutMs} ms (it hangs): ${r.error?.message ?? r.signal}; cases ${cases.map((c) => c.path).join(', ')}`);
  assert.equal(r.status, 0, `child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ReadOutcome[];
}

/** Creates a FIFO (named pipe) at `path`. */
export function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, `mkfifo ${path}: ${r.stderr}`);
}

/** Hash of the first `limit` bytes (whole file by default; huge sparse files are sampled). */
function hashHead(path: string, limit: number): string {
  const fd = openSync(path, 'r');
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    let pos = 0;
    while (pos < limit) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, limit - pos), pos);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      pos += n;
    }
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/** Name → size, mtime and (regular files) content hash of every entry in `dir`. */
export function snapshotDir(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const lst = lstatSync(join(dir, name));
    if (lst.isSymbolicLink()) {
      m.set(name, `symlink to ${readlinkSync(join(dir, name))}`);
      continue;
    }
    const st = statSync(join(dir, name));
    // Huge (sparse) files: their first MiB; the reader only ever reads a few pages of them.
    const content = st.isFile() ? hashHead(join(dir, name), st.size > 64 << 20 ? 1 << 20 : st.size) : 'not a file';
    m.set(name, `${st.size} ${st.mtimeMs} ${content}`);
  }
  return m;
}

/** Asserts the reader left `dir` exactly as `before` (no file written, created or removed). */
export function assertUnchanged(dir: string, before: Map<string, string>): void {
  assert.deepEqual(snapshotDir(dir), before, `the reader changed files in ${dir}`);
}

/** Fresh case directories under `root`, each holding a copy of a database as `db.db`. */
export class CaseDirs {
  private n = 0;
  constructor(private readonly root: string) {}
  /** An empty case directory. */
  empty(): string {
    const d = join(this.root, `case-${this.n++}`);
    mkdirSync(d);
    return d;
  }
  /** A case directory with `src` copied to `db.db`, and the side files listed (e.g. '-wal'). */
  copy(src: string, sides: string[] = []): { d: string; db: string } {
    const d = this.empty();
    const db = join(d, 'db.db');
    copyFileSync(src, db);
    for (const s of sides) copyFileSync(`${src}${s}`, `${db}${s}`);
    return { d, db };
  }
}

export interface ReadItem {
  d: string;
  db: string;
  name?: string | null;
  pendingWal?: 'refuse' | 'ignore';
}

/** Reads every item (table t by default) in one child and checks each directory is unchanged. */
export function readAll(items: ReadItem[], timeoutMs?: number): ReadOutcome[] {
  const dirs = [...new Set(items.map((i) => i.d))];
  const before = dirs.map((d) => snapshotDir(d));
  const out = readInChild(
    items.map((i) => ({ path: i.db, name: i.name === undefined ? 't' : i.name, pendingWal: i.pendingWal })),
    timeoutMs,
  );
  dirs.forEach((d, k) => assertUnchanged(d, before[k]));
  return out;
}

export function expectFormatError(o: ReadOutcome, file: string, reason: RegExp): void {
  assert.equal(o.ok, false, `expected a SqliteFormatError, got a result`);
  if (o.ok) return;
  assert.equal(o.error, 'SqliteFormatError', o.message);
  assert.equal(o.file, file);
  assert.match(o.message, reason);
}

/** Outcome is a result or a SqliteFormatError naming `file`: never another exception. */
export function expectResultOrFormatError(o: ReadOutcome, file: string, what: string): void {
  if (o.ok) return;
  assert.equal(o.error, 'SqliteFormatError', `${what}: ${o.message}`);
  assert.equal(o.file, file, what);
}

export function patch(path: string, offset: number, bytes: Uint8Array): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Re-signs a WAL after an edit: header checksum, then the first `frames` frames' cumulative checksums (wal.c). */
export function resignWal(wal: Buffer, pageBytes: number, frames = Infinity): void {
  const big = (wal.readUInt32BE(0) & 1) === 1;
  const s = new Uint32Array(2);
  walChecksum(big, wal, 0, 24, s);
  wal.writeUInt32BE(s[0], 24);
  wal.writeUInt32BE(s[1], 28);
  const fb = 24 + pageBytes;
  for (let i = 0, off = 32; off + fb <= wal.length && i < frames; i++, off += fb) {
    walChecksum(big, wal, off, 8, s);
    walChecksum(big, wal, off + 24, pageBytes, s);
    wal.writeUInt32BE(s[0], off + 16);
    wal.writeUInt32BE(s[1], off + 20);
  }
}

/**
 * The reader's verdict on each database + its -wal against SQLite's own view of the same files
 * (dbstat on a copy: the shell writes a -shm and may replay the WAL): accepted means SQLite shows
 * the main file's leaves; refused means SQLite shows other leaves than the main file's (or fails).
 */
export function walVerdictsAgreeWithSqlite(dirs: CaseDirs, cs: Array<{ d: string; db: string; what: string }>): ReadOutcome[] {
  const outs = readAll(cs.flatMap((c) => [c, { ...c, pendingWal: 'ignore' as const }]));
  return cs.map((c, i) => {
    const [o, main] = [outs[2 * i], outs[2 * i + 1]];
    const s = dirs.copy(c.db, existsSync(`${c.db}-wal`) ? ['-wal'] : []);
    let sqlite: number[] | string;
    try {
      sqlite = Array.from(dbstatPages(s.db, 't').leafPages);
    } catch (e) {
      sqlite = e instanceof Sqlite3ShellError ? `shell: ${e.stderr}` : String(e);
    }
    if (o.ok) assert.deepEqual(o.leafPages, sqlite, `${c.what}: accepted, so SQLite must show the main file's layout`);
    else if (typeof sqlite !== 'string' && main.ok) assert.notDeepEqual(main.leafPages, sqlite, `${c.what}: refused, so SQLite must show other leaves than the main file's: ${o.message}`);
    return o;
  });
}
