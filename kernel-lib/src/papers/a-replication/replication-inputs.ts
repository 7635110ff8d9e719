/**
 * Paper A's run parameters, validated at the boundary, and every input the simulation derives
 * from them before its first step: hardware costs (data/a-replication/setup.json, hardware/hdd.ts),
 * page counts, the SysBench and TPC-C transaction shapes and the calibrated parameters
 * (data/a-replication/calibration.json). `ReplicationSim` (replication-sim.ts) holds one of these
 * records and never changes it.
 */
import { loadJson } from '../../core/data-path.js';
import { ParameterError, requireInRange, requireInteger, requireOneOf, requirePositive } from '../../core/validate.js';
import { hddProfile, hddRandomReadMs, hddSequentialMBps, hddAvgRotationalLatencyMs, type HddProfile } from '../../hardware/hdd.js';
import { loadReplicationSetup, validateVmSetup, type ReplicationSetup } from './vm-host.js';
import { ethernetPayloadMBps } from './network.js';
import { replicationPipelineFlags, type ReplicationConfig, type ReplicationPipelineFlags } from './replication-pipeline.js';
import { innodbRowsPerPage, sysbenchTxShape } from '../../workloads/sysbench-oltp-read-only.js';
import { SYSBENCH_RAND_TYPES, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';
import { pageCacheReadCost, type PageCacheReadCost } from './page-cache-read-cost.js';
import { tpccTxShape } from '../../workloads/tpcc.js';
import { sysbenchReadSet, sysbenchMeasuredRowsPerLeaf, type SysbenchReadSet } from './sysbench-read-set.js';

export type PaperAWorkload = 'read' | 'write';
export const PAPER_A_WORKLOADS: readonly PaperAWorkload[] = ['read', 'write'];

/** The parameters the paper leaves unknown, each fitted to one stated number of the read run. */
export interface PaperACalibration {
  /** SysBench --rand-type (not stated in the paper); chosen among sysbench 0.5's four by A11 (memory use with sharing). Default 'special' (sysbench's default). */
  randType?: SysbenchRandType;
  /** vCPU time per SQL statement (ms); fitted to A4 (first, cold MySQL: ~30 min to stable peak). */
  cpuMsPerStatement: number;
  /** CPU cost of mapping one shared frame (hypercall + page-table update), µs; fitted to A7 (67 % of peak right after start). */
  shareMapUs: number;
  /** Effective bulk-copy chunk (KiB); fitted to A1's snapshot time (3 min). */
  copyChunkKiB: number;
  /** VM-to-VM copy path rate through the guests' network stacks (MB/s); fitted to A1's transfer time (15 min). */
  transferPathMBps: number;
  /** SysBench client threads per VM (not stated); fitted to A4 (the cold MySQL needs 30 min or more). */
  clientThreads?: number;
  /** TPC-C driver connections on the source (not stated); the one write-run fit, to A2's 13-min snapshot. */
  tpccConnections?: number;
}

export interface PaperAParams {
  workload: PaperAWorkload;
  config: ReplicationConfig | string;
  /** Rng seed (integer ≥ 0), default 1. */
  seed?: number;
  /** Every `samplingStride`-th data page is simulated (default 512). */
  samplingStride?: number;
  /** Time step (s), default 1. */
  stepS?: number;
  /** Replicas created (default: the paper's 8). */
  newVms?: number;
  /** Seconds between replica creations (default: the paper's 3,500). */
  replicaIntervalS?: number;
  /** Data size override (GiB) for sweeps; default the paper's 17. */
  dataGiB?: number;
  /** Calibrated parameters; default data/a-replication/calibration.json. */
  calibration?: PaperACalibration;
  /** Setup override (default data/a-replication/setup.json). */
  setup?: ReplicationSetup;
}

/** The calibrated parameters recorded in data/a-replication/<file> (default calibration.json). */
export function loadPaperACalibration(file = 'calibration.json'): PaperACalibration {
  const j = loadJson<{ parameters: Record<string, { value: number | string }> }>('a-replication', file);
  const num = (k: string): number => Number(j.parameters[k].value);
  return {
    randType: (j.parameters.randType?.value as SysbenchRandType | undefined) ?? 'special',
    cpuMsPerStatement: num('cpuMsPerStatement'),
    shareMapUs: num('shareMapUs'),
    copyChunkKiB: num('copyChunkKiB'),
    transferPathMBps: num('transferPathMBps'),
    clientThreads: j.parameters.clientThreads ? num('clientThreads') : undefined,
    tpccConnections: j.parameters.tpccConnections ? num('tpccConnections') : undefined,
  };
}

const GiB = 1024 ** 3;
/** Largest time step (s): the stable-peak definition smooths over 30 s, the paper's shortest phase is a 5-s MySQL start. */
export const PAPER_A_MAX_STEP_S = 10;
const MAX_STEP_S = PAPER_A_MAX_STEP_S;
/** Replica interval range (s): a warm-up is read over at least the last minute of an interval; one day at most. */
export const PAPER_A_INTERVAL_RANGE_S: readonly [number, number] = [120, 86400];
const [MIN_INTERVAL_S, MAX_INTERVAL_S] = PAPER_A_INTERVAL_RANGE_S;
/** Steps one run keeps (its series are Float64Arrays per VM). */
const MAX_STEPS = 2_000_000;

/** Everything a run needs before its first step; derived once from PaperAParams. */
export interface ReplicationInputs {
  workload: PaperAWorkload;
  config: ReplicationConfig;
  flags: ReplicationPipelineFlags;
  setup: ReplicationSetup;
  cal: PaperACalibration;
  seed: number;
  /** Every `stride`-th page is simulated. */
  stride: number;
  stepS: number;
  newVms: number;
  /** Source + replicas. */
  vmCount: number;
  intervalS: number;
  dataGiB: number;
  mysql: ReplicationSetup['mysql'];
  /** Steps of the whole run: (newVms + 1) intervals. */
  steps: number;
  // hardware
  disk: HddProfile;
  disks: number;
  pageBytes: number;
  /** One random page read at the datasheet's full-stroke average seek (ms); the simulation prices reads over the occupied span instead (occupied-span-read.ts). */
  datasheetReadMs: number;
  seqMBps: number;
  /** Redo append: no seek, half a rotation (ms). */
  logWriteMs: number;
  netMBps: number;
  chunkBytes: number;
  // pages and workload
  dataPages: number;
  /**
   * Pages SysBench reads: in the read run the PRIMARY key's B-tree, the first `readPages` of the
   * file (sysbench-read-set.ts, scaled from layouts measured on a real InnoDB); in the write run
   * SysBench reads the TPC-C data set, over all `dataPages`.
   */
  readPages: number;
  /** How the read run's read set was derived (null in the write run). */
  readSet: SysbenchReadSet | null;
  poolPages: number;
  /** Sampled pages. */
  ns: number;
  /** Sampled buffer-pool capacity (pages). */
  poolCap: number;
  /** Rows per PRIMARY leaf, measured (sysbench-on-innodb.json); the row-size estimate is kept beside it. */
  rowsPerPage: number;
  rowsPerPageFromRowBytes: number;
  sysbenchStatementsPerTx: number;
  /** SysBench leaf-page accesses per transaction. */
  A: number;
  sbCpuMs: number;
  tpccStatementsPerTx: number;
  tpccRedoBytesPerTx: number;
  /** TPC-C random pages dirtied per transaction. */
  W: number;
  tpCpuMs: number;
  /** The write statements (about half of TPC-C's) are re-executed by a replica's SQL thread. */
  applyCpuMs: number;
  threads: number;
  tpccThreads: number;
  tpccOn: boolean;
  randType: SysbenchRandType;
  pcRead: PageCacheReadCost;
  pcHitMs: number;
  mapMs: number;
  vmMemGiB: number;
  /** Page-cache room of a VM before its pool grows (bytes). */
  pcBaseBytes: number;
}

/**
 * The data sizes a run can take (GiB): at least one simulated page (`samplingStride` pages), at
 * most what fits on the host's disks as the source's image plus one copy per replica.
 */
export function paperADataGiBRange(setup: ReplicationSetup, newVms: number, samplingStride: number): { min: number; max: number; why: { min: string; max: string } } {
  const disk = hddProfile(setup.host.diskProfile);
  const pageBytes = setup.mysql.pageBytes;
  return {
    min: (samplingStride * pageBytes) / GiB,
    max: (setup.host.diskCount * disk.capacityBytes) / GiB / (newVms + 1),
    why: {
      min: `samplingStride = ${samplingStride} pages of ${pageBytes} bytes: the data must hold at least one simulated page`,
      max: `${newVms + 1} images of the data must fit on ${setup.host.diskCount} disks of ${disk.capacityBytes / 1e9} GB`,
    },
  };
}

/** Validates a data size (GiB) against paperADataGiBRange; `param` is the name the caller's user passed. */
export function requirePaperADataGiB(param: string, dataGiB: number, setup: ReplicationSetup, newVms: number, samplingStride: number): number {
  requirePositive(param, dataGiB, 'GiB');
  const r = paperADataGiBRange(setup, newVms, samplingStride);
  if (dataGiB < r.min) throw new ParameterError(param, dataGiB, 'GiB', `≥ ${r.min} GiB`, r.why.min);
  if (dataGiB > r.max) throw new ParameterError(param, dataGiB, 'GiB', `≤ ${Math.floor(r.max)} GiB with newVms = ${newVms}`, r.why.max);
  return dataGiB;
}

/**
 * Validates the run parameters (each error names the parameter as passed, its value, unit and
 * range) and derives the run's inputs.
 */
export function resolveReplicationInputs(params: PaperAParams): ReplicationInputs {
  if (typeof params !== 'object' || params === null) throw new ParameterError('params', params, '', 'an object { workload, config, ... }');
  const workload = requireOneOf('workload', params.workload, PAPER_A_WORKLOADS);
  const flags = replicationPipelineFlags(params.config);
  const config = params.config as ReplicationConfig;
  const setup = params.setup ?? loadReplicationSetup();
  const cal = params.calibration ?? loadPaperACalibration();
  requirePositive('calibration.cpuMsPerStatement', cal.cpuMsPerStatement, 'ms');
  requirePositive('calibration.shareMapUs', cal.shareMapUs, 'µs');
  requirePositive('calibration.copyChunkKiB', cal.copyChunkKiB, 'KiB');
  requirePositive('calibration.transferPathMBps', cal.transferPathMBps, 'MB/s');
  if (cal.randType !== undefined) requireOneOf('calibration.randType', cal.randType, SYSBENCH_RAND_TYPES);
  const seed = requireInteger('seed', params.seed ?? 1, '', -(2 ** 31), 2 ** 31 - 1);
  const stride = requireInteger('samplingStride', params.samplingStride ?? 512, 'pages', 1, 65536);
  // the stable-peak definition smooths over 30 s and the paper's shortest time is a 5-s MySQL start
  const stepS = requireInRange('stepS', params.stepS ?? 1, 's', 0, MAX_STEP_S, { lowOpen: true });
  const newVms = requireInteger('newVms', params.newVms ?? setup.experiment.newVms, 'VMs', 0, 64);
  // a warm-up is read over at least the last minute of a replica's interval (result())
  const intervalS = requireInRange('replicaIntervalS', params.replicaIntervalS ?? setup.experiment.replicaIntervalS, 's', MIN_INTERVAL_S, MAX_INTERVAL_S);
  const steps = Math.round(((newVms + 1) * intervalS) / stepS);
  if (steps > MAX_STEPS) {
    throw new ParameterError('replicaIntervalS', intervalS, 's', `≤ ${Math.floor((MAX_STEPS * stepS) / (newVms + 1))} s with newVms = ${newVms} and stepS = ${stepS} s`, `the run would take ${steps} steps; at most ${MAX_STEPS} are kept in memory: lower newVms or replicaIntervalS, or raise stepS`);
  }
  const dataGiB = requirePaperADataGiB('dataGiB', params.dataGiB ?? setup.mysql.dataGiB, setup, newVms, stride);
  const mysql = { ...setup.mysql, dataGiB };
  if (!flags.share) {
    const maxVms = Math.floor(setup.host.memoryGiB / setup.vm.memoryGiB);
    if (newVms + 1 > maxVms) {
      throw new ParameterError('newVms', newVms, 'VMs', `≤ ${maxVms - 1} VMs without cache sharing (config = ${JSON.stringify(config)})`, `the source + ${newVms} replicas of ${setup.vm.memoryGiB} GiB exceed the host's ${setup.host.memoryGiB} GiB`);
    }
  }
  validateVmSetup({ ...setup, mysql }, newVms + 1, flags.share);
  const vmCount = newVms + 1;

  const disk = hddProfile(setup.host.diskProfile);
  const pageBytes = mysql.pageBytes;
  const dataPages = Math.round((dataGiB * GiB) / pageBytes);
  const poolPages = Math.round((mysql.bufferPoolGiB * GiB) / pageBytes);
  const rowsPerPageFromRowBytes = innodbRowsPerPage(setup.sysbench.rowBytes, pageBytes);
  // SysBench's transactions visit leaves at the rows per leaf a real InnoDB gives sysbench's rows
  const rowsPerPage = sysbenchMeasuredRowsPerLeaf();
  const readSet = workload === 'read' ? sysbenchReadSet(dataPages, pageBytes) : null;
  const sb = sysbenchTxShape({ ...setup.sysbench, rowsPerPage });
  const tp = tpccTxShape();
  const tpCpuMs = tp.statementsPerTx * cal.cpuMsPerStatement;
  // a setup override, else the calibrated value
  const tpccThreads = setup.tpcc.connections !== undefined
    ? requireInteger('setup.tpcc.connections', setup.tpcc.connections, 'connections', 1, 1024)
    : requireInteger('calibration.tpccConnections', cal.tpccConnections as number, 'connections', 1, 1024);
  const threads = setup.sysbench.clientThreads !== undefined
    ? requireInteger('setup.sysbench.clientThreads', setup.sysbench.clientThreads, 'threads', 1, 4096)
    : requireInteger('calibration.clientThreads', cal.clientThreads as number, 'threads', 1, 4096);
  // sysbench --rand-type: a setup override, else the calibrated value (fitted to A11), else sysbench's default
  const randType = requireOneOf('randType', setup.sysbench.randType ?? cal.randType ?? 'special', SYSBENCH_RAND_TYPES);
  // CPU of one page read through the guest page cache (syscall + copy + InnoDB checksum + completion);
  // every read into the pool (page-cache hit, disk read, on-demand fetch) pays it
  const pcRead = pageCacheReadCost({ pageBytes, syscallUs: setup.costs.pvSyscallUs, copyGBps: setup.costs.copyGBps, checksumCyclesPerByte: setup.costs.checksumCyclesPerByte, cpuGHz: setup.costs.cpuGHz, completionUs: setup.costs.completionUs });
  const vmMemGiB = setup.vm.memoryGiB;
  return {
    workload,
    config,
    flags,
    setup,
    cal,
    seed,
    stride,
    stepS,
    newVms,
    vmCount,
    intervalS,
    dataGiB,
    mysql,
    steps,
    disk,
    disks: setup.host.diskCount,
    pageBytes,
    datasheetReadMs: hddRandomReadMs(disk, pageBytes),
    seqMBps: hddSequentialMBps(disk),
    logWriteMs: hddAvgRotationalLatencyMs(disk),
    netMBps: ethernetPayloadMBps(setup.host.networkGbps),
    chunkBytes: cal.copyChunkKiB * 1024,
    dataPages,
    readPages: readSet ? readSet.readPages : dataPages,
    readSet,
    poolPages,
    ns: Math.ceil(dataPages / stride),
    poolCap: Math.max(1, Math.round(poolPages / stride)),
    rowsPerPage,
    rowsPerPageFromRowBytes,
    sysbenchStatementsPerTx: sb.statementsPerTx,
    A: sb.pageAccessesPerTx,
    sbCpuMs: sb.statementsPerTx * cal.cpuMsPerStatement,
    tpccStatementsPerTx: tp.statementsPerTx,
    tpccRedoBytesPerTx: tp.redoBytesPerTx,
    W: tp.randomPagesDirtiedPerTx,
    tpCpuMs,
    applyCpuMs: tpCpuMs * 0.5,
    threads,
    tpccThreads,
    tpccOn: workload === 'write',
    randType,
    pcRead,
    pcHitMs: pcRead.pageCacheHitUs / 1000,
    mapMs: cal.shareMapUs / 1000,
    vmMemGiB,
    pcBaseBytes: (vmMemGiB - setup.vm.guestReservedGiB) * GiB,
  };
}
