/**
 * Beyond paper A: sweeps of the data size (17 → 170 GiB, buffer pool fixed at 15 GiB) and of the
 * number of replicas (1 → 16), and the go-beyond configurations (Aurora/Neon-style copy-on-write
 * storage clone, SnowFlock-style VM fork). All numbers are simulated with the read-run calibration.
 */
import { ParameterError, requireInteger, requireOneOf } from '../../core/validate.js';
import { tailMean } from '../../metrics/stable-peak.js';
import { loadReplicationSetup } from './vm-host.js';
import { PAPER_A_CONFIGS, replicationPipelineFlags, requireReplicationConfigs } from './replication-pipeline.js';
import { runPaperA, type PaperARun } from './replication-sim.js';
import { paperAMedianCreationS, paperAMedianWarmupS, paperAMemoryUseRatio } from './checks.js';
import { PAPER_A_WORKLOADS, requirePaperADataGiB, type PaperAParams, type PaperAWorkload } from './replication-inputs.js';

/** What a sweep passes on to every run (the notebook's parameters cell); defaults as in runPaperA. */
export interface PaperASweepOptions {
  /** Configurations to compare (default the paper's four). */
  configs?: readonly string[];
  /** Rng seed (default 1). */
  seed?: number;
  /** Every n-th page simulated at the paper's 17 GiB (default 512); the data-size sweep scales it with the data. */
  samplingStride?: number;
  /** Time step (s), default 1. */
  stepS?: number;
}

function runOptions(o: PaperASweepOptions): Pick<PaperAParams, 'seed' | 'samplingStride' | 'stepS'> {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ParameterError('opts', o, '', 'an object { configs?, seed?, samplingStride?, stepS? }');
  return { seed: o.seed ?? 1, samplingStride: o.samplingStride ?? 512, stepS: o.stepS ?? 1 };
}

// a type alias (not an interface) so that rows pass as table rows (index signature)
export type PaperADataSizeSweepRow = {
  dataGiB: number;
  config: string;
  /** Replica creation until MySQL accepts load (s). */
  creationS: number;
  /** Creation + time to stable peak (s); NaN if not reached within the interval. */
  readyAtPeakS: number;
  /** Reads of the source's image caused by this replica (GB): copies + on-demand fetches. */
  sourceReadGB: number;
}

/**
 * One replica per run; the interval between the source's start and the replica, and after it,
 * grows with the data (3,500 s × dataGiB / 17) so that the full copy of `default` fits.
 */
export function paperADataSizeSweep(dataGiBs: readonly number[] = [17, 51, 170], opts: PaperASweepOptions = {}): PaperADataSizeSweepRow[] {
  const base = runOptions(opts);
  const configs = requireReplicationConfigs('configs', opts.configs ?? PAPER_A_CONFIGS);
  const stride0 = requireInteger('samplingStride', base.samplingStride!, 'pages', 1, 65536);
  const rows: PaperADataSizeSweepRow[] = [];
  const setup = loadReplicationSetup();
  if (!Array.isArray(dataGiBs) || dataGiBs.length === 0) throw new ParameterError('dataGiBs', dataGiBs, 'GiB', 'a non-empty array of data sizes');
  const strideOf = (d: number) => stride0 * Math.max(1, Math.round(d / setup.mysql.dataGiB));
  dataGiBs.forEach((d, k) => requirePaperADataGiB(`dataGiBs[${k}]`, d, setup, 1, strideOf(d)));
  for (const dataGiB of dataGiBs) {
    const interval = Math.round((setup.experiment.replicaIntervalS * Math.max(1, dataGiB / setup.mysql.dataGiB)) / 10) * 10;
    for (const config of configs) {
      const r = runPaperA({ ...base, workload: 'read', config, newVms: 1, replicaIntervalS: interval, dataGiB, samplingStride: strideOf(dataGiB) });
      const rep = r.replicas[0];
      let srcMB = 0;
      const i0 = Math.round(rep.creationStartS / r.stepS);
      for (let i = i0; i < r.steps; i++) srcMB += r.sourceReadMBps[i] * r.stepS;
      // subtract the source's own misses just before the creation (its steady read load, last 300 s)
      srcMB -= tailMean(r.sourceReadMBps, r.stepS, i0 * r.stepS, 300) * (r.steps - i0) * r.stepS;
      rows.push({ dataGiB, config, creationS: rep.creationS, readyAtPeakS: rep.creationS + rep.timeToStablePeakS, sourceReadGB: Math.max(0, srcMB / 1000) });
    }
  }
  return rows;
}

