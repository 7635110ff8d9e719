/**
 * Paper B's check specs, for its three notebooks: the one place where a number of paper B is
 * written (paper B §4 and Figs. 7–8). Each function takes a result and returns the specs;
 * the notebook shows them with `showChecks(checks(...))`.
 */
import { atLeast, atMost, below, equal, within, type CheckSpec } from '../../notebook/checks.js';
import { fig7ErrorSummary, type PaperBMonitorResult } from './reorg-experiment.js';
import { bufferPoolLabel, type PaperBOverheadResult } from './sniffer-overhead.js';
import type { SqliteReorgResult } from './sqlite-reorg.js';

/**
 * Drops the rows a run cannot evaluate (a NaN value: no touched or no never-updated range, no drive
 * simulation for an SSD, no update phase), so that a notebook at the edge of its parameters shows
 * the checks it can make instead of failing in the check cell.
 */
function evaluable(specs: CheckSpec[]): CheckSpec[] {
  return specs.filter((c) => typeof c.ours !== 'number' || Number.isFinite(c.ours));
}

/** Paper B §4 (B1): the estimate's error against the measured scan, every range. */
const PAPER_B1_ERROR_PCT: [number, number] = [8, 17];

/**
 * reorg-monitor. B1 (calibrated: the CPU per page is fitted to its "about 10 %" on the
 * undeteriorated scans), two-sided on the paper's 8–17 % and split over the ranges the updates
 * touched and the never-updated ones; B1-io (the paper's "< 7 %" bound); B4 (T_min at 100
 * updates against T_min after the load, and where it lies against the update distribution);
 * B5 (predicted).
 */
export function reorgMonitorCheckSpecs(r: PaperBMonitorResult): CheckSpec[] {
  const b1 = fig7ErrorSummary(r.fig7);
  const x = r.params.x;
  const t = r.tAt;
  const [lo, hi] = PAPER_B1_ERROR_PCT;
  const b1Deviation =
    'the estimate C_R counts I/O only; in a deteriorated range the I/O per page grows with G while the MySQL CPU per page ' +
    '(calibrated to 10 % of an undeteriorated scan) stays, so the CPU share — and with it the I/O-only estimate\'s error — ' +
    'shrinks to a few %, while the paper reports 8–17 % on every range (its CPU share stayed near 10 %, which a per-page CPU cost does not give)';
  const allUpd = t.regionUpdatesAt.reduce((p, c) => p + c, 0);
  // no updates yet: nothing to follow; the rows then fail on their value (0), not on a NaN
  const topUpdShare = Number.isFinite(t.updateShareInTopRegions) ? t.updateShareInTopRegions : 1;
  return evaluable([
    { id: 'B1', claim: `estimate vs simulated scan time: max error over the ${b1.touchedRanges} ranges the updates touched`, paper: '8–17 %', ours: b1.maxErrorTouchedPct, tolerance: within(lo, hi), unit: '%', kind: 'calibrated', knownDeviation: b1Deviation },
    { id: 'B1', claim: `estimate vs simulated scan time: min error over the ${b1.touchedRanges} ranges the updates touched`, paper: '8–17 %', ours: b1.minErrorTouchedPct, tolerance: within(lo, hi), unit: '%', kind: 'calibrated', knownDeviation: b1Deviation },
    { id: 'B1', claim: `estimate vs simulated scan time: max error over the ${b1.untouchedRanges} never-updated ranges`, paper: '8–17 %', ours: b1.maxErrorUntouchedPct, tolerance: within(lo, hi), unit: '%', kind: 'calibrated' },
    { id: 'B1-io', claim: 'I/O-only estimate vs simulated I/O, CPU share removed (max over ranges)', paper: '< 7 %', ours: b1.maxIoErrorPct, tolerance: atMost(7), unit: '%' },
    {
      id: 'B4',
      claim: `X = ${x}: of the ${t.leaves} leaves in T_min at ${t.updates} updates, ${t.newLeaves} were not in T_min after the load (${r.sla.tMinAfterLoad} there: allocation jumps); ` +
        `share of these new leaves in the regions updated by then (a T_min spread like the leaves: ${t.leafShareInUpdatedRegions.toFixed(3)})`,
      paper: 'the updated space becomes T', ours: t.newLeaves > 0 ? t.newShareInUpdatedRegions : 0, tolerance: atLeast(0.99),
    },
    {
      id: 'B4-where',
      claim: `share of the new T_min leaves in the most-updated half of the updated regions, against those regions' share of the ${allUpd} updates so far ` +
        `(${topUpdShare.toFixed(3)}; a T_min spread like the leaves: ${t.leafShareInTopRegions.toFixed(3)})`,
      paper: 'T follows the updates', ours: t.newLeaves > 0 ? t.newShareInTopRegions : 0, tolerance: within(Number((0.8 * topUpdShare).toPrecision(4)), Number(Math.min(1, 1.2 * topUpdShare).toPrecision(4))),
    },
    { id: 'B4-SLA', claim: `eq. (3) at ${t.updates} updates over the regions updated by then: C_R/(|S|·G0)`, paper: `≥ X = ${x} (no longer meets the SLA)`, ours: Number.isFinite(t.updatedSpaceCostRatio) ? t.updatedSpaceCostRatio : 0, tolerance: atLeast(x) },
    { id: 'B4-SLA', claim: `eq. (3) at ${t.updates} updates over the never-updated regions: C_R/(|S|·G0)`, paper: `< X = ${x} (meets the SLA)`, ours: t.untouchedSpaceCostRatio, tolerance: below(x) },
    { id: 'B5', claim: 'Spearman ρ, per-region update count vs per-region mean G', paper: 'G follows the updates', ours: r.spearman, tolerance: atLeast(0.8) },
  ]);
}

