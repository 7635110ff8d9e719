/**
 * Paper A's runs as the notebooks use them: the four configurations of one workload, the check
 * values (every one taken from the simulated runs) and the phase breakdown of replica creation.
 * Both notebooks, the tests and the benchmark call these.
 */
import { abs, atLeast, rel, type CheckSpec } from '../../notebook/checks.js';
import { loadJson } from '../../core/data-path.js';
import { tailMean, windowMean } from '../../metrics/stable-peak.js';
import { PAPER_A_CONFIGS, type ReplicationConfig } from './replication-pipeline.js';
import { runPaperA, type PaperAParams, type PaperARun, type PaperAWorkload } from './replication-sim.js';

export type PaperARunSet = Record<string, PaperARun>;

/** Runs the paper's four configurations for one workload (same seed for all). */
export function runPaperAConfigs(
  workload: PaperAWorkload,
  opts: Omit<PaperAParams, 'workload' | 'config'> = {},
  configs: readonly (ReplicationConfig | string)[] = PAPER_A_CONFIGS,
): PaperARunSet {
  const out: PaperARunSet = {};
  for (const c of configs) out[c] = runPaperA({ ...opts, workload, config: c });
  return out;
}

function mean(xs: number[]): number {
  const f = xs.filter((x) => Number.isFinite(x));
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
}

/** Median of the finite values (NaN counts as "never", i.e. +Infinity, when `nanIsInfinite`). */
export function paperAMedian(xs: number[], nanIsInfinite = false): number {
  const f = xs.map((x) => (Number.isNaN(x) && nanIsInfinite ? Infinity : x)).filter((x) => !Number.isNaN(x));
  if (!f.length) return NaN;
  f.sort((a, b) => a - b);
  const m = f.length >> 1;
  return f.length % 2 ? f[m] : (f[m - 1] + f[m]) / 2;
}

/** The typical replica: median over the replicas of the creation time (s). */
export function paperAMedianCreationS(run: PaperARun): number {
  return paperAMedian(run.replicas.map((r) => r.creationS));
}

/** The typical replica: median over the replicas of the time from MySQL start to stable peak (s); a replica that never got there counts as +∞. */
export function paperAMedianWarmupS(run: PaperARun): number {
  return paperAMedian(run.replicas.map((r) => r.timeToStablePeakS), true);
}

/** Mean phase durations (s) of replica creation per configuration, in pipeline order. */
export function paperAPhaseBreakdown(runs: PaperARunSet): Array<{ config: string; phase: string; seconds: number }> {
  const rows: Array<{ config: string; phase: string; seconds: number }> = [];
  for (const [config, run] of Object.entries(runs)) {
    const order: string[] = [];
    const sums = new Map<string, number>();
    for (const r of run.replicas) {
      for (const p of r.phases) {
        if (!sums.has(p.phase)) order.push(p.phase);
        sums.set(p.phase, (sums.get(p.phase) ?? 0) + p.seconds);
      }
    }
    const n = Math.max(1, run.replicas.length);
    for (const ph of order) rows.push({ config, phase: ph, seconds: (sums.get(ph) ?? 0) / n });
  }
  return rows;
}

/**
 * Memory a new VM adds, net of sharing, as a fraction of its 16 GiB: (memory at the end − memory
 * before the first replica) / (replicas × VM memory).
 */
export function paperAMemoryUseRatio(run: PaperARun, vmMemGiB = 16): number {
  const before = run.memoryGiB[Math.round(run.replicas[0].creationStartS / run.stepS) - 1];
  const end = run.memoryGiB[run.steps - 1];
  return (end - before) / (run.replicas.length * vmMemGiB);
}

/** Source SysBench throughput drop while the first default snapshot runs (1 − during/before). */
export function paperASourceDropDuringSnapshot(run: PaperARun): number {
  const r = run.replicas[0];
  const snap = r.phases.find((p) => p.phase === 'snapshot');
  if (!snap) return NaN;
  const i0 = Math.round(r.creationStartS / run.stepS);
  const i1 = Math.round((r.creationStartS + snap.seconds) / run.stepS);
  // during: the steps the snapshot covers; before: the last 300 s before the creation
  const during = windowMean(run.vmTps[0], run.stepS, i0 * run.stepS, Math.max(i1, i0 + 1) * run.stepS);
  return 1 - during / tailMean(run.vmTps[0], run.stepS, i0 * run.stepS, 300);
}

