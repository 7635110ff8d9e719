/**
 * Does a write-ahead log beside the database hold committed changes the main file lacks?
 * The layout reader reads the main file only; this tells a caller when SQLite would show
 * something else. The rules are SQLite's own (fileformat2 §4 "The Write-Ahead Log"; wal.c
 * walIndexRecover and walDecodeFrame), applied to the `-wal` file alone:
 *
 * - WAL header (32 bytes, big-endian): magic 0x377f0682 or 0x377f0683 (the low bit says the
 *   checksums use big-endian words), format version 3007000, page size (a power of two,
 *   512–65536), checkpoint sequence, salt-1, salt-2, checksum-1, checksum-2 over bytes 0–23.
 *   A wrong magic, page size or checksum makes SQLite ignore the whole file (a `-wal` of random
 *   bytes holds nothing); a valid header with another version makes SQLite refuse to open the
 *   database (SQLITE_CANTOPEN), and so does the reader.
 * - Frames (24-byte header + one page): page number, database size after commit (non-zero only
 *   on a commit frame), the two salts, which must equal the header's, and a cumulative checksum
 *   over the header's checksum, the frame header's first 8 bytes and the page. Frames are valid
 *   up to the first invalid one (page number 0, salt mismatch, checksum mismatch, a short
 *   frame); the live frames are those up to the last valid commit frame (mxFrame). Frames after
 *   it belong to a transaction that never committed.
 *
 * The `-shm` wal-index is not trusted: the first connection to open a database rebuilds it from
 * the `-wal` (walIndexRecover), and a rebuilt index says nothing about what a checkpoint already
 * copied (nBackfill = 0). Instead the live frames are compared with the main file: the main
 * file is current when, for every page, the newest live frame equals the page in the main file
 * and the database size after the last commit equals the main file's page count. That is
 * exactly "a checkpoint has copied every live frame", whatever the `-shm` says.
 */
import { closeSync, readSync } from 'node:fs';
import { SqliteFormatError } from './sqlite-format-error.js';
import { openSideFile } from './sqlite-regular-file.js';
import { TypedList } from '../core/typed-list.js';

/** Bytes of the WAL header and of a frame header (fileformat2 §4.1). */
export const WAL_HEADER_BYTES = 32;
export const WAL_FRAME_HEADER_BYTES = 24;
/** WAL header magic without its byte-order bit, and the only WAL format version (wal.c). */
export const WAL_MAGIC = 0x377f0682;
export const WAL_FORMAT_VERSION = 3007000;

export interface SqliteWalStatus {
  /** Path of the -wal file, whether or not it exists. */
  walPath: string;
  /** Whole frames in the -wal file by its size (0 without a valid header). */
  framesInFile: number;
  /** True when the WAL header passes SQLite's checks (magic, page size, checksum); false means SQLite ignores the file. */
  headerValid: boolean;
  /** mxFrame: the last valid commit frame, 0 if none (frames after it never committed). */
  committedFrames: number;
  /** Database size in pages after the last live commit (0 without one). */
  committedPages: number;
  /** Live frames of the pages whose newest live image differs from the main file: what a checkpoint has not yet copied. */
  pendingFrames: number;
  /** Pages whose newest live image differs from the main file (or that it lacks). */
  pendingPages: number;
  /** True when SQLite would show exactly the main file (no live frame differs, same size). */
  mainFileIsCurrent: boolean;
}

/** The main file, page by page, as SqliteFile gives it. */
export interface WalMainFile {
  readonly pageCount: number;
  readPage(page: number, buf: Uint8Array): void;
}

/** SQLite's WAL checksum (wal.c walChecksumBytes) over `len` bytes (a multiple of 8), updating `s`. */
export function walChecksum(bigEndianWords: boolean, data: Uint8Array, off: number, len: number, s: Uint32Array): void {
  const dv = new DataView(data.buffer, data.byteOffset + off, len);
  const le = !bigEndianWords;
  let s1 = s[0];
  let s2 = s[1];
  for (let i = 0; i < len; i += 8) {
    s1 = (s1 + dv.getUint32(i, le) + s2) >>> 0;
    s2 = (s2 + dv.getUint32(i + 4, le) + s1) >>> 0;
  }
  s[0] = s1;
  s[1] = s2;
}

const noWal = (walPath: string): SqliteWalStatus => ({
  walPath,
  framesInFile: 0,
  headerValid: false,
  committedFrames: 0,
  committedPages: 0,
  pendingFrames: 0,
  pendingPages: 0,
  mainFileIsCurrent: true,
});

