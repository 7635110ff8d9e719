/**
 * Runs the reader on hostile files in a child process, so that a reader that blocks (a FIFO
 * opened without O_NONBLOCK blocks in open(2), where no JavaScript timer can fire) fails the
 * test by its timeout instead of hanging it. Reads a JSON array of cases on stdin and prints a
 * JSON array of outcomes. Used through `readInChild` (sqlite-hostile-helpers.ts).
 */
import { readSqliteLeafLayout, listSqliteBtrees } from '../../src/sqlite/sqlite-layout.js';
import { SqliteFormatError } from '../../src/sqlite/sqlite-format-error.js';
import { readFileSync } from 'node:fs';

interface Case {
  path: string;
  /** Table or index to read; null lists the b-trees instead. */
  name: string | null;
  pendingWal?: 'refuse' | 'ignore';
}

const cases = JSON.parse(readFileSync(0, 'utf8')) as Case[];
const out = cases.map((c) => {
  try {
    if (c.name === null) {
      const list = listSqliteBtrees(c.path, { pendingWal: c.pendingWal });
      return { ok: true as const, names: list.map((e) => e.name) };
    }
    const lay = readSqliteLeafLayout(c.path, c.name, { pendingWal: c.pendingWal, overflow: true });
    return { ok: true as const, name: lay.name, leafPages: Array.from(lay.leafPages), rows: lay.leafCellCounts.reduce((a, b) => a + b, 0), pageCount: lay.pageCount };
  } catch (e) {
    if (e instanceof SqliteFormatError) return { ok: false as const, error: 'SqliteFormatError', message: e.message, file: e.file, page: e.page };
    return { ok: false as const, error: (e as Error).name ?? 'Error', message: String((e as Error).stack ?? e) };
  }
});
process.stdout.write(JSON.stringify(out));
