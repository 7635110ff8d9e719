/**
 * Paper B §4's "DB update" run through a real SQLite engine. The update stream is the reorg
 * area's bulk-update workload (workloads/bulk-updates.ts, profile data/b-reorg/bulk-updates.json):
 * pick a region by its frequency, a key window inside it, delete a bulk of rows, insert bulk rows
 * at random among the window's absent keys. Here its insert/delete calls become SQL statements on
 * T1, one update = one transaction.
 */
import type { Database } from 'sql.js';
import {
  BulkUpdateWorkload,
  loadBulkUpdateProfile,
  scaleBulkUpdateProfile,
  type BulkUpdateProfile,
  type BulkUpdateRecord,
  type BulkUpdateTarget,
} from '../../workloads/bulk-updates.js';
import type { Rng } from '../../core/rng.js';
import type { SqliteReorgSetup } from './sqlite-reorg-setup.js';

/** The workload profile at this setup's scale: rows, window and bulk scaled by rows / paperRows. */
export function sqliteBulkUpdateProfile(setup: SqliteReorgSetup): BulkUpdateProfile {
  const paper = loadBulkUpdateProfile();
  const scaled = scaleBulkUpdateProfile(paper, Math.min(1, setup.rows / paper.rows));
  return { ...scaled, rows: setup.rows, updates: setup.updates };
}

/** A string of `n` characters derived from the update number (its length matters, not its content). */
export function sqliteT1Str(n: number, updateNo: number): string {
  return String.fromCharCode(97 + (updateNo % 26)).repeat(n);
}

/** Creates the paper's T1 clustered on id: a WITHOUT ROWID table is SQLite's clustered index. */
export function createSqliteT1(db: Database, setup: SqliteReorgSetup): void {
  db.run(`PRAGMA page_size=${setup.pageBytes}`);
  db.run('PRAGMA auto_vacuum=NONE');
  db.run('CREATE TABLE T1(id INTEGER PRIMARY KEY, id2 INTEGER, str CHAR(255)) WITHOUT ROWID');
}

/**
 * T1 as the workload's target: insert(key) and delete(key) run prepared statements. Statements
 * live between `begin()` and `commit()` (sql.js frees them when the database is exported).
 */
export class SqliteT1Target implements BulkUpdateTarget {
  private readonly db: Database;
  private readonly strBytes: number;
  private ins: ReturnType<Database['prepare']> | null = null;
  private del: ReturnType<Database['prepare']> | null = null;
  private str = '';
  private id2 = 0;
  constructor(db: Database, strBytes: number) {
    this.db = db;
    this.strBytes = strBytes;
  }
  /** Opens a transaction; rows inserted until commit() get id2 = `updateNo`. */
  begin(updateNo: number): void {
    this.db.run('BEGIN');
    this.ins = this.db.prepare('INSERT INTO T1 VALUES (?, ?, ?)');
    this.del = this.db.prepare('DELETE FROM T1 WHERE id = ?');
    this.id2 = updateNo;
    this.str = sqliteT1Str(this.strBytes, updateNo);
  }
  insert(key: number): boolean {
    (this.ins as NonNullable<typeof this.ins>).run([key, this.id2, this.str]);
    return this.db.getRowsModified() === 1;
  }
  delete(key: number): boolean {
    (this.del as NonNullable<typeof this.del>).run([key]);
    return this.db.getRowsModified() === 1;
  }
  commit(): void {
    this.ins?.free();
    this.del?.free();
    this.ins = this.del = null;
    this.db.run('COMMIT');
  }
}

/** The workload bound to T1 in `db`: load() fills T1 with ids 0..rows−1 in order, update(n) runs update n. */
export class SqliteBulkUpdates {
  readonly workload: BulkUpdateWorkload;
  private readonly target: SqliteT1Target;
  constructor(db: Database, setup: SqliteReorgSetup, rng: Rng) {
    this.workload = new BulkUpdateWorkload(sqliteBulkUpdateProfile(setup), rng);
    this.target = new SqliteT1Target(db, setup.strBytes);
  }
  load(): void {
    this.target.begin(0);
    try {
      this.workload.load(this.target);
    } finally {
      this.target.commit();
    }
  }
  update(updateNo: number): BulkUpdateRecord {
    this.target.begin(updateNo);
    try {
      return this.workload.runUpdate(this.target);
    } finally {
      this.target.commit();
    }
  }
}
