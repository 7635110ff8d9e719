/**
 * Paper C's stated numbers and the check specs of the flash-backup notebook. This is the one
 * place a number of paper C is written: the calibration (flash-backup-experiment.ts) fits to
 * `PAPER_C.C2` and `PAPER_C.C3`, the experiment evaluates the model at the conditions stated
 * here, the notebook shows `paperCClaims()` and `paperCChecks(r)`.
 *
 * Source: Takakura & Kambayashi, IPSJ national convention 5P-7, §1 and §4
 * (summary: ../shared/papers/README.md, section C).
 */
import { atMost, rel, within, type CheckSpec } from '../../notebook/checks.js';
import type { PaperCResult } from './flash-backup-experiment.js';

/** The numbers of paper C and the conditions each one was stated for. */
export const PAPER_C = {
  /** The paper's reference load (§4: TPC benchmark at 1000 tps). */
  tps: 1000,
  /** C1 (§1, §4): 1000 tps, 30-min interval, backup "1分弱" (a little under one minute). */
  C1: { tps: 1000, intervalMin: 30, backupS: 60 },
  /** C2 (§4): 1-hour interval, backup "about one minute". */
  C2: { tps: 1000, intervalMin: 60, backupS: 60 },
  /** C3 (§4): 1000 tps, 30-min interval, worst hot-spot (Branch, Teller) recovery. */
  C3: { tps: 1000, intervalMin: 30, worstRecoveryS: 9.2 },
  /** C4 (§4): same, mean recovery. */
  C4: { tps: 1000, intervalMin: 30, meanRecoveryS: 4.6 },
  /** C5 (§4): a larger load on hardware that grows with it: "ideally" the same times (difference 0 %). */
  C5: { tpsFactor: 2, intervalMin: 30, relDiffPct: 0 },
} as const;

/** The claims as the paper states them, for the notebook's introduction. */
export function paperCClaims(): Array<{ id: string; quantity: string; paper: string }> {
  const p = PAPER_C;
  return [
    { id: 'C1', quantity: `backup time, ${p.C1.tps} tps, ${p.C1.intervalMin}-min checkpoint interval`, paper: `a little under ${p.C1.backupS} s ("1分弱")` },
    { id: 'C2', quantity: `backup time, ${p.C2.intervalMin}-min interval`, paper: `about ${p.C2.backupS} s` },
    { id: 'C3', quantity: `worst hot-spot recovery, ${p.C3.tps} tps, ${p.C3.intervalMin} min`, paper: `${p.C3.worstRecoveryS} s` },
    { id: 'C4', quantity: `mean hot-spot recovery, ${p.C4.tps} tps, ${p.C4.intervalMin} min`, paper: `${p.C4.meanRecoveryS} s` },
    { id: 'C5', quantity: 'larger load with backup/recovery hardware that grows with it', paper: 'ideally the same times as Figs. 3–4' },
  ];
}

/** How near "about" and "a little under" are read: within 25 % (about 45 s of a minute). */
const ABOUT_FRAC = 0.25;

/**
 * Why the model misses C1 (evaluated like every other check and shown as FAIL (known deviation);
 * when it comes to pass at the default parameters the end-to-end test fails, so that this
 * declaration is removed). The mechanism, with this run's numbers.
 */
export function paperCC1Deviation(r: PaperCResult): string {
  const p = PAPER_C;
  const ratio = r.checks.c1BackupS / r.checks.c2BackupS;
  return (
    `the occupancy curve of the TPC-A account table (${r.model.pageBytes}-B pages) is far from saturated after ${p.C1.intervalMin} min ` +
    `at ${p.C1.tps} tps: the ${p.C1.intervalMin}-min dirty image is ${ratio.toFixed(2)} of the ${p.C2.intervalMin}-min one ` +
    `(backup ${r.checks.c1BackupS.toFixed(1)} s against C2's calibrated ${r.checks.c2BackupS.toFixed(1)} s). "A little under a minute" ` +
    `needs at least ${(1 - ABOUT_FRAC).toFixed(2)}, i.e. DB pages larger than 4 KiB (8 KiB gives about 0.8), which do not fit the era ` +
    "part's 4 KiB erase block in this model (see the page-size table). Nothing is fitted to C1."
  );
}

/** The check specs of the flash-backup notebook (C1–C5) for a run of `runPaperC`. */
export function paperCChecks(r: PaperCResult): CheckSpec[] {
  const p = PAPER_C;
  const c = r.checks;
  const h1 = c.c5.hardware1000;
  const h2 = c.c5.hardware2000;
  const hw = (h: typeof h1) => `${h.backupUnits} backup units, ${h.logDevices} log device${h.logDevices === 1 ? '' : 's'}, ${h.recoveryGroups} recovery group${h.recoveryGroups === 1 ? '' : 's'}`;
  const c1 = p.C1.backupS;
  return [
    {
      id: 'C1', claim: `backup at ${p.C1.tps} tps, ${p.C1.intervalMin}-min interval, a little under one minute`, paper: c1, ours: c.c1BackupS,
      tolerance: within((1 - ABOUT_FRAC) * c1, c1), unit: 's', knownDeviation: paperCC1Deviation(r),
    },
    { id: 'C2', claim: 'backup at a 1-hour interval about one minute', paper: p.C2.backupS, ours: c.c2BackupS, tolerance: rel(ABOUT_FRAC), unit: 's', kind: 'calibrated' },
    { id: 'C3', claim: `worst hot-spot recovery at ${p.C3.intervalMin} min, ${p.C3.tps} tps`, paper: p.C3.worstRecoveryS, ours: c.c3WorstS, tolerance: rel(0.2), unit: 's', kind: 'calibrated' },
    { id: 'C4', claim: `mean hot-spot recovery at ${p.C4.intervalMin} min, ${p.C4.tps} tps`, paper: p.C4.meanRecoveryS, ours: c.c4MeanS, tolerance: rel(0.2), unit: 's' },
    {
      id: 'C5',
      claim: `${c.c5.tpsFactor}× the load (${c.c5.tpsFactor * p.tps} tps) on ${c.c5.tpsFactor}× the backup units, log devices and recovery groups (${hw(h2)}; chips per unit unchanged) vs ${p.tps} tps on ${hw(h1)}: backup and worst/mean recovery within 10 %`,
      paper: p.C5.relDiffPct, ours: 100 * c.c5.maxRelDiff, tolerance: atMost(10), unit: '%',
    },
  ];
}
