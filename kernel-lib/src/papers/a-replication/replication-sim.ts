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
 * `ReplicationSim` owns the state (host disks' utilization, VMs, the hypervisor share table, the
 * replication queues, the seeded Rng and the clock). Time advances in steps of `stepS` (1 s);
 * `step()` runs the phases in this order, each a method:
 *  1. `creationPhase` — creation pipelines progress (snapshot / transfer / minimum files /
 *     background copy are bulk copies on the host disks, xtrabackup.ts), with the disks'
 *     random-I/O utilization of the previous step;
 *  2. `throughputPhase` — every running VM's throughput follows from exact MVA
 *     (mysql-throughput.ts) with the CPU and disk demand per transaction implied by where its
 *     buffer-pool misses are served right now: a shared frame (share mapping, CPU), the guest page
 *     cache (copy, CPU), an on-demand fetch from the source (disk read) or a local disk read;
 *  3. `replicationApplyPhase` — each replica's single SQL thread applies the source's TPC-C
 *     backlog (it lags when it cannot keep up);
 *  4. `replayPhase` — the page accesses of that throughput that fall on the sampled pages are
 *     replayed on the sampled buffer pools, page caches and the share table (seeded Rng), moving
 *     pages between those categories;
 *  5. `writesPhase` — TPC-C (tpcc-mysql's 10 connections on the source) dirties pages; they are
 *     written on the source at once and on each replica when its SQL thread applies them: every
 *     such write un-shares the frame copy-on-write and drops its hash entry (paper §4.2.2);
 *  6. `recordPhase` — the step's series values.
 * Where the misses are served is kept as access-probability-weighted counts per VM and category,
 * updated incrementally, so throughput uses the exact expected miss mix of the sampled state
 * (no sampling noise on the throughput of a step).
 *
 * Outcomes (creation times by phase, warm-up times, throughput, memory, ratios) all come out of
 * this; inputs are data/a-replication/setup.json (facts + the measured boot/start times) and the
 * calibrated parameters in data/a-replication/calibration.json (replication-inputs.ts).
 */
import { Rng } from '../../core/rng.js';
import { requireNonNegative } from '../../core/validate.js';
import { GuestPageCache } from './page-cache.js';
import { HypervisorShareTable } from './hypervisor-share-table.js';
import { SampledBufferPool } from './innodb-buffer-pool-model.js';
import { mvaThroughput } from './mysql-throughput.js';
import { copyChunkServiceMs, copyStreamRate } from './xtrabackup.js';
import type { ReplicationConfig } from './replication-pipeline.js';
import { SysbenchPageSampler, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';
import { TpccWritePageSampler, tpccWarehouses } from '../../workloads/tpcc.js';
import { stablePeak } from '../../metrics/stable-peak.js';
import { meanSeekOverSpanMs, occupiedCylinders, spanRandomReadMs } from './occupied-span-read.js';
import { resolveReplicationInputs, type PaperACalibration, type PaperAParams, type PaperAWorkload, type ReplicationInputs } from './replication-inputs.js';

export { PAPER_A_WORKLOADS, loadPaperACalibration, type PaperAWorkload, type PaperACalibration, type PaperAParams } from './replication-inputs.js';

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
  /** Random page read over the span the images occupy at the end of the run (ms). */
  diskRandomReadMs: number;
  /** The same at the datasheet's full-stroke average seek (ms), for comparison. */
  datasheetRandomReadMs: number;
  diskSeqMBps: number;
  dataPages: number;
  /** Pages SysBench reads (the read run: PRIMARY's B-tree, sysbench-read-set.ts; the write run: all). */
  readPages: number;
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

/** Pages InnoDB recovery reads together (MySQL 5.6 log0recv.cc RECV_READ_AHEAD_AREA): its outstanding reads. */
const RECOVERY_OUTSTANDING_PAGES = 32;

/** Where a VM's access to a page is served: its own pool, a shared frame, its page cache, an on-demand fetch, its disk. */
export const MISS_CATEGORIES = ['pool', 'share', 'page cache', 'fetch', 'disk'] as const;
const C_POOL = 0;
const C_SHARE = 1;
const C_PC = 2;
const C_FETCH = 3;
const C_DISK = 4;
const NC = 5;
const GiB = 1024 ** 3;

export type ReplicationVmStage = 'absent' | 'creating' | 'running';

/** One VM's state (index 0 = the source). */
export interface ReplicationVm {
  stage: ReplicationVmStage;
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
  /** Next page index to copy in the background (lazy), in real pages. */
  bgCopyPos: number;
  /** Transfer progress (default), real pages. */
  fullCopyPos: number;
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

/**
 * Paper A's run as an object: construct it from the run parameters, call `run(untilS)` (or
 * `step()` / the phase methods one by one), read the state, and `result()` at the end.
 * Deterministic for a given seed; several instances can run side by side (no module state).
 */
export class ReplicationSim {
  readonly inputs: ReplicationInputs;
  readonly rng: Rng;
  readonly sampler: SysbenchPageSampler;
  /** Where TPC-C's random writes land (write workload only): NURand stock and customer rows, workloads/tpcc.ts. */
  readonly writeSampler: TpccWritePageSampler | null;
  /** The hypervisor's data-ID → frame table (share configurations only). */
  readonly share: HypervisorShareTable | null;
  readonly vms: ReplicationVm[];
  private clockStep = 0;
  /** Database images on the host's disks (the source's + one per replica that copies one). */
  private images = 1;
  /** A random page read over the span the images occupy now (ms), occupied-span-read.ts. */
  private readMs: number;
  /** Moving a bulk copy's heads within that span: mean seek + half a rotation (ms). */
  private repositionMs: number;

  // ---- series ----
  readonly totalTps: Float64Array;
  readonly vmTps: Float64Array[];
  readonly tpccTps: Float64Array;
  readonly replicationLagTx: Float64Array[];
  readonly memoryGiB: Float64Array;
  readonly sourceReadMBps: Float64Array;
  readonly sourceFetchMBps: Float64Array;
  readonly diskUtil: Float64Array;

  // ---- state kept between steps ----
  /** Access mass per miss category per VM (uncached pages + cached), [v * 5 + category]. */
  private readonly w: Float64Array;
  private readonly mass: Float64Array;
  private readonly massSum: number;
  /** Per forked VM: 1 = the source changed this page after the fork (the child's copy is stale). */
  private readonly staleFlags: Array<Uint8Array | null>;
  private staleReads = 0;
  private forkChildReads = 0;
  private readonly pcEvictors: Array<(q: number) => void>;
  /** Per-disk utilization by random I/O (all VMs) in the previous step. */
  private uRandPrev = 0;
  /** Previous step: requests of batched page I/O (prepare, crash recovery) outstanding at a disk,
   *  bulk copies' presence at a disk (their per-disk utilization; one request each), the mean number of
   *  closed random requests queued at a disk (SysBench, TPC-C, SQL threads). */
  private batchQueuePrev = 0;
  private bulkPresencePrev = 0;
  private randQueuePrev = 0;
  private tpccXPrev = 0;
  private tpccCpuQueuePrev = 0;
  private tpccDiskUtilPrevStep = 0;
  private nextCreate = 1;
  private readonly accCarry: Float64Array;
  private writeCarry = 0;
  // MySQL 5.6 replication: one SQL thread per replica applies the source's transactions in order
  // (one schema, so no parallel applier); it falls behind when it cannot keep up
  /** The replication queue of each replica (transactions not yet applied). */
  readonly applyBacklogTx: Float64Array;
  private readonly applyCarry: Float64Array;
  private readonly appliedTxPerS: Float64Array;
  private readonly xs: Float64Array;
  private readonly dUtil: Float64Array;
  private readonly dQueue: Float64Array;
  private readonly sbCpuQueue: Float64Array;

  // ---- per-step scratch (set by the phases of one step) ----
  private streamUtil = 0;
  private batchQueue = 0;
  private bulkPresence = 0;
  private randQueueNow = 0;
  private streamSourceReadMBps = 0;
  private srcRecoveryFetch = 0;
  private uRandNow = 0;
  private srcRead = 0;
  private srcFetch = 0;
  private tpccX = 0;
  private tpccCpuQueue = 0;
  private tpccDiskUtil = 0;

  constructor(params: PaperAParams) {
    const inp = (this.inputs = resolveReplicationInputs(params));
    const { ns, vmCount, setup, steps } = inp;
    // access mass of each sampled page (sampled page j = real page j*stride) and the page sampler
    this.sampler = new SysbenchPageSampler(inp.dataPages, inp.stride, inp.randType, {
      randSpecPct: setup.sysbench.randSpecPct,
      randSpecRes: setup.sysbench.randSpecRes,
      randSpecIter: setup.sysbench.randSpecIter,
    }, inp.readPages);
    this.writeSampler = inp.tpccOn ? new TpccWritePageSampler(inp.dataPages, inp.stride, tpccWarehouses(inp.dataGiB, setup.tpcc.mbPerWarehouse)) : null;
    this.mass = this.sampler.mass;
    this.massSum = this.sampler.massSum;
    this.rng = new Rng(inp.seed);
    this.share = inp.flags.share ? new HypervisorShareTable(ns, vmCount) : null;
    this.w = new Float64Array(vmCount * NC);
    this.vms = [];
    for (let v = 0; v < vmCount; v++) {
      this.vms.push({
        stage: v === 0 ? 'running' : 'absent',
        bootAtS: v === 0 ? 0 : NaN,
        startedS: v === 0 ? 0 : NaN,
        pool: null,
        pc: new GuestPageCache(ns, Math.floor(inp.pcBaseBytes / inp.pageBytes / inp.stride)),
        transferred: new Uint8Array(ns).fill(1),
        lazy: false,
        phase: '',
        phaseStartS: 0,
        phaseBytesLeft: 0,
        phases: [],
        bgCopyPos: inp.dataPages,
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
    this.staleFlags = this.vms.map((_, v) => (inp.flags.fork && v > 0 ? new Uint8Array(ns) : null));
    this.pcEvictors = this.vms.map((_, v) => (q: number) => this.pcEvict(v, q));
    // source VM: MySQL running from t = 0 with a cold pool and an empty page cache
    this.startMysql(0, 0);
    this.vms[0].bootAtS = 0;
    this.readMs = 0;
    this.repositionMs = 0;
    this.relayout();

    this.totalTps = new Float64Array(steps);
    this.vmTps = this.vms.map(() => new Float64Array(steps));
    this.tpccTps = new Float64Array(steps);
    this.replicationLagTx = this.vms.map(() => new Float64Array(steps));
    this.memoryGiB = new Float64Array(steps);
    this.sourceReadMBps = new Float64Array(steps);
    this.sourceFetchMBps = new Float64Array(steps);
    this.diskUtil = new Float64Array(steps);
    this.accCarry = new Float64Array(vmCount);
    this.applyBacklogTx = new Float64Array(vmCount);
    this.applyCarry = new Float64Array(vmCount);
    this.appliedTxPerS = new Float64Array(vmCount);
    this.xs = new Float64Array(vmCount);
    this.dUtil = new Float64Array(vmCount);
    this.dQueue = new Float64Array(vmCount);
    this.sbCpuQueue = new Float64Array(vmCount);
  }

  /** Index of the next step (the clock); `recordPhase` advances it. */
  get stepIndex(): number {
    return this.clockStep;
  }

  /** Simulated time at the start of the next step (s). */
  get nowS(): number {
    return this.stepIndex * this.inputs.stepS;
  }

  /** Whether every step of the run's schedule has run. */
  get done(): boolean {
    return this.stepIndex >= this.inputs.steps;
  }

  /** Probability mass of VM v's accesses served by each miss category (pool, share, page cache, fetch, disk); sums to the sampler's mass. */
  missMass(v: number): number[] {
    return Array.from(this.w.subarray(v * NC, v * NC + NC));
  }

  /** Runs steps until the clock reaches `untilS` (s) or the schedule ends; returns this. */
  run(untilS: number = Infinity): this {
    requireNonNegative('untilS', untilS === Infinity ? 0 : untilS, 's');
    while (!this.done && this.nowS < untilS) this.step();
    return this;
  }

  /** One step: every phase in order; the last one (recording) advances the clock. */
  step(): void {
    if (this.done) throw new RangeError(`ReplicationSim: the schedule ends after ${this.inputs.steps} steps (${this.inputs.steps * this.inputs.stepS} s); no step is left to run`);
    this.creationPhase();
    this.throughputPhase();
    this.replicationApplyPhase();
    this.replayPhase();
    this.writesPhase();
    this.recordPhase();
  }

  /** Random-read and repositioning costs for the images now on the disks (striped over all of them, from the outer edge). */
  private relayout(): void {
    const inp = this.inputs;
    const bytesPerDisk = (this.images * inp.dataGiB * GiB) / inp.disks;
    this.readMs = spanRandomReadMs(inp.disk, bytesPerDisk, inp.pageBytes);
    this.repositionMs = meanSeekOverSpanMs(inp.disk, occupiedCylinders(inp.disk, bytesPerDisk)) + inp.logWriteMs;
  }

  /** Distinct data pages among `writes` TPC-C random writes (0 without TPC-C). */
  private distinctWrittenPages(writes: number): number {
    return this.writeSampler ? this.writeSampler.distinctPages(writes, this.inputs.stride) : 0;
  }

  /** The random page read (ms) the disks serve at the moment (it grows with the images on them). */
  get randomReadMs(): number {
    return this.readMs;
  }

  // ---- miss-category bookkeeping ------------------------------------------------------------

  private base(v: number, p: number): number {
    const s = this.vms[v];
    if (s.pc.has(p)) return C_PC;
    if (s.lazy && s.transferred[p] === 0) return C_FETCH;
    return C_DISK;
  }

  private catOf(v: number, p: number): number {
    const s = this.vms[v];
    if (s.pool && s.pool.has(p)) return C_POOL;
    if (this.share && this.share.isRegistered(p)) return C_SHARE;
    return this.base(v, p);
  }

  private move(v: number, p: number, from: number, to: number): void {
    if (from === to) return;
    this.w[v * NC + from] -= this.mass[p];
    this.w[v * NC + to] += this.mass[p];
  }

  private recount(v: number): void {
    const w = this.w;
    for (let k = 0; k < NC; k++) w[v * NC + k] = 0;
    for (let p = 0; p < this.inputs.ns; p++) w[v * NC + this.catOf(v, p)] += this.mass[p];
  }

  /** Registration of page p flipped (nowRegistered): other running VMs without p change category. */
  private onRegFlip(p: number, nowRegistered: boolean, except: number): void {
    for (let u = 0; u < this.inputs.vmCount; u++) {
      const s = this.vms[u];
      if (u === except || !s.pool || s.pool.has(p)) continue;
      const b = this.base(u, p);
      if (nowRegistered) this.move(u, p, b, C_SHARE);
      else this.move(u, p, C_SHARE, b);
    }
  }

  private pcEvict(v: number, q: number): void {
    const s = this.vms[v];
    if (!s.pool || s.pool.has(q) || (this.share && this.share.isRegistered(q))) return;
    // q left the page cache: PC → fetch/disk
    const to = s.lazy && s.transferred[q] === 0 ? C_FETCH : C_DISK;
    this.move(v, q, C_PC, to);
  }

  private pcTouch(v: number, p: number): void {
    const s = this.vms[v];
    const before = s.pool ? this.catOf(v, p) : -1;
    s.pc.touch(p, this.pcEvictors[v]);
    if (before >= 0) this.move(v, p, before, this.catOf(v, p));
  }

  /** v's own category for p is kept by the caller (an evicted victim, or a page it keeps and writes). */
  private releaseFrame(v: number, p: number): void {
    const share = this.share;
    if (!share) return;
    const wasReg = share.isRegistered(p);
    share.release(v, p);
    if (wasReg && !share.isRegistered(p)) this.onRegFlip(p, false, v);
  }

  private registerRead(v: number, p: number): void {
    const share = this.share;
    if (!share) return;
    const wasReg = share.isRegistered(p);
    share.registerRead(v, p);
    if (!wasReg && share.isRegistered(p)) this.onRegFlip(p, true, v);
  }

  /** Brings page p into v's pool after a miss of category c; returns bytes read from the source image. */
  private missIn(v: number, p: number, c: number): number {
    const s = this.vms[v];
    const pool = s.pool!;
    const w = this.w;
    const victim = pool.evictIfFull();
    if (victim >= 0) {
      this.releaseFrame(v, victim);
      w[v * NC + C_POOL] -= this.mass[victim];
      w[v * NC + this.catOf(v, victim)] += this.mass[victim];
    }
    pool.touch(p);
    this.move(v, p, c, C_POOL);
    let fetched = 0;
    if (c === C_SHARE) {
      this.share!.share(v, p);
    } else {
      if (c === C_FETCH) {
        s.transferred[p] = 1;
        fetched = this.inputs.pageBytes;
      } else {
        this.pcTouch(v, p); // buffered read: the page passes through the guest page cache
      }
      this.registerRead(v, p);
    }
    const sf = this.staleFlags[v];
    if (sf !== null && sf[p] === 1) this.staleReads += this.inputs.stride;
    return fetched;
  }

  private startRunning(v: number, at: number): void {
    if (this.inputs.flags.fork) this.forkFrom(0, v, at);
    else this.startMysql(v, at);
  }

  private startMysql(v: number, t: number): void {
    const s = this.vms[v];
    s.stage = 'running';
    s.startedS = t;
    s.pool = new SampledBufferPool(this.inputs.ns, this.inputs.poolCap);
    this.recount(v);
  }

  /** The fork configuration (SnowFlock-style): the child starts with the source's pool. */
  private forkFrom(src: number, child: number, at: number): void {
    const s = this.vms[child];
    s.stage = 'running';
    s.startedS = at;
    s.pool = new SampledBufferPool(this.inputs.ns, this.inputs.poolCap);
    const pages = this.vms[src].pool!.pages().reverse(); // LRU first so that MRU order is kept
    for (const p of pages) s.pool.touch(p);
    s.forkedAt = s.startedS;
    this.recount(child);
  }

  // ---- 1. creations --------------------------------------------------------------------------

  /** Starts the next replica's creation when its time has come and advances every creation pipeline and background copy by one step. */
  creationPhase(): void {
    const inp = this.inputs;
    const { flags, cal, stepS, dataGiB, pageBytes, dataPages, stride, disks, mysql } = inp;
    const i = this.stepIndex;
    const t = i * stepS;
    const vms = this.vms;
    if (this.nextCreate <= inp.newVms && t >= this.nextCreate * inp.intervalS) {
      const v = this.nextCreate++;
      const s = vms[v];
      s.stage = 'creating';
      s.bootAtS = t;
      s.memoryAtCreationGiB = this.memoryGiB[Math.max(0, i - 1)];
      s.phaseStartS = t;
      s.times = inp.setup.measuredTimes[flags.sharedStorage ? 'lazy' : inp.config];
      // a copied replica gets its own image on the host's disks (a storage clone or a fork shares the source's)
      if (!flags.sharedStorage && !flags.fork) {
        this.images++;
        this.relayout();
      }
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
    this.streamUtil = 0;
    this.batchQueue = 0;
    this.bulkPresence = 0;
    this.streamSourceReadMBps = 0;
    this.srcRecoveryFetch = 0;
    for (let v = 1; v < inp.vmCount; v++) {
      const s = vms[v];
      if (s.stage === 'absent') continue;
      const times = s.times;
      if (s.stage === 'creating') {
        const elapsed = t + stepS - s.phaseStartS;
        if (s.phase === 'snapshot' || s.phase === 'transfer' || s.phase === 'minimum files') {
          const cap = s.phase === 'snapshot' ? Infinity : Math.min(cal.transferPathMBps, inp.netMBps);
          const r = copyStreamRate({ chunkBytes: inp.chunkBytes, repositionMs: this.repositionMs, seqMBps: inp.seqMBps, otherUtil: 0, otherWaitMs: (this.randQueuePrev + this.batchQueuePrev) * this.readMs, capMBps: cap }, disks);
          this.streamUtil += r.diskUtil;
          this.bulkPresence += r.diskUtil;
          this.streamSourceReadMBps += r.MBps;
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
          if (s.phase === 'snapshot') s.writesDuringCopy += this.tpccXPrev * inp.W * stepS;
          if (s.phaseBytesLeft <= 0) {
            const spill = -s.phaseBytesLeft / (r.MBps * 1e6); // seconds of the step not needed
            const endS = t + stepS - spill;
            s.phases.push({ phase: s.phase, seconds: endS - s.phaseStartS });
            s.phaseStartS = endS;
            if (s.phase === 'snapshot') {
              // XtraBackup --prepare applies the redo written during the copy: each distinct page
              // changed meanwhile is read and written back
              s.pagesLeft = this.distinctWrittenPages(s.writesDuringCopy);
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
          // page I/O batched over all disks: InnoDB recovery (XtraBackup --prepare is one) reads the
          // pages of an area together (log0recv.cc recv_read_in_area, RECV_READ_AHEAD_AREA = 32 pages),
          // so it keeps 32 requests outstanding, 32/disks per disk, and a disk serves them beside the
          // random requests queued there in proportion (processor sharing); prepare also writes each page back
          const ios = s.phase === 'prepare' ? 2 : 1;
          const perDisk = RECOVERY_OUTSTANDING_PAGES / disks;
          const share = perDisk / (perDisk + this.randQueuePrev);
          const pagesPerS = (disks * share) / ((ios * this.readMs) / 1000);
          const done = Math.min(s.pagesLeft, pagesPerS * stepS);
          this.streamUtil += (done * ios * this.readMs) / 1000 / disks / stepS;
          this.batchQueue += perDisk;
          if (s.phase === 'crash recovery' && s.lazy) this.srcRecoveryFetch += (done * pageBytes) / 1e6 / stepS;
          s.pagesLeft -= done;
          if (s.pagesLeft <= 1e-9) {
            const endS = t + stepS - (pagesPerS > 0 ? (pagesPerS * stepS - done) / pagesPerS : 0);
            s.phases.push({ phase: s.phase, seconds: endS - s.phaseStartS });
            s.phaseStartS = endS;
            if (s.phase === 'prepare') s.phase = 'transfer';
            else this.startRunning(v, endS);
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
          const redoTx = inp.tpccOn && (flags.lazy || flags.sharedStorage) ? (mysql.checkpointAgeFraction * mysql.redoLogMiB * 1024 * 1024) / inp.tpccRedoBytesPerTx : 0;
          s.pagesLeft = this.distinctWrittenPages(redoTx * inp.W);
          if (s.pagesLeft >= 1) {
            s.phase = 'crash recovery';
            s.phaseStartS = startAt;
          } else {
            this.startRunning(v, startAt);
          }
        }
      } else if (s.stage === 'running' && s.lazy && s.bgCopyPos < dataPages) {
        // background copier: file order, bypasses the guest page cache
        const r = copyStreamRate({ chunkBytes: inp.chunkBytes, repositionMs: this.repositionMs, seqMBps: inp.seqMBps, otherUtil: 0, otherWaitMs: (this.randQueuePrev + this.batchQueuePrev) * this.readMs, capMBps: Math.min(cal.transferPathMBps, inp.netMBps) }, disks);
        this.streamUtil += r.diskUtil;
        this.bulkPresence += r.diskUtil;
        this.streamSourceReadMBps += r.MBps;
        const to = Math.min(dataPages, s.bgCopyPos + Math.floor((r.MBps * 1e6 * stepS) / pageBytes));
        for (let j = Math.ceil(s.bgCopyPos / stride); j * stride < to; j++) {
          if (s.transferred[j] === 0) {
            const before = this.catOf(v, j);
            s.transferred[j] = 1;
            this.move(v, j, before, this.catOf(v, j));
          }
        }
        s.bgCopyPos = to;
        if (to >= dataPages) s.lazy = false;
      }
    }
  }

  /**
   * Mean wait of one random disk visit behind the previous step's closed bulk workloads (ms): the
   * residual of a copy request in service (half of it: deterministic service; one request per copy,
   * present for its utilization) and the batched recovery requests outstanding at the disk.
   */
  private closedOthersWaitMs(): number {
    const inp = this.inputs;
    const copyRequestMs = copyChunkServiceMs(inp.chunkBytes, this.repositionMs, inp.seqMBps, inp.disks) / 2;
    return this.bulkPresencePrev * (copyRequestMs / 2) + this.batchQueuePrev * this.readMs;
  }

  // ---- 2. throughput -------------------------------------------------------------------------

  /** Throughput of every running VM (exact MVA) and of TPC-C on the source, from the current miss mix. */
  throughputPhase(): void {
    const inp = this.inputs;
    const { vmCount, A, disks, threads } = inp;
    const t = this.stepIndex * inp.stepS;
    const vms = this.vms;
    const w = this.w;
    const xs = this.xs;
    const dUtil = this.dUtil;
    const uRandPrev = this.uRandPrev;
    const bulkQueue = this.closedOthersWaitMs() / this.readMs;
    const tpccOn = inp.tpccOn;
    this.uRandNow = 0;
    this.randQueueNow = 0;
    this.srcRead = 0;
    this.srcFetch = 0;
    // TPC-C on the source shares its vCPU with SysBench; solve the pair by a few fixed-point passes
    let tpccX = 0;
    let tpccCpuQueue = this.tpccCpuQueuePrev;
    let sbCpuQueue0 = 0;
    let tpccDiskUtil = 0;
    let tpccDiskQueue = 0;
    const dQueue = this.dQueue;
    xs.fill(0);
    dUtil.fill(0);
    dQueue.fill(0);
    for (let pass = 0; pass < (tpccOn ? 3 : 1); pass++) {
      for (let v = 0; v < vmCount; v++) {
        const s = vms[v];
        // a VM takes load from the first step that begins at or after its MySQL start
        if (s.stage !== 'running' || !s.pool || t < s.startedS) continue;
        const tot = this.massSum;
        // the incrementally kept masses drift by rounding (~1e-15); an emptied category may read
        // a hair below 0, which is 0
        const fS = Math.max(0, w[v * NC + C_SHARE] / tot);
        const fP = Math.max(0, w[v * NC + C_PC] / tot);
        const fF = Math.max(0, w[v * NC + C_FETCH] / tot);
        const fD = Math.max(0, w[v * NC + C_DISK] / tot);
        const cpuMs = inp.sbCpuMs + A * (fS * inp.mapMs + (fP + fF + fD) * inp.pcHitMs);
        const diskMs = A * (fF + fD) * this.readMs;
        // the vCPU is shared fairly with TPC-C's threads (source) or the replication SQL thread (replicas:
        // one thread, at the CPU for the fraction of time it computes)
        const otherQueue = v === 0 ? (tpccOn ? tpccCpuQueue : 0) : Math.min(0.98, (this.appliedTxPerS[v] * inp.applyCpuMs) / 1000);
        const otherDisk = Math.max(0, uRandPrev - vms[v].lastDiskUtil);
        const r = mvaThroughput({ threads, cpuMs, diskMs, disks, cpuOtherQueue: otherQueue, diskOtherUtil: Math.min(0.98, otherDisk), diskOtherQueue: bulkQueue });
        xs[v] = r.xPerS;
        dUtil[v] = r.diskUtil;
        dQueue[v] = r.diskQueue;
        this.sbCpuQueue[v] = r.cpuQueue;
        if (v === 0) sbCpuQueue0 = r.cpuQueue;
      }
      if (tpccOn) {
        // TPC-C: CPU on the source's vCPU; per transaction one redo write (half a rotation), a read of
        // every page it changes that is not cached, and the page-cleaner write of every random page it
        // dirties (the flush rate bounds TPC-C in the long run)
        const srcMiss = vms[0].pool ? 1 - vms[0].pool.sizePages / inp.ns : 1;
        const diskMs = inp.logWriteMs + inp.W * (1 + srcMiss) * this.readMs;
        const otherDisk = Math.max(0, uRandPrev - this.tpccDiskUtilPrevStep);
        const r = mvaThroughput({ threads: inp.tpccThreads, cpuMs: inp.tpCpuMs, diskMs, disks, cpuOtherQueue: sbCpuQueue0, diskOtherUtil: Math.min(0.98, otherDisk), diskOtherQueue: bulkQueue });
        tpccX = r.xPerS;
        tpccCpuQueue = r.cpuQueue;
        tpccDiskUtil = r.diskUtil;
        tpccDiskQueue = r.diskQueue;
      }
    }
    for (let v = 0; v < vmCount; v++) {
      vms[v].lastX = xs[v];
      vms[v].lastDiskUtil = dUtil[v];
      this.uRandNow += dUtil[v];
      this.randQueueNow += dQueue[v];
    }
    this.randQueueNow += tpccDiskQueue;
    this.tpccX = tpccX;
    this.tpccCpuQueue = tpccCpuQueue;
    this.tpccDiskUtil = tpccDiskUtil;
  }

  // ---- 3. replication apply ------------------------------------------------------------------

  /**
   * Replicas: the SQL thread applies the backlog one transaction at a time — re-executes the
   * writes (CPU shared with SysBench's threads), reads each changed page it does not cache (one
   * outstanding read) — and the page cleaner writes back what it dirtied.
   */
  replicationApplyPhase(): void {
    const inp = this.inputs;
    const { stepS, W, disks } = inp;
    const readMs = this.readMs;
    const t = this.stepIndex * stepS;
    let replicaApplyUtil = 0;
    if (inp.tpccOn) {
      const otherDisk = Math.min(0.98, Math.max(0, this.uRandPrev));
      const bulkWaitMs = this.closedOthersWaitMs();
      for (let v = 1; v < inp.vmCount; v++) {
        const s = this.vms[v];
        this.appliedTxPerS[v] = 0;
        if (s.stage !== 'running' || !s.pool || inp.flags.fork || t < s.startedS) continue;
        this.applyBacklogTx[v] += this.tpccX * stepS;
        const miss = 1 - s.pool.sizePages / inp.ns;
        const cycleMs = inp.applyCpuMs * (1 + this.sbCpuQueue[v]) + W * miss * (readMs / (1 - otherDisk) + bulkWaitMs);
        const applied = Math.min(this.applyBacklogTx[v], (1000 / cycleMs) * stepS);
        this.applyBacklogTx[v] -= applied;
        this.appliedTxPerS[v] = applied / stepS;
        replicaApplyUtil += (this.appliedTxPerS[v] * W * (1 + miss) * readMs) / 1000 / disks;
        // one SQL thread: one request outstanding at a time, a queue at one disk equal to its utilization there
        this.randQueueNow += (this.appliedTxPerS[v] * W * miss * readMs) / 1000 / disks;
      }
    }
    this.uRandNow += this.tpccDiskUtil + replicaApplyUtil;
    this.tpccDiskUtilPrevStep = this.tpccDiskUtil;
  }

  // ---- 4. replay the sampled accesses --------------------------------------------------------

  /** Replays the step's SysBench page accesses that fall on sampled pages (seeded Rng). */
  replayPhase(): void {
    const inp = this.inputs;
    const { stepS, A, pageBytes, stride } = inp;
    const massSum = this.massSum;
    const w = this.w;
    for (let v = 0; v < inp.vmCount; v++) {
      const s = this.vms[v];
      if (s.stage !== 'running' || !s.pool) continue;
      const fetchFrac = Math.max(0, w[v * NC + C_FETCH] / massSum);
      const diskFrac = Math.max(0, w[v * NC + C_DISK] / massSum);
      const real = this.xs[v] * A * stepS;
      this.srcFetch += (real * fetchFrac * pageBytes) / 1e6 / stepS;
      if (v === 0) this.srcRead += (real * diskFrac * pageBytes) / 1e6 / stepS;
      this.accCarry[v] += real * massSum;
      const n = Math.floor(this.accCarry[v]);
      this.accCarry[v] -= n;
      const pool = s.pool;
      const sf = this.staleFlags[v];
      if (sf !== null) this.forkChildReads += n * stride;
      for (let k = 0; k < n; k++) {
        const p = this.sampler.draw(this.rng);
        if (pool.has(p)) {
          pool.touch(p);
          if (sf !== null && sf[p] === 1) this.staleReads += stride;
          continue;
        }
        this.missIn(v, p, this.catOf(v, p));
      }
      // the page cache shrinks as the pool fills
      const cap = Math.max(0, Math.floor((inp.pcBaseBytes - pool.sizePages * stride * pageBytes) / pageBytes / stride));
      if (cap !== s.pc.capacityPages) s.pc.setCapacity(cap, this.pcEvictors[v]);
    }
  }

  // ---- 5. TPC-C writes -----------------------------------------------------------------------

  private writePage(v: number, p: number): void {
    const s = this.vms[v];
    if (!s.pool!.has(p)) this.missIn(v, p, this.catOf(v, p));
    else s.pool!.touch(p);
    this.releaseFrame(v, p); // the write faults on a shared frame: private copy, entry dropped
  }

  /**
   * TPC-C writes on the source, and the replicas' applied writes, both drawn from TPC-C's write
   * distribution (NURand stock and customer rows; appends are not drawn, workloads/tpcc.ts). The
   * pages a lagging replica applies are drawn afresh: they are statistically those the source wrote
   * earlier.
   */
  writesPhase(): void {
    const inp = this.inputs;
    if (!inp.tpccOn) return;
    const { stepS, W, vmCount } = inp;
    const vms = this.vms;
    const rng = this.rng;
    const ws = this.writeSampler!;
    this.writeCarry += this.tpccX * W * stepS * ws.massSum;
    const nw = Math.floor(this.writeCarry);
    this.writeCarry -= nw;
    for (let k = 0; k < nw; k++) {
      const p = ws.draw(rng);
      if (vms[0].pool) this.writePage(0, p);
      for (let v = 1; v < vmCount; v++) {
        const sfv = this.staleFlags[v];
        if (sfv !== null && vms[v].stage === 'running') sfv[p] = 1; // a forked VM never sees it
      }
    }
    for (let v = 1; v < vmCount; v++) {
      if (this.appliedTxPerS[v] <= 0) continue;
      this.applyCarry[v] += this.appliedTxPerS[v] * W * stepS * ws.massSum;
      const na = Math.floor(this.applyCarry[v]);
      this.applyCarry[v] -= na;
      for (let k = 0; k < na; k++) this.writePage(v, ws.draw(rng));
    }
  }

  // ---- 6. record -----------------------------------------------------------------------------

  /** Writes the step's values into the series, carries this step's utilizations to the next and advances the clock. */
  recordPhase(): void {
    const inp = this.inputs;
    const i = this.stepIndex;
    let tot = 0;
    let booted = 0;
    for (let v = 0; v < inp.vmCount; v++) {
      this.vmTps[v][i] = this.xs[v];
      tot += this.xs[v];
      if (this.vms[v].stage !== 'absent') booted++;
    }
    this.totalTps[i] = tot;
    this.tpccTps[i] = this.tpccX;
    for (let v = 1; v < inp.vmCount; v++) this.replicationLagTx[v][i] = this.applyBacklogTx[v];
    const savedGiB = this.share ? (this.share.savedPages * inp.stride * inp.pageBytes) / GiB : 0;
    this.memoryGiB[i] = booted * inp.vmMemGiB - savedGiB;
    this.srcFetch += this.srcRecoveryFetch;
    this.sourceFetchMBps[i] = this.srcFetch;
    this.sourceReadMBps[i] = this.srcRead + this.srcFetch + this.streamSourceReadMBps;
    this.diskUtil[i] = Math.min(1, this.uRandNow + this.streamUtil);
    this.uRandPrev = this.uRandNow;
    this.batchQueuePrev = this.batchQueue;
    this.bulkPresencePrev = this.bulkPresence;
    this.randQueuePrev = this.randQueueNow;
    this.tpccXPrev = this.tpccX;
    this.tpccCpuQueuePrev = this.tpccCpuQueue;
    this.clockStep++;
  }

  // ---- results -------------------------------------------------------------------------------

  /** Largest difference between the incrementally kept miss-category masses and a recount (recounts every VM). */
  private bookkeepingDrift(): number {
    let drift = 0;
    for (let v = 0; v < this.inputs.vmCount; v++) {
      if (!this.vms[v].pool) continue;
      const kept = this.w.slice(v * NC, v * NC + NC);
      this.recount(v);
      for (let k = 0; k < NC; k++) drift = Math.max(drift, Math.abs(kept[k] - this.w[v * NC + k]));
    }
    return drift;
  }

  /** The run's outcomes (call once the run is done; the series cover the steps run so far). */
  result(): PaperARun {
    const inp = this.inputs;
    const { stepS, steps, intervalS } = inp;
    const bookkeepingDrift = this.bookkeepingDrift();
    const cold = stablePeak(this.vmTps[0], stepS, 0, Math.min(intervalS, steps * stepS));
    const replicas: PaperAReplica[] = [];
    for (let v = 1; v < inp.vmCount; v++) {
      const s = this.vms[v];
      const creationStartS = v * intervalS;
      const windowEnd = Math.min((v + 1) * intervalS, steps * stepS);
      const started = s.startedS;
      let sp = { peak: NaN, timeToPeakS: NaN };
      let first = NaN;
      if (Number.isFinite(started) && started < windowEnd - 60) {
        sp = stablePeak(this.vmTps[v], stepS, Math.ceil(started / stepS) * stepS, windowEnd);
        first = this.vmTps[v][Math.ceil(started / stepS)] / sp.peak;
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
        memoryAddedGiB: this.memoryGiB[endIdx] - s.memoryAtCreationGiB,
      });
    }
    return {
      workload: inp.workload,
      config: inp.config,
      stepS,
      steps,
      totalTps: this.totalTps,
      vmTps: this.vmTps,
      tpccTps: this.tpccTps,
      replicationLagTx: this.replicationLagTx,
      memoryGiB: this.memoryGiB,
      sourceReadMBps: this.sourceReadMBps,
      sourceFetchMBps: this.sourceFetchMBps,
      diskUtil: this.diskUtil,
      coldWarmupS: cold.timeToPeakS,
      coldPeakTps: cold.peak,
      replicas,
      bookkeepingDrift,
      staleReads: this.staleReads,
      forkChildReads: this.forkChildReads,
      inputs: {
        pageAccessesPerTx: inp.A,
        sysbenchStatementsPerTx: inp.sysbenchStatementsPerTx,
        tpccStatementsPerTx: inp.tpccStatementsPerTx,
        tpccRandomPagesPerTx: inp.W,
        rowsPerPage: inp.rowsPerPage,
        diskRandomReadMs: this.readMs,
        datasheetRandomReadMs: inp.datasheetReadMs,
        diskSeqMBps: inp.seqMBps,
        dataPages: inp.dataPages,
        readPages: inp.readPages,
        poolPages: inp.poolPages,
        sampledPages: inp.ns,
        randType: inp.randType,
        pageCacheHitUs: inp.pcRead.pageCacheHitUs,
        tpccConnections: inp.tpccThreads,
        calibration: inp.cal,
      },
    };
  }
}

/** Runs one configuration × workload to the end of its schedule. Deterministic for a given seed. */
export function runPaperA(params: PaperAParams): PaperARun {
  return new ReplicationSim(params).run().result();
}
