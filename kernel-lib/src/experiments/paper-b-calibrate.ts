/**
 * The one calibration of the reorg-monitor notebook (see ../shared/papers/README.md's calibration
 * rule): MySQL's scan CPU per leaf page, fitted so that CPU is 10 % of the simulated scan time
 * summed over Fig. 7's ten ranges (paper B §4: "MySQL processing time is about 10 %", B1), at
 * paper scale and the profile's seed, after the 1,000 updates. The simulated I/O does not depend
 * on it, so the fit is closed form: cpu = 0.10/0.90 · Σ simulated I/O / Σ leaves.
 *
 * Run `npx tsx kernel-lib/src/experiments/paper-b-calibrate.ts` to refit and rewrite
 * data/reorg/scan-cpu.json.
 */
import { atomicWriteFileSync } from '../core/atomic-write.js';
import { dataPath, loadJson } from '../core/data-path.js';
import { runPaperBMonitor, type Fig7Row } from './paper-b.js';

/** The paper's stated MySQL processing share of a range scan (B1). */
export const PAPER_B_CPU_SHARE = 0.1;

/** CPU per page (ms) making CPU the given share of Σ(simulated I/O + CPU) over the rows. */
export function fitScanCpuPerPageMs(rows: readonly Fig7Row[], share = PAPER_B_CPU_SHARE): number {
  let io = 0, leaves = 0;
  for (const r of rows) {
    io += r.simulatedIoMs;
    leaves += r.leaves;
  }
  return (share / (1 - share)) * (io / leaves);
}

if (require.main === module) {
  const r = runPaperBMonitor({ scale: 1, scanCpuPerPageMs: 1, beyond: false });
  const cpu = fitScanCpuPerPageMs(r.fig7);
  const path = dataPath('reorg', 'scan-cpu.json');
  const d = loadJson<Record<string, unknown>>('reorg', 'scan-cpu.json');
  d.scanCpuPerPageMs = Number(cpu.toPrecision(6));
  d.fittedOn = { scale: 1, seed: r.params.seed, updates: r.params.updates, profile: r.params.profile, sumSimulatedIoMs: r.fig7.reduce((s, x) => s + x.simulatedIoMs, 0), sumLeaves: r.fig7.reduce((s, x) => s + x.leaves, 0) };
  atomicWriteFileSync(path, JSON.stringify(d, null, 2) + '\n');
  console.log(`scanCpuPerPageMs = ${cpu} ms → ${path}`);
}