function readFully(fd: number, buf: Uint8Array, len: number, pos: number): number {
  let done = 0;
  while (done < len) {
    const n = readSync(fd, buf, done, len - done, pos + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * WAL status of `dbPath`, whose main file has pages of `pageBytes` and is read through `main`;
 * the side files are `${sideBase}-wal` and `-shm` (sideBase: the path with symlinks resolved).
 * @throws SqliteFormatError when the -wal (or -shm) is not a regular file, or has a valid header of an unknown version
 */
export function readWalStatus(dbPath: string, pageBytes: number, main: WalMainFile, sideBase = dbPath): SqliteWalStatus {
  const walPath = `${sideBase}-wal`;
  const wal = openSideFile(dbPath, walPath, 'the -wal file');
  if (!wal) return noWal(walPath);
  try {
    // SQLite opens the wal-index beside any WAL; a -shm that is not a regular file fails there.
    const shm = openSideFile(dbPath, `${sideBase}-shm`, 'the -shm file');
    if (shm) closeSync(shm.fd);
    if (wal.bytes < WAL_HEADER_BYTES) return noWal(walPath);
    const head = new Uint8Array(WAL_HEADER_BYTES);
    if (readFully(wal.fd, head, WAL_HEADER_BYTES, 0) < WAL_HEADER_BYTES) return noWal(walPath);
    const hv = new DataView(head.buffer);
    const magic = hv.getUint32(0);
    const szPage = hv.getUint32(8);
    if ((magic & 0xfffffffe) !== WAL_MAGIC || (szPage & (szPage - 1)) !== 0 || szPage > 65536 || szPage < 512) return noWal(walPath);
    const bigEndian = (magic & 1) === 1;
    const ck = new Uint32Array(2);
    walChecksum(bigEndian, head, 0, 24, ck);
    if (ck[0] !== hv.getUint32(24) || ck[1] !== hv.getUint32(28)) return noWal(walPath);
    const version = hv.getUint32(4);
    if (version !== WAL_FORMAT_VERSION) {
      throw new SqliteFormatError(dbPath, null, `${walPath} has a valid WAL header of format version ${version}; SQLite knows only ${WAL_FORMAT_VERSION} and refuses to open the database`);
    }
    const salt1 = hv.getUint32(16);
    const salt2 = hv.getUint32(20);
    const frameBytes = WAL_FRAME_HEADER_BYTES + szPage;
    const framesInFile = Math.floor((wal.bytes - WAL_HEADER_BYTES) / frameBytes);
    // Walk the valid frames; remember, per page, the newest frame up to the last commit.
    const frame = new Uint8Array(frameBytes);
    const fv = new DataView(frame.buffer);
    // Page number of each valid frame, grown as frames validate (not sized by the file: a sparse
    // -wal of terabytes with a valid header must not allocate per frame it claims).
    const framePages = new TypedList(Uint32Array);
    let committedFrames = 0;
    let committedPages = 0;
    for (let i = 1; i <= framesInFile; i++) {
      if (readFully(wal.fd, frame, frameBytes, WAL_HEADER_BYTES + (i - 1) * frameBytes) < frameBytes) break;
      const pgno = fv.getUint32(0);
      if (pgno === 0 || fv.getUint32(8) !== salt1 || fv.getUint32(12) !== salt2) break;
      walChecksum(bigEndian, frame, 0, 8, ck);
      walChecksum(bigEndian, frame, WAL_FRAME_HEADER_BYTES, szPage, ck);
      if (ck[0] !== fv.getUint32(16) || ck[1] !== fv.getUint32(20)) break;
      framePages.push(pgno);
      const nTruncate = fv.getUint32(4);
      if (nTruncate !== 0) {
        committedFrames = i;
        committedPages = nTruncate;
      }
    }
    const status: SqliteWalStatus = { walPath, framesInFile, headerValid: true, committedFrames, committedPages, pendingFrames: 0, pendingPages: 0, mainFileIsCurrent: true };
    if (committedFrames === 0) return status;
    // Compare the newest live image of each page with the main file.
    const committed = new Map<number, number>(); // page -> its newest live frame
    const framesOfPage = new Map<number, number>(); // page -> live frames holding it
    const pagesOf = framePages.toArray();
    for (let i = 1; i <= committedFrames; i++) {
      committed.set(pagesOf[i - 1], i);
      framesOfPage.set(pagesOf[i - 1], (framesOfPage.get(pagesOf[i - 1]) ?? 0) + 1);
    }
    const mainBuf = new Uint8Array(pageBytes);
    let pending = 0;
    let pendingFrames = 0;
    for (const [pgno, idx] of committed) {
      if (pgno > committedPages) continue; // truncated away by the last commit
      let same = szPage === pageBytes && pgno <= main.pageCount;
      if (same) {
        readFully(wal.fd, frame, frameBytes, WAL_HEADER_BYTES + (idx - 1) * frameBytes);
        main.readPage(pgno, mainBuf);
        for (let b = 0; b < szPage; b++) {
          if (frame[WAL_FRAME_HEADER_BYTES + b] !== mainBuf[b]) {
            same = false;
            break;
          }
        }
      }
      if (!same) {
        pending++;
        pendingFrames += framesOfPage.get(pgno) ?? 0;
      }
    }
    status.pendingPages = pending;
    status.pendingFrames = pendingFrames;
    status.mainFileIsCurrent = pending === 0 && committedPages === main.pageCount && szPage === pageBytes;
    return status;
  } finally {
    closeSync(wal.fd);
  }
}
