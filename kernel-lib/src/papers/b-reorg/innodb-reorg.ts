/**
 * Paper B on a real InnoDB: T1 loaded in id order into a private MariaDB 10.11, the same seeded
 * bulk updates the simulation uses sent as SQL, and at steps of the updates the real leaf chain
 * read from the .ibd file (innodb/ reader, after FLUSH TABLES ... FOR EXPORT) — side by side
 * with the simulated B+Tree (dbms/btree.ts, InnoDB page placement of dbms/innodb-fsp.ts) driven
 * by the very same keys. Both leaf sequences go through the same f (hdd-2005 drive model), so
 * G, C_R, T_min are modeled costs of a real layout (engine) and of a simulated one (model).
 * The reader is held against the engine's own view (INNODB_BUFFER_PAGE, innodb_index_stats).
 * `OPTIMIZE TABLE` (InnoDB rebuilds the table) is the reorganization.
 *
 * Scale: `scale` of paper B's 6,000,000 rows (default 0.1); window and bulk sizes scale with it
 * (workloads/bulk-updates.ts scaleBulkUpdateProfile). Full scale (scale 1) needs a buffer pool
 * of about 3 GiB and some 15 minutes here; pass bufferPoolMiB to override the automatic size.
 */
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as SimpleStatisticsI from 'simple-statistics';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sampleRankCorrelation }: typeof SimpleStatisticsI = require('simple-statistics');
import { Rng } from '../../core/rng.js';
import { requireInRange, requireInteger, requireOneOf } from '../../core/validate.js';
import { startMariaDb } from '../../engines/mariadb.js';
import { readClusteredIndex, type InnodbClusteredIndex, type InnodbIndexPage } from '../../innodb/innodb-clustered-index.js';
import { bufferPoolIndexPages, indexStatsPages, readTableWhole, waitForPurge, withExportedTablespace } from '../../innodb/innodb-engine-view.js';
import { ClusteredBtree } from '../../dbms/btree.js';
import { cdfDemerit } from '../../metrics/cdf-demerit.js';
import { compactClusteredRecordBytes, leafPageLayout, T1_COLUMNS } from '../../dbms/innodb-row-format.js';
import { BulkUpdateWorkload, loadBulkUpdateProfile, scaleBulkUpdateProfile } from '../../workloads/bulk-updates.js';
import { requireTolerance, gSequence } from './deterioration.js';
import { INNODB_T1_DDL, loadT1, RecordingTarget, sendStatements, updateStatements } from './innodb-bulk-updates.js';
import { jumpDistances, ksDistance, layoutMetrics, type LayoutMetrics, type LeafSequence } from './innodb-layout-metrics.js';
import { PAPER_B_PAGE_BYTES, reorgPageCost, leafRangeOfKeys } from './reorg-experiment.js';

export interface InnodbReorgParams {
  /** Fraction of paper B's 6,000,000 rows. Default 0.1. Range [0.001, 1]. */
  scale?: number;
  /** Bulk updates. Default 1,000 (paper B §4). Range [0, 1000]. */
  updates?: number;
  /** Workload seed. Default the profile's (data/b-reorg/bulk-updates.json). Range [1, 2^31 − 1]. */
  seed?: number;
  /** Read the real layout every this many updates. Default 100. Range [1, 1000]. */
  snapshotEvery?: number;
  /** SLA tolerance X. Default 2. Range [1.01, 100]. */
  x?: number;
  /** Key ranges for C_R. Default 10 (paper B Fig. 7: ranges of 10 %). */
  ranges?: number;
  /** innodb_buffer_pool_size (MiB). Default: large enough for the whole table (≥ 256). */
  bufferPoolMiB?: number;
  /**
   * 'purge-between' (default): an update's deletes commit and are purged before its inserts —
   * the physical delete the model has always applied; 'one-transaction': deletes and inserts in
   * one transaction, purged after it (InnoDB re-inserts a key onto its delete-marked record).
   */
  protocol?: InnodbUpdateProtocol;
}

export type InnodbUpdateProtocol = 'purge-between' | 'one-transaction';
export const INNODB_UPDATE_PROTOCOLS: readonly InnodbUpdateProtocol[] = ['purge-between', 'one-transaction'];

/** The reader's view against the engine's own view of the same index, at one moment. */
export interface EngineViewComparison {
  updates: number;
  readerPages: number;
  bufferPoolPages: number;
  /** Pages (all levels) with their record counts equal as sets. */
  pagesEqual: boolean;
  /** First differing page, for the report; null when equal. */
  firstDifference: string | null;
  readerLeaves: number;
  statsLeaves: number;
  readerRows: number;
  tableRows: number;
}

