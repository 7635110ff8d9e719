/**
 * An SQLite database file opened read-only, read one page at a time with positioned reads
 * (`fs.readSync` at an offset): the file is never copied into memory and never written.
 *
 * Page numbers are 1-based (fileformat2 §1.1). The page count is the in-header database size
 * when it is valid (fileformat2 §1.3.7), otherwise the file size divided by the page size,
 * rounded up as SQLite's pager does (a partial last page reads as if padded with zero bytes:
 * unixRead zero-fills a short read and the pager accepts it); an in-header size larger than
 * that means the file was truncated (btree.c lockBtree: corrupt).
 *
 * Before trusting the main file, `open` applies SQLite's own rules for the files beside it:
 * only regular files are read (a FIFO would block, a directory fails; sqlite-regular-file.ts),
 * a file another process is writing (PENDING/EXCLUSIVE lock, sqlite-locks.ts) and a hot
 * rollback journal (sqlite-journal.ts) are refused, and a `-wal` whose live frames differ
 * from the main file is refused unless `pendingWal: 'ignore'` (sqlite-wal.ts). A 0-byte file is
 * an empty database (0 pages, no schema), as in SQLite.
 */
import { closeSync, readSync } from 'node:fs';
import { SqliteFormatError } from './sqlite-format-error.js';
import { emptySqliteHeader, parseSqliteHeader, SQLITE_HEADER_BYTES, type SqliteHeader } from './sqlite-header.js';
import { readWalStatus, type SqliteWalStatus } from './sqlite-wal.js';
import { sqliteJournalStatus } from './sqlite-journal.js';
import { sqliteLockState } from './sqlite-locks.js';
import { openRegularFile, sqliteSideFileBase } from './sqlite-regular-file.js';

/** The lock-byte page sits at byte offset 2^30 and is never used by SQLite (fileformat2 §1.4). */
export const SQLITE_LOCK_BYTE_OFFSET = 1073741824;
/** The largest page number SQLite can address (Pgno is a u32; SQLITE_MAX_PAGE_COUNT's hard limit 0xfffffffe). */
export const SQLITE_MAX_PAGE_NUMBER = 4294967294;

export interface SqliteOpenOptions {
  /**
   * What to do when a `-wal` file holds committed frames that a checkpoint has not yet copied
   * into the main file: `'refuse'` (default) throws SqliteFormatError; `'ignore'` reads the main
   * file as of its last checkpoint (its `wal` field still reports the pending frames).
   */
  pendingWal?: 'refuse' | 'ignore';
}

export class SqliteFile {
  readonly path: string;
  readonly header: SqliteHeader;
  /** Pages in the database (1..pageCount are valid page numbers; 0 for an empty, 0-byte database). */
  readonly pageCount: number;
  readonly fileBytes: number;
  /** WAL status at open time. */
  readonly wal: SqliteWalStatus;
  /** Page number of the lock-byte page (never a b-tree page), or 0 when the file is smaller than 1 GiB. */
  readonly lockBytePage: number;
  /** Pages read so far (for benchmarks). */
  pagesRead = 0;
  private fd: number;

  private constructor(path: string, fd: number, header: SqliteHeader, pageCount: number, fileBytes: number) {
    this.path = path;
    this.fd = fd;
    this.header = header;
    this.pageCount = pageCount;
    this.fileBytes = fileBytes;
    this.wal = { walPath: `${path}-wal`, framesInFile: 0, headerValid: false, committedFrames: 0, committedPages: 0, pendingFrames: 0, pendingPages: 0, mainFileIsCurrent: true };
    const lockPage = Math.floor(SQLITE_LOCK_BYTE_OFFSET / header.pageBytes) + 1;
    this.lockBytePage = lockPage <= pageCount ? lockPage : 0;
  }