/**
 * Paper-A numbers this model does not reproduce, and the mechanism behind each gap (found while
 * building it; see data/a-replication/README.md). They are evaluated like every other check and
 * shown as FAIL; the notebooks say why. A check that comes to pass must be removed from here
 * (the end-to-end test fails otherwise).
 */
export const PAPER_A_KNOWN_DEVIATIONS: Readonly<Record<string, string>> = {
  A3:
    'the transferred snapshot sits in the new VM\'s guest page cache and covers the hot set; a page-cache read costs ~18 µs ' +
    '(PV syscall + 16 KiB copy + InnoDB checksum, hardware/page-cache-read-cost.ts) against ~6.6 ms of CPU per transaction, ' +
    'so the default replica starts near its peak. A 4-min warm-up would need a few hundred µs per page-cache read, which no sourced part supports.',
  A7:
    'under sysbench\'s default "special" access distribution (the A11 fit) the hot set is small: a share replica maps it within ' +
    'seconds and passes 90 % of peak in about a minute. The paper\'s 4 min implies a flatter access pattern, which in this model cannot ' +
    'also meet A4 and A7\'s 67 % (see the --rand-type candidates table).',
  A9: 'as A7: with the small hot set of the "special" distribution lazy share warms up in about a minute, not 4.',
  'A9 ratio': 'follows from A9 (lazy share warms up in about a minute).',
  'A11 share':
    'the best of sysbench\'s four distributions misses it: under "special" a replica\'s pool holds only the pages it touches ' +
    '(about half of 15 GiB within the 3,500 s), all shared; "uniform" would fill the pool but then misses A4 and A7 by far, and the ' +
    'paper\'s rule (hash entry dropped when a frame is rewritten) decays sharing under evictions.',
  'A11 lazy share': 'as A11 share.',
  A2:
    'later snapshots run under more TPC-C write I/O than the first, so the median replica takes longer than the paper\'s 28 min ' +
    '(the first one takes about 18 min); the paper does not state its TPC-C load (terminals), and nothing is fitted to a write-run number.',
  'A12 ratio': 'follows from A2\'s median creation time.',
  A13:
    'TPC-C with tpcc-mysql\'s default 10 connections on the source\'s one vCPU (shared with SysBench) runs only a few tens of tx/s and ' +
    'the replicas\' single SQL thread lags behind, so few shared frames are rewritten: far more memory stays shared than the paper\'s 1.4 % saving implies.',
};

function withDeviations(specs: CheckSpec[]): CheckSpec[] {
  return specs.map((c) => (PAPER_A_KNOWN_DEVIATIONS[c.id] ? { ...c, knownDeviation: PAPER_A_KNOWN_DEVIATIONS[c.id] } : c));
}

