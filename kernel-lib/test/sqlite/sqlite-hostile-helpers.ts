/**
 * Helpers for the hostile-file tests: the reader run in a child process with a timeout, FIFOs,
 * and a snapshot of a directory's files (bytes and mtime) to show the reader never writes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

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
    const st = statSync(join(dir, name));
    const content = st.isFile() ? hashHead(join(dir, name), Math.min(st.size, 64 << 20)) : 'not a file';
    m.set(name, `${st.size} ${st.mtimeMs} ${content}`);
  }
  return m;
}

/** Asserts the reader left `dir` exactly as `before` (no file written, created or removed). */
export function assertUnchanged(dir: string, before: Map<string, string>): void {
  assert.deepEqual(snapshotDir(dir), before, `the reader changed files in ${dir}`);
}
