/**
 * Hot rollback journals (https://www.sqlite.org/lockingv3.html#hot_journals,
 * https://www.sqlite.org/fileformat2.html#rollbackjournal). A writer in rollback mode copies the
 * original pages to `<db>-journal` before it changes the main file; if it is killed mid-
 * transaction, the main file holds uncommitted pages and the journal is "hot": the next
 * connection rolls it back before reading. A reader that skipped this would see a state that
 * never committed (or report corruption in a database SQLite considers healthy).
 *
 * SQLite's test (pager.c hasHotJournal, then pager_playback for the super-journal): the journal
 * is hot when it exists, no connection holds a RESERVED lock on the database, the database is
 * not empty (0 bytes: the journal is a leftover and SQLite deletes it), and the journal's first
 * byte is not 0 (journal_mode=PERSIST zeroes the header on commit; TRUNCATE leaves 0 bytes).
 * If the journal names a super-journal (multi-database transactions; the name is stored at the
 * end of the journal: name, 4-byte length, 4-byte checksum = sum of the name's bytes, the 8-byte
 * journal magic) and that super-journal no longer exists, the transaction committed and the
 * journal is not played back.
 *
 * The RESERVED-lock test uses /proc/locks (sqlite-locks.ts): a journal beside a database on
 * which another process holds RESERVED belongs to a live writer, whose changes are not in the
 * main file yet, so it is not hot. Without /proc/locks (not Linux) every such journal counts as
 * hot. The reader never writes, so it refuses a hot journal rather than rolling it back.
 */
import { closeSync, existsSync, readSync } from 'node:fs';
import { openSideFile } from './sqlite-regular-file.js';

/** The 8 bytes that start every rollback journal header (fileformat2 §3). */
export const SQLITE_JOURNAL_MAGIC = Uint8Array.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/** The unix VFS's longest path name (os_unix.c MAX_PATHNAME), the bound on a super-journal name. */
export const SQLITE_MAX_PATHNAME = 512;

export interface SqliteJournalStatus {
  /** Path of the -journal file, whether or not it exists. */
  journalPath: string;
  /** True when SQLite would roll the journal back before reading. */
  hot: boolean;
  /** Why it is or is not hot, in a phrase. */
  reason: string;
}

function readAt(fd: number, len: number, pos: number): Uint8Array {
  const b = new Uint8Array(len);
  let done = 0;
  while (done < len) {
    const n = readSync(fd, b, done, len - done, pos + done);
    if (n === 0) break;
    done += n;
  }
  return b.subarray(0, done);
}

/** The super-journal name recorded at the end of a journal, or '' (pager.c readSuperJournal). */
function superJournalName(fd: number, bytes: number): string {
  if (bytes < 16) return '';
  const tail = readAt(fd, 16, bytes - 16);
  if (tail.length < 16) return '';
  for (let i = 0; i < 8; i++) if (tail[8 + i] !== SQLITE_JOURNAL_MAGIC[i]) return '';
  const dv = new DataView(tail.buffer, tail.byteOffset, 16);
  const len = dv.getUint32(0);
  const cksum = dv.getUint32(4);
  // SQLite reads at most mxPathname bytes (512 in the unix VFS, os_unix.c MAX_PATHNAME); a
  // longer length field means no super-journal, so the journal stays hot.
  if (len === 0 || len > bytes - 16 || len > SQLITE_MAX_PATHNAME) return '';
  const name = readAt(fd, len, bytes - 16 - len);
  let sum = cksum;
  for (const b of name) sum = (sum - b) >>> 0;
  if (sum !== 0) return '';
  const nul = name.indexOf(0);
  return Buffer.from(name.subarray(0, nul < 0 ? name.length : nul)).toString('utf8');
}

/**
 * Hot-journal status of `dbPath` (whose main file has `dbBytes` bytes; `reservedLocked` when
 * another process holds its RESERVED lock; `sideBase`: the path with symlinks resolved, where
 * SQLite looks for the journal). Read-only.
 * @throws SqliteFormatError when the -journal exists but is not a regular file
 */
export function sqliteJournalStatus(dbPath: string, dbBytes: number, reservedLocked = false, sideBase = dbPath): SqliteJournalStatus {
  const journalPath = `${sideBase}-journal`;
  const j = openSideFile(dbPath, journalPath, 'the -journal file');
  if (!j) return { journalPath, hot: false, reason: 'no -journal file' };
  try {
    if (j.bytes === 0) return { journalPath, hot: false, reason: 'the -journal file is empty (journal_mode=TRUNCATE after a commit)' };
    if (reservedLocked) return { journalPath, hot: false, reason: 'another process holds the RESERVED lock: the journal belongs to a live writer' };
    if (dbBytes === 0) return { journalPath, hot: false, reason: 'the database is empty, so the -journal is a leftover SQLite deletes' };
    const first = readAt(j.fd, 1, 0);
    if (first.length === 0 || first[0] === 0) return { journalPath, hot: false, reason: 'the journal header is zeroed (journal_mode=PERSIST after a commit)' };
    const sup = superJournalName(j.fd, j.bytes);
    if (sup) {
      // SQLite stores the super-journal's full path and tests it with access(F_OK).
      if (!existsSync(sup)) return { journalPath, hot: false, reason: `its super-journal ${sup} no longer exists: the transaction committed` };
    }
    return { journalPath, hot: true, reason: 'a non-empty journal with a live header beside a non-empty database' };
  } finally {
    closeSync(j.fd);
  }
}
