/**
 * Paper A (Fukuchi & Yamada 2015): fast DBMS replica creation on a scale-up machine — the whole
 * run of Figs. 3–6 as one time-stepped simulation, shared by both notebooks, the tests and the
 * benchmark.
 *
 * The run (§5.2): one MySQL VM under load from t = 0; every `replicaIntervalS` a new VM is created
 * and, once its MySQL is up, put under SysBench load too; `newVms` replicas in all. Workloads:
 * `read` — SysBench read-only on every VM; `write` — TPC-C on the source as well (SysBench reads on
 * every VM over the TPC-C data).
 *
 * Time advances in steps of `stepS` (1 s). In each step:
 *  1. creation pipelines progress (snapshot / transfer / minimum files / background copy are bulk
 *     copies on the host disks, dbms/xtrabackup.ts), with the disks' random-I/O utilization of the
 *     previous step;
 *  2. every running VM's throughput follows from exact MVA (dbms/mysql-throughput.ts) with the
 *     CPU and disk demand per transaction implied by where its buffer-pool misses are served
 *     right now: a shared frame (share mapping, CPU), the guest page cache (copy, CPU), an
 *     on-demand fetch from the source (disk read) or a local disk read;
 *  3. the page accesses of that throughput that fall on the sampled pages are replayed on the
 *     sampled buffer pools, page caches and the hypervisor share table (seeded Rng), moving pages
 *     between those categories;
 *  4. TPC-C (tpcc-mysql's 10 connections on the source) dirties pages; they are written on the
 *     source at once and on each replica when its single replication SQL thread applies them (it
 *     lags when it cannot keep up): every such write un-shares the frame copy-on-write and drops its
 *     hash entry (paper §4.2.2).
 * Where the misses are served is kept as access-probability-weighted counts per VM and category,
 * updated incrementally, so throughput uses the exact expected miss mix of the sampled state
 * (no sampling noise on the throughput of a step).
 *
 * Outcomes (creation times by phase, warm-up times, throughput, memory, ratios) all come out of
 * this; inputs are data/a-replication/setup.json (facts + the measured boot/start times) and the five
 * calibrated parameters in data/a-replication/calibration.json.
 */
