// Real tablespaces for the reader's tests: a private MariaDB builds a T1-like table, updates it
// in ranges (so that pages split, merge and are freed), and the .ibd is copied out while
// FLUSH TABLES ... FOR EXPORT holds it, together with the engine's own view of the index.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMariaDb, type MariaDbOptions } from '../../src/engines/mariadb.js';
import type { InnodbIndexPage } from '../../src/innodb/innodb-clustered-index.js';
import { bufferPoolIndexPages, indexStatsPages, readTableWhole, withExportedTablespace } from '../../src/innodb/innodb-engine-view.js';

export interface IbdFixture {
  /** Copy of the .ibd taken under FLUSH TABLES FOR EXPORT. */
  path: string;
  pageBytes: number;
  bufferPool: InnodbIndexPage[];
  leafPages: number;
  rows: number;
}

export interface FixtureSet {
  dir: string;
  fixtures: IbdFixture[];
  cleanup(): void;
}

/** Builds tables of `rows` rows, deletes and reinserts ranges, and copies each .ibd out. */
export async function buildFixtures(options: MariaDbOptions, rows: number, tables = 1): Promise<FixtureSet> {
  const dir = mkdtempSync(join(tmpdir(), 'innodb-fixture-'));
  const db = await startMariaDb({ bufferPoolMiB: 128, ...options });
  const fixtures: IbdFixture[] = [];
  try {
    await db.exec('CREATE DATABASE d');
    await db.exec('USE d');
    for (let k = 0; k < tables; k++) {
      const t = `t${k}`;
      await db.exec(`CREATE TABLE ${t} (id int primary key, id2 int, str char(255)) ENGINE=InnoDB`);
      await db.exec(`INSERT INTO ${t} SELECT seq, seq, 'x' FROM seq_1_to_${rows}`);
      const a = Math.floor(rows * 0.2);
      const b = Math.floor(rows * 0.3);
      await db.exec(`DELETE FROM ${t} WHERE id BETWEEN ${a} AND ${b}`);
      await db.exec(`INSERT INTO ${t} SELECT seq * 3, seq, 'y' FROM seq_${Math.ceil(a / 3)}_to_${Math.floor(b / 3)} WHERE seq * 3 BETWEEN ${a} AND ${b}`);
      await db.exec(`DELETE FROM ${t} WHERE id BETWEEN ${Math.floor(rows * 0.6)} AND ${Math.floor(rows * 0.65)}`);
      const n = await readTableWhole(db, 'd', t);
      const path = join(dir, `${t}.ibd`);
      await withExportedTablespace(db, 'd', t, (p) => copyFileSync(p, path));
      const bufferPool = await bufferPoolIndexPages(db, 'd', t);
      const { leafPages } = await indexStatsPages(db, 'd', t);
      fixtures.push({ path, pageBytes: db.pageSizeBytes, bufferPool, leafPages, rows: n });
    }
  } finally {
    await db.stop();
  }
  return { dir, fixtures, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
