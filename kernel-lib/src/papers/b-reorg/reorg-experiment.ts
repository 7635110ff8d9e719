/**
 * Paper B (autonomic reorganization) — Figs. 5–7 and the SLA scheduler of §3.2, composed once
 * for the notebook (notebooks/reorg-monitor.ipynb), the tests and the benchmark.
 *
 * Run: load T1's 6,000,000 rows in id order into the clustered B+Tree (InnoDB page placement),
 * apply the 1,000 bulk updates (data/b-reorg/bulk-updates.json) with the update sniffer feeding the
 * deterioration monitor, then read everything from the monitor:
 * - Fig. 5: update count per key (binned);
 * - Fig. 6: the G distribution over the leaves, with the X·G0 line;
 * - Fig. 7: 10 key ranges of 10 %: the estimate C_R (eq. 2, from f) against the simulated scan
 *   time (the separate drive simulation disk-sim.ts replaying the leaf reads + a per-page DBMS
 *   CPU cost, calibrated, data/b-reorg/scan-cpu.json);
 * - SLA (eq. 3): T_min for X against the number of updates; the T key ranges at 100 updates;
 * - B5: per-region update count against per-region mean G (Spearman);
 * - beyond the paper: T_min on other drives, real DBMSs' fragmentation figures against
 *   C_R / (|S|·G0), and "reorganize T" (eq. 4).
 * Every number here is modeled or simulated; nothing is measured on a real drive.
 */
import { mean, rankCorrelation } from '../../core/statistics.js';
import { loadJson } from '../../core/data-path.js';
import { Rng } from '../../core/rng.js';
import { ParameterError, requireInRange, requireInteger, requireOneOf, requirePositive } from '../../core/validate.js';
import type { PageCost } from '../../hardware/page-cost.js';
import { hddPageCost, hddProfile, HDD_PROFILE_NAMES } from '../../hardware/hdd.js';
import { ssdPageCost, ssdProfile } from '../../hardware/ssd.js';
import { simulatePageReadsMs } from '../../hardware/disk-sim.js';
import { ClusteredBtree } from '../../dbms/btree.js';
import { compactClusteredRecordBytes, leafPageLayout, T1_COLUMNS } from '../../dbms/innodb-row-format.js';
import { BulkUpdateWorkload, loadBulkUpdateProfile, scaleBulkUpdateProfile } from '../../workloads/bulk-updates.js';
import { DeteriorationMonitor, type TminRun } from './deterioration-monitor.js';
import { gSequence, requireTolerance } from './deterioration.js';
import { postgresLeafFragmentationPct, sqlServerFragmentation } from './fragmentation.js';

/**
 * Bounds of runPaperBMonitor's parameters (the notebook's `parameters` cell states the same):
 * scale from 60,000 rows to the paper's 6,000,000; at most 2,000 updates (twice the paper's, well
 * under a minute); X of eq. (3) from 1.01 to 100.
 */
export const MONITOR_LIMITS = { scale: [0.01, 1], updates: [0, 2000], x: [1.01, 100], slaStepUpdates: [1, 1000] } as const;

/** Paper B §4: 16 KB pages. */
export const PAPER_B_PAGE_BYTES = 16384;

export interface PaperBMonitorParams {
  /** Fraction of the paper's 6,000,000 rows (window and bulk sizes scale with it). Default 1. */
  scale?: number;
  /** Updates to run. Default: the profile's 1,000. */
  updates?: number;
  /** Workload seed. Default: the profile's. */
  seed?: number;
  /** Drive of f and of the scan simulation. Default 'hdd-2005'. */
  profile?: string;
  /** SLA tolerance X of eq. (3). Default 2. */
  x?: number;
  /** Snapshot T_min every this many updates. Default 10. */
  slaStepUpdates?: number;
  /** Update count at which T's key ranges are reported (paper: 100). Default 100. */
  tAtUpdates?: number;
  /** Bins of Figs. 5 and 6. Default 600. */
  bins?: number;
  /** Ranges of Fig. 7. Default 10. */
  scanRanges?: number;
  /** DBMS CPU per leaf page of a scan (ms); default the calibrated value in data/b-reorg/scan-cpu.json. */
  scanCpuPerPageMs?: number;
  /** Run the beyond-the-paper analyses (other drives, fragmentation, reorganize T). Default true. */
  beyond?: boolean;
}