import { loadJson } from '../../core/data-path.js';
import { Rng } from '../../core/rng.js';
import { requireInteger, requireOneOf, requirePositive } from '../../core/validate.js';
import { hddProfile, hddRandomReadMs, hddSequentialMBps, hddAvgRotationalLatencyMs } from '../../hardware/hdd.js';
import { GuestPageCache } from './page-cache.js';
import { HypervisorShareTable } from './hypervisor-share-table.js';
import { loadReplicationSetup, validateVmSetup, type ReplicationSetup } from './vm-host.js';
import { ethernetPayloadMBps } from './network.js';
import { SampledBufferPool } from './innodb-buffer-pool-model.js';
import { mvaThroughput } from './mysql-throughput.js';
import { copyStreamRate } from './xtrabackup.js';
import { replicationPipelineFlags, type ReplicationConfig, type ReplicationPipelineFlags } from './replication-pipeline.js';
import { innodbRowsPerPage, sysbenchTxShape } from '../../workloads/sysbench-oltp-read-only.js';
import { SysbenchPageSampler, SYSBENCH_RAND_TYPES, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';
import { pageCacheReadCost } from './page-cache-read-cost.js';
import { tpccDistinctPagesTouched, tpccTxShape } from '../../workloads/tpcc.js';
import { stablePeak } from '../../metrics/stable-peak.js';

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
  /** Rng seed. */
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

export interface PaperAPhaseTime {
  phase: string;
  seconds: number;
}

export interface PaperAReplica {
  /** 1..newVms. */
  index: number;
  creationStartS: number;
  /** When MySQL accepted load (NaN if not within the run). */
  startedS: number;
  /** Creation until MySQL started (s). */
  creationS: number;
  phases: PaperAPhaseTime[];
  /** Time from MySQL start to stable peak (s), metrics/stable-peak.ts. */
  timeToStablePeakS: number;
  /** The replica's steady-state SysBench throughput (tx/s). */
  peakTps: number;
  /** Throughput in the first second after start / peak. */
  firstSecondFractionOfPeak: number;
  /** Memory this VM added, net of sharing, at the end of its interval (GiB). */
  memoryAddedGiB: number;
}

export interface PaperARun {
  workload: PaperAWorkload;
  config: ReplicationConfig;
  stepS: number;
  steps: number;
  /** Sum of SysBench throughput over the VMs (tx/s), per step. */
  totalTps: Float64Array;
  /** Per-VM SysBench throughput (index 0 = source). */
  vmTps: Float64Array[];
  /** TPC-C throughput of the source (tx/s) per step (zeros for `read`). */
  tpccTps: Float64Array;
  /** Replication lag of each VM (transactions not yet applied by its SQL thread), per step; index 0 unused. */
  replicationLagTx: Float64Array[];
  /** Total VM memory (GiB) per step (Xen allocations net of shared frames). */
  memoryGiB: Float64Array;
  /** Read I/O load on the source's image (MB/s): its own misses + on-demand fetches + snapshot/background copy reads. */
  sourceReadMBps: Float64Array;
  /** Of which on-demand fetches by replicas (MB/s). */
  sourceFetchMBps: Float64Array;
  /** Per-disk utilization of the host disks (0..1). */
  diskUtil: Float64Array;
  /** First MySQL (cold, empty page cache): time to stable peak (s). */
  coldWarmupS: number;
  coldPeakTps: number;
  replicas: PaperAReplica[];
  /** Largest difference between the incrementally kept miss-category masses and a recount at the end (bookkeeping check; ~1e-12). */
  bookkeepingDrift: number;
  /** Reads of pages the source changed after the fork (vm-fork only; else 0). */
  staleReads: number;
  /** All page reads by forked VMs (vm-fork only), the denominator of `staleReads`. */
  forkChildReads: number;
  /** Inputs used (for the notebook's input table). */
  inputs: PaperAInputsUsed;
}

export interface PaperAInputsUsed {
  pageAccessesPerTx: number;
  sysbenchStatementsPerTx: number;
  tpccStatementsPerTx: number;
  tpccRandomPagesPerTx: number;
  rowsPerPage: number;
  diskRandomReadMs: number;
  diskSeqMBps: number;
  dataPages: number;
  poolPages: number;
  sampledPages: number;
  /** SysBench --rand-type in use. */
  randType: SysbenchRandType;
  /** CPU of one guest page-cache read (µs), from its parts (hardware/page-cache-read-cost.ts). */
  pageCacheHitUs: number;
  /** TPC-C driver connections on the source. */
  tpccConnections: number;
  calibration: PaperACalibration;
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

// category of a page for a VM
const C_POOL = 0;
const C_SHARE = 1;
const C_PC = 2;
const C_FETCH = 3;
const C_DISK = 4;
const NC = 5;

type Stage = 'absent' | 'creating' | 'running';

interface VmState {
  stage: Stage;
  bootAtS: number;
  startedS: number;
  pool: SampledBufferPool | null;
  pc: GuestPageCache;
  /** 1 = the page's data is in this VM's local file (lazy). */
  transferred: Uint8Array;
  lazy: boolean;
  /** Pipeline bookkeeping. */
  phase: string;
  phaseStartS: number;
  phaseBytesLeft: number;
  phases: PaperAPhaseTime[];
  bgCopyPos: number; // next page index to copy in the background (lazy), in real pages
  fullCopyPos: number; // transfer progress (default), real pages
  forkedAt: number;
  lastX: number;
  lastDiskUtil: number;
  memoryAtCreationGiB: number;
  /** Random page writes on the source while this VM's snapshot copy ran (real pages). */
  writesDuringCopy: number;
  /** Pages left for a random-I/O phase (prepare, crash recovery). */
  pagesLeft: number;
  /** Measured boot / MySQL start times of this VM's pipeline. */
  times: { bootS: number; mysqlStartS: number };
}

/** Runs one configuration × workload. Deterministic for a given seed. */
export function runPaperA(params: PaperAParams): PaperARun {
  const workload = requireOneOf('workload', params.workload, PAPER_A_WORKLOADS);
  const flags: ReplicationPipelineFlags = replicationPipelineFlags(params.config);
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
  const interval = requirePositive('replicaIntervalS', params.replicaIntervalS ?? setup.experiment.replicaIntervalS, 's');
  const dataGiB = requirePositive('dataGiB', params.dataGiB ?? setup.mysql.dataGiB, 'GiB');
  const mysql = { ...setup.mysql, dataGiB };
  validateVmSetup({ ...setup, mysql }, newVms + 1, flags.share);
  const vmCount = newVms + 1;

  // ---- hardware ---------------------------------------------------------------------------
  const disk = hddProfile(setup.host.diskProfile);
  const disks = setup.host.diskCount;
  const pageBytes = mysql.pageBytes;
  const readMs = hddRandomReadMs(disk, pageBytes);
  const seqMBps = hddSequentialMBps(disk);
  const repositionMs = disk.avgSeekMs + hddAvgRotationalLatencyMs(disk);
  const logWriteMs = hddAvgRotationalLatencyMs(disk); // redo append: no seek, half a rotation
  const netMBps = ethernetPayloadMBps(setup.host.networkGbps);
  const chunkBytes = cal.copyChunkKiB * 1024;
  const GiB = 1024 ** 3;

  // ---- pages and workload -----------------------------------------------------------------
  const dataPages = Math.round((dataGiB * GiB) / pageBytes);
  const poolPages = Math.round((mysql.bufferPoolGiB * GiB) / pageBytes);
  const ns = Math.ceil(dataPages / stride);
  const poolCap = Math.max(1, Math.round(poolPages / stride));
  const rowsPerPage = innodbRowsPerPage(setup.sysbench.rowBytes, pageBytes);
  const sb = sysbenchTxShape({ ...setup.sysbench, rowsPerPage });
  const A = sb.pageAccessesPerTx;
  const sbCpuMs = sb.statementsPerTx * cal.cpuMsPerStatement;
  const tp = tpccTxShape();
  const tpCpuMs = tp.statementsPerTx * cal.cpuMsPerStatement;
  const threads = setup.sysbench.clientThreads;
  const tpccThreads = requireInteger('tpcc.connections', setup.tpcc.connections, 'connections', 1, 1024);
  // sysbench --rand-type: a setup override, else the calibrated value (fitted to A11), else sysbench's default
  const randType = requireOneOf('randType', setup.sysbench.randType ?? cal.randType ?? 'special', SYSBENCH_RAND_TYPES);
  // CPU of one page read through the guest page cache (syscall + copy + InnoDB checksum + completion);
  // every read into the pool (page-cache hit, disk read, on-demand fetch) pays it
  const pcRead = pageCacheReadCost({ pageBytes, syscallUs: setup.costs.pvSyscallUs, copyGBps: setup.costs.copyGBps, checksumCyclesPerByte: setup.costs.checksumCyclesPerByte, cpuGHz: setup.costs.cpuGHz, completionUs: setup.costs.completionUs });
  const pcHitMs = pcRead.pageCacheHitUs / 1000;
  const mapMs = cal.shareMapUs / 1000;
  const vmMemGiB = setup.vm.memoryGiB;
  const pcBaseBytes = (vmMemGiB - setup.vm.guestReservedGiB) * GiB;

  // access mass of each sampled page (sampled page j = real page j*stride) and the page sampler
  const sampler = new SysbenchPageSampler(dataPages, stride, randType, {
    randSpecPct: setup.sysbench.randSpecPct,
    randSpecRes: setup.sysbench.randSpecRes,
    randSpecIter: setup.sysbench.randSpecIter,
  });
  const mass = sampler.mass;
  const massSum = sampler.massSum;

  // ---- state -------------------------------------------------------------------------------
  const rng = new Rng(seed);
  const share = flags.share ? new HypervisorShareTable(ns, vmCount) : null;
  const w = new Float64Array(vmCount * NC); // mass per category per VM (uncached pages + cached)
  const vms: VmState[] = [];
  for (let v = 0; v < vmCount; v++) {
    vms.push({
      stage: v === 0 ? 'running' : 'absent',
      bootAtS: v === 0 ? 0 : NaN,
      startedS: v === 0 ? 0 : NaN,
      pool: null,
      pc: new GuestPageCache(ns, Math.floor(pcBaseBytes / pageBytes / stride)),
      transferred: new Uint8Array(ns).fill(1),
      lazy: false,
      phase: '',
      phaseStartS: 0,
      phaseBytesLeft: 0,
      phases: [],
      bgCopyPos: dataPages,
      fullCopyPos: 0,
      forkedAt: NaN,
      lastX: 0,
      lastDiskUtil: 0,
      memoryAtCreationGiB: 0,
      writesDuringCopy: 0,
      pagesLeft: 0,
      times: setup.measuredTimes['default'],
    });
  }
  // per forked VM: 1 = the source changed this page after the fork (the child's copy is stale)
  const staleFlags: Array<Uint8Array | null> = vms.map((_, v) => (flags.fork && v > 0 ? new Uint8Array(ns) : null));
  let staleReads = 0;
  let forkChildReads = 0;

  const base = (v: number, p: number): number => {
    const s = vms[v];
    if (s.pc.has(p)) return C_PC;
    if (s.lazy && s.transferred[p] === 0) return C_FETCH;
    return C_DISK;
  };
  const catOf = (v: number, p: number): number => {
    const s = vms[v];
    if (s.pool && s.pool.has(p)) return C_POOL;
    if (share && share.isRegistered(p)) return C_SHARE;
    return base(v, p);
  };
  const move = (v: number, p: number, from: number, to: number): void => {
    if (from === to) return;
    w[v * NC + from] -= mass[p];
    w[v * NC + to] += mass[p];
  };
  const recount = (v: number): void => {
    for (let k = 0; k < NC; k++) w[v * NC + k] = 0;
    for (let p = 0; p < ns; p++) w[v * NC + catOf(v, p)] += mass[p];
  };
  // registration of page p flipped (nowRegistered): other running VMs without p change category
  const onRegFlip = (p: number, nowRegistered: boolean, except: number): void => {
    for (let u = 0; u < vmCount; u++) {
      const s = vms[u];
      if (u === except || !s.pool || s.pool.has(p)) continue;
      const b = base(u, p);
      if (nowRegistered) move(u, p, b, C_SHARE);
      else move(u, p, C_SHARE, b);
    }
  };
  const pcEvict = (v: number) => (q: number) => {
    const s = vms[v];
    if (!s.pool || s.pool.has(q) || (share && share.isRegistered(q))) return;
    // q left the page cache: PC → fetch/disk
    const to = s.lazy && s.transferred[q] === 0 ? C_FETCH : C_DISK;
    move(v, q, C_PC, to);
  };
  const pcEvictors: Array<(q: number) => void> = vms.map((_, v) => pcEvict(v));
  const pcTouch = (v: number, p: number): void => {
    const s = vms[v];
    const before = s.pool ? catOf(v, p) : -1;
    s.pc.touch(p, pcEvictors[v]);
    if (before >= 0) move(v, p, before, catOf(v, p));
  };
  // v's own category for p is kept by the caller (an evicted victim, or a page it keeps and writes)
  const releaseFrame = (v: number, p: number): void => {
    if (!share) return;
    const wasReg = share.isRegistered(p);
    share.release(v, p);
    if (wasReg && !share.isRegistered(p)) onRegFlip(p, false, v);
  };
  const registerRead = (v: number, p: number): void => {
    if (!share) return;
    const wasReg = share.isRegistered(p);
    share.registerRead(v, p);
    if (!wasReg && share.isRegistered(p)) onRegFlip(p, true, v);
  };
  /** Brings page p into v's pool after a miss of category c; returns bytes read from the source image. */
  const missIn = (v: number, p: number, c: number): number => {
    const s = vms[v];
    const pool = s.pool!;
    const victim = pool.evictIfFull();
    if (victim >= 0) {
      releaseFrame(v, victim);
      w[v * NC + C_POOL] -= mass[victim];
      w[v * NC + catOf(v, victim)] += mass[victim];
    }
    pool.touch(p);
    move(v, p, c, C_POOL);
    let fetched = 0;
    if (c === C_SHARE) {
      share!.share(v, p);
    } else {
      if (c === C_FETCH) {
        s.transferred[p] = 1;
        fetched = pageBytes;
      } else {
        pcTouch(v, p); // buffered read: the page passes through the guest page cache
      }
      registerRead(v, p);
    }
    const sf = staleFlags[v];
    if (sf !== null && sf[p] === 1) staleReads += stride;
    return fetched;
  };

  const startRunning = (v: number, at: number): void => {
    if (flags.fork) forkFrom(0, v, at);
    else startMysql(v, at);
  };
  const startMysql = (v: number, t: number): void => {
    const s = vms[v];
    s.stage = 'running';
    s.startedS = t;
    s.pool = new SampledBufferPool(ns, poolCap);
    recount(v);
  };
  // source VM: MySQL running from t = 0 with a cold pool and an empty page cache
  startMysql(0, 0);
  vms[0].bootAtS = 0;

  // ---- series ------------------------------------------------------------------------------
  const steps = Math.round(((newVms + 1) * interval) / stepS);
  const totalTps = new Float64Array(steps);
  const vmTps = vms.map(() => new Float64Array(steps));
  const tpccTps = new Float64Array(steps);
  const replicationLagTx = vms.map(() => new Float64Array(steps));
  const memoryGiB = new Float64Array(steps);
  const sourceReadMBps = new Float64Array(steps);
  const sourceFetchMBps = new Float64Array(steps);
  const diskUtil = new Float64Array(steps);

  let uRandPrev = 0; // per-disk utilization by random I/O (all VMs) in the previous step
  let uStreamPrev = 0;
  let tpccXPrev = 0;
  let tpccCpuQueuePrev = 0;
  let tpccDiskUtilPrevStep = 0;
  let nextCreate = 1;
  const accCarry = new Float64Array(vmCount);
  let writeCarry = 0;
  // MySQL 5.6 replication: one SQL thread per replica applies the source's transactions in order
  // (one schema, so no parallel applier); it falls behind when it cannot keep up
  const applyBacklogTx = new Float64Array(vmCount);
  const applyCarry = new Float64Array(vmCount);
  const appliedTxPerS = new Float64Array(vmCount);
  const applyCpuMs = tpCpuMs * 0.5; // the write statements (about half of TPC-C's) are re-executed
  const W = tp.randomPagesDirtiedPerTx;

  const tpccOn = workload === 'write';
  const xs = new Float64Array(vmCount);
  const dUtil = new Float64Array(vmCount);
  const sbCpuQueue = new Float64Array(vmCount);
  const sbQueueOf = (v: number): number => sbCpuQueue[v];

  for (let i = 0; i < steps; i++) {
    const t = i * stepS;
    // 1. creations -------------------------------------------------------------------------
    if (nextCreate <= newVms && t >= nextCreate * interval) {
      const v = nextCreate++;
      const s = vms[v];
      s.stage = 'creating';
      s.bootAtS = t;
      s.memoryAtCreationGiB = memoryGiB[Math.max(0, i - 1)];
      s.phaseStartS = t;
      s.times = setup.measuredTimes[flags.sharedStorage ? 'lazy' : config];
      if (flags.fullCopy) {
        s.phase = 'snapshot';
        s.phaseBytesLeft = dataGiB * GiB;
      } else if (flags.lazy) {
        s.phase = 'boot';
        s.phaseBytesLeft = 0;
      } else {
        s.phase = 'boot';
      }
    }
    // random-I/O interference seen by streams
    let streamUtil = 0;
    let streamSourceReadMBps = 0;
    let srcRecoveryFetch = 0;
    for (let v = 1; v < vmCount; v++) {
      const s = vms[v];
      if (s.stage === 'absent') continue;
      const times = s.times;
      if (s.stage === 'creating') {
        const elapsed = t + stepS - s.phaseStartS;
        if (s.phase === 'snapshot' || s.phase === 'transfer' || s.phase === 'minimum files') {
          const cap = s.phase === 'snapshot' ? Infinity : Math.min(cal.transferPathMBps, netMBps);
          const r = copyStreamRate({ chunkBytes, repositionMs, seqMBps, otherUtil: Math.min(0.98, uRandPrev), capMBps: cap }, disks);
          streamUtil += r.diskUtil;
          streamSourceReadMBps += r.MBps;
          const bytes = r.MBps * 1e6 * stepS;
          if (s.phase === 'transfer') {
            // transferred pages land in the new VM's page cache (written through it), in file order
            const from = s.fullCopyPos;
            const copiedBytes = dataGiB * GiB - s.phaseBytesLeft + Math.min(bytes, s.phaseBytesLeft);
            const to = Math.min(dataPages, Math.floor(copiedBytes / pageBytes));
            for (let j = Math.ceil(from / stride); j * stride < to; j++) s.pc.touch(j);
            s.fullCopyPos = to;
          }
          s.phaseBytesLeft -= bytes;
          if (s.phase === 'snapshot') s.writesDuringCopy += tpccXPrev * tp.randomPagesDirtiedPerTx * stepS;
          if (s.phaseBytesLeft <= 0) {
            const spill = -s.phaseBytesLeft / (r.MBps * 1e6); // seconds of the step not needed
            const endS = t + stepS - spill;
            s.phases.push({ phase: s.phase, seconds: endS - s.phaseStartS });
            s.phaseStartS = endS;
            if (s.phase === 'snapshot') {
              // XtraBackup --prepare applies the redo written during the copy: each distinct page
              // changed meanwhile is read and written back
              s.pagesLeft = tpccDistinctPagesTouched(s.writesDuringCopy, dataPages);
              s.phase = s.pagesLeft >= 1 ? 'prepare' : 'transfer';
              s.phaseBytesLeft = dataGiB * GiB;
              s.fullCopyPos = 0;
            } else if (s.phase === 'transfer') {
              // MySQL starts once the VM has booted too
              const bootEnd = s.bootAtS + times.bootS;
              if (bootEnd > endS) {
                s.phases.push({ phase: 'boot (rest)', seconds: bootEnd - endS });
                s.phaseStartS = bootEnd;
              }
              s.phase = 'mysql start';
            } else {
              s.phase = 'mysql start';
            }
          }
        } else if (s.phase === 'prepare' || s.phase === 'crash recovery') {
          // random page I/O batched over all disks (InnoDB recovery reads pages in batches,
          // log0recv.cc recv_read_in_area); prepare also writes each page back
          const ios = s.phase === 'prepare' ? 2 : 1;
          const pagesPerS = (disks * (1 - Math.min(0.98, uRandPrev))) / ((ios * readMs) / 1000);
          const done = Math.min(s.pagesLeft, pagesPerS * stepS);
          streamUtil += (done * ios * readMs) / 1000 / disks / stepS;
          if (s.phase === 'crash recovery' && s.lazy) srcRecoveryFetch += (done * pageBytes) / 1e6 / stepS;
          s.pagesLeft -= done;
          if (s.pagesLeft <= 1e-9) {
            const endS = t + stepS - (pagesPerS > 0 ? (pagesPerS * stepS - done) / pagesPerS : 0);
            s.phases.push({ phase: s.phase, seconds: endS - s.phaseStartS });
            s.phaseStartS = endS;
            if (s.phase === 'prepare') s.phase = 'transfer';
            else startRunning(v, endS);
          }
        } else if (s.phase === 'boot') {
          if (elapsed >= times.bootS) {
            s.phases.push({ phase: flags.fork ? 'fork' : 'boot', seconds: times.bootS });
            s.phaseStartS += times.bootS;
            if (flags.lazy) {
              s.phase = 'minimum files';
              s.phaseBytesLeft = mysql.minimalFilesMiB * 1024 * 1024;
            } else {
              s.phase = 'mysql start';
            }
          }
        }
        if (s.phase === 'mysql start' && t + stepS - s.phaseStartS >= times.mysqlStartS) {
          if (!flags.fork) s.phases.push({ phase: 'mysql start', seconds: times.mysqlStartS });
          const startAt = s.phaseStartS + times.mysqlStartS;
          if (flags.lazy) {
            s.lazy = true;
            s.transferred.fill(0);
            s.bgCopyPos = 0;
          }
          // files copied from a running MySQL (lazy, shared storage) are crash-consistent only:
          // InnoDB applies the redo since the last checkpoint before it accepts connections
          const redoTx = tpccOn && (flags.lazy || flags.sharedStorage) ? (mysql.checkpointAgeFraction * mysql.redoLogMiB * 1024 * 1024) / tp.redoBytesPerTx : 0;
          s.pagesLeft = tpccDistinctPagesTouched(redoTx * tp.randomPagesDirtiedPerTx, dataPages);
          if (s.pagesLeft >= 1) {
            s.phase = 'crash recovery';
            s.phaseStartS = startAt;
          } else {
            startRunning(v, startAt);
          }
        }
      } else if (s.stage === 'running' && s.lazy && s.bgCopyPos < dataPages) {
        // background copier: file order, bypasses the guest page cache
        const r = copyStreamRate({ chunkBytes, repositionMs, seqMBps, otherUtil: Math.min(0.98, uRandPrev), capMBps: Math.min(cal.transferPathMBps, netMBps) }, disks);
        streamUtil += r.diskUtil;
        streamSourceReadMBps += r.MBps;
        const to = Math.min(dataPages, s.bgCopyPos + Math.floor((r.MBps * 1e6 * stepS) / pageBytes));
        for (let j = Math.ceil(s.bgCopyPos / stride); j * stride < to; j++) {
          if (s.transferred[j] === 0) {
            const before = catOf(v, j);
            s.transferred[j] = 1;
            move(v, j, before, catOf(v, j));
          }
        }
        s.bgCopyPos = to;
        if (to >= dataPages) s.lazy = false;
      }
    }

    // 2. throughput of every running VM ---------------------------------------------------
    let uRandNow = 0;
    let srcRead = 0;
    let srcFetch = 0;
    // TPC-C on the source shares its vCPU with SysBench; solve the pair by a few fixed-point passes
    let tpccX = 0;
    let tpccCpuQueue = tpccCpuQueuePrev;
    let sbCpuQueue0 = 0;
    let tpccDiskUtil = 0;
    xs.fill(0);
    dUtil.fill(0);
    for (let pass = 0; pass < (tpccOn ? 3 : 1); pass++) {
      for (let v = 0; v < vmCount; v++) {
        const s = vms[v];
        // a VM takes load from the first step that begins at or after its MySQL start
        if (s.stage !== 'running' || !s.pool || t < s.startedS) continue;
        const tot = massSum;
        const fS = w[v * NC + C_SHARE] / tot;
        const fP = w[v * NC + C_PC] / tot;
        const fF = w[v * NC + C_FETCH] / tot;
        const fD = w[v * NC + C_DISK] / tot;
        const cpuMs = sbCpuMs + A * (fS * mapMs + (fP + fF + fD) * pcHitMs);
        const diskMs = A * (fF + fD) * readMs;
        // the vCPU is shared fairly with TPC-C's threads (source) or the replication SQL thread (replicas:
        // one thread, at the CPU for the fraction of time it computes)
        const otherQueue = v === 0 ? (tpccOn ? tpccCpuQueue : 0) : Math.min(0.98, (appliedTxPerS[v] * applyCpuMs) / 1000);
        const otherDisk = Math.max(0, uRandPrev + uStreamPrev - vms[v].lastDiskUtil);
        const r = mvaThroughput({ threads, cpuMs, diskMs, disks, cpuOtherQueue: otherQueue, diskOtherUtil: Math.min(0.98, otherDisk) });
        xs[v] = r.xPerS;
        dUtil[v] = r.diskUtil;
        sbCpuQueue[v] = r.cpuQueue;
        if (v === 0) sbCpuQueue0 = r.cpuQueue;
      }
      if (tpccOn) {
        // TPC-C: CPU on the source's vCPU; per transaction one redo write (half a rotation), a read of
        // every page it changes that is not cached, and the page-cleaner write of every random page it
        // dirties (the flush rate bounds TPC-C in the long run)
        const srcMiss = vms[0].pool ? 1 - vms[0].pool.sizePages / ns : 1;
        const diskMs = logWriteMs + W * (1 + srcMiss) * readMs;
        const otherDisk = Math.max(0, uRandPrev + uStreamPrev - tpccDiskUtilPrevStep);
        const r = mvaThroughput({ threads: tpccThreads, cpuMs: tpCpuMs, diskMs, disks, cpuOtherQueue: sbCpuQueue0, diskOtherUtil: Math.min(0.98, otherDisk) });
        tpccX = r.xPerS;
        tpccCpuQueue = r.cpuQueue;
        tpccDiskUtil = r.diskUtil;
      }
    }
    for (let v = 0; v < vmCount; v++) {
      vms[v].lastX = xs[v];
      vms[v].lastDiskUtil = dUtil[v];
      uRandNow += dUtil[v];
    }
    // replicas: the SQL thread applies the backlog one transaction at a time — re-executes the
    // writes (CPU shared with SysBench's threads), reads each changed page it does not cache
    // (one outstanding read) — and the page cleaner writes back what it dirtied
    let replicaApplyUtil = 0;
    if (tpccOn) {
      for (let v = 1; v < vmCount; v++) {
        const s = vms[v];
        appliedTxPerS[v] = 0;
        if (s.stage !== 'running' || !s.pool || flags.fork || t < s.startedS) continue;
        applyBacklogTx[v] += tpccX * stepS;
        const miss = 1 - s.pool.sizePages / ns;
        const otherDisk = Math.min(0.98, Math.max(0, uRandPrev + uStreamPrev));
        const cycleMs = applyCpuMs * (1 + sbQueueOf(v)) + (W * miss * readMs) / (1 - otherDisk);
        const applied = Math.min(applyBacklogTx[v], (1000 / cycleMs) * stepS);
        applyBacklogTx[v] -= applied;
        appliedTxPerS[v] = applied / stepS;
        replicaApplyUtil += (appliedTxPerS[v] * W * (1 + miss) * readMs) / 1000 / disks;
      }
    }
    uRandNow += tpccDiskUtil + replicaApplyUtil;
    tpccDiskUtilPrevStep = tpccDiskUtil;

    // 3. replay the sampled accesses --------------------------------------------------------
    for (let v = 0; v < vmCount; v++) {
      const s = vms[v];
      if (s.stage !== 'running' || !s.pool) continue;
      let total = 0;
      for (let k = 0; k < NC; k++) total += w[v * NC + k];
      const fetchFrac = w[v * NC + C_FETCH] / massSum;
      const diskFrac = w[v * NC + C_DISK] / massSum;
      const real = xs[v] * A * stepS;
      srcFetch += (real * fetchFrac * pageBytes) / 1e6 / stepS;
      if (v === 0) srcRead += (real * diskFrac * pageBytes) / 1e6 / stepS;
      accCarry[v] += real * massSum;
      const n = Math.floor(accCarry[v]);
      accCarry[v] -= n;
      const pool = s.pool;
      const sf = staleFlags[v];
      if (sf !== null) forkChildReads += n * stride;
      for (let k = 0; k < n; k++) {
        const p = sampler.draw(rng);
        if (pool.has(p)) {
          pool.touch(p);
          if (sf !== null && sf[p] === 1) staleReads += stride;
          continue;
        }
        missIn(v, p, catOf(v, p));
      }
      // the page cache shrinks as the pool fills
      const cap = Math.max(0, Math.floor((pcBaseBytes - pool.sizePages * stride * pageBytes) / pageBytes / stride));
      if (cap !== s.pc.capacityPages) s.pc.setCapacity(cap, pcEvictors[v]);
    }

    // 4. TPC-C writes on the source, and the replicas' applied writes --------------------
    // (the pages a lagging replica applies are drawn afresh: TPC-C's random stock/customer pages
    // are uniform, so the pages it applies now are statistically those the source wrote earlier)
    const writePage = (v: number, p: number): void => {
      const s = vms[v];
      if (!s.pool!.has(p)) missIn(v, p, catOf(v, p));
      else s.pool!.touch(p);
      releaseFrame(v, p); // the write faults on a shared frame: private copy, entry dropped
    };
    if (tpccOn) {
      writeCarry += (tpccX * W * stepS) / stride;
      const nw = Math.floor(writeCarry);
      writeCarry -= nw;
      for (let k = 0; k < nw; k++) {
        const p = rng.int(0, ns - 1);
        if (vms[0].pool) writePage(0, p);
        for (let v = 1; v < vmCount; v++) {
          const sfv = staleFlags[v];
          if (sfv !== null && vms[v].stage === 'running') sfv[p] = 1; // a forked VM never sees it
        }
      }
      for (let v = 1; v < vmCount; v++) {
        if (appliedTxPerS[v] <= 0) continue;
        applyCarry[v] += (appliedTxPerS[v] * W * stepS) / stride;
        const na = Math.floor(applyCarry[v]);
        applyCarry[v] -= na;
        for (let k = 0; k < na; k++) writePage(v, rng.int(0, ns - 1));
      }
    }

    // 5. record -----------------------------------------------------------------------------
    let tot = 0;
    let booted = 0;
    for (let v = 0; v < vmCount; v++) {
      vmTps[v][i] = xs[v];
      tot += xs[v];
      if (vms[v].stage !== 'absent') booted++;
    }
    totalTps[i] = tot;
    tpccTps[i] = tpccX;
    for (let v = 1; v < vmCount; v++) replicationLagTx[v][i] = applyBacklogTx[v];
    const savedGiB = share ? (share.savedPages * stride * pageBytes) / GiB : 0;
    memoryGiB[i] = booted * vmMemGiB - savedGiB;
    srcFetch += srcRecoveryFetch;
    sourceFetchMBps[i] = srcFetch;
    sourceReadMBps[i] = srcRead + srcFetch + streamSourceReadMBps;
    diskUtil[i] = Math.min(1, uRandNow + streamUtil);
    uRandPrev = uRandNow;
    uStreamPrev = streamUtil;
    tpccXPrev = tpccX;
    tpccCpuQueuePrev = tpccCpuQueue;
  }

  // ---- the fork configuration (SnowFlock-style): the child starts with the source's pool ----
  function forkFrom(src: number, child: number, at: number): void {
    const s = vms[child];
    s.stage = 'running';
    s.startedS = at;
    s.pool = new SampledBufferPool(ns, poolCap);
    const pages = vms[src].pool!.pages().reverse(); // LRU first so that MRU order is kept
    for (const p of pages) s.pool.touch(p);
    s.forkedAt = s.startedS;
    recount(child);
  }

  // ---- results -----------------------------------------------------------------------------
  let bookkeepingDrift = 0;
  for (let v = 0; v < vmCount; v++) {
    if (!vms[v].pool) continue;
    const kept = w.slice(v * NC, v * NC + NC);
    recount(v);
    for (let k = 0; k < NC; k++) bookkeepingDrift = Math.max(bookkeepingDrift, Math.abs(kept[k] - w[v * NC + k]));
  }
  const cold = stablePeak(vmTps[0], stepS, 0, Math.min(interval, steps * stepS));
  const replicas: PaperAReplica[] = [];
  for (let v = 1; v < vmCount; v++) {
    const s = vms[v];
    const creationStartS = v * interval;
    const windowEnd = Math.min((v + 1) * interval, steps * stepS);
    const started = s.startedS;
    let sp = { peak: NaN, timeToPeakS: NaN };
    let first = NaN;
    if (Number.isFinite(started) && started < windowEnd - 60) {
      sp = stablePeak(vmTps[v], stepS, Math.ceil(started / stepS) * stepS, windowEnd);
      first = vmTps[v][Math.ceil(started / stepS)] / sp.peak;
    }
    const endIdx = Math.min(steps - 1, Math.round(windowEnd / stepS) - 1);
    replicas.push({
      index: v,
      creationStartS,
      startedS: started,
      creationS: started - creationStartS,
      phases: s.phases.slice(),
      timeToStablePeakS: sp.timeToPeakS,
      peakTps: sp.peak,
      firstSecondFractionOfPeak: first,
      memoryAddedGiB: memoryGiB[endIdx] - s.memoryAtCreationGiB,
    });
  }
  return {
    workload,
    config,
    stepS,
    steps,
    totalTps,
    vmTps,
    tpccTps,
    replicationLagTx,
    memoryGiB,
    sourceReadMBps,
    sourceFetchMBps,
    diskUtil,
    coldWarmupS: cold.timeToPeakS,
    coldPeakTps: cold.peak,
    replicas,
    bookkeepingDrift,
    staleReads,
    forkChildReads,
    inputs: {
      pageAccessesPerTx: A,
      sysbenchStatementsPerTx: sb.statementsPerTx,
      tpccStatementsPerTx: tp.statementsPerTx,
      tpccRandomPagesPerTx: tp.randomPagesDirtiedPerTx,
      rowsPerPage,
      diskRandomReadMs: readMs,
      diskSeqMBps: seqMBps,
      dataPages,
      poolPages,
      sampledPages: ns,
      randType,
      pageCacheHitUs: pcRead.pageCacheHitUs,
      tpccConnections: tpccThreads,
      calibration: cal,
    },
  };
}