// a type alias (not an interface) so that rows pass as table rows (index signature)
export type PaperAReplicaSweepRow = {
  replicas: number;
  config: string;
  /** Total SysBench throughput at the end of the interval after replica k was created (tx/s). */
  totalTps: number;
  /** Total VM memory then (GiB). */
  memoryGiB: number;
  /** Whether the host can hold this many VMs without sharing (256 GiB / 16 GiB). */
  fits: boolean;
}

/**
 * One run per configuration with up to `maxReplicas` replicas; the state after each interval gives
 * the row for k replicas. Without sharing the host holds at most 15 replicas + the source: larger
 * counts are reported as not fitting.
 */
export function paperAReplicaSweep(maxReplicas = 16, opts: PaperASweepOptions & { workload?: PaperAWorkload } = {}): PaperAReplicaSweepRow[] {
  requireInteger('maxReplicas', maxReplicas, 'replicas', 1, 64);
  runOptions(opts);
  const configs = requireReplicationConfigs('configs', opts.configs ?? PAPER_A_CONFIGS);
  const workload = requireOneOf('workload', opts.workload ?? 'read', PAPER_A_WORKLOADS);
  const setup = loadReplicationSetup();
  const maxNoShare = Math.floor(setup.host.memoryGiB / setup.vm.memoryGiB) - 1;
  const rows: PaperAReplicaSweepRow[] = [];
  for (const config of configs) {
    const share = replicationPipelineFlags(config).share;
    const n = share ? maxReplicas : Math.min(maxReplicas, maxNoShare);
    const r = runPaperA({ ...runOptions(opts), workload, config, newVms: n });
    const per = Math.round(setup.experiment.replicaIntervalS / r.stepS);
    for (let k = 1; k <= maxReplicas; k++) {
      if (k > n) {
        rows.push({ replicas: k, config, totalTps: NaN, memoryGiB: NaN, fits: false });
        continue;
      }
      const end = (k + 1) * per - 1;
      // steady state at the end of the interval: the mean of its last 300 s
      rows.push({ replicas: k, config, totalTps: tailMean(r.totalTps, r.stepS, (end + 1) * r.stepS, 300), memoryGiB: r.memoryGiB[end], fits: true });
    }
  }
  return rows;
}

// a type alias (not an interface) so that rows pass as table rows (index signature)
export type PaperABeyondConfigRow = {
  workload: PaperAWorkload;
  config: string;
  creationS: number;
  warmupS: number;
  memoryEndGiB: number;
  /** Share of the forked VMs' reads that returned a page the source had changed since the fork. */
  staleReadPct: number;
}

/**
 * The paper's pipelines next to the copy-on-write storage clone and the VM fork, both workloads.
 * `known` passes runs already made with the same options (e.g. the notebook's), which are reused.
 */
