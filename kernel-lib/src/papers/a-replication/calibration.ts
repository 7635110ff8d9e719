/**
 * Fits paper A's unknown parameters, each to ONE number the paper states for the read-intensive
 * run (calibration rule, ../shared/papers/README.md):
 *   randType          ← A11: with cache sharing a new instance uses 0.16× the memory of one without
 *                       (SysBench's --rand-type is not stated; the candidates are sysbench 0.5's four:
 *                       uniform, gaussian, special, pareto; the one whose A11 is closest is taken);
 *   cpuMsPerStatement ← A4: the first MySQL (cold, empty page cache) reaches its stable peak after ~30 min;
 *   shareMapUs        ← A7: with cache sharing a new replica runs at 67 % of its peak right after start;
 *   copyChunkKiB      ← A1: the default pipeline's snapshot takes 3 min;
 *   transferPathMBps  ← A1: its transfer takes 15 min.
 * The continuous ones are found by bisection on the simulation itself (runPaperA with 0 or 1
 * replica), separately for each randType candidate (they depend on it). A numeric fit that cannot
 * reach its target inside its range ends at the range's edge and is reported with what it achieved.
 * Every other check — all of the write-intensive run among them — is then predicted.
 * `writePaperACalibration()` records the result in data/a-replication/calibration.json.
 */
