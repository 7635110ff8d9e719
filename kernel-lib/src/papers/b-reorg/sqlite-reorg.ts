/**
 * Paper B's monitor on a real engine: T1 built and updated by SQLite (sql.js, SQLite compiled
 * to WebAssembly, in-process), its leaf layout read from the database file by the SQLite
 * file-format reader every `snapshotEvery` updates, and fed to the paper's metrics: G (eq. 1),
 * C_R (eq. 2) and T_min (§3.2) with f and G0 from the disk model. VACUUM at the end rebuilds
 * the table, which should bring G back to G0. The notebook, the tests and any benchmark call
 * `runSqliteReorg`.
 *
 * What is real and what is modeled: the page layout (which physical page holds which leaf, in
 * key order) is SQLite's own, read from its file (and compared with SQLite's dbstat). The costs
 * are modeled: f(prev, page) and G0 come from the 'hdd-2005' drive model with the database file
 * laid out contiguously from the drive's outer edge (SQLite page p at drive page p − 1). No drive
 * is timed. Simpler than a range scan in SQLite: in an index b-tree (a WITHOUT ROWID table)
 * interior cells hold rows too, so a real scan also visits interior pages; S here is the leaf
 * sequence, as in paper B's B+Tree.
 *
 * Bring your own database: with `dbPath`, the file is only read (never written): its layout
 * gives G and T_min, and `VACUUM INTO` a temporary copy (the sqlite3 shell, read-only on the
 * source) shows the rebuilt layout. There are no updates, so no update distribution.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { Rng } from '../../core/rng.js';
import { requireInteger, ParameterError } from '../../core/validate.js';
import { hddPageCost, hddProfile } from '../../hardware/hdd.js';
import type { PageCost } from '../../hardware/page-cost.js';
import { gSequence, tMin } from './deterioration.js';
import { postgresLeafFragmentationPct, sqlServerFragmentation } from './fragmentation.js';
import { readSqliteLeafLayout, type SqliteLeafLayout } from '../../sqlite/sqlite-layout.js';
import { dbstatPages, hasSqlite3Shell, runSqlite3 } from '../../sqlite/sqlite-dbstat.js';
import { sqliteReorgSetup, type SqliteReorgSetup } from './sqlite-reorg-setup.js';
import { createSqliteT1, sqliteBulkUpdateProfile, SqliteBulkUpdates } from './sqlite-bulk-updates.js';
import { rankCorrelation } from '../../core/statistics.js';

export interface SqliteReorgOptions extends Partial<SqliteReorgSetup> {
  /** Seed of the update stream. Default: the workload profile's seed (data/b-reorg/bulk-updates.json). */
  seed?: number;
  /** An SQLite file of your own to read instead of building T1; '' (default) = the synthetic paper database. */
  dbPath?: string;
  /** Table or index to analyse. Default 'T1'. */
  tableName?: string;
  /** Where the exported database files go; default a new temp dir, removed at the end. */
  workDir?: string;
}

/** The metrics of one layout. */
export interface SqliteLayoutSnapshot {
  /** Updates applied when the layout was read. */
  updates: number;
  /** |S|: leaves of the table. */
  leafCount: number;
  /** Pages in the database file. */
  pageCount: number;
  /** C_R over the whole table (eq. 2), ms, modeled. */
  cRMs: number;
  /** C_R / (|S|·G0): 1 = perfectly sequential. */
  cROverSG0: number;
  /** |T_min| at tolerance X. */
  tMinCount: number;
  /** PostgreSQL-style leaf fragmentation, % (metrics/fragmentation.ts). */
  pgLeafFragmentationPct: number;
  /** SQL Server-style avg_fragmentation_in_percent and fragment count. */
  sqlServerFragmentationPct: number;
  fragmentCount: number;
}

/** Per-leaf data of one layout, in key order. */
export interface SqliteLeafProfile {
  leafPages: Uint32Array;
  /** First key of each leaf (the clustered key), NaN if not numeric. */
  firstKeys: Float64Array;
  /** G[i] (ms), modeled. */
  G: Float64Array;
  /** Leaf indices in T_min. */
  tMin: Int32Array;
}

export interface SqliteRegionStat {
  region: number;
  /** Key range [fromKey, toKey). */
  fromKey: number;
  toKey: number;
  /** Probability that an update picks the region (workload profile; NaN for your own file). */
  weight: number;
  /** Mean number of updates per row in the region (Fig. 5 aggregated). */
  meanUpdatesPerRow: number;
  /** Leaves whose first key lies in the region. */
  leaves: number;
  /** Mean G / G0 over those leaves (Fig. 6 aggregated). */
  meanGOverG0: number;
  /** Leaves of the region in T_min. */
  tMinLeaves: number;
}

