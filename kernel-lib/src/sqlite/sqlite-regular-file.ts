/**
 * Opening the database and its side files (`-wal`, `-shm`, `-journal`) read-only without ever
 * blocking: only a regular file is read. A FIFO opened with a plain `open(O_RDONLY)` blocks
 * until a writer appears, a directory fails on the first read with a bare EISDIR, a device can
 * return endless bytes. So the file is opened with O_NONBLOCK (which makes `open` of a FIFO
 * return at once and has no effect on a regular file, POSIX open(2)) and checked with `fstat`
 * on the descriptor itself, so a file swapped between a check and the open cannot slip through.
 * Anything but a regular file is refused with a SqliteFormatError naming the database and the
 * side file.
 */
import { closeSync, constants, fstatSync, openSync, realpathSync, statSync, type Stats } from 'node:fs';
import { SqliteFormatError } from './sqlite-format-error.js';

/** What a non-regular file is, for the error message. */
export function fileKind(st: Stats): string {
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

export interface RegularFile {
  fd: number;
  bytes: number;
  /** fstat of the open file. */
  stats: Stats;
  /** Modification time in ms (for tests that check the reader never writes). */
  mtimeMs: number;
}

/**
 * Opens `path` read-only if it is a regular file. `dbPath` is the database the file belongs to
 * (the error's file); `role` says which file it is ('the database', 'the -wal file', ...).
 * @throws SqliteFormatError when it cannot be opened or is not a regular file
 */
export function openRegularFile(dbPath: string, path: string, role: string): RegularFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const where = path === dbPath ? '' : ` ${role} ${path}`;
    throw new SqliteFormatError(dbPath, null, `cannot open${where} for reading: ${(e as Error).message}`);
  }
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw new SqliteFormatError(dbPath, null, `cannot stat ${role} ${path}: ${(e as Error).message}`);
  }
  if (!st.isFile()) {
    closeSync(fd);
    throw new SqliteFormatError(dbPath, null, `${role} ${path} is ${fileKind(st)}, not a regular file: the reader only reads regular files`);
  }
  return { fd, bytes: st.size, mtimeMs: st.mtimeMs, stats: st };
}

/**
 * Opens a side file if it exists (null if there is no entry of that name). An entry that
 * exists but is not a regular file (a FIFO, a directory, a device) is refused: SQLite would
 * fail to open it too, and the reader cannot tell what the database holds. Existence follows
 * symlinks, as SQLite's access(F_OK) does: a dangling symlink is no side file.
 */
export function openSideFile(dbPath: string, path: string, role: string): RegularFile | null {
  let st: Stats | undefined;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    throw new SqliteFormatError(dbPath, null, `cannot stat ${role} ${path}: ${(e as Error).message}`);
  }
  if (!st) return null;
  return openRegularFile(dbPath, path, role);
}

/**
 * Where SQLite looks for a database's side files: beside the file itself, after resolving
 * symbolic links (os_unix.c unixFullPathname follows them), so `link.db` → `b/real.db` has its
 * journal at `b/real.db-journal`. A path that cannot be resolved is kept as given.
 */
export function sqliteSideFileBase(dbPath: string): string {
  try {
    return realpathSync.native(dbPath);
  } catch {
    return dbPath;
  }
}

/**
 * Checks that the database and any side files beside it are regular files, without reading
 * them: for callers that hand the path to another program (the sqlite3 shell blocks forever
 * opening a FIFO as the database or its -journal). A missing database is allowed (the shell
 * creates it when writing).
 * @throws SqliteFormatError naming the file that is not a regular file
 */
export function assertRegularFiles(dbPath: string): void {
  const base = sqliteSideFileBase(dbPath);
  for (const [suffix, role] of [['', 'the database'], ['-journal', 'the -journal file'], ['-wal', 'the -wal file'], ['-shm', 'the -shm file']] as const) {
    const f = openSideFile(dbPath, suffix === '' ? dbPath : `${base}${suffix}`, role);
    if (f) closeSync(f.fd);
  }
}
