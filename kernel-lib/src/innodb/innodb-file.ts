/**
 * Opens a tablespace file for reading without ever blocking or writing: O_RDONLY | O_NONBLOCK
 * (a FIFO opens at once instead of waiting for a writer), then fstat must show a regular file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { InnodbFormatError } from './innodb-format-error.js';

export interface OpenedFile {
  fd: number;
  bytes: number;
}

export function openRegularFileReadOnly(path: string): OpenedFile {
  if (typeof path !== 'string' || path.length === 0) throw new InnodbFormatError(String(path), null, 'not-a-file', 'the path must be a non-empty string');
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InnodbFormatError(path, null, 'io', `cannot open for reading: ${(e as Error).message}`);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'not a regular file';
    throw new InnodbFormatError(path, null, 'not-a-file', `is ${kind}, not a tablespace file`);
  }
  return { fd, bytes: st.size };
}

/** Reads exactly `length` bytes at `position` into `buf` (short only at end of file); returns the count. */
export function readFully(path: string, fd: number, buf: Uint8Array, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    let n: number;
    try {
      n = readSync(fd, buf, done, length - done, position + done);
    } catch (e) {
      throw new InnodbFormatError(path, null, 'io', `read failed at byte ${position + done}: ${(e as Error).message}`);
    }
    if (n === 0) break;
    done += n;
  }
  return done;
}