export function paperABeyondConfigs(opts: Omit<PaperASweepOptions, 'configs'> & Pick<PaperAParams, 'newVms' | 'replicaIntervalS'> = {}, known: Partial<Record<PaperAWorkload, Record<string, PaperARun>>> = {}): PaperABeyondConfigRow[] {
  if (typeof opts !== 'object' || opts === null) throw new ParameterError('opts', opts, '', 'an object { seed, samplingStride, stepS, newVms, replicaIntervalS }');
  const rows: PaperABeyondConfigRow[] = [];
  for (const workload of ['read', 'write'] as const) {
    for (const config of ['default', 'lazy share', 'cow-storage', 'vm-fork']) {
      const r = known[workload]?.[config] ?? runPaperA({ ...runOptions(opts), newVms: opts.newVms, replicaIntervalS: opts.replicaIntervalS, workload, config });
      if (r.workload !== workload || r.config !== config) throw new ParameterError(`known.${workload}["${config}"]`, `${r.workload}/${r.config}`, '', `a ${workload} run of "${config}"`);
      rows.push({
        workload,
        config,
        creationS: paperAMedianCreationS(r),
        warmupS: paperAMedianWarmupS(r),
        memoryEndGiB: r.memoryGiB[r.steps - 1],
        staleReadPct: r.forkChildReads > 0 ? (100 * r.staleReads) / r.forkChildReads : 0,
      });
    }
  }
  return rows;
}

/** For each data size: which configuration starts a replica first, and which has it at its stable peak first. */
export function paperASweepWinners(rows: readonly PaperADataSizeSweepRow[]): Array<{ dataGiB: number; firstStarted: string; firstAtPeak: string; leastSourceReadGB: string }> {
  if (!Array.isArray(rows) || rows.length === 0) throw new ParameterError('rows', rows, '', 'a non-empty array of paperADataSizeSweep rows');
  const sizes = [...new Set(rows.map((r) => r.dataGiB))];
  const best = (rs: PaperADataSizeSweepRow[], key: (r: PaperADataSizeSweepRow) => number) =>
    rs.reduce((a, b) => ((Number.isFinite(key(b)) ? key(b) : Infinity) < (Number.isFinite(key(a)) ? key(a) : Infinity) ? b : a)).config;
  return sizes.map((d) => {
    const rs = rows.filter((r) => r.dataGiB === d);
    return { dataGiB: d, firstStarted: best(rs, (r) => r.creationS), firstAtPeak: best(rs, (r) => r.readyAtPeakS), leastSourceReadGB: best(rs, (r) => r.sourceReadGB) };
  });
}

export type PaperAReadSetFitRow = {
  /** How the paper's «17 GB» is read. */
  dataSize: string;
  dataGiB: number;
  /** SysBench's read set (GiB, sysbench-read-set.ts) and the buffer pool (GiB). */
  readSetGiB: number;
  poolGiB: number;
  /** A11 under `share` (memory use per new instance vs no sharing). */
  a11: number;
  /** Memory the first and the last replica add by the end of its interval (GiB). */
  firstReplicaAddsGiB: number;
  lastReplicaAddsGiB: number;
};

/**
 * Beyond the paper: whether SysBench's read set fits a buffer pool decides whether sharing decays
 * (A11). The paper's «17 GB» of data read as GiB (the model's default) and as 10⁹ bytes, each
 * simulated under `share` with the read-run calibration.
 */
export function paperAReadSetFit(opts: PaperASweepOptions = {}): PaperAReadSetFitRow[] {
  const base = runOptions(opts);
  const setup = loadReplicationSetup();
  const stated = setup.mysql.dataGiB;
  const readings = [
    { dataSize: `${stated} GiB (the model's reading)`, dataGiB: stated },
    { dataSize: `${stated}·10⁹ bytes`, dataGiB: (stated * 1e9) / 2 ** 30 },
  ];
  return readings.map(({ dataSize, dataGiB }) => {
    const r = runPaperA({ ...base, workload: 'read', config: 'share', dataGiB });
    const reps = r.replicas;
    return {
      dataSize,
      dataGiB,
      readSetGiB: (r.inputs.readPages * setup.mysql.pageBytes) / 2 ** 30,
      poolGiB: setup.mysql.bufferPoolGiB,
      a11: paperAMemoryUseRatio(r),
      firstReplicaAddsGiB: reps[0].memoryAddedGiB,
      lastReplicaAddsGiB: reps[reps.length - 1].memoryAddedGiB,
    };
  });
}
