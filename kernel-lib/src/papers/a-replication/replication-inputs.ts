/**
 * Paper A's run parameters, validated at the boundary, and every input the simulation derives
 * from them before its first step: hardware costs (data/a-replication/setup.json, hardware/hdd.ts),
 * page counts, the SysBench and TPC-C transaction shapes and the calibrated parameters
 * (data/a-replication/calibration.json). `ReplicationSim` (replication-sim.ts) holds one of these
 * records and never changes it.
 */
import { loadJson } from '../../core/data-path.js';
import { requireInteger, requireOneOf, requirePositive } from '../../core/validate.js';
import { hddProfile, hddRandomReadMs, hddSequentialMBps, hddAvgRotationalLatencyMs, type HddProfile } from '../../hardware/hdd.js';
import { loadReplicationSetup, validateVmSetup, type ReplicationSetup } from './vm-host.js';
import { ethernetPayloadMBps } from './network.js';
import { replicationPipelineFlags, type ReplicationConfig, type ReplicationPipelineFlags } from './replication-pipeline.js';
import { innodbRowsPerPage, sysbenchTxShape } from '../../workloads/sysbench-oltp-read-only.js';
import { SYSBENCH_RAND_TYPES, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';
import { pageCacheReadCost, type PageCacheReadCost } from './page-cache-read-cost.js';
import { tpccTxShape } from '../../workloads/tpcc.js';

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
  };
}

const GiB = 1024 ** 3;

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
  /** One random page read (ms). */
  readMs: number;
  seqMBps: number;
  /** Average seek + half a rotation (ms): the cost of moving a bulk copy's head. */
  repositionMs: number;
  /** Redo append: no seek, half a rotation (ms). */
  logWriteMs: number;
  netMBps: number;
  chunkBytes: number;
  // pages and workload
  dataPages: number;
  poolPages: number;
  /** Sampled pages. */
  ns: number;
  /** Sampled buffer-pool capacity (pages). */
  poolCap: number;
  rowsPerPage: number;
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
 * Validates the run parameters (each error names the parameter as passed, its value, unit and
 * range) and derives the run's inputs.
 */
export function resolveReplicationInputs(params: PaperAParams): ReplicationInputs {
  const workload = requireOneOf('workload', params.workload, PAPER_A_WORKLOADS);
  const flags = replicationPipelineFlags(params.config);
  const config = params.config as ReplicationConfig;
  const setup = params.setup ?? loadReplicationSetup();
  const cal = params.calibration ?? loadPaperACalibration();
  requirePositive('cpuMsPerStatement', cal.cpuMsPerStatement, 'ms');
  requirePositive('shareMapUs', cal.shareMapUs, 'µs');
  requirePositive('copyChunkKiB', cal.copyChunkKiB, 'KiB');
  requirePositive('transferPathMBps', cal.transferPathMBps, 'MB/s');
  const seed = params.seed ?? 1;
  const stride = requireInteger('samplingStride', params.samplingStride ?? 512, 'pages', 1, 65536);
  const stepS = requirePositive('stepS', params.stepS ?? 1, 's');
  const newVms = requireInteger('newVms', params.newVms ?? setup.experiment.newVms, 'VMs', 0, 64);
  const intervalS = requirePositive('replicaIntervalS', params.replicaIntervalS ?? setup.experiment.replicaIntervalS, 's');
  const dataGiB = requirePositive('dataGiB', params.dataGiB ?? setup.mysql.dataGiB, 'GiB');
  const mysql = { ...setup.mysql, dataGiB };
  validateVmSetup({ ...setup, mysql }, newVms + 1, flags.share);
  const vmCount = newVms + 1;

  const disk = hddProfile(setup.host.diskProfile);
  const pageBytes = mysql.pageBytes;
  const dataPages = Math.round((dataGiB * GiB) / pageBytes);
  const poolPages = Math.round((mysql.bufferPoolGiB * GiB) / pageBytes);
  const rowsPerPage = innodbRowsPerPage(setup.sysbench.rowBytes, pageBytes);
  const sb = sysbenchTxShape({ ...setup.sysbench, rowsPerPage });
  const tp = tpccTxShape();
  const tpCpuMs = tp.statementsPerTx * cal.cpuMsPerStatement;
  const tpccThreads = requireInteger('tpcc.connections', setup.tpcc.connections, 'connections', 1, 1024);
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
    steps: Math.round(((newVms + 1) * intervalS) / stepS),
    disk,
    disks: setup.host.diskCount,
    pageBytes,
    readMs: hddRandomReadMs(disk, pageBytes),
    seqMBps: hddSequentialMBps(disk),
    repositionMs: disk.avgSeekMs + hddAvgRotationalLatencyMs(disk),
    logWriteMs: hddAvgRotationalLatencyMs(disk),
    netMBps: ethernetPayloadMBps(setup.host.networkGbps),
    chunkBytes: cal.copyChunkKiB * 1024,
    dataPages,
    poolPages,
    ns: Math.ceil(dataPages / stride),
    poolCap: Math.max(1, Math.round(poolPages / stride)),
    rowsPerPage,
    sysbenchStatementsPerTx: sb.statementsPerTx,
    A: sb.pageAccessesPerTx,
    sbCpuMs: sb.statementsPerTx * cal.cpuMsPerStatement,
    tpccStatementsPerTx: tp.statementsPerTx,
    tpccRedoBytesPerTx: tp.redoBytesPerTx,
    W: tp.randomPagesDirtiedPerTx,
    tpCpuMs,
    applyCpuMs: tpCpuMs * 0.5,
    threads: setup.sysbench.clientThreads,
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
