/**
 * The one place that knows where the project's `data/` folder is: `<repo>/data`, found from
 * this file's location (kernel-lib/src/core or kernel-lib/dist/core). `KERNEL_LIB_DATA_DIR`
 * overrides it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function dataDir(): string {
  if (process.env.KERNEL_LIB_DATA_DIR) return resolve(process.env.KERNEL_LIB_DATA_DIR);
  return resolve(__dirname, '..', '..', '..', 'data');
}

/** Absolute path of a file under data/. */
export function dataPath(...parts: string[]): string {
  return join(dataDir(), ...parts);
}

/** Reads and parses a JSON file under data/, with a clear error if missing. */
export function loadJson<T>(...parts: string[]): T {
  const p = dataPath(...parts);
  if (!existsSync(p)) throw new Error(`data file not found: ${p} (looked in ${dataDir()}; set KERNEL_LIB_DATA_DIR to override)`);
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}
