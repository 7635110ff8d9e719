/**
 * Paper B §4's "DB update" sent as SQL to a real InnoDB (a private MariaDB): the same seeded
 * stream of the reorg area's bulk-update workload (workloads/bulk-updates.ts) that drives the
 * simulated B+Tree. One update's deletes are a run of consecutive present keys (wrapping once
 * inside the window), so they become one or two `DELETE ... WHERE id BETWEEN a AND b`; its
 * inserts become one multi-row `INSERT` with the rows in the workload's (random) order, which is
 * the order InnoDB inserts them in.
 *
 * Two protocols (innodb-reorg.ts): 'purge-between' — the deletes commit, purge removes the
 * delete-marked records (innodb/ waitForPurge), then the inserts commit: the physical delete
 * the B+Tree model applies; 'one-transaction' — deletes and inserts in one transaction, where
 * InnoDB turns each re-inserted key into an update of its own delete-marked record. Waiting for
 * purge keeps the layout independent of the background purge's timing.
 */
import type { MariaDb } from '../../engines/mariadb.js';
import type { BulkUpdateTarget } from '../../workloads/bulk-updates.js';

/** T1 of paper B §4 in InnoDB; latin1 so that char(255) is fixed-length, as the model's row format assumes. */
export const INNODB_T1_DDL =
  'CREATE TABLE t1 (id INT NOT NULL PRIMARY KEY, id2 INT, str CHAR(255)) ENGINE=InnoDB DEFAULT CHARSET=latin1';

/** Records one update's delete and insert calls, in order, to replay them on the engine and the model. */
export class RecordingTarget implements BulkUpdateTarget {
  readonly deleted: number[] = [];
  readonly inserted: number[] = [];
  insert(key: number): boolean {
    this.inserted.push(key);
    return true;
  }
  delete(key: number): boolean {
    this.deleted.push(key);
    return true;
  }
  clear(): void {
    this.deleted.length = 0;
    this.inserted.length = 0;
  }
}

/** Deleted keys (in deletion order) as [from, to] runs: a new run where the key goes down (the wrap). */
export function deleteRuns(keys: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const k of keys) {
    const last = runs[runs.length - 1];
    if (last && k > last[1]) last[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}

/** The SQL statements of one recorded update, on table t1: deletes, then the insert. `updateNo` goes into id2 of new rows. */
export function updateStatements(target: RecordingTarget, updateNo: number): { deletes: { sql: string; rows: number }[]; inserts: { sql: string; rows: number }[] } {
  const out: { sql: string; rows: number }[] = [];
  const inserts: { sql: string; rows: number }[] = [];
  let k = 0;
  const runs = deleteRuns(target.deleted);
  for (const [a, b] of runs) {
    let n = 0;
    for (; k < target.deleted.length && target.deleted[k] >= a && target.deleted[k] <= b; k++) n++;
    out.push({ sql: `DELETE FROM t1 WHERE id BETWEEN ${a} AND ${b}`, rows: n });
  }
  if (target.inserted.length > 0) {
    const u = updateNo | 0;
    inserts.push({ sql: `INSERT INTO t1 (id, id2, str) VALUES ${target.inserted.map((key) => `(${key | 0},${u},'u')`).join(',')}`, rows: target.inserted.length });
  }
  return { deletes: out, inserts };
}

/**
 * Sends statements as one transaction; each must touch exactly the rows the workload meant (a
 * DELETE range that hit other rows would mean the stream and the table disagree).
 */
export async function sendStatements(db: MariaDb, statements: { sql: string; rows: number }[], updateNo: number): Promise<void> {
  await db.exec('START TRANSACTION');
  try {
    for (const s of statements) {
      const r = await db.exec(s.sql);
      if (r.affectedRows !== s.rows) {
        throw new Error(`update ${updateNo}: "${s.sql.slice(0, 60)}…" touched ${r.affectedRows} rows, the workload meant ${s.rows}`);
      }
    }
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Loads ids 0 … rows−1 in ascending order (paper B §4) in INSERT … SELECT batches from the Sequence engine. */
export async function loadT1(db: MariaDb, rows: number, batchRows = 100_000): Promise<void> {
  for (let a = 0; a < rows; a += batchRows) {
    const b = Math.min(rows, a + batchRows) - 1;
    await db.exec(`INSERT INTO t1 (id, id2, str) SELECT seq, seq, 'l' FROM seq_${a}_to_${b} ORDER BY seq`);
  }
}
