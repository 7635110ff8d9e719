/**
 * Which SQLite locks other processes hold on a database file, read from Linux's /proc/locks
 * (Node has no fcntl binding). SQLite's unix VFS locks bytes of the lock-byte page with POSIX
 * advisory locks (os_unix.c; fileformat2 §1.4): PENDING_BYTE = 0x40000000, RESERVED_BYTE =
 * PENDING_BYTE + 1, and the 510-byte SHARED range after it. A writer in a transaction holds
 * RESERVED; one that writes the main file (commit or a cache spill) holds EXCLUSIVE, a write
 * lock on the whole SHARED range, after PENDING.
 *
 * The reader takes no lock (it never writes and cannot take fcntl locks from Node), so this is a
 * snapshot: good enough to tell a live writer's journal from a hot one, as pager.c
 * hasHotJournal does with sqlite3OsCheckReservedLock. Where /proc/locks is missing (not Linux),
 * `known` is false and no lock is assumed.
 */
import { readFileSync, type Stats } from 'node:fs';

export const SQLITE_PENDING_BYTE = 0x40000000;
export const SQLITE_RESERVED_BYTE = SQLITE_PENDING_BYTE + 1;
export const SQLITE_SHARED_FIRST = SQLITE_PENDING_BYTE + 2;
export const SQLITE_SHARED_SIZE = 510;

export interface SqliteLockState {
  /** False when the locks could not be read (no /proc/locks). */
  known: boolean;
  /** Another process holds RESERVED: a writer is inside a transaction. */
  reserved: boolean;
  /** Another process holds PENDING or EXCLUSIVE: a writer is writing the main file. */
  exclusive: boolean;
}

/** Linux's dev_t → "major:minor" in /proc/locks' hex form (new_decode_dev). */
function devString(dev: number): string {
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & 0xfff00);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`;
}

/** The SQLite locks on the file `st` describes (fstat of the open database). */
export function sqliteLockState(st: Stats, procLocks = '/proc/locks'): SqliteLockState {
  let text: string;
  try {
    text = readFileSync(procLocks, 'utf8');
  } catch {
    return { known: false, reserved: false, exclusive: false };
  }
  const id = `${devString(st.dev)}:${st.ino}`;
  let reserved = false;
  let exclusive = false;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    // "1: POSIX  ADVISORY  WRITE 12494 fe:00:2158306 1073741825 1073741825" (blocked waiters start with "->")
    if (f.length < 8 || f[1] === '->' || f[5] !== id) continue;
    const write = f[3] === 'WRITE';
    const start = Number(f[6]);
    const end = f[7] === 'EOF' ? Infinity : Number(f[7]);
    const covers = (b: number) => start <= b && b <= end;
    if (write && covers(SQLITE_RESERVED_BYTE)) reserved = true;
    if (write && (covers(SQLITE_PENDING_BYTE) || (start <= SQLITE_SHARED_FIRST + SQLITE_SHARED_SIZE - 1 && end >= SQLITE_SHARED_FIRST))) exclusive = true;
  }
  return { known: true, reserved, exclusive };
}