/**
 * reorg-on-sqlite: B5 (G follows the update distribution) as Spearman's ρ over the regions;
 * after VACUUM, C_R/(|S|·G0) back near 1; the reader agrees with SQLite's dbstat. All predicted.
 */
export function sqliteReorgCheckSpecs(r: SqliteReorgResult): CheckSpec[] {
  const specs: CheckSpec[] = [];
  if (r.spearman !== null) {
    specs.push({
      id: 'B5',
      claim: `G follows the update distribution: Spearman ρ of mean G/G0 vs mean updates per row over the ${r.regions.length} key regions`,
      paper: 'qualitative (Figs. 5, 6)',
      ours: Math.round(r.spearman * 1000) / 1000,
      tolerance: atLeast(0.8),
    });
  }
  if ('snapshot' in r.vacuum) {
    specs.push({
      id: 'B-vacuum',
      claim: 'after VACUUM (reorganization) G is back at G0: C_R / (|S|·G0) over the whole table',
      paper: '1 (G = G0 after reorganization, eq. 4)',
      ours: Math.round(r.vacuum.snapshot.cROverSG0 * 1000) / 1000,
      tolerance: within(1, 1.05),
    });
  }
  specs.push({
    id: 'reader',
    claim: "the file-format reader's leaf pages in key order equal SQLite's dbstat (leaves sorted by path)",
    paper: 'equal',
    ours: r.dbstat.compared ? r.dbstat.agrees : `not compared: ${r.dbstat.reason}`,
    tolerance: equal(),
  });
  return evaluable(specs);
}

/** Paper B §4 (B2, B3): sniffer overhead, %, with the 1 GB and the 128 MB buffer cache. */
const PAPER_B2_PCT = { big: 0.5, small: 0.7 };
const PAPER_B3_PCT = { big: 3.2, small: 1.2 };
/**
 * "Same magnitude as the paper": within a factor 5 either way. The modeled shared-memory figure
 * mixes a hand-off measured on this machine (a 2026 server CPU, several times faster at context
 * switches than the paper's 2005 PC) with MySQL CPU per row from a 2008 source that is on the high
 * side for T1 (data/b-reorg/dbms-cpu.json): both push it below the paper's. A model off by 10×
 * fails.
 */
const MAGNITUDE_FACTOR = 5;

/**
 * reorg-sniffer-overhead: B2 (load) and B3 (updates) per buffer pool, for the paper's mechanism
 * (events through shared memory to the monitor process: modeled with the measured hand-off) against
 * the paper's magnitude; our in-process sniffer (measured) as separate rows. Predicted.
 */
/** The paper's Fig. 8 values, per phase, in the order of `bufferPoolBytes` (1 GB, 128 MB). */
export function paperFig8Pct(): { load: number[]; update: number[] } {
  return { load: [PAPER_B2_PCT.big, PAPER_B2_PCT.small], update: [PAPER_B3_PCT.big, PAPER_B3_PCT.small] };
}

export function snifferOverheadCheckSpecs(r: PaperBOverheadResult): CheckSpec[] {
  const row = (p: string, b: number) => r.rows.find((q) => q.phase === p && q.bufferPoolBytes === b);
  const [big, small] = r.params.bufferPoolBytes;
  const band = (paper: number) => within(Number((paper / MAGNITUDE_FACTOR).toPrecision(6)), Number((paper * MAGNITUDE_FACTOR).toPrecision(6)));
  const b3Deviation =
    'the modeled update phase is I/O-bound (the buffer pool starts the updates holding the last-loaded pages, so the updated ' +
    '40 % is read in: about 17,000 random reads and as many dirty writes at 1 GB), which the paper says was not the case with 1 GB; ' +
    'and even with no I/O at all, one hand-off per leaf-chain change (one per ~40 row operations) gives about 0.3 %: the paper\'s 3.2 % ' +
    'implies about 30 µs per event during the updates, 5× its load phase, which the paper does not explain';
  const specs: CheckSpec[] = [];
  for (const [id, phase, paper] of [['B2', 'load', PAPER_B2_PCT], ['B3', 'update', PAPER_B3_PCT]] as const) {
    for (const [b, p] of [[big, paper.big], [small, paper.small]] as const) {
      const q = row(phase, b);
      specs.push({
        id,
        claim: `sniffer overhead during the ${phase === 'load' ? 'load' : 'updates'}, ${bufferPoolLabel(b)} buffer pool: the paper's mechanism (events through shared memory to the monitor process; hand-off measured here, ${r.params.ipcPerEventNs} ns per event, + monitor CPU), modeled`,
        paper: p, ours: q?.ipcOverheadPct ?? NaN, tolerance: band(p), unit: '%',
        ...(id === 'B3' ? { knownDeviation: b3Deviation } : {}),
      });
    }
  }
  for (const [id, phase, paper] of [['B2-inproc', 'load', PAPER_B2_PCT], ['B3-inproc', 'update', PAPER_B3_PCT]] as const) {
    for (const [b, p] of [[big, paper.big], [small, paper.small]] as const) {
      specs.push({
        id,
        claim: `our in-process sniffer (a direct call, not the paper's mechanism; CPU measured) during the ${phase === 'load' ? 'load' : 'updates'}, ${bufferPoolLabel(b)} buffer pool: below the paper's shared-memory overhead`,
        paper: p, ours: row(phase, b)?.overheadPct ?? NaN, tolerance: below(p), unit: '%',
      });
    }
  }
  return evaluable(specs);
}