export type SqliteDbstatComparison =
  | { compared: true; agrees: boolean; leaves: number; dbstatLeaves: number; firstMismatch: number }
  | { compared: false; reason: string };

export interface SqliteReorgResult {
  mode: 'synthetic' | 'own-file';
  file: string;
  tableName: string;
  seed: number;
  setup: SqliteReorgSetup;
  /** The drive model giving f and G0. */
  pageCostName: string;
  g0Ms: number;
  pageBytes: number;
  /** Scale actually run, for the notebook to state. */
  scale: { rows: number; paperRows: number; rowsScale: number; updates: number; fileMB: number; leaves: number; engine: string };
  snapshots: SqliteLayoutSnapshot[];
  initial: SqliteLeafProfile;
  final: SqliteLeafProfile;
  /** Share of the rows updated at least once (paper §4: about 40 %); NaN without updates. */
  updatedRowShare: number;
  /** Mean updates per row in key bins (Fig. 5), synthetic mode only. */
  updateDistribution: { binStartKey: Float64Array; meanUpdatesPerRow: Float64Array } | null;
  regions: SqliteRegionStat[];
  /** Spearman ρ between the regions' mean updates per row and mean G/G0; null without updates. */
  spearman: number | null;
  vacuum: { snapshot: SqliteLayoutSnapshot; profile: SqliteLeafProfile } | { skipped: string };
  dbstat: SqliteDbstatComparison;
  elapsedS: number;
}

let sqlJs: Promise<SqlJsStatic> | null = null;
/** sql.js, loaded once per process. */
function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlJs) sqlJs = initSqlJs();
  return sqlJs;
}

function layoutOf(path: string, table: string): SqliteLeafLayout {
  return readSqliteLeafLayout(path, table, { firstKeys: true });
}

/** G, T_min and the summary metrics of one layout. */
export function sqliteLayoutMetrics(lay: SqliteLeafLayout, cost: PageCost, x: number, updates: number): { snapshot: SqliteLayoutSnapshot; profile: SqliteLeafProfile } {
  // SQLite page p (1-based) is drive page p − 1 of a file laid out contiguously.
  const drivePages = new Float64Array(lay.leafPages.length);
  for (let i = 0; i < drivePages.length; i++) drivePages[i] = lay.leafPages[i] - 1;
  const G = gSequence(drivePages, cost);
  const T = tMin(G, x, cost.g0Ms);
  let cR = 0;
  for (let i = 0; i < G.length; i++) cR += G[i];
  const ss = sqlServerFragmentation(lay.leafPages);
  return {
    snapshot: {
      updates,
      leafCount: G.length,
      pageCount: lay.pageCount,
      cRMs: cR,
      cROverSG0: G.length ? cR / (G.length * cost.g0Ms) : NaN,
      tMinCount: T.length,
      pgLeafFragmentationPct: postgresLeafFragmentationPct(lay.leafPages),
      sqlServerFragmentationPct: ss.avgFragmentationPct,
      fragmentCount: ss.fragmentCount,
    },
    profile: { leafPages: lay.leafPages, firstKeys: lay.firstKeys ?? new Float64Array(G.length).fill(NaN), G, tMin: T },
  };
}

/** Leaves and dbstat compared on a file (needs the sqlite3 shell). */
export function compareSqliteWithDbstat(path: string, table: string, leafPages: Uint32Array): SqliteDbstatComparison {
  if (!hasSqlite3Shell()) return { compared: false, reason: 'the sqlite3 shell is not installed: run `make setup`' };
  const ds = dbstatPages(path, table).leafPages;
  let firstMismatch = -1;
  const n = Math.max(ds.length, leafPages.length);
  for (let i = 0; i < n; i++) {
    if (ds[i] !== leafPages[i]) {
      firstMismatch = i;
      break;
    }
  }
  return { compared: true, agrees: firstMismatch === -1, leaves: leafPages.length, dbstatLeaves: ds.length, firstMismatch };
}

