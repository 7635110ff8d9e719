/**
 * Paper B's check specs, for its three notebooks: the one place where a number of paper B is
 * written (paper B §4 and Figs. 7–8). Each function takes a result and returns the specs;
 * the notebook shows them with `showChecks(checks(...))`.
 */
import { atLeast, atMost, equal, type CheckSpec } from '../../notebook/checks.js';
import { fig7ErrorSummary, type PaperBMonitorResult } from './reorg-experiment.js';
import { bufferPoolLabel, type PaperBOverheadResult } from './sniffer-overhead.js';
import type { SqliteReorgResult } from './sqlite-reorg.js';

/**
 * reorg-monitor: B1 (calibrated: the CPU per page is fitted to its "about 10 %"), B1-io, B4, B5
 * (predicted). B1 is split over the ranges the updates touched and the never-updated ones.
 */
export function reorgMonitorCheckSpecs(r: PaperBMonitorResult): CheckSpec[] {
  const b1 = fig7ErrorSummary(r.fig7);
  const x = r.params.x;
  return [
    { id: 'B1', claim: `estimate vs simulated scan time: max error over the ${b1.touchedRanges} ranges the updates touched`, paper: '8–17 %', ours: b1.maxErrorTouchedPct, tolerance: atMost(20), unit: '%', kind: 'calibrated' },
    { id: 'B1', claim: `estimate vs simulated scan time: max error over the ${b1.untouchedRanges} never-updated ranges`, paper: '8–17 %', ours: b1.untouchedRanges ? b1.maxErrorUntouchedPct : 'none', tolerance: atMost(20), unit: '%', kind: 'calibrated' },
    { id: 'B1-io', claim: 'I/O-only estimate vs simulated I/O, CPU share removed (max over ranges)', paper: '< 7 %', ours: b1.maxIoErrorPct, tolerance: atMost(7), unit: '%' },
    { id: 'B4', claim: `X = ${x}: T_min at ${r.tAt.updates} updates is non-empty (leaves)`, paper: 'non-empty', ours: r.tAt.leaves, tolerance: atLeast(1) },
    { id: 'B4-where', claim: 'share of that T_min in the most-updated half of the updated regions', paper: 'in the most-updated space', ours: r.tAt.shareInTopRegions, tolerance: atLeast(0.5) },
    { id: 'B5', claim: 'Spearman ρ, per-region update count vs per-region mean G', paper: 'G follows the updates', ours: r.spearman, tolerance: atLeast(0.8) },
  ];
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
      tolerance: atMost(1.05),
    });
  }
  specs.push({
    id: 'reader',
    claim: "the file-format reader's leaf pages in key order equal SQLite's dbstat (leaves sorted by path)",
    paper: 'equal',
    ours: r.dbstat.compared ? r.dbstat.agrees : `not compared: ${r.dbstat.reason}`,
    tolerance: equal(),
  });
  return specs;
}

/** reorg-sniffer-overhead: B2 (load) and B3 (updates) per buffer pool. Predicted. */
export function snifferOverheadCheckSpecs(r: PaperBOverheadResult): CheckSpec[] {
  const ov = (p: string, b: number) => r.rows.find((q) => q.phase === p && q.bufferPoolBytes === b)?.overheadPct ?? NaN;
  const [big, small] = r.params.bufferPoolBytes;
  return [
    { id: 'B2', claim: `sniffer overhead during the load, ${bufferPoolLabel(big)} buffer pool`, paper: 0.5, ours: ov('load', big), tolerance: atMost(1), unit: '%' },
    { id: 'B2', claim: `sniffer overhead during the load, ${bufferPoolLabel(small)} buffer pool`, paper: 0.7, ours: ov('load', small), tolerance: atMost(1), unit: '%' },
    { id: 'B3', claim: `sniffer overhead during the updates, ${bufferPoolLabel(big)} buffer pool`, paper: 3.2, ours: ov('update', big), tolerance: atMost(3.5), unit: '%' },
    { id: 'B3', claim: `sniffer overhead during the updates, ${bufferPoolLabel(small)} buffer pool`, paper: 1.2, ours: ov('update', small), tolerance: atMost(3.5), unit: '%' },
  ];
}