/** Checks of the read-intensive run (Figs. 3–4), values from the simulated runs. */
export function paperAReadChecks(runs: PaperARunSet): CheckSpec[] {
  const d = runs['default'];
  const l = runs['lazy'];
  const s = runs['share'];
  const ls = runs['lazy share'];
  const cD = paperAMedianCreationS(d);
  const cL = paperAMedianCreationS(l);
  const cLS = paperAMedianCreationS(ls);
  const wL = paperAMedianWarmupS(l);
  const wLS = paperAMedianWarmupS(ls);
  const firstShare = mean(s.replicas.map((r) => r.firstSecondFractionOfPeak));
  const perInstance = (run: PaperARun) => mean(run.replicas.map((r) => r.memoryAddedGiB));
  return withDeviations([
    { id: 'A1', claim: 'default: replica creation until MySQL started (snapshot 3 min + transfer 15 min + start 5 s)', paper: 18 * 60 + 5, ours: cD, tolerance: rel(0.2), kind: 'calibrated', unit: 's' },
    { id: 'A3', claim: 'default: MySQL start → stable peak (snapshot in the guest page cache)', paper: 240, ours: paperAMedianWarmupS(d), tolerance: rel(0.3), unit: 's' },
    { id: 'A4', claim: 'first MySQL, cold (empty page cache): start → stable peak', paper: 1800, ours: d.coldWarmupS, tolerance: rel(0.3), kind: 'calibrated', unit: 's' },
    { id: 'A5', claim: 'lazy: replica creation (boot 54 s + minimum files + start 6 s)', paper: 72, ours: cL, tolerance: rel(0.2), unit: 's' },
    { id: 'A5 ratio', claim: 'lazy creates a replica 15× faster than default', paper: 15, ours: cD / cL, tolerance: rel(0.25), unit: '×' },
    { id: 'A6', claim: 'lazy: start → stable peak (page cache empty)', paper: 1800, ours: wL, tolerance: rel(0.3), unit: 's' },
    { id: 'A7', claim: 'share: start → stable peak', paper: 240, ours: paperAMedianWarmupS(s), tolerance: rel(0.3), unit: 's' },
    { id: 'A7 start', claim: 'share: throughput right after start, % of peak', paper: 67, ours: 100 * firstShare, tolerance: abs(10), kind: 'calibrated', unit: '%' },
    { id: 'A8', claim: 'lazy share: replica creation (boot 37 s + minimum files + start 7 s)', paper: 60, ours: cLS, tolerance: rel(0.2), unit: 's' },
    { id: 'A8 ratio', claim: 'lazy share creates a replica 18× faster than default', paper: 18, ours: cD / cLS, tolerance: rel(0.25), unit: '×' },
    { id: 'A9', claim: 'lazy share: start → stable peak', paper: 240, ours: wLS, tolerance: rel(0.3), unit: 's' },
    { id: 'A9 ratio', claim: 'lazy share warms up 7.5× faster than lazy (30 min → 4 min)', paper: 7.5, ours: wL / wLS, tolerance: rel(0.25), unit: '×' },
    { id: 'A10 default', claim: 'default: memory added per new instance', paper: 16, ours: perInstance(d), tolerance: abs(1), unit: 'GiB' },
    { id: 'A10 lazy', claim: 'lazy: memory added per new instance', paper: 16, ours: perInstance(l), tolerance: abs(1), unit: 'GiB' },
    { id: 'A11 share', claim: 'share: VM memory use per new instance vs no sharing (SysBench --rand-type fitted to it)', paper: 0.16, ours: paperAMemoryUseRatio(s), tolerance: abs(0.05), kind: 'calibrated', unit: '×' },
    { id: 'A11 lazy share', claim: 'lazy share: VM memory use per new instance vs no sharing', paper: 0.16, ours: paperAMemoryUseRatio(ls), tolerance: abs(0.05), unit: '×' },
  ]);
}

/** Checks of the write-intensive run (Figs. 5–6): all predicted. */
export function paperAWriteChecks(runs: PaperARunSet): CheckSpec[] {
  const d = runs['default'];
  const ls = runs['lazy share'];
  const cD = paperAMedianCreationS(d);
  const cLS = paperAMedianCreationS(ls);
  const memD = d.memoryGiB[d.steps - 1];
  const memLS = ls.memoryGiB[ls.steps - 1];
  return withDeviations([
    { id: 'A2', claim: 'default, write: replica creation (snapshot 13 min + transfer 15 min + start 5 s)', paper: 28 * 60 + 5, ours: cD, tolerance: rel(0.2), unit: 's' },
    { id: 'A12', claim: 'lazy share, write: replica creation', paper: 136, ours: cLS, tolerance: rel(0.2), unit: 's' },
    { id: 'A12 ratio', claim: 'lazy share creates a replica 12× faster than default under writes', paper: 12, ours: cD / cLS, tolerance: rel(0.25), unit: '×' },
    { id: 'A13', claim: 'lazy share, write: memory saved at the end vs default', paper: 1.4, ours: (100 * (memD - memLS)) / memD, tolerance: abs(1), unit: '%' },
    { id: 'A14', claim: 'default, write: source throughput drop while the snapshot runs', paper: '≥ 20 % (unstable)', ours: 100 * paperASourceDropDuringSnapshot(d), tolerance: atLeast(20), unit: '%' },
  ]);
}

