/**
 * The engine's own view of a table's clustered index, from a running private MariaDB, and the
 * reader's view of the same table's .ibd, taken at one consistent moment:
 *  1. wait until purge has removed every delete-marked record (waitForPurge; SET GLOBAL
 *     innodb_max_purge_lag_wait=0 returns when the history list is empty, MariaDB 10.5.7+);
 *  2. `FLUSH TABLES t FOR EXPORT` writes every dirty page of t and blocks writers; the .ibd is
 *     read while the lock is held, then `UNLOCK TABLES`;
 *  3. the engine's view: information_schema.INNODB_BUFFER_PAGE rows of index PRIMARY (page
 *     number, NUMBER_RECORDS; valid when the buffer pool holds the whole table, which the caller
 *     makes sure of by a pool larger than the file and a full read first) and
 *     mysql.innodb_index_stats n_leaf_pages after ANALYZE TABLE (MariaDB KB, "InnoDB Persistent
 *     Statistics": n_leaf_pages is counted, not sampled).
 */
import { sqlIdentifier as ident, type MariaDb } from '../engines/mariadb.js';
import type { InnodbIndexPage } from './innodb-clustered-index.js';

/**
 * Waits until InnoDB's purge has caught up (no delete-marked records left behind): polls the
 * "History list length" of SHOW ENGINE INNODB STATUS (trx_sys.history_size(), read live) every
 * 2 ms until it is 0, then confirms with SET GLOBAL innodb_max_purge_lag_wait = 0, which returns
 * at once when purge is done (it polls at 100 ms itself, too coarse to call after every update).
 */
export async function waitForPurge(db: MariaDb, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [r] = await db.query<{ Status: string }>('SHOW ENGINE INNODB STATUS');
    const m = /History list length (\d+)/.exec(r?.Status ?? '');
    if (!m || m[1] === '0' || Date.now() > until) break;
    await new Promise((res) => setTimeout(res, 2));
  }
  await db.exec('SET GLOBAL innodb_max_purge_lag_wait = 0');
}

/**
 * Runs `read(path)` on the table's .ibd while `FLUSH TABLES ... FOR EXPORT` holds it, after
 * purge; always unlocks.
 */
export async function withExportedTablespace<T>(db: MariaDb, schema: string, table: string, read: (ibdPath: string) => T | Promise<T>): Promise<T> {
  const s = ident('schema', schema);
  const t = ident('table', table);
  await waitForPurge(db);
  await db.exec(`FLUSH TABLES \`${s}\`.\`${t}\` FOR EXPORT`);
  try {
    return await read(db.tablespacePath(s, t));
  } finally {
    await db.exec('UNLOCK TABLES');
  }
}

/** INNODB_BUFFER_PAGE's pages of the table's PRIMARY index, by page number. */
export async function bufferPoolIndexPages(db: MariaDb, schema: string, table: string): Promise<InnodbIndexPage[]> {
  const name = `\`${ident('schema', schema)}\`.\`${ident('table', table)}\``;
  const rows = await db.query<{ p: number; n: number }>(
    "SELECT PAGE_NUMBER p, NUMBER_RECORDS n FROM information_schema.INNODB_BUFFER_PAGE WHERE TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' AND PAGE_TYPE = 'INDEX' ORDER BY PAGE_NUMBER",
    [name],
  );
  return rows.map((r) => ({ pageNo: Number(r.p), nRecs: Number(r.n) }));
}

/** Reads every row of the table through the clustered index, so that its pages are in the pool. */
export async function readTableWhole(db: MariaDb, schema: string, table: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT COUNT(*) n FROM \`${ident('schema', schema)}\`.\`${ident('table', table)}\` FORCE INDEX (PRIMARY)`);
  return Number(r.n);
}

/** n_leaf_pages and size (pages) of PRIMARY from mysql.innodb_index_stats, after ANALYZE TABLE. */
export async function indexStatsPages(db: MariaDb, schema: string, table: string): Promise<{ leafPages: number; sizePages: number }> {
  const s = ident('schema', schema);
  const t = ident('table', table);
  await db.query(`ANALYZE TABLE \`${s}\`.\`${t}\``);
  const rows = await db.query<{ stat_name: string; stat_value: number }>(
    "SELECT stat_name, stat_value FROM mysql.innodb_index_stats WHERE database_name = ? AND table_name = ? AND index_name = 'PRIMARY' AND stat_name IN ('n_leaf_pages', 'size')",
    [s, t],
  );
  const get = (k: string): number => {
    const r = rows.find((x) => x.stat_name === k);
    if (!r) throw new Error(`mysql.innodb_index_stats has no ${k} for ${s}.${t} PRIMARY`);
    return Number(r.stat_value);
  };
  return { leafPages: get('n_leaf_pages'), sizePages: get('size') };
}