export interface InnodbRegionRow {
  region: number;
  fromKey: number;
  toKey: number;
  weight: number;
  /** Σ per-row update counts in the region. */
  rowUpdates: number;
  realMeanGOverG0: number;
  simMeanGOverG0: number;
}

export interface InnodbReorgResult {
  params: Required<Omit<InnodbReorgParams, 'bufferPoolMiB'>> & { bufferPoolMiB: number; rows: number; windowKeys: number; bulkRows: number };
  engineVersion: string;
  g0Ms: number;
  costName: string;
  updatedRowShare: number;
  real: LayoutMetrics[];
  sim: LayoutMetrics[];
  /** Leaf sequences after the updates (for the jump-distance CDFs and G plots). */
  finalReal: LeafSequence;
  finalSim: LeafSequence;
  afterLoadReal: LeafSequence;
  afterLoadSim: LeafSequence;
  /** Kolmogorov–Smirnov distance of the signed jump distances, real vs simulated, after the updates. */
  jumpKs: number;
  jumpKsAfterLoad: number;
  /** Ruemmler–Wilkes demerit (RMS horizontal distance of the CDFs, metrics/cdf-demerit.ts) of the signed jumps, real vs simulated (pages). */
  jumpDemeritPages: number;
  jumpDemeritPagesAfterLoad: number;
  engineView: EngineViewComparison[];
  regions: InnodbRegionRow[];
  spearmanReal: number;
  spearmanSim: number;
  /** After OPTIMIZE TABLE (in-place rebuild, bulk-built index), and its leaf sequence. */
  optimize: LayoutMetrics;
  optimizeSeq: LeafSequence;
  /** After INSERT … SELECT … ORDER BY id into a fresh table (rows re-inserted in key order, like the load). */
  copyRebuild: LayoutMetrics;
  /** Real interior (non-leaf) pages and tree height after the updates. */
  realInteriorPages: number;
  realHeight: number;
  simInteriorPages: number;
  timing: { loadRowsPerS: number; updatesPerS: number; readerMBps: number; elapsedS: number };
}

function toSequence(ix: InnodbClusteredIndex): LeafSequence {
  const n = ix.leaves.length;
  const seq = { pages: new Int32Array(n), lowKeys: new Int32Array(n), records: new Int32Array(n) };
  ix.leaves.forEach((l, i) => {
    seq.pages[i] = l.pageNo;
    seq.lowKeys[i] = Number.isFinite(l.firstKeyInt32) ? l.firstKeyInt32 : i === 0 ? -2147483648 : seq.lowKeys[i - 1];
    seq.records[i] = l.nRecs;
  });
  return seq;
}

function simSequence(tree: ClusteredBtree): LeafSequence {
  const pages = tree.leafPagesInKeyOrder();
  const records = new Int32Array(pages.length);
  pages.forEach((p, i) => (records[i] = tree.leafRecordCount(p)));
  return { pages, lowKeys: tree.leafLowKeysInKeyOrder(), records };
}

function compareViews(updates: number, ix: InnodbClusteredIndex, pool: InnodbIndexPage[], statsLeaves: number, tableRows: number): EngineViewComparison {
  const a = ix.pages;
  let firstDifference: string | null = null;
  const n = Math.max(a.length, pool.length);
  for (let i = 0; i < n && firstDifference === null; i++) {
    const x = a[i], y = pool[i];
    if (!x || !y || x.pageNo !== y.pageNo || x.nRecs !== y.nRecs) {
      firstDifference = `reader ${x ? `page ${x.pageNo} (${x.nRecs} records)` : 'nothing'} vs INNODB_BUFFER_PAGE ${y ? `page ${y.pageNo} (${y.nRecs} records)` : 'nothing'}`;
    }
  }
  return {
    updates,
    readerPages: a.length,
    bufferPoolPages: pool.length,
    pagesEqual: firstDifference === null,
    firstDifference,
    readerLeaves: ix.leaves.length,
    statsLeaves,
    readerRows: ix.leaves.reduce((s, l) => s + l.nRecs, 0),
    tableRows,
  };
}

