/**
 * SQLite's own view of a b-tree's pages, from its `dbstat` virtual table
 * (https://www.sqlite.org/dbstat.html), queried through the `sqlite3` command-line shell
 * (Debian package sqlite3, built with SQLITE_ENABLE_DBSTAT_VTAB). Used to validate the reader.
 *
 * dbstat's `path` names a page by the child indexes from the root: '/' the root, '/000/' its
 * first child, '/000/01a/' ..., formatted with printf("%.3x"), i.e. at least three lowercase
 * hex digits. Sorting leaves by path gives key order; this sorts by the components' numeric
 * values, which equals the plain string sort while every index is below 0x1000 and stays
 * right for interior pages with 4096 or more children (possible with 64 KiB pages).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Sqlite3ShellError } from './sqlite3-shell-error.js';
import { assertRegularFiles } from './sqlite-regular-file.js';

/** Default location of Debian's sqlite3 shell; `SQLITE3_SHELL` overrides it. */
export const SQLITE3_SHELL_DEFAULT = '/usr/bin/sqlite3';

/** Path of the sqlite3 shell. @throws Error telling to run `make setup` when it is missing. */
export function sqlite3ShellPath(): string {
  const p = process.env.SQLITE3_SHELL || SQLITE3_SHELL_DEFAULT;
  if (!existsSync(p)) {
    throw new Error(`the sqlite3 command-line shell was not found at ${p}: run \`make setup\` (it installs the Debian package sqlite3), or set SQLITE3_SHELL`);
  }
  return p;
}

/** True when the sqlite3 shell is installed. */
export function hasSqlite3Shell(): boolean {
  return existsSync(process.env.SQLITE3_SHELL || SQLITE3_SHELL_DEFAULT);
}

/** Default limit on one shell run; a run that takes longer is killed and reported. */
export const SQLITE3_SHELL_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Runs SQL with the sqlite3 shell on `dbPath` (read-only unless `write`) and returns its stdout
 * lines. `-bail` stops at the first error, so any error makes the run fail. The database and
 * its side files must be regular files (the shell would block on a FIFO), and a run longer
 * than `timeoutMs` is killed.
 * @throws Sqlite3ShellError naming the database, the command and the shell's message
 * @throws SqliteFormatError when the database or a side file is not a regular file
 */
export function runSqlite3(dbPath: string, sql: string, opts: { write?: boolean; timeoutMs?: number } = {}): string[] {
  const shell = sqlite3ShellPath();
  assertRegularFiles(dbPath);
  const args = [...(opts.write ? [] : ['-readonly']), '-bail', '-batch', '-noheader', '-list', '-separator', '|', dbPath];
  const r = spawnSync(shell, args, { input: sql, encoding: 'utf8', maxBuffer: 1 << 30, timeout: opts.timeoutMs ?? SQLITE3_SHELL_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const stderr = (r.stderr ?? '').trim();
  if (r.error || r.status !== 0) {
    const why = r.error
      ? (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
        ? `no answer within ${opts.timeoutMs ?? SQLITE3_SHELL_TIMEOUT_MS} ms, killed`
        : r.error.message
      : r.signal
        ? `killed by ${r.signal}`
        : `exit status ${r.status}`;
    throw new Sqlite3ShellError(dbPath, [shell, ...args], sql, r.status, stderr, why);
  }
  return r.stdout.split('\n').filter((l) => l.length > 0);
}

/**
 * dbstat path → a key-order sort key. A page's path is its child indexes ('/000/01a/'); an
 * overflow page's is the owning page's path, the cell index, '+' and the page's index in the
 * chain ('/000+000002'). In key order an interior cell i of an index b-tree comes after child
 * i's subtree and before child i+1's, so child i maps to 2i and cell i's chain to 2i+1, then
 * the position in the chain.
 */
export function dbstatPathKey(path: string): number[] {
  const key: number[] = [];
  for (const s of path.split('/')) {
    if (s.length === 0) continue;
    const plus = s.indexOf('+');
    if (plus < 0) key.push(2 * parseInt(s, 16));
    else key.push(2 * parseInt(s.slice(0, plus), 16) + 1, parseInt(s.slice(plus + 1), 16));
  }
  return key;
}

/** Compares two dbstat paths (pages or overflow pages) in key order. */
export function compareDbstatKeys(a: string, b: string): number {
  const x = dbstatPathKey(a);
  const y = dbstatPathKey(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** dbstat path → its numeric child indexes ('/000/01a/' → [0, 26]). */
export function dbstatPathIndexes(path: string): number[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => parseInt(s, 16));
}

/** Compares two dbstat paths in key order (numeric component by component). */
export function compareDbstatPaths(a: string, b: string): number {
  const x = dbstatPathIndexes(a);
  const y = dbstatPathIndexes(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export interface SqliteDbstatPages {
  /** Leaf pages in key order (sorted by path). */
  leafPages: Uint32Array;
  /** Interior pages (any order). */
  interiorPages: Uint32Array;
  /** Overflow pages in key order of their cells, each chain in order (sorted by path, see dbstatPathKey). */
  overflowPages: Uint32Array;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * dbstat's pages of table or index `name`, leaves in key order. dbstat compares names exactly,
 * SQL resolves them ASCII-case-insensitively: the name is first resolved as SQL would (the
 * NOCASE collation folds ASCII letters only), so 'TP' finds table tp, and 'tÄ' never finds 'tä'.
 */
export function dbstatPages(dbPath: string, name: string): SqliteDbstatPages {
  const stored = `coalesce((SELECT name FROM sqlite_schema WHERE name=${quote(name)} COLLATE NOCASE AND type IN ('table', 'index') ORDER BY name=${quote(name)} DESC LIMIT 1), ${quote(name)})`;
  const rows = runSqlite3(dbPath, `SELECT pageno, path, pagetype FROM dbstat WHERE name=${stored};\n`);
  const leaves: Array<{ page: number; path: string }> = [];
  const interior: number[] = [];
  const overflow: Array<{ page: number; path: string }> = [];
  for (const r of rows) {
    const [page, path, type] = r.split('|');
    const n = Number(page);
    if (type === 'leaf') leaves.push({ page: n, path });
    else if (type === 'internal') interior.push(n);
    else if (type === 'overflow') overflow.push({ page: n, path });
  }
  leaves.sort((a, b) => compareDbstatPaths(a.path, b.path));
  overflow.sort((a, b) => compareDbstatKeys(a.path, b.path));
  return {
    leafPages: Uint32Array.from(leaves.map((l) => l.page)),
    interiorPages: Uint32Array.from(interior),
    overflowPages: Uint32Array.from(overflow.map((o) => o.page)),
  };
}