/** Every input of paper A's model with its value and source (data/a-replication/*.json), for the notebooks' input table. */
export function paperAInputTable(): Array<{ input: string; value: string; kind: string; source: string }> {
  const setup = loadJson<Record<string, Record<string, unknown>>>('a-replication', 'setup.json');
  const rows: Array<{ input: string; value: string; kind: string; source: string }> = [];
  for (const [group, obj] of Object.entries(setup)) {
    if (typeof obj !== 'object' || obj === null) continue;
    const src = (obj as { source?: Record<string, string> }).source ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'source') continue;
      const s = src[k] ?? '';
      rows.push({ input: `${group}.${k}`, value: typeof v === 'object' ? JSON.stringify(v) : String(v), kind: /ASSUMPTION/.test(s) ? 'assumption' : /measured/.test(s) ? 'paper (measured)' : 'fact', source: s });
    }
  }
  const cal = loadJson<{ parameters: Record<string, { value: number | string; unit: string; calibratedTo: string; source: string }> }>('a-replication', 'calibration.json');
  for (const [k, p] of Object.entries(cal.parameters)) {
    const value = typeof p.value === 'number' ? `${Number(p.value.toPrecision(4))} ${p.unit}` : String(p.value);
    rows.push({ input: `calibrated.${k}`, value, kind: `calibrated (${p.calibratedTo})`, source: p.source });
  }
  return rows;
}

/**
 * Per 3,500-s interval (k replicas running): means of throughput, TPC-C and disk utilization; the
 * memory and the largest replication lag (transactions not yet applied by a replica) at its end.
 */
export function paperAIntervalStats(run: PaperARun, intervalS = 3500): Array<{ replicas: number; totalTps: number; sourceTps: number; tpccTps: number; diskUtilPct: number; memoryEndGiB: number; maxLagTxEnd: number }> {
  const per = Math.round(intervalS / run.stepS);
  const rows: Array<{ replicas: number; totalTps: number; sourceTps: number; tpccTps: number; diskUtilPct: number; memoryEndGiB: number; maxLagTxEnd: number }> = [];
  for (let k = 0; (k + 1) * per <= run.steps; k++) {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = k * per; i < (k + 1) * per; i++) {
      a += run.totalTps[i];
      b += run.vmTps[0][i];
      c += run.tpccTps[i];
      d += run.diskUtil[i];
    }
    let lag = 0;
    for (let v = 1; v < run.replicationLagTx.length; v++) lag = Math.max(lag, run.replicationLagTx[v][(k + 1) * per - 1]);
    rows.push({ replicas: k, totalTps: a / per, sourceTps: b / per, tpccTps: c / per, diskUtilPct: (100 * d) / per, memoryEndGiB: run.memoryGiB[(k + 1) * per - 1], maxLagTxEnd: lag });
  }
  return rows;
}

/**
 * The --rand-type calibration as recorded in data/a-replication/calibration.json: per sysbench 0.5
 * distribution, the simulated A11 (share) with that candidate's own fitted parameters, whether every
 * numeric fit reached its target, and the fitted CPU per statement / share-mapping cost with what
 * they achieved (A4 target 1,800 s, A7 target 0.67).
 */
export function paperARandTypeCandidates(): Array<{ randType: string; chosen: boolean; a11: number; feasible: boolean; cpuMsPerStatement: number; a4AchievedS: number; shareMapUs: number; a7Achieved: number }> {
  type Fit = { value: number; achieved: number };
  const cal = loadJson<{ parameters: { randType: { value: string; candidates: Record<string, { a11: number; feasible: boolean; fitted: Record<string, Fit> }> } } }>('a-replication', 'calibration.json');
  const rt = cal.parameters.randType;
  return Object.entries(rt.candidates).map(([name, c]) => ({
    randType: name,
    chosen: name === rt.value,
    a11: c.a11,
    feasible: c.feasible,
    cpuMsPerStatement: c.fitted.cpuMsPerStatement.value,
    a4AchievedS: c.fitted.cpuMsPerStatement.achieved,
    shareMapUs: c.fitted.shareMapUs.value,
    a7Achieved: c.fitted.shareMapUs.achieved,
  }));
}