/** Runs the experiment against a private MariaDB it starts and always stops. */
export async function runInnodbReorg(params: InnodbReorgParams = {}): Promise<InnodbReorgResult> {
  const t0 = performance.now();
  const scale = requireInRange('scale', params.scale ?? 0.1, '', 0.001, 1);
  const base = scaleBulkUpdateProfile(loadBulkUpdateProfile(), scale);
  const updates = requireInteger('updates', params.updates ?? base.updates, 'updates', 0, 1000);
  const seed = requireInteger('seed', params.seed ?? base.seed, '', 1, 2 ** 31 - 1);
  const snapshotEvery = requireInteger('snapshotEvery', params.snapshotEvery ?? 100, 'updates', 1, 1000);
  const x = requireInRange('x', requireTolerance(params.x ?? 2), '× G0', 1.01, 100);
  const ranges = requireInteger('ranges', params.ranges ?? 10, 'ranges', 1, 100);
  const protocol = requireOneOf('protocol', params.protocol ?? 'purge-between', INNODB_UPDATE_PROTOCOLS);
  const profile = { ...base, updates, seed };
  // ~300 bytes per row on 15/16-full pages, twice for the updates' splits, plus slack.
  const autoPool = Math.max(256, Math.ceil((profile.rows * 300 * 2.2) / 2 ** 20) + 128);
  const bufferPoolMiB = requireInRange('bufferPoolMiB', params.bufferPoolMiB ?? autoPool, 'MiB', 64, 65536);
  const cost = reorgPageCost('hdd-2005', PAPER_B_PAGE_BYTES);

  const layout = leafPageLayout(PAPER_B_PAGE_BYTES, compactClusteredRecordBytes(T1_COLUMNS));
  const tree = new ClusteredBtree({ layout, deleteMarking: true, rootPage: true });
  const workload = new BulkUpdateWorkload(profile, new Rng(seed));
  const rec = new RecordingTarget();

  const db = await startMariaDb({ bufferPoolMiB, pageSizeKiB: 16 });
  try {
    const [{ v }] = await db.query<{ v: string }>('SELECT VERSION() v');
    await db.exec('CREATE DATABASE paper_b');
    await db.exec('USE paper_b');
    await db.exec(INNODB_T1_DDL);
    let s = performance.now();
    await loadT1(db, profile.rows);
    const loadS = (performance.now() - s) / 1000;
    workload.load(tree);

    let readerBytes = 0, readerS = 0;
    const readReal = async (): Promise<InnodbClusteredIndex> =>
      withExportedTablespace(db, 'paper_b', 't1', (path) => {
        const r0 = performance.now();
        const ix = readClusteredIndex(path);
        readerS += (performance.now() - r0) / 1000;
        readerBytes += ix.pageBytes * (ix.pages.length > 0 ? Math.max(...ix.pages.map((p) => p.pageNo)) + 1 : 0);
        return ix;
      });
    const engineView = async (u: number, ix: InnodbClusteredIndex): Promise<EngineViewComparison> => {
      const tableRows = await readTableWhole(db, 'paper_b', 't1');
      const pool = await bufferPoolIndexPages(db, 'paper_b', 't1');
      const stats = await indexStatsPages(db, 'paper_b', 't1');
      return compareViews(u, ix, pool, stats.leafPages, tableRows);
    };

    const real: LayoutMetrics[] = [];
    const sim: LayoutMetrics[] = [];
    const views: EngineViewComparison[] = [];
    let ix = await readReal();
    const afterLoadReal = toSequence(ix);
    const afterLoadSim = simSequence(tree);
    real.push(layoutMetrics(afterLoadReal, cost, x, profile.rows, ranges, 0));
    sim.push(layoutMetrics(afterLoadSim, cost, x, profile.rows, ranges, 0));
    views.push(await engineView(0, ix));

    let updS = 0;
    for (let u = 1; u <= updates; u++) {
      rec.clear();
      workload.runUpdate(rec);
      const { deletes, inserts } = updateStatements(rec, u);
      s = performance.now();
      for (const k of rec.deleted) tree.delete(k);
      if (protocol === 'purge-between') {
        tree.commit();
        await sendStatements(db, deletes, u);
        await waitForPurge(db);
        for (const k of rec.inserted) tree.insert(k);
        await sendStatements(db, inserts, u);
      } else {
        for (const k of rec.inserted) tree.insert(k);
        await sendStatements(db, [...deletes, ...inserts], u);
        await waitForPurge(db);
      }
      tree.commit();
      updS += (performance.now() - s) / 1000;
      if (u % snapshotEvery === 0 || u === updates) {
        ix = await readReal();
        real.push(layoutMetrics(toSequence(ix), cost, x, profile.rows, ranges, u));
        sim.push(layoutMetrics(simSequence(tree), cost, x, profile.rows, ranges, u));
      }
    }
    const finalReal = toSequence(ix);
    const finalSim = simSequence(tree);
    if (updates > 0) views.push(await engineView(updates, ix));
    const realInteriorPages = ix.pages.length - ix.leaves.length;
    const realHeight = ix.height;

    // per region: mean G/G0 against the update distribution
    const Greal = gSequence(finalReal.pages, cost);
    const Gsim = gSequence(finalSim.pages, cost);
    const regions: InnodbRegionRow[] = [];
    for (let r = 0; r < profile.regionCount; r++) {
      const fromKey = r * workload.regionKeys;
      const toKey = r === profile.regionCount - 1 ? profile.rows : (r + 1) * workload.regionKeys;
      let rowUpdates = 0;
      for (let k = fromKey; k < toKey; k++) rowUpdates += workload.updateCountPerKey[k];
      const mean = (G: Float64Array, keys: Int32Array): number => {
        const [a, b] = leafRangeOfKeys(keys, fromKey, toKey);
        let t = 0;
        for (let i = a; i < b; i++) t += G[i];
        return b > a ? t / (b - a) / cost.g0Ms : NaN;
      };
      regions.push({ region: r, fromKey, toKey, weight: profile.regionWeights[r], rowUpdates, realMeanGOverG0: mean(Greal, finalReal.lowKeys), simMeanGOverG0: mean(Gsim, finalSim.lowKeys) });
    }
    const spearman = (pick: (r: InnodbRegionRow) => number): number =>
      updates > 0 ? sampleRankCorrelation(regions.map((r) => r.rowUpdates), regions.map(pick)) : NaN;

    // the reorganization: OPTIMIZE TABLE rebuilds the table (for InnoDB: ALTER TABLE ... FORCE,
    // an in-place rebuild whose clustered index is built by the bulk loader, btr0bulk.cc); then
    // a rebuild by hand: INSERT ... SELECT in key order into a fresh table (row by row, like the load)
    await db.query('OPTIMIZE TABLE t1');
    const opt = await readReal();
    const optimizeSeq = toSequence(opt);
    const optimize = layoutMetrics(optimizeSeq, cost, x, profile.rows, ranges, updates);
    await db.exec(INNODB_T1_DDL.replace('TABLE t1', 'TABLE t1_copy'));
    await db.exec('INSERT INTO t1_copy SELECT * FROM t1 ORDER BY id');
    const copyIx = await withExportedTablespace(db, 'paper_b', 't1_copy', (path) => readClusteredIndex(path));
    const copy = layoutMetrics(toSequence(copyIx), cost, x, profile.rows, ranges, updates);

    return {
      params: { scale, updates, seed, snapshotEvery, x, ranges, protocol, bufferPoolMiB, rows: profile.rows, windowKeys: profile.windowKeys, bulkRows: profile.bulkRows },
      engineVersion: v,
      g0Ms: cost.g0Ms,
      costName: cost.name,
      updatedRowShare: workload.updatedRowShare(),
      real,
      sim,
      finalReal,
      finalSim,
      afterLoadReal,
      afterLoadSim,
      jumpKs: ksDistance(jumpDistances(finalReal.pages), jumpDistances(finalSim.pages)),
      jumpKsAfterLoad: ksDistance(jumpDistances(afterLoadReal.pages), jumpDistances(afterLoadSim.pages)),
      jumpDemeritPages: cdfDemerit(jumpDistances(finalReal.pages), jumpDistances(finalSim.pages)),
      jumpDemeritPagesAfterLoad: cdfDemerit(jumpDistances(afterLoadReal.pages), jumpDistances(afterLoadSim.pages)),
      engineView: views,
      regions,
      spearmanReal: spearman((r) => r.realMeanGOverG0),
      spearmanSim: spearman((r) => r.simMeanGOverG0),
      optimize,
      optimizeSeq,
      copyRebuild: copy,
      realInteriorPages,
      realHeight,
      simInteriorPages: tree.interiorPages,
      timing: { loadRowsPerS: profile.rows / loadS, updatesPerS: updates > 0 ? updates / updS : NaN, readerMBps: readerBytes / 2 ** 20 / readerS, elapsedS: (performance.now() - t0) / 1000 },
    };
  } finally {
    await db.stop();
  }
}

