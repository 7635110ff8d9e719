/**
 * Benchmark of the real-InnoDB path (issue 12), on a private MariaDB 10.11 started here: rows/s
 * of T1's load in id order (INSERT … SELECT from the Sequence engine, 200,000 rows), bulk
 * updates/s sent as SQL with the purge wait of the 'purge-between' protocol (200 updates of the
 * paper B workload at scale 1/30), and MB/s of the .ibd reader (checksums, XDES, leaf chain) on
 * the resulting file. All measured on this machine.
 */
import { Rng } from '../src/core/rng.js';
import { startMariaDb } from '../src/engines/mariadb.js';
import { readClusteredIndex } from '../src/innodb/innodb-clustered-index.js';
import { waitForPurge, withExportedTablespace } from '../src/innodb/innodb-engine-view.js';
import { readInnodbTablespace } from '../src/innodb/innodb-tablespace.js';
import { INNODB_T1_DDL, loadT1, RecordingTarget, sendStatements, updateStatements } from '../src/papers/b-reorg/innodb-bulk-updates.js';
import { BulkUpdateWorkload, loadBulkUpdateProfile, scaleBulkUpdateProfile } from '../src/workloads/bulk-updates.js';

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const profile = { ...scaleBulkUpdateProfile(loadBulkUpdateProfile(), 1 / 30), updates: 200 };
  const db = await startMariaDb({ bufferPoolMiB: 256 });
  try {
    await db.exec('CREATE DATABASE b');
    await db.exec('USE b');
    await db.exec(INNODB_T1_DDL);
    let t = performance.now();
    await loadT1(db, profile.rows);
    const loadS = (performance.now() - t) / 1000;
    const workload = new BulkUpdateWorkload(profile, new Rng(profile.seed));
    const rec = new RecordingTarget();
    // the workload's own presence bitmap must start from the loaded table
    workload.load({ insert: () => true, delete: () => true });
    t = performance.now();
    for (let u = 1; u <= profile.updates; u++) {
      rec.clear();
      workload.runUpdate(rec);
      const s = updateStatements(rec, u);
      await sendStatements(db, s.deletes, u);
      await waitForPurge(db);
      await sendStatements(db, s.inserts, u);
    }
    const updS = (performance.now() - t) / 1000;
    const reads = 3;
    const { bytes, seconds, leaves } = await withExportedTablespace(db, 'b', 't1', (path) => {
      const r0 = performance.now();
      let b = 0, l = 0;
      for (let i = 0; i < reads; i++) {
        const ts = readInnodbTablespace(path);
        l = readClusteredIndex(ts).leaves.length;
        b += ts.fileBytes;
      }
      return { bytes: b, seconds: (performance.now() - r0) / 1000, leaves: l };
    });
    return [
      { name: `MariaDB load of T1 in id order (${profile.rows} rows)`, value: profile.rows / loadS, unit: 'rows/s' },
      { name: `bulk updates as SQL, deletes purged before inserts (${profile.bulkRows} rows each)`, value: profile.updates / updS, unit: 'updates/s' },
      { name: `.ibd reader: checksums + extent descriptors + leaf chain (${leaves} leaves)`, value: bytes / 2 ** 20 / seconds, unit: 'MB/s' },
    ];
  } finally {
    await db.stop();
  }
}