  /** Opens `path` read-only and checks its header and side files. @throws SqliteFormatError */
  static open(path: string, opts: SqliteOpenOptions = {}): SqliteFile {
    if (typeof path !== 'string' || path.length === 0) throw new SqliteFormatError(String(path), null, 'a database path is required');
    const { fd, bytes: fileBytes, stats } = openRegularFile(path, path, 'the database');
    try {
      // SQLite: a 0-byte file is an empty database; a -journal or -wal beside it is a leftover.
      if (fileBytes === 0) return new SqliteFile(path, fd, emptySqliteHeader(), 0, 0);
      const head = Buffer.alloc(SQLITE_HEADER_BYTES);
      const got = fileBytes >= SQLITE_HEADER_BYTES ? readSync(fd, head, 0, SQLITE_HEADER_BYTES, 0) : 0;
      const header = parseSqliteHeader(path, head.subarray(0, got));
      const filePages = Math.ceil(fileBytes / header.pageBytes);
      let pageCount = filePages;
      if (header.headerPageCountValid) {
        if (header.headerPageCount > filePages) {
          const partial = fileBytes % header.pageBytes !== 0 ? ', the last one partial' : '';
          throw new SqliteFormatError(
            path,
            filePages + 1,
            `truncated: the header says ${header.headerPageCount} pages of ${header.pageBytes} bytes but the file holds ${filePages} pages (${fileBytes} bytes${partial})`,
          );
        }
        pageCount = header.headerPageCount;
      }
      if (pageCount > SQLITE_MAX_PAGE_NUMBER) {
        throw new SqliteFormatError(path, null, `${pageCount} pages of ${header.pageBytes} bytes (${fileBytes} bytes): more than the ${SQLITE_MAX_PAGE_NUMBER} pages SQLite can address`);
      }
      // SQLite's readers get SQLITE_BUSY while a writer holds PENDING or EXCLUSIVE: the main file is being written.
      const locks = sqliteLockState(stats);
      if (locks.exclusive) {
        throw new SqliteFormatError(path, null, 'another process holds the PENDING or EXCLUSIVE lock (a writer is writing the main file, SQLite readers get SQLITE_BUSY): try again when it has committed');
      }
      const sideBase = sqliteSideFileBase(path);
      const journal = sqliteJournalStatus(path, fileBytes, locks.reserved, sideBase);
      if (journal.hot) {
        throw new SqliteFormatError(
          path,
          null,
          `${journal.journalPath} is a hot rollback journal (${journal.reason}): a writer was killed mid-transaction (or is still in one), so the main file holds changes that never committed and SQLite rolls them back before reading. ` +
            `The reader never writes: let SQLite roll it back (open the database once read-write, e.g. sqlite3 "${path}" "PRAGMA schema_version;"), then read again`,
        );
      }
      const file = new SqliteFile(path, fd, header, pageCount, fileBytes);
      const wal = readWalStatus(path, header.pageBytes, file, sideBase);
      file.pagesRead = 0;
      (file as { wal: SqliteWalStatus }).wal = wal;
      if (!wal.mainFileIsCurrent && (opts.pendingWal ?? 'refuse') === 'refuse') {
        throw new SqliteFormatError(
          path,
          null,
          `${wal.walPath} holds ${wal.pendingFrames} frame(s) not yet checkpointed (${wal.pendingPages} page(s) differ from the main file; committed transactions up to frame ${wal.committedFrames}, database size ${wal.committedPages} pages vs ${pageCount} in the main file), so the main file is not the current database; ` +
            `run "PRAGMA wal_checkpoint(TRUNCATE)" (or close all connections) first, or pass pendingWal: 'ignore' to read the last checkpoint`,
        );
      }
      return file;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** Throws unless `page` is a page number of this file. `from` names the page that referred to it. */
  checkPageNumber(page: number, from: number | null, what: string): void {
    if (!Number.isInteger(page) || page < 1 || page > this.pageCount) {
      throw new SqliteFormatError(this.path, from, `${what} points to page ${page}, outside 1..${this.pageCount}`);
    }
    if (page === this.lockBytePage) {
      throw new SqliteFormatError(this.path, from, `${what} points to page ${page}, the lock-byte page, which SQLite never uses`);
    }
  }

  /** Reads page `page` (1-based) into `buf` (at least pageBytes long). */
  readPage(page: number, buf: Uint8Array): void {
    if (this.fd < 0) throw new SqliteFormatError(this.path, page, 'the file was already closed');
    const size = this.header.pageBytes;
    let done = 0;
    const pos = (page - 1) * size;
    while (done < size) {
      let n: number;
      try {
        n = readSync(this.fd, buf, done, size - done, pos + done);
      } catch (e) {
        throw new SqliteFormatError(this.path, page, `read error: ${(e as Error).message}`);
      }
      if (n === 0) {
        // The partial last page of the file as opened: the rest reads as zeros, as in SQLite.
        if (pos + done >= this.fileBytes) {
          buf.fill(0, done, size);
          break;
        }
        throw new SqliteFormatError(this.path, page, `truncated: the file ends inside page ${page} (it shrank while open)`);
      }
      done += n;
    }
    this.pagesRead++;
  }

  /** A buffer the size of one page. */
  pageBuffer(): Buffer {
    return Buffer.allocUnsafe(this.header.pageBytes);
  }

  close(): void {
    if (this.fd >= 0) {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}

/**
 * WAL status of the database at `dbPath` (see sqlite-wal.ts for SQLite's rules): whether its
 * `-wal` holds committed frames that the main file lacks. `_pageBytes` is accepted for
 * compatibility and not used: the page size is the database header's.
 * @throws SqliteFormatError when the database cannot be opened (a hot journal, not a regular file, ...)
 */
export function sqliteWalStatus(dbPath: string, _pageBytes?: number): SqliteWalStatus {
  const file = SqliteFile.open(dbPath, { pendingWal: 'ignore' });
  try {
    return file.wal;
  } finally {
    file.close();
  }
}