import { atomicWriteFileSync } from '../../core/atomic-write.js';
import { dataPath } from '../../core/data-path.js';
import { runPaperA, type PaperACalibration } from './replication-sim.js';
import { paperAMemoryUseRatio } from './checks.js';
import type { ReplicationSetup } from './vm-host.js';
import { SYSBENCH_RAND_TYPES, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';

export interface PaperACalibrationTarget {
  parameter: keyof PaperACalibration;
  calibratedTo: string;
  target: number;
  unit: string;
  achieved: number;
  value: number | string;
  valueUnit: string;
}

const SEED = 1;
/** Search range of the CPU per statement (ms): 20 µs .. 20 ms. */
export const PAPER_A_CPU_MS_RANGE: readonly [number, number] = [0.02, 20];

function bisect(f: (x: number) => number, target: number, lo: number, hi: number, increasing: boolean, iters = 28): number {
  // geometric bisection on [lo, hi]
  for (let k = 0; k < iters; k++) {
    const mid = Math.sqrt(lo * hi);
    const y = f(mid);
    const below = Number.isNaN(y) ? !increasing : y < target;
    if (below === increasing) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** Fits the four continuous parameters for one randType. */
export function calibratePaperANumeric(randType: SysbenchRandType, setup?: ReplicationSetup): { calibration: PaperACalibration; targets: PaperACalibrationTarget[] } {
  const cal: PaperACalibration = { randType, cpuMsPerStatement: 0.15, shareMapUs: 50, copyChunkKiB: 1024, transferPathMBps: 20 };
  const phase = (c: PaperACalibration, name: string) => {
    const r = runPaperA({ workload: 'read', config: 'default', seed: SEED, newVms: 1, calibration: c, setup });
    return r.replicas[0].phases.find((p) => p.phase === name)?.seconds ?? NaN;
  };
  // A4: cold warm-up time falls as the CPU per statement grows (a lower peak needs fewer cached pages)
  const coldS = (x: number) => runPaperA({ workload: 'read', config: 'default', seed: SEED, newVms: 0, calibration: { ...cal, cpuMsPerStatement: x }, setup }).coldWarmupS;
  cal.cpuMsPerStatement = bisect(coldS, 30 * 60, PAPER_A_CPU_MS_RANGE[0], PAPER_A_CPU_MS_RANGE[1], false, 24);
  for (let round = 0; round < 2; round++) {
    cal.copyChunkKiB = bisect((x) => phase({ ...cal, copyChunkKiB: x }, 'snapshot'), 3 * 60, 16, 256 * 1024, false, 22);
    cal.transferPathMBps = bisect((x) => phase({ ...cal, transferPathMBps: x }, 'transfer'), 15 * 60, 1, 2000, false, 22);
  }
  // A7 (last: the replica's start time depends on the copy parameters): the first-second fraction
  // of peak falls as the mapping cost grows
  const first = (x: number) => runPaperA({ workload: 'read', config: 'share', seed: SEED, newVms: 1, calibration: { ...cal, shareMapUs: x }, setup }).replicas[0].firstSecondFractionOfPeak;
  cal.shareMapUs = bisect(first, 0.67, 0.1, 10000, false, 24);
  const cold = runPaperA({ workload: 'read', config: 'default', seed: SEED, newVms: 0, calibration: cal, setup });
  const sh = runPaperA({ workload: 'read', config: 'share', seed: SEED, newVms: 1, calibration: cal, setup });
  const targets: PaperACalibrationTarget[] = [
    { parameter: 'cpuMsPerStatement', calibratedTo: 'A4', target: 1800, unit: 's', achieved: cold.coldWarmupS, value: cal.cpuMsPerStatement, valueUnit: 'ms' },
    { parameter: 'shareMapUs', calibratedTo: 'A7', target: 0.67, unit: 'fraction of peak', achieved: sh.replicas[0].firstSecondFractionOfPeak, value: cal.shareMapUs, valueUnit: 'µs' },
    { parameter: 'copyChunkKiB', calibratedTo: 'A1', target: 180, unit: 's (snapshot)', achieved: phase(cal, 'snapshot'), value: cal.copyChunkKiB, valueUnit: 'KiB' },
    { parameter: 'transferPathMBps', calibratedTo: 'A1', target: 900, unit: 's (transfer)', achieved: phase(cal, 'transfer'), value: cal.transferPathMBps, valueUnit: 'MB/s' },
  ];
  return { calibration: cal, targets };
}

export interface PaperARandTypeCandidate {
  randType: SysbenchRandType;
  /** A11 (share: VM memory use per new instance vs no sharing) with this candidate's fitted parameters. */
  a11: number;
  calibration: PaperACalibration;
  targets: PaperACalibrationTarget[];
  /** Every numeric fit reached its target within FEASIBLE_REL. */
  feasible?: boolean;
}

/** A numeric fit counts as reached when within 2 % of its target. */
export const PAPER_A_FEASIBLE_REL = 0.02;
const FEASIBLE_REL = PAPER_A_FEASIBLE_REL;

/**
 * The full calibration: for every sysbench --rand-type, fit the four numeric parameters, run the
 * read-intensive `share` configuration and compute A11; keep the candidate closest to A11 = 0.16
 * among those whose numeric fits all reach their targets (a candidate under which, e.g., no CPU
 * cost gives A4's 30-min cold warm-up contradicts A4); if none does, among all.
 */
export function calibratePaperA(setup?: ReplicationSetup, candidates: readonly SysbenchRandType[] = SYSBENCH_RAND_TYPES): { calibration: PaperACalibration; targets: PaperACalibrationTarget[]; candidates: PaperARandTypeCandidate[] } {
  const A11 = 0.16;
  const rows: PaperARandTypeCandidate[] = [];
  for (const rt of candidates) {
    const { calibration, targets } = calibratePaperANumeric(rt, setup);
    const run = runPaperA({ workload: 'read', config: 'share', seed: SEED, calibration, setup });
    rows.push({ randType: rt, a11: paperAMemoryUseRatio(run), calibration, targets });
  }
  // a candidate must let every numeric parameter reach its own target (else it contradicts another
  // number the paper states); among those the closest A11 wins
  for (const r of rows) r.feasible = r.targets.every((t) => Math.abs(t.achieved - t.target) <= FEASIBLE_REL * t.target);
  const pool = rows.some((r) => r.feasible) ? rows.filter((r) => r.feasible) : rows;
  let best = pool[0];
  for (const r of pool) if (Math.abs(r.a11 - A11) < Math.abs(best.a11 - A11)) best = r;
  const targets: PaperACalibrationTarget[] = [
    { parameter: 'randType', calibratedTo: 'A11', target: A11, unit: '× (share)', achieved: best.a11, value: best.randType, valueUnit: '' },
    ...best.targets,
  ];
  return { calibration: best.calibration, targets, candidates: rows };
}

/** Runs the calibration and writes data/a-replication/<file> (default calibration.json). */
export function writePaperACalibration(file = 'calibration.json', setup?: ReplicationSetup): PaperACalibrationTarget[] {
  const { targets, candidates } = calibratePaperA(setup);
  const parameters: Record<string, unknown> = {};
  const sources: Record<string, string> = {
    randType: 'unknown (the paper does not give SysBench\'s --rand-type / --oltp-dist-type); chosen among sysbench 0.5\'s uniform, gaussian, special (its default) and pareto as the one whose simulated A11 (share: memory per new instance vs no sharing, paper A §5.3.1: 13.3 GB shared per instance, 0.16×) is closest, each candidate with its own fitted numeric parameters, among the candidates whose numeric fits all reach their targets (see candidates)',
    cpuMsPerStatement: 'unknown (CPU cost per SQL statement of MySQL 5.6 on one Opteron 6282 SE vCPU under Xen); fitted so that the first, cold MySQL reaches its stable peak after 30 min (paper A §2.2.1.2/§5.3.1, A4)',
    shareMapUs: 'unknown (the prototype\'s per-page cost of looking up the hash table and remapping a frame through the hypervisor); fitted so that a share replica runs at 67 % of its peak in its first second (paper A §5.3.1, A7)',
    copyChunkKiB: 'unknown (XtraBackup/cp effective I/O size including read-ahead and write-back merging); fitted so that the default snapshot of the read run takes 3 min (paper A §5.3.1, A1)',
    transferPathMBps: 'unknown (VM-to-VM copy through the guests\' network stacks and the copy tool, far below the 40 GbE wire); fitted so that the default transfer of the read run takes 15 min (paper A §5.3.1, A1)',
  };
  for (const t of targets) {
    parameters[t.parameter] = { value: t.value, unit: t.valueUnit, calibratedTo: t.calibratedTo, target: `${t.target} ${t.unit}`, achieved: t.achieved, source: sources[t.parameter] };
  }
  (parameters.randType as Record<string, unknown>).candidates = Object.fromEntries(
    candidates.map((c) => [c.randType, { a11: c.a11, feasible: c.feasible, fitted: Object.fromEntries(c.targets.map((t) => [t.parameter, { value: t.value, achieved: t.achieved, target: t.target }])) }]),
  );
  const json = {
    description: 'Paper A parameters the paper does not give, each fitted to ONE number of the read-intensive run by kernel-lib/src/papers/a-replication/calibration.ts (seed 1). Every other check is predicted.',
    parameters,
  };
  atomicWriteFileSync(dataPath('a-replication', file), JSON.stringify(json, null, 2) + '\n');
  return targets;
}