export interface Fig7Row {
  range: number;
  fromKey: number;
  toKey: number;
  leaves: number;
  /** Σ per-row update counts in the range (0 = never updated). */
  rowUpdates: number;
  /** C_R from the monitor (eq. 2), ms — modeled. */
  estimateMs: number;
  /** Drive simulation of the leaf reads in key order, ms — simulated. */
  simulatedIoMs: number;
  /** DBMS CPU: leaves × scanCpuPerPageMs (calibrated). */
  cpuMs: number;
  simulatedMs: number;
  /** |estimate − simulated| / simulated, %. */
  errorPct: number;
  /** |estimate − simulated I/O| / simulated I/O, % (CPU share removed). */
  ioErrorPct: number;
  /** Beyond: PostgreSQL leaf_fragmentation, SQL Server avg_fragmentation_in_percent and fragment count, C_R/(|S|·G0). */
  pgLeafFragmentationPct: number;
  sqlServerFragmentationPct: number;
  sqlServerFragments: number;
  costRatio: number;
}

/** B1's figures over Fig. 7's ranges: the ranges the updates touched and the never-updated ones apart. */
export interface Fig7ErrorSummary {
  touchedRanges: number;
  untouchedRanges: number;
  /** Max |estimate − simulated| / simulated over the touched ranges, % (NaN if none). */
  maxErrorTouchedPct: number;
  /** Min of the same, % (NaN if none). */
  minErrorTouchedPct: number;
  /** The same over the never-updated ranges, % (NaN if none). */
  maxErrorUntouchedPct: number;
  /** Max I/O-only error over all ranges (CPU share removed), %. */
  maxIoErrorPct: number;
}

export function fig7ErrorSummary(rows: readonly Fig7Row[]): Fig7ErrorSummary {
  const max = (qs: readonly Fig7Row[], pick: (q: Fig7Row) => number) => (qs.length ? Math.max(...qs.map(pick)) : NaN);
  const min = (qs: readonly Fig7Row[], pick: (q: Fig7Row) => number) => (qs.length ? Math.min(...qs.map(pick)) : NaN);
  const touched = rows.filter((q) => q.rowUpdates > 0);
  const untouched = rows.filter((q) => q.rowUpdates === 0);
  return {
    touchedRanges: touched.length,
    untouchedRanges: untouched.length,
    maxErrorTouchedPct: max(touched, (q) => q.errorPct),
    minErrorTouchedPct: min(touched, (q) => q.errorPct),
    maxErrorUntouchedPct: max(untouched, (q) => q.errorPct),
    maxIoErrorPct: max(rows, (q) => q.ioErrorPct),
  };
}

export interface RegionRow {
  region: number;
  fromKey: number;
  toKey: number;
  /** Updates that picked the region. */
  updates: number;
  /** Σ per-row update counts in the region (Fig. 5 summed). */
  rowUpdates: number;
  leaves: number;
  /** Mean G over the region's leaves (ms). */
  meanGMs: number;
}

export interface ProfileTmin {
  profile: string;
  g0Ms: number;
  /** |T_min| for X at the end. */
  tMinLeaves: number;
  /** C/(|S|·G0) of the whole key space at the end. */
  costRatio: number;
  /** Update count at which some region first violates eq. (3); null = never. */
  firstRegionBreakUpdates: number | null;
  /** |T_min| at the end for each tolerance of `TMIN_X_SWEEP`. */
  tMinByX: number[];
}

/** Tolerances of the drive comparison (beyond the paper). */
export const TMIN_X_SWEEP: readonly number[] = [2, 5, 10, 20, 50];

/** Where the real DBMSs' fragmentation counts and the I/O-cost view disagree, on the final leaf sequence. */
export interface FragmentationDisagreement {
  leaves: number;
  /** Leaves SQL Server counts out of order (next leaf ≠ page + 1). */
  sqlServerOutOfOrder: number;
  /** … of which the jump is cheap: G < X·G0 (inside the drive's read-ahead). */
  sqlServerOutOfOrderCheap: number;
  /** Leaves PostgreSQL counts (next link to a lower block). */
  postgresBackward: number;
  /** Forward jumps PostgreSQL ignores although G ≥ X·G0. */
  forwardExpensiveIgnoredByPostgres: number;
}