/** Per-region statistics over key ranges [edges[r], edges[r+1]). */
function regionStats(profile: SqliteLeafProfile, g0Ms: number, edges: number[], weights: number[], rowUpdates: ArrayLike<number> | null): SqliteRegionStat[] {
  const R = edges.length - 1;
  const sumG = new Float64Array(R);
  const leaves = new Float64Array(R);
  const inT = new Float64Array(R);
  const regionOf = (key: number): number => {
    let r = 0;
    while (r + 1 < R && key >= edges[r + 1]) r++;
    return r;
  };
  const tSet = new Uint8Array(profile.G.length);
  for (const i of profile.tMin) tSet[i] = 1;
  for (let i = 0; i < profile.G.length; i++) {
    const k = profile.firstKeys[i];
    const r = Number.isFinite(k) ? regionOf(k) : Math.min(R - 1, Math.floor((i * R) / profile.G.length));
    sumG[r] += profile.G[i];
    leaves[r]++;
    inT[r] += tSet[i];
  }
  const out: SqliteRegionStat[] = [];
  for (let r = 0; r < R; r++) {
    let upd = 0;
    let rows = 0;
    if (rowUpdates) {
      for (let id = Math.max(0, Math.ceil(edges[r])); id < Math.min(rowUpdates.length, edges[r + 1]); id++) {
        upd += rowUpdates[id];
        rows++;
      }
    }
    out.push({
      region: r,
      fromKey: edges[r],
      toKey: edges[r + 1],
      weight: weights[r] ?? NaN,
      meanUpdatesPerRow: rows ? upd / rows : NaN,
      leaves: leaves[r],
      meanGOverG0: leaves[r] ? sumG[r] / leaves[r] / g0Ms : NaN,
      tMinLeaves: inT[r],
    });
  }
  return out;
}

/** Mean updates per row in `bins` equal key bins (Fig. 5). */
function binUpdates(rowUpdates: ArrayLike<number>, bins: number): { binStartKey: Float64Array; meanUpdatesPerRow: Float64Array } {
  const n = rowUpdates.length;
  const b = Math.min(bins, n);
  const start = new Float64Array(b);
  const mean = new Float64Array(b);
  for (let k = 0; k < b; k++) {
    const lo = Math.floor((k * n) / b);
    const hi = Math.floor(((k + 1) * n) / b);
    let s = 0;
    for (let id = lo; id < hi; id++) s += rowUpdates[id];
    start[k] = lo;
    mean[k] = hi > lo ? s / (hi - lo) : 0;
  }
  return { binStartKey: start, meanUpdatesPerRow: mean };
}

/** Runs the experiment (synthetic T1 by default, or your own file with `dbPath`). */
export async function runSqliteReorg(opts: SqliteReorgOptions = {}): Promise<SqliteReorgResult> {
  const t0 = performance.now();
  const { seed: _s, dbPath, tableName, workDir, ...overrides } = opts;
  const setup = sqliteReorgSetup(overrides);
  const seed = opts.seed ?? sqliteBulkUpdateProfile(setup).seed;
  requireInteger('seed', seed, '', -(2 ** 31), 2 ** 31 - 1);
  const ownDir = !workDir;
  const dir = workDir ?? mkdtempSync(join(tmpdir(), 'sqlite-reorg-'));
  try {
    if (dbPath) return runOwnFile(dbPath, tableName || 'T1', setup, seed, dir, t0);
    return await runSynthetic(setup, seed, dir, t0);
  } finally {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  }
}

