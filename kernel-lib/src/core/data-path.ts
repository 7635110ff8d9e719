/**
 * The one place that knows where the project's `data/` folder is: `<repo>/data`, found from
 * this file's location (kernel-lib/src/core or kernel-lib/dist/core). `KERNEL_LIB_DATA_DIR`
 * overrides it.
 *
 * With `KERNEL_LIB_DATA_READS_FILE` set, every path handed out is appended to that file (one
 * absolute path a line; `dataDir()` itself records the whole folder): the headless runner keys
 * its cache on the contents of exactly the data files a notebook asked for.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function root(): string {
  if (process.env.KERNEL_LIB_DATA_DIR) return resolve(process.env.KERNEL_LIB_DATA_DIR);
  return resolve(__dirname, '..', '..', '..', 'data');
}

function recordRead(path: string): string {
  const file = process.env.KERNEL_LIB_DATA_READS_FILE;
  if (file) appendFileSync(file, path + '\n');
  return path;
}

/** The data folder (a caller that lists or reads it as a whole depends on all of it). */
export function dataDir(): string {
  return recordRead(root());
}

/** Absolute path of a file under data/. */
export function dataPath(...parts: string[]): string {
  return recordRead(join(root(), ...parts));
}

/** Reads and parses a JSON file under data/, with a clear error if missing. */
export function loadJson<T>(...parts: string[]): T {
  const p = dataPath(...parts);
  if (!existsSync(p)) throw new Error(`data file not found: ${p} (looked in ${root()}; set KERNEL_LIB_DATA_DIR to override)`);
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}