export interface PaperBMonitorResult {
  params: Required<Omit<PaperBMonitorParams, 'scanCpuPerPageMs'>> & { scanCpuPerPageMs: number };
  rows: number;
  leaves: number;
  updatedRowShare: number;
  g0Ms: number;
  xG0Ms: number;
  sniffedEvents: number;
  treeStats: ClusteredBtree['stats'];
  runMs: { load: number; updates: number };
  fig5: { binFromKey: number[]; meanUpdateCount: number[] };
  fig6: { binFromLeaf: number[]; binFromKey: number[]; meanGMs: number[]; maxGMs: number[] };
  fig7: Fig7Row[];
  sla: {
    updates: number[];
    tMinLeaves: number[];
    /** Regions (of the workload's regions) violating eq. (3). */
    regionsViolating: number[];
    /** |T_min| right after the load (extent-descriptor jumps of the space). */
    tMinAfterLoad: number;
    /** First snapshot where T_min grew past its after-load size; null = never. */
    firstTminGrowthUpdates: number | null;
    /** First snapshot where a region violates eq. (3); null = never. */
    firstRegionBreakUpdates: number | null;
  };
  tAt: {
    updates: number;
    leaves: number;
    runs: TminRun[];
    /** Leaves of T_min lying in regions updated by then / all of T_min. */
    shareInUpdatedRegions: number;
    /** Same, for the most-updated half of the updated regions. */
    shareInTopRegions: number;
    regionUpdatesAt: number[];
    regionTminLeaves: number[];
    /** Leaves of T_min that were not in T_min right after the load (by physical page). */
    newLeaves: number;
    /** Per region: those new leaves. */
    regionNewTminLeaves: number[];
    /** Share of the new leaves in regions updated by then (NaN if there are none). */
    newShareInUpdatedRegions: number;
    /** Share of all leaves in regions updated by then: what a T_min spread like the leaves would give. */
    leafShareInUpdatedRegions: number;
    /** Share of the new leaves in the most-updated half of the updated regions, and of all leaves there. */
    newShareInTopRegions: number;
    leafShareInTopRegions: number;
    /** Share of the updates so far that went to the most-updated half of the updated regions (where a T_min following the updates would lie). */
    updateShareInTopRegions: number;
    /** Spearman ρ over the regions: updates so far vs new T_min leaves. */
    newTminSpearman: number;
    /** C_R/(|S|·G0) over the regions updated by then and over the others (eq. 3 at range level). */
    updatedSpaceCostRatio: number;
    untouchedSpaceCostRatio: number;
  };
  regions: RegionRow[];
  spearman: number;
  profiles: ProfileTmin[];
  fragmentation: FragmentationDisagreement;
  reorganize: null | {
    fromKey: number;
    toKey: number;
    leaves: number;
    costBeforeMs: number;
    costAfterMs: number;
    maxGAfterOverG0: number;
    slaHoldsAfter: boolean;
    tMinLeavesAfter: number;
  };
}

/** The calibrated scan CPU per page (data/b-reorg/scan-cpu.json). */
export function scanCpuPerPageMsFromData(): number {
  const d = loadJson<{ scanCpuPerPageMs: number | null }>('b-reorg', 'scan-cpu.json');
  if (d.scanCpuPerPageMs === null) throw new Error('data/b-reorg/scan-cpu.json: scanCpuPerPageMs not calibrated yet');
  return d.scanCpuPerPageMs;
}

/** f and G0 for a named drive profile ('hdd-2005' | 'hdd-2015' | 'nvme-ssd'). */
export function reorgPageCost(profile: string, pageBytes = PAPER_B_PAGE_BYTES): PageCost {
  const name = requireOneOf('profile', profile, [...HDD_PROFILE_NAMES, 'nvme-ssd']);
  if (name === 'nvme-ssd') return ssdPageCost(ssdProfile(name), pageBytes);
  return hddPageCost(hddProfile(name), pageBytes);
}

