/**
 * Paper B §4's "DB update" run through a real SQLite engine: pick a key range in a region
 * (regions have different frequencies), delete a bulk of rows at random inside it, and insert
 * bulk rows back. One such operation, one transaction, is one update.
 *
 * Simpler than the paper: the paper does not state its bulk size or how inserted ids are
 * chosen; here one update deletes a seeded random share of the ids in a window of
 * `bulkRows` consecutive ids and re-inserts the same ids (new id2, new str) in random order, so
 * T1 keeps its ids 0 ≤ id < rows (§4: unique) and each re-inserted row counts as one update of
 * that row (the per-row count of Fig. 5).
 */
import type { Database } from 'sql.js';
import type { Rng } from '../core/rng.js';
import type { SqliteReorgSetup } from './sqlite-reorg-setup.js';

export interface SqliteBulkUpdate {
  /** Region the update fell in. */
  region: number;
  /** Ids deleted and re-inserted, ascending. */
  ids: Int32Array;
}

/** First id of region r (equal-width regions over 0..rows−1). */
export function sqliteRegionStartId(setup: SqliteReorgSetup, r: number): number {
  return Math.floor((r * setup.rows) / setup.regionCount);
}

/** Draws one update: the region by weight, a window inside it, the rows deleted at random. */
export function planSqliteBulkUpdate(setup: SqliteReorgSetup, rng: Rng): SqliteBulkUpdate {
  const region = rng.weighted(setup.regionWeights);
  const lo = sqliteRegionStartId(setup, region);
  const hi = sqliteRegionStartId(setup, region + 1); // exclusive
  const start = rng.int(lo, hi - setup.bulkRows);
  const picked: number[] = [];
  for (let id = start; id < start + setup.bulkRows; id++) if (rng.float() < setup.deleteFraction) picked.push(id);
  return { region, ids: Int32Array.from(picked) };
}

/** A string of `n` characters derived from the update number (the content does not matter, its length does). */
export function sqliteT1Str(n: number, updateNo: number): string {
  const c = String.fromCharCode(97 + (updateNo % 26));
  return c.repeat(n);
}

/** Creates the paper's T1, clustered on id (a WITHOUT ROWID table is SQLite's clustered index), and loads ids 0..rows−1 in order. */
export function createSqliteT1(db: Database, setup: SqliteReorgSetup): void {
  db.run(`PRAGMA page_size=${setup.pageBytes}`);
  db.run('PRAGMA auto_vacuum=NONE');
  db.run('CREATE TABLE T1(id INTEGER PRIMARY KEY, id2 INTEGER, str CHAR(255)) WITHOUT ROWID');
  db.run('BEGIN');
  const st = db.prepare('INSERT INTO T1 VALUES (?, ?, ?)');
  const str = sqliteT1Str(setup.strBytes, 0);
  for (let id = 0; id < setup.rows; id++) st.run([id, id, str]);
  st.free();
  db.run('COMMIT');
}

/** Runs one update in one transaction and adds 1 to `rowUpdates[id]` for every re-inserted row. */
export function applySqliteBulkUpdate(db: Database, u: SqliteBulkUpdate, updateNo: number, setup: SqliteReorgSetup, rng: Rng, rowUpdates: Uint32Array): void {
  if (u.ids.length === 0) return;
  db.run('BEGIN');
  db.run(`DELETE FROM T1 WHERE id IN (${Array.from(u.ids).join(',')})`);
  const st = db.prepare('INSERT INTO T1 VALUES (?, ?, ?)');
  const str = sqliteT1Str(setup.strBytes, updateNo);
  for (const id of rng.shuffle(Array.from(u.ids))) {
    st.run([id, updateNo, str]);
    rowUpdates[id]++;
  }
  st.free();
  db.run('COMMIT');
}
