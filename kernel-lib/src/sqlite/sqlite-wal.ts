/**
 * Is there a write-ahead log beside the database whose frames are not yet in the main file?
 * (fileformat2 §4 "The Write-Ahead Log": a `<db>-wal` file = 32-byte header + frames of
 * 24 + pageBytes bytes; the wal-index `<db>-shm` records `mxFrame`, the last valid frame, and
 * `nBackfill`, the frames already copied into the database by a checkpoint.)
 *
 * The layout reader reads the main file only, so it sees the database as of the last
 * checkpoint. This check tells a caller when that differs from what SQLite would show.
 * Simpler than SQLite: frames are not checksum-verified. Without a `-shm` every frame in the
 * `-wal` is counted as pending (a conservative answer: a hot WAL is replayed on the next open);
 * with a `-shm`, pending = mxFrame − nBackfill from its first header copy (native byte order of
 * the machine that wrote it; little-endian here).
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes of the WAL header and of a frame header (fileformat2 §4.1). */
export const WAL_HEADER_BYTES = 32;
export const WAL_FRAME_HEADER_BYTES = 24;

export interface SqliteWalStatus {
  /** Path of the -wal file, whether or not it exists. */
  walPath: string;
  /** Frames in the -wal file (whole frames by size). */
  framesInFile: number;
  /** Frames not yet checkpointed into the main file (see the module note for how). */
  pendingFrames: number;
}

/** Reads a few bytes of a side file read-only; null if absent or unreadable. */
function readHead(path: string, bytes: number): { head: Buffer; size: number } | null {
  if (!existsSync(path)) return null;
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, head, 0, head.length, 0);
    return { head, size };
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** WAL status of `dbPath` given its page size. */
export function sqliteWalStatus(dbPath: string, pageBytes: number): SqliteWalStatus {
  const walPath = `${dbPath}-wal`;
  const wal = readHead(walPath, WAL_HEADER_BYTES);
  if (!wal || wal.size < WAL_HEADER_BYTES) return { walPath, framesInFile: 0, pendingFrames: 0 };
  const framesInFile = Math.floor((wal.size - WAL_HEADER_BYTES) / (WAL_FRAME_HEADER_BYTES + pageBytes));
  if (framesInFile === 0) return { walPath, framesInFile, pendingFrames: 0 };
  // wal-index header (WalIndexHdr, 48 bytes, two copies) then WalCkptInfo.nBackfill at byte 96.
  const shm = readHead(`${dbPath}-shm`, 100);
  if (!shm || shm.head.length < 100) return { walPath, framesInFile, pendingFrames: framesInFile };
  const mxFrame = shm.head.readUInt32LE(16);
  const nBackfill = shm.head.readUInt32LE(96);
  return { walPath, framesInFile, pendingFrames: Math.max(0, mxFrame - nBackfill) };
}