/** Leaf index range [from, to) holding keys [fromKey, toKey), from the low keys in key order. */
export function leafRangeOfKeys(lowKeys: Int32Array, fromKey: number, toKey: number): [number, number] {
  if (!(fromKey < toKey)) throw new ParameterError('key range', [fromKey, toKey], 'key', 'a non-empty range [fromKey, toKey) with fromKey < toKey');
  // from: last leaf with low ≤ fromKey; to: first leaf with low ≥ toKey
  let lo = 0, hi = lowKeys.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (lowKeys[m] <= fromKey) lo = m + 1;
    else hi = m;
  }
  const from = Math.max(0, lo - 1);
  lo = from;
  hi = lowKeys.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (lowKeys[m] < toKey) lo = m + 1;
    else hi = m;
  }
  return [from, lo];
}

export function runPaperBMonitor(params: PaperBMonitorParams = {}): PaperBMonitorResult {
  const scale = requireInRange('scale', params.scale ?? 1, 'of 6,000,000 rows', MONITOR_LIMITS.scale[0], MONITOR_LIMITS.scale[1]);
  const base = scaleBulkUpdateProfile(loadBulkUpdateProfile(), scale);
  const updates = requireInteger('updates', params.updates ?? base.updates, 'updates', 0, MONITOR_LIMITS.updates[1]);
  const seed = requireInteger('seed', params.seed ?? base.seed, '', 1, 2 ** 31 - 1);
  const profileName = params.profile ?? 'hdd-2005';
  const x = requireTolerance(requireInRange('x', params.x ?? 2, '× G0', MONITOR_LIMITS.x[0], MONITOR_LIMITS.x[1]));
  const step = requireInteger('slaStepUpdates', params.slaStepUpdates ?? 10, 'updates', 1, MONITOR_LIMITS.slaStepUpdates[1]);
  const tAtUpdates = requireInteger('tAtUpdates', params.tAtUpdates ?? 100, 'updates', 0);
  const bins = requireInteger('bins', params.bins ?? 600, 'bins', 1, 100_000);
  const nRanges = requireInteger('scanRanges', params.scanRanges ?? 10, 'ranges', 1, 1000);
  const cpuPerPageMs = requirePositive('scanCpuPerPageMs', params.scanCpuPerPageMs ?? scanCpuPerPageMsFromData(), 'ms');
  const beyond = params.beyond ?? true;
  const profile = { ...base, updates, seed };

  const cost = reorgPageCost(profileName);
  const layout = leafPageLayout(PAPER_B_PAGE_BYTES, compactClusteredRecordBytes(T1_COLUMNS));
  const monitor = new DeteriorationMonitor({ cost, initialCapacity: Math.ceil((profile.rows / layout.sequentialFillRecords) * 1.3) + 16 });
  const tree = new ClusteredBtree({ layout, sniffer: monitor });
  const workload = new BulkUpdateWorkload(profile, new Rng(seed));
  const regionKeys = workload.regionKeys;
  const nRegions = profile.regionCount;
  const limit = x * cost.g0Ms;

  // other drives, for the SLA-over-time comparison (beyond the paper): G recomputed from the
  // monitor's page sequence at each snapshot
  const otherCosts = beyond ? ['hdd-2005', 'hdd-2015', 'nvme-ssd'].filter((n) => n !== profileName).map((n) => reorgPageCost(n)) : [];
  const otherFirstBreak: (number | null)[] = otherCosts.map(() => null);

  let t0 = performance.now();
  workload.load(tree);
  const loadMs = performance.now() - t0;

  const slaUpdates: number[] = [];
  const slaTmin: number[] = [];
  const slaRegions: number[] = [];
  let firstRegionBreak: number | null = null;
  let tMinAfterLoad = 0;
  const tMinAfterLoadPages = new Set<number>();
  let firstGrowth: number | null = null;
  let tAt: PaperBMonitorResult['tAt'] | null = null;
  const regionUpdatesSoFar = new Int32Array(nRegions);

  const regionsViolating = (G: Float64Array, keys: Int32Array, c: PageCost): number => {
    let v = 0;
    for (let r = 0; r < nRegions; r++) {
      const [a, b] = leafRangeOfKeys(keys, r * regionKeys, r === nRegions - 1 ? profile.rows : (r + 1) * regionKeys);
      let s = 0;
      for (let i = a; i < b; i++) s += G[i];
      if (!(s < x * (b - a) * c.g0Ms)) v++;
    }
    return v;
  };

  const snapshot = (u: number) => {
    const G = monitor.gDistribution();
    const keys = monitor.lowKeysInKeyOrder();
    let t = 0;
    for (let i = 0; i < G.length; i++) if (G[i] >= limit) t++;
    const rv = regionsViolating(G, keys, cost);
    slaUpdates.push(u);
    slaTmin.push(t);
    slaRegions.push(rv);
    if (u === 0) {
      tMinAfterLoad = t;
      const pages = monitor.pagesInKeyOrder();
      for (let i = 0; i < G.length; i++) if (G[i] >= limit) tMinAfterLoadPages.add(pages[i]);
    }
    else if (firstGrowth === null && t > tMinAfterLoad) firstGrowth = u;
    if (firstRegionBreak === null && rv > 0) firstRegionBreak = u;
    if (otherCosts.length > 0) {
      const pages = monitor.pagesInKeyOrder();
      otherCosts.forEach((c, k) => {
        if (otherFirstBreak[k] === null && regionsViolating(gSequence(pages, c), keys, c) > 0) otherFirstBreak[k] = u;
      });
    }
    if (u === tAtUpdates) tAt = describeT(u, G, keys);
  };

  const describeT = (u: number, G: Float64Array, keys: Int32Array): PaperBMonitorResult['tAt'] => {
    const runs = monitor.tMinRuns(x);
    const pages = monitor.pagesInKeyOrder();
    const regionTmin = new Array<number>(nRegions).fill(0);
    const regionNew = new Array<number>(nRegions).fill(0);
    const regionLeaves = new Array<number>(nRegions).fill(0);
    const regionG = new Array<number>(nRegions).fill(0);
    for (let i = 0; i < G.length; i++) {
      const rg = Math.min(nRegions - 1, Math.max(0, Math.floor(keys[i] / regionKeys)));
      regionLeaves[rg]++;
      regionG[rg] += G[i];
      if (G[i] >= limit) {
        regionTmin[rg]++;
        if (!tMinAfterLoadPages.has(pages[i])) regionNew[rg]++;
      }
    }
    const regionUpdates = Array.from(regionUpdatesSoFar);
    const updated = regionUpdates.map((c) => c > 0);
    const sortedCounts = regionUpdates.filter((c) => c > 0).sort((a, b) => b - a);
    const topThreshold = sortedCounts.length > 0 ? sortedCounts[Math.max(0, Math.ceil(sortedCounts.length / 2) - 1)] : Infinity;
    const top = regionUpdates.map((c) => c >= topThreshold);
    const sumOver = (xs: number[], pick: boolean[]) => xs.reduce((a, v, r) => a + (pick[r] ? v : 0), 0);
    const total = (xs: number[]) => xs.reduce((a, v) => a + v, 0);
    const all = total(regionTmin), allNew = total(regionNew), leaves = total(regionLeaves);
    const untouched = updated.map((b) => !b);
    const ratio = (pick: boolean[]) => sumOver(regionG, pick) / (sumOver(regionLeaves, pick) * cost.g0Ms);
    return {
      updates: u,
      leaves: all,
      runs,
      shareInUpdatedRegions: all > 0 ? sumOver(regionTmin, updated) / all : 0,
      shareInTopRegions: all > 0 ? sumOver(regionTmin, top) / all : 0,
      regionUpdatesAt: regionUpdates,
      regionTminLeaves: regionTmin,
      newLeaves: allNew,
      regionNewTminLeaves: regionNew,
      newShareInUpdatedRegions: allNew > 0 ? sumOver(regionNew, updated) / allNew : NaN,
      leafShareInUpdatedRegions: sumOver(regionLeaves, updated) / leaves,
      newShareInTopRegions: allNew > 0 ? sumOver(regionNew, top) / allNew : NaN,
      leafShareInTopRegions: sumOver(regionLeaves, top) / leaves,
      updateShareInTopRegions: total(regionUpdates) > 0 ? sumOver(regionUpdates, top) / total(regionUpdates) : NaN,
      newTminSpearman: rankCorrelation(regionUpdates, regionNew),
      updatedSpaceCostRatio: ratio(updated),
      untouchedSpaceCostRatio: ratio(untouched),
    };
  };

  t0 = performance.now();
  snapshot(0);
  let updMs = 0;
  for (let u = 1; u <= updates; u++) {
    const s = performance.now();
    const rec = workload.runUpdate(tree);
    updMs += performance.now() - s;
    regionUpdatesSoFar[rec.region]++;
    if (u % step === 0 || u === tAtUpdates || u === updates) snapshot(u);
  }
  void t0;

  // Fig. 5: mean update count per key bin
  const perKey = workload.updateCountPerKey;
  const binKeys = Math.max(1, Math.ceil(profile.rows / bins));
  const fig5 = { binFromKey: [] as number[], meanUpdateCount: [] as number[] };
  for (let k0 = 0; k0 < profile.rows; k0 += binKeys) {
    const k1 = Math.min(profile.rows, k0 + binKeys);
    fig5.binFromKey.push(k0);
    fig5.meanUpdateCount.push(mean(perKey.subarray(k0, k1)));
  }

  // Fig. 6: G over the leaves (binned: mean and max)
  const G = monitor.gDistribution();
  const keys = monitor.lowKeysInKeyOrder();
  const pages = monitor.pagesInKeyOrder();
  const binLeaves = Math.max(1, Math.ceil(G.length / bins));
  const fig6 = { binFromLeaf: [] as number[], binFromKey: [] as number[], meanGMs: [] as number[], maxGMs: [] as number[] };
  for (let i0 = 0; i0 < G.length; i0 += binLeaves) {
    const i1 = Math.min(G.length, i0 + binLeaves);
    let m = 0;
    for (let i = i0; i < i1; i++) if (G[i] > m) m = G[i];
    fig6.binFromLeaf.push(i0);
    fig6.binFromKey.push(Math.max(0, keys[i0]));
    fig6.meanGMs.push(mean(G.subarray(i0, i1)));
    fig6.maxGMs.push(m);
  }

  // Fig. 7: 10 ranges of 10 %
  const fig7: Fig7Row[] = [];
  const drive = profileName === 'nvme-ssd' ? null : hddProfile(profileName);
  for (let r = 0; r < nRanges; r++) {
    const fromKey = Math.floor((r * profile.rows) / nRanges);
    const toKey = Math.floor(((r + 1) * profile.rows) / nRanges);
    const [a, b] = leafRangeOfKeys(keys, fromKey, toKey);
    const seq = pages.subarray(a, b);
    const estimateMs = monitor.rangeCostMs(fromKey, toKey);
    const simulatedIoMs = drive ? simulatePageReadsMs(drive, seq, PAPER_B_PAGE_BYTES).totalMs : NaN;
    const cpuMs = (b - a) * cpuPerPageMs;
    const simulatedMs = simulatedIoMs + cpuMs;
    const sq = sqlServerFragmentation(seq);
    let rowUpdates = 0;
    for (let k = fromKey; k < toKey; k++) rowUpdates += perKey[k];
    fig7.push({
      range: r,
      fromKey,
      toKey,
      leaves: b - a,
      rowUpdates,
      estimateMs,
      simulatedIoMs,
      cpuMs,
      simulatedMs,
      errorPct: (100 * Math.abs(estimateMs - simulatedMs)) / simulatedMs,
      ioErrorPct: (100 * Math.abs(estimateMs - simulatedIoMs)) / simulatedIoMs,
      pgLeafFragmentationPct: postgresLeafFragmentationPct(seq),
      sqlServerFragmentationPct: sq.avgFragmentationPct,
      sqlServerFragments: sq.fragmentCount,
      costRatio: estimateMs / ((b - a) * cost.g0Ms),
    });
  }

  // regions: update counts vs mean G (B5)
  const regions: RegionRow[] = [];
  for (let r = 0; r < nRegions; r++) {
    const fromKey = r * regionKeys;
    const toKey = r === nRegions - 1 ? profile.rows : (r + 1) * regionKeys;
    let rowUpdates = 0;
    for (let k = fromKey; k < toKey; k++) rowUpdates += perKey[k];
    const leaves = monitor.rangeLeafCount(fromKey, toKey);
    regions.push({
      region: r,
      fromKey,
      toKey,
      updates: workload.updatesPerRegion[r],
      rowUpdates,
      leaves,
      meanGMs: monitor.rangeCostMs(fromKey, toKey) / leaves,
    });
  }
  const spearman = rankCorrelation(regions.map((r) => r.rowUpdates), regions.map((r) => r.meanGMs));

  // beyond: other drives
  const profiles: ProfileTmin[] = [];
  const allCosts: [string, PageCost][] = [[profileName, cost], ...otherCosts.map((c): [string, PageCost] => [c.name, c])];
  allCosts.forEach(([name, c], k) => {
    const g = name === profileName ? G : gSequence(pages, c);
    let t = 0, s = 0;
    for (let i = 0; i < g.length; i++) {
      s += g[i];
      if (g[i] >= x * c.g0Ms) t++;
    }
    profiles.push({
      profile: name,
      g0Ms: c.g0Ms,
      tMinLeaves: t,
      costRatio: s / (g.length * c.g0Ms),
      firstRegionBreakUpdates: k === 0 ? firstRegionBreak : otherFirstBreak[k - 1],
      tMinByX: TMIN_X_SWEEP.map((xx) => {
        let n = 0;
        for (let i = 0; i < g.length; i++) if (g[i] >= xx * c.g0Ms) n++;
        return n;
      }),
    });
  });

  // beyond: where pgstatindex / SQL Server and the I/O-cost view disagree (leaf i → i+1 jump, costed by G[i+1])
  const fragmentation: FragmentationDisagreement = { leaves: G.length, sqlServerOutOfOrder: 0, sqlServerOutOfOrderCheap: 0, postgresBackward: 0, forwardExpensiveIgnoredByPostgres: 0 };
  for (let i = 0; i + 1 < pages.length; i++) {
    const jumpCost = G[i + 1];
    if (pages[i + 1] !== pages[i] + 1) {
      fragmentation.sqlServerOutOfOrder++;
      if (jumpCost < limit) fragmentation.sqlServerOutOfOrderCheap++;
    }
    if (pages[i + 1] < pages[i]) fragmentation.postgresBackward++;
    else if (jumpCost >= limit) fragmentation.forwardExpensiveIgnoredByPostgres++;
  }

  // beyond: reorganize T of the most deteriorated region (eq. 4)
  let reorganize: PaperBMonitorResult['reorganize'] = null;
  if (beyond && updates > 0) {
    let worst = regions[0];
    for (const r of regions) if (r.meanGMs > worst.meanGMs) worst = r;
    const before = monitor.rangeCostMs(worst.fromKey, worst.toKey);
    const moved = tree.reorganizeRange(worst.fromKey, worst.toKey);
    const after = monitor.rangeCostMs(worst.fromKey, worst.toKey);
    const G2 = monitor.gDistribution();
    const keys2 = monitor.lowKeysInKeyOrder();
    const [a, b] = leafRangeOfKeys(keys2, worst.fromKey, worst.toKey);
    let maxG = 0, tAfter = 0;
    for (let i = a + 1; i < b; i++) {
      if (G2[i] > maxG) maxG = G2[i];
    }
    for (let i = 0; i < G2.length; i++) if (G2[i] >= limit) tAfter++;
    reorganize = {
      fromKey: worst.fromKey,
      toKey: worst.toKey,
      leaves: moved,
      costBeforeMs: before,
      costAfterMs: after,
      maxGAfterOverG0: maxG / cost.g0Ms,
      slaHoldsAfter: monitor.slaHolds(worst.fromKey, worst.toKey, x),
      tMinLeavesAfter: tAfter,
    };
  }

  return {
    params: { scale, updates, seed, profile: profileName, x, slaStepUpdates: step, tAtUpdates, bins, scanRanges: nRanges, scanCpuPerPageMs: cpuPerPageMs, beyond },
    rows: tree.rowCount,
    leaves: tree.leafCount,
    updatedRowShare: workload.updatedRowShare(),
    g0Ms: cost.g0Ms,
    xG0Ms: limit,
    sniffedEvents: monitor.events,
    treeStats: { ...tree.stats },
    runMs: { load: loadMs, updates: updMs },
    fig5,
    fig6,
    fig7,
    sla: {
      updates: slaUpdates,
      tMinLeaves: slaTmin,
      regionsViolating: slaRegions,
      tMinAfterLoad,
      firstTminGrowthUpdates: firstGrowth,
      firstRegionBreakUpdates: firstRegionBreak,
    },
    tAt: tAt ?? describeT(-1, G, keys),
    regions,
    spearman,
    profiles,
    fragmentation,
    reorganize,
  };
}