async function runSynthetic(setup: SqliteReorgSetup, seed: number, dir: string, t0: number): Promise<SqliteReorgResult> {
  const SQL = await loadSqlJs();
  const db: Database = new SQL.Database();
  const file = join(dir, 'T1.db');
  const table = 'T1';
  const updates = new SqliteBulkUpdates(db, setup, new Rng(seed));
  const workload = updates.workload;
  const x = setup.x;
  try {
    createSqliteT1(db, setup);
    updates.load();
    const cost = hddPageCost(hddProfile(setup.hddProfile), setup.pageBytes);
    const snapshots: SqliteLayoutSnapshot[] = [];
    const take = (updates: number) => {
      writeFileSync(file, db.export());
      const m = sqliteLayoutMetrics(layoutOf(file, table), cost, x, updates);
      snapshots.push(m.snapshot);
      return m;
    };
    const initial = take(0);
    for (let u = 1; u <= setup.updates; u++) {
      updates.update(u);
      if (u % setup.snapshotEvery === 0 && u !== setup.updates) take(u);
    }
    const final = take(setup.updates);
    const dbstat = compareSqliteWithDbstat(file, table, final.profile.leafPages);
    const fileMB = statSync(file).size / 1e6;
    db.run('VACUUM');
    writeFileSync(file, db.export());
    const vac = sqliteLayoutMetrics(layoutOf(file, table), cost, x, setup.updates);
    const profile = workload.profile;
    const edges = Array.from({ length: profile.regionCount + 1 }, (_, r) => (r === profile.regionCount ? profile.rows : r * workload.regionKeys));
    const rowUpdates = workload.updateCountPerKey;
    const regions = regionStats(final.profile, cost.g0Ms, edges, profile.regionWeights, rowUpdates);
    const spearman = rankCorrelation(
      regions.map((r) => r.meanUpdatesPerRow),
      regions.map((r) => r.meanGOverG0),
    );
    return {
      mode: 'synthetic',
      file,
      tableName: table,
      seed,
      setup,
      pageCostName: cost.name,
      g0Ms: cost.g0Ms,
      pageBytes: setup.pageBytes,
      scale: {
        rows: setup.rows,
        paperRows: setup.paperRows,
        rowsScale: setup.rows / setup.paperRows,
        updates: setup.updates,
        fileMB,
        leaves: final.snapshot.leafCount,
        engine: `SQLite ${db.exec('SELECT sqlite_version()')[0].values[0][0]} (sql.js, WebAssembly)`,
      },
      snapshots,
      initial: initial.profile,
      final: final.profile,
      updateDistribution: binUpdates(rowUpdates, 500),
      updatedRowShare: workload.updatedRowShare(),
      regions,
      spearman,
      vacuum: vac,
      dbstat,
      elapsedS: (performance.now() - t0) / 1000,
    };
  } finally {
    db.close();
  }
}

function runOwnFile(dbPath: string, table: string, setup: SqliteReorgSetup, seed: number, dir: string, t0: number): SqliteReorgResult {
  const lay = layoutOf(dbPath, table);
  // dbstat matches names exactly, SQL case-insensitively: ask it for the name as stored.
  const stored = lay.name;
  const cost = hddPageCost(hddProfile(setup.hddProfile), lay.pageBytes);
  const now = sqliteLayoutMetrics(lay, cost, setup.x, 0);
  const dbstat = compareSqliteWithDbstat(dbPath, stored, lay.leafPages);
  let vacuum: SqliteReorgResult['vacuum'];
  if (!hasSqlite3Shell()) {
    vacuum = { skipped: 'the sqlite3 shell is not installed (`make setup`): VACUUM INTO a copy needs it' };
  } else {
    // VACUUM INTO writes a rebuilt copy elsewhere; the source is opened read-only.
    const copy = join(dir, 'vacuumed.db');
    runSqlite3(dbPath, `VACUUM INTO '${copy.replace(/'/g, "''")}';\n`);
    vacuum = sqliteLayoutMetrics(layoutOf(copy, stored), cost, setup.x, 0);
  }
  // Without updates the regions are tenths of the leaf sequence (the paper's Fig. 7 split).
  const n = now.profile.G.length;
  const keys = now.profile.firstKeys;
  const numeric = n > 0 && Array.from(keys).every((k) => Number.isFinite(k));
  const edges = Array.from({ length: 11 }, (_, r) => {
    const i = Math.min(n - 1, Math.floor((r * n) / 10));
    if (!numeric) return r;
    return r === 10 ? keys[n - 1] + 1 : keys[Math.max(0, i)];
  });
  const regions = numeric ? regionStats(now.profile, cost.g0Ms, edges, [], null) : regionStats({ ...now.profile, firstKeys: new Float64Array(n).fill(NaN) }, cost.g0Ms, edges, [], null);
  if (n === 0) throw new ParameterError('tableName', table, '', 'a table or index with at least one leaf page');
  return {
    mode: 'own-file',
    file: dbPath,
    tableName: lay.name,
    seed,
    setup,
    pageCostName: cost.name,
    g0Ms: cost.g0Ms,
    pageBytes: lay.pageBytes,
    scale: { rows: NaN, paperRows: setup.paperRows, rowsScale: NaN, updates: 0, fileMB: lay.fileBytes / 1e6, leaves: n, engine: 'your database file (read only)' },
    snapshots: [now.snapshot],
    initial: now.profile,
    final: now.profile,
    updateDistribution: null,
    updatedRowShare: NaN,
    regions,
    spearman: null,
    vacuum,
    dbstat,
    elapsedS: (performance.now() - t0) / 1000,
  };
}
