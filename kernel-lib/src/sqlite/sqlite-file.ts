/**
 * An SQLite database file opened read-only, read one page at a time with positioned reads
 * (`fs.readSync` at an offset): the file is never copied into memory and never written.
 *
 * Page numbers are 1-based (fileformat2 §1.1). The page count is the in-header database size
 * when it is valid (fileformat2 §1.3.7), otherwise the file size divided by the page size;
 * an in-header size larger than the file means the file was truncated.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SqliteFormatError } from './sqlite-format-error.js';
import { parseSqliteHeader, SQLITE_HEADER_BYTES, type SqliteHeader } from './sqlite-header.js';
import { sqliteWalStatus, type SqliteWalStatus } from './sqlite-wal.js';

/** The lock-byte page sits at byte offset 2^30 and is never used by SQLite (fileformat2 §1.4). */
export const SQLITE_LOCK_BYTE_OFFSET = 1073741824;

export interface SqliteOpenOptions {
  /**
   * What to do when a `-wal` file holds frames not yet checkpointed into the main file:
   * `'refuse'` (default) throws SqliteFormatError; `'ignore'` reads the main file as of its last
   * checkpoint (its `wal` field still reports the pending frames).
   */
  pendingWal?: 'refuse' | 'ignore';
}

export class SqliteFile {
  readonly path: string;
  readonly header: SqliteHeader;
  /** Pages in the database (1..pageCount are valid page numbers). */
  readonly pageCount: number;
  readonly fileBytes: number;
  /** WAL status at open time. */
  readonly wal: SqliteWalStatus;
  /** Page number of the lock-byte page (never a b-tree page), or 0 when the file is smaller than 1 GiB. */
  readonly lockBytePage: number;
  /** Pages read so far (for benchmarks). */
  pagesRead = 0;
  private fd: number;

  private constructor(path: string, fd: number, header: SqliteHeader, pageCount: number, fileBytes: number, wal: SqliteWalStatus) {
    this.path = path;
    this.fd = fd;
    this.header = header;
    this.pageCount = pageCount;
    this.fileBytes = fileBytes;
    this.wal = wal;
    const lockPage = Math.floor(SQLITE_LOCK_BYTE_OFFSET / header.pageBytes) + 1;
    this.lockBytePage = lockPage <= pageCount ? lockPage : 0;
  }

  /** Opens `path` read-only and checks its header. @throws SqliteFormatError */
  static open(path: string, opts: SqliteOpenOptions = {}): SqliteFile {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      throw new SqliteFormatError(path, null, `cannot open for reading: ${(e as Error).message}`);
    }
    try {
      const fileBytes = fstatSync(fd).size;
      const head = Buffer.alloc(SQLITE_HEADER_BYTES);
      const got = fileBytes >= SQLITE_HEADER_BYTES ? readSync(fd, head, 0, SQLITE_HEADER_BYTES, 0) : 0;
      const header = parseSqliteHeader(path, head.subarray(0, got));
      const filePages = Math.floor(fileBytes / header.pageBytes);
      let pageCount = filePages;
      if (header.headerPageCountValid) {
        if (header.headerPageCount > filePages) {
          throw new SqliteFormatError(
            path,
            filePages + 1,
            `truncated: the header says ${header.headerPageCount} pages of ${header.pageBytes} bytes but the file holds ${filePages} whole pages (${fileBytes} bytes)`,
          );
        }
        pageCount = header.headerPageCount;
      }
      if (pageCount < 1) throw new SqliteFormatError(path, 1, `truncated: the file (${fileBytes} bytes) is shorter than one ${header.pageBytes}-byte page`);
      const wal = sqliteWalStatus(path, header.pageBytes);
      if (wal.pendingFrames > 0 && (opts.pendingWal ?? 'refuse') === 'refuse') {
        throw new SqliteFormatError(
          path,
          null,
          `${wal.walPath} holds ${wal.pendingFrames} frame(s) not yet checkpointed, so the main file is not the current database; ` +
            `run "PRAGMA wal_checkpoint(TRUNCATE)" (or close all connections) first, or pass pendingWal: 'ignore' to read the last checkpoint`,
        );
      }
      return new SqliteFile(path, fd, header, pageCount, fileBytes, wal);
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
      const n = readSync(this.fd, buf, done, size - done, pos + done);
      if (n === 0) throw new SqliteFormatError(this.path, page, `truncated: the file ends inside page ${page}`);
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
