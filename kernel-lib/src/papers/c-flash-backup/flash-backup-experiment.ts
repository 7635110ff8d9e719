/**
 * Paper C (Takakura & Kambayashi, "Design and performance evaluation of a transparent backup
 * system utilizing flash memory"): Figures 3 and 4 and the checks C1–C5, composed from the
 * models so that the notebook, the tests and the benchmark call the same functions.
 *
 * Model chain: TPC-A/B at `tps` → expected (closed form) and simulated distinct dirty pages
 * after a checkpoint interval T → multi-buffer backup time on U flash backup units (Fig. 3)
 * → hot-spot recovery time = reload of Branch/Teller pages + log read + log apply (Fig. 4).
 *
 * Two unknowns, each fitted to one stated number (data/c-flash-backup/calibration.json; the
 * numbers themselves are written once, in checks.ts):
 *  - U, the number of backup units (flash buses) at the paper's load → C2 (backup at a 1-h interval);
 *  - c, the log apply time per transaction → C3 (worst hot-spot recovery at 30 min).
 * C1, C4 and C5 are predicted.
 */
import { Rng } from '../../core/rng.js';
import { ParameterError, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../../core/validate.js';
import { requireArrayInRange, requireBoolean, requireIntegerArray, requireKnownOptions } from './options.js';
import { flashBlockBytes, type FlashProfile } from '../../hardware/flash-chip.js';
import { flashProfile, flashProfileSources } from './flash-profiles.js';
import { multiBufferChips, multiBufferWriteUs, simulateMultiBufferWrite } from './backup-unit.js';
import { backupTimeS, reloadTimeS, validateMmdbBackup, type MmdbBackupConfig } from './mmdb-backup.js';
import {
  fitApplyUsPerTxn,
  hotSpotRecoveryS,
  logReadS,
  meanHotSpotRecoveryS,
  worstHotSpotRecoveryS,
  type HotSpotRecoveryParams,
} from './log-recovery.js';
import { TwoPlaneMemory } from './two-plane-memory.js';
import {
  expectedDirtyPages,
  expectedDistinctPages,
  tpcAbLayout,
  TpcAbGenerator,
  tpcTxnsIn,
  type DirtyPageCounts,
  type TpcAbLayout,
} from '../../workloads/tpc-ab.js';
import { logDeviceProfile, paperCCalibration, paperCSetup, type PaperCSetup } from './setup.js';
import { PAPER_C } from './checks.js';
// simple-statistics through the one shared ESM loader (core/statistics.ts).
import { max } from '../../core/statistics.js';

/** The paper's reference point for the calibration and the scaling of the hardware (checks.ts). */
export const PAPER_C_BASE_TPS: number = PAPER_C.tps;

/** Largest load the model takes, tps (the TPC-A layout of 10^11 accounts still fits the page numbering). */
export const PAPER_C_MAX_TPS = 1_000_000;

export interface PaperCOptions {
  /**
   * The load, tps, and the database sized for it (TPC-A: 1 branch, 10 tellers, 100,000 accounts
   * per tps). Default the paper's 1000 (checks.ts). The hardware does not follow it: see `hardwareTps`.
   */
  tps?: number;
  /**
   * The load the backup and recovery hardware is sized for, tps (paper §4/C5: hardware that grows
   * with the database). It sets the defaults of `backupUnits` (the calibrated count per 1000 tps),
   * `logDevices` and `recoveryGroups` (one per 1000 tps, at least one). Default the paper's 1000:
   * the hardware is held fixed when only `tps` changes. Set it to `tps` for the paper's scaling.
   */
  hardwareTps?: number;
  /** DB page size, B. Default setup.json (4096). */
  pageBytes?: number;
  /** Flash profile name. Default 'era-nand-1992'. */
  flashProfile?: string;
  /** Log device name (its bandwidth). Default setup.json's defaultLogDevice. */
  logDevice?: string;
  /** Backup units (one flash bus each); default sized for `hardwareTps`. */
  backupUnits?: number;
  /** Flash chips per backup unit; default the multi-buffer depth derived from the profile. */
  chipsPerUnit?: number;
  /** Log devices the log is spread over and read from in parallel; default sized for `hardwareTps`. */
  logDevices?: number;
  /** Recovery groups applying the log in parallel; default sized for `hardwareTps`. */
  recoveryGroups?: number;
  /** Log apply time per transaction, µs; default calibrated. */
  applyUsPerTxn?: number;
}

/** The option names of `PaperCOptions` (what paperCModel accepts). */
export const PAPER_C_MODEL_OPTIONS = [
  'tps', 'hardwareTps', 'pageBytes', 'flashProfile', 'logDevice', 'backupUnits', 'chipsPerUnit', 'logDevices', 'recoveryGroups', 'applyUsPerTxn',
] as const;

/** The model options of a larger option record (for functions that take more than the model's). */
export function paperCModelOptions(opts: PaperCOptions): PaperCOptions {
  const out: Record<string, unknown> = {};
  for (const k of PAPER_C_MODEL_OPTIONS) if ((opts as Record<string, unknown>)[k] !== undefined) out[k] = (opts as Record<string, unknown>)[k];
  return out as PaperCOptions;
}

/** The backup and recovery hardware of a resolved model. */
export interface PaperCHardware {
  backupUnits: number;
  chipsPerUnit: number;
  logDevices: number;
  recoveryGroups: number;
}

/** A fully resolved configuration of the paper-C model. */
export interface PaperCModel {
  tps: number;
  hardwareTps: number;
  hardware: PaperCHardware;
  layout: TpcAbLayout;
  profile: FlashProfile;
  backup: MmdbBackupConfig;
  singleBuffer: MmdbBackupConfig;
  recovery: HotSpotRecoveryParams;
  logDeviceName: string;
  setup: PaperCSetup;
}

/**
 * The hardware the paper's C5 scaling gives for a load of `hardwareTps`: the calibrated backup
 * units per 1000 tps, one log device and one recovery group per 1000 tps (rounded, at least one).
 */
export function paperCHardwareFor(hardwareTps: number): Omit<PaperCHardware, 'chipsPerUnit'> {
  requireInteger('hardwareTps', hardwareTps, 'tps', 1, PAPER_C_MAX_TPS);
  const scale = hardwareTps / PAPER_C_BASE_TPS;
  const perBase = (n: number) => Math.max(1, Math.round(n * scale));
  return { backupUnits: perBase(paperCCalibration().backupUnitsAt1000Tps.value), logDevices: perBase(1), recoveryGroups: perBase(1) };
}

/**
 * Resolves the model for the options. Throws a ParameterError naming the option for an unknown
 * option, a non-integer or out-of-range tps, hardware count or page size, a page larger than a
 * flash block, an unknown flash profile or log device.
 */
export function paperCModel(opts: PaperCOptions = {}): PaperCModel {
  requireKnownOptions('paperCModel', opts, PAPER_C_MODEL_OPTIONS);
  const setup = paperCSetup();
  const tps = opts.tps ?? PAPER_C_BASE_TPS;
  requireInteger('tps', tps, 'tps', 1, PAPER_C_MAX_TPS);
  const hardwareTps = opts.hardwareTps ?? PAPER_C_BASE_TPS;
  requireInteger('hardwareTps', hardwareTps, 'tps', 1, PAPER_C_MAX_TPS);
  const pageBytes = opts.pageBytes ?? setup.pageBytes;
  requireInteger('pageBytes', pageBytes, 'B', 1);
  const profile = flashProfile(opts.flashProfile ?? 'era-nand-1992');
  const logDevice = logDeviceProfile(opts.logDevice ?? setup.defaultLogDevice, setup);
  for (const [k, unit] of [['backupUnits', 'units'], ['chipsPerUnit', 'chips'], ['logDevices', 'devices'], ['recoveryGroups', 'groups']] as const) {
    const v = opts[k];
    if (v !== undefined) requireInteger(k, v, unit, 1, 1_000_000);
  }
  if (opts.applyUsPerTxn !== undefined) requireNonNegative('applyUsPerTxn', opts.applyUsPerTxn, 'µs');
  const layout = tpcAbLayout(tps, pageBytes, setup.tpc);
  const sized = paperCHardwareFor(hardwareTps);
  const hardware: PaperCHardware = {
    backupUnits: opts.backupUnits ?? sized.backupUnits,
    chipsPerUnit: opts.chipsPerUnit ?? multiBufferChips(profile),
    logDevices: opts.logDevices ?? sized.logDevices,
    recoveryGroups: opts.recoveryGroups ?? sized.recoveryGroups,
  };
  const backup = validateMmdbBackup({ pageBytes, profile, units: hardware.backupUnits, chipsPerUnit: hardware.chipsPerUnit });
  const singleBuffer = { ...backup, chipsPerUnit: 1 };
  const hotPages = layout.branchPages + layout.tellerPages;
  const recovery: HotSpotRecoveryParams = {
    tps,
    logBytesPerTxn: setup.log.logBytesPerTxn,
    logBandwidthMBps: logDevice.bandwidthMBps,
    applyUsPerTxn: opts.applyUsPerTxn ?? paperCCalibration().applyUsPerTxn.value,
    hotReloadS: reloadTimeS(backup, hotPages),
    logDevices: hardware.logDevices,
    recoveryGroups: hardware.recoveryGroups,
  };
  return { tps, hardwareTps, hardware, layout, profile, backup, singleBuffer, recovery, logDeviceName: logDevice.name, setup };
}

/** Pages of the whole memory image after `txns` transactions of an interval (tables + history written). */
export function paperCFullImagePages(layout: TpcAbLayout, txns: number): number {
  return layout.fixedPages + Math.ceil(txns / layout.historyPerPage);
}

// ---------------------------------------------------------------------------------------
// Calibration (the only place the paper's C2 and C3 numbers enter, from checks.ts; see calibration.json)

const C2_TARGET = PAPER_C.C2;
const C3_TARGET = PAPER_C.C3;

/**
 * Fits the two unknowns: U (nearest integer making the C2 backup take C2's time) then c (apply
 * time making the C3 worst recovery take C3's time, given U). Returns the values stored in
 * calibration.json.
 */
export function fitPaperCCalibration(): { backupUnitsAt1000Tps: number; applyUsPerTxn: number } {
  const one = paperCModel({ tps: C2_TARGET.tps, backupUnits: 1, applyUsPerTxn: 0 });
  const txns60 = tpcTxnsIn(one.tps, C2_TARGET.intervalMin * 60);
  const t1 = backupTimeS(one.backup, expectedDirtyPages(one.layout, txns60).total);
  const units = Math.max(1, Math.round(t1 / C2_TARGET.backupS));
  const m = paperCModel({ tps: C3_TARGET.tps, backupUnits: units, applyUsPerTxn: 0 });
  const { applyUsPerTxn: _a, ...rest } = m.recovery;
  const apply = fitApplyUsPerTxn(rest, C3_TARGET.intervalMin * 60, C3_TARGET.worstRecoveryS);
  return { backupUnitsAt1000Tps: units, applyUsPerTxn: apply };
}

// ---------------------------------------------------------------------------------------
// Validation shared by the public functions below

/** Longest checkpoint interval the functions take, min (one week). */
export const PAPER_C_MAX_INTERVAL_MIN = 7 * 24 * 60;
/** Most pages a simulated 2-plane memory may hold (two bytes each: dirty and changed maps). */
const MAX_SIMULATED_PAGES = 2 ** 28;

function requireSeed(seed: number): void {
  requireInteger('seed', seed, '', -(2 ** 31), 2 ** 31 - 1);
}

/** A non-empty list of checkpoint intervals in (0, one week] min, named `param` as the caller passed it. */
function requireIntervalsMin(intervalsMin: readonly number[], param = 'intervalsMin'): void {
  requireArrayInRange(param, intervalsMin, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
}

/** Pages of the simulated memory for `txns` transactions; refuses an image too large to simulate, naming tps. */
function simulatedPages(m: PaperCModel, txns: number): number {
  const pages = paperCFullImagePages(m.layout, txns);
  if (pages > MAX_SIMULATED_PAGES) {
    throw new ParameterError('tps', m.tps, 'tps', `small enough that the simulated image fits ${MAX_SIMULATED_PAGES} pages`,
      `${pages} pages of ${m.layout.pageBytes} B; lower tps or the interval, raise pageBytes, or pass simulate: false`);
  }
  return pages;
}

// ---------------------------------------------------------------------------------------
// Figure 3: backup time vs checkpoint interval

export interface Fig3Row {
  intervalMin: number;
  /** Closed-form expected dirty DB pages. */
  dirtyPages: number;
  /** Simulated dirty DB pages (seeded run), NaN if not simulated. */
  dirtyPagesSim: number;
  /** Modeled backup time from the expected dirty pages, s. */
  backupS: number;
  /** Backup time from the simulated dirty pages, s. */
  backupSimS: number;
  /** Backing up all of main memory (the dashed line), s. */
  fullBackupS: number;
  /** Single-buffer ablation (1 chip per unit), s. */
  singleBufferS: number;
  /** Sum of the flash bus transfer times (the paper's "sum of write times"), s. */
  transferOnlyS: number;
}

/** Row of Fig. 3 for one interval from a dirty-page count. */
function fig3Row(m: PaperCModel, intervalMin: number, dirty: DirtyPageCounts, dirtySim: number): Fig3Row {
  const txns = tpcTxnsIn(m.tps, intervalMin * 60);
  const transferPerFlashPageS = (m.profile.pageBytes * m.profile.ioCycleNs) / 1e9;
  const flashPagesPerUnit = Math.ceil((dirty.total * m.backup.pageBytes) / m.profile.pageBytes / m.backup.units);
  return {
    intervalMin,
    dirtyPages: dirty.total,
    dirtyPagesSim: dirtySim,
    backupS: backupTimeS(m.backup, dirty.total),
    backupSimS: Number.isNaN(dirtySim) ? NaN : backupTimeS(m.backup, dirtySim),
    fullBackupS: backupTimeS(m.backup, paperCFullImagePages(m.layout, txns)),
    singleBufferS: backupTimeS(m.singleBuffer, dirty.total),
    transferOnlyS: flashPagesPerUnit * transferPerFlashPageS,
  };
}

export interface TpcDirtySimulation {
  /** Interval lengths, min. */
  intervalMin: number[];
  /** Simulated distinct dirty pages at each interval (dirty map reset at time 0). */
  dirtyPages: number[];
  /** Per table at each interval. */
  perTable: DirtyPageCounts[];
  txns: number;
  wallMs: number;
  /** Simulated transactions per wall-clock second. */
  txnsPerSecond: number;
}

/**
 * Seeded simulation: runs TPC-A/B transactions into a 2-plane memory from a checkpoint at
 * time 0 and records the distinct dirty pages at each interval length (one pass).
 */
export function simulateTpcDirtyPages(m: PaperCModel, intervalsMin: readonly number[], seed: number): TpcDirtySimulation {
  requireSeed(seed);
  requireIntervalsMin(intervalsMin);
  const sorted = [...intervalsMin].sort((a, b) => a - b);
  const maxTxns = tpcTxnsIn(m.tps, sorted[sorted.length - 1] * 60);
  const mem = new TwoPlaneMemory(simulatedPages(m, maxTxns));
  const gen = new TpcAbGenerator(m.layout, new Rng(seed));
  const L = m.layout;
  const dirtyPages: number[] = [];
  const perTable: DirtyPageCounts[] = [];
  const t0 = performance.now();
  for (const t of sorted) {
    gen.run(tpcTxnsIn(m.tps, t * 60) - gen.txnCount, mem);
    dirtyPages.push(mem.dirtyCount);
    const branch = mem.dirtyInRange(L.branchBase, L.tellerBase);
    const teller = mem.dirtyInRange(L.tellerBase, L.accountBase);
    const history = mem.dirtyInRange(L.historyBase, mem.pages);
    perTable.push({ branch, teller, account: mem.dirtyCount - branch - teller - history, history, total: mem.dirtyCount });
  }
  const wallMs = performance.now() - t0;
  return { intervalMin: sorted, dirtyPages, perTable, txns: gen.txnCount, wallMs, txnsPerSecond: gen.txnCount / (wallMs / 1000) };
}

// ---------------------------------------------------------------------------------------
// Figure 4: recovery time vs checkpoint interval

export interface Fig4Row {
  intervalMin: number;
  /** Failure just before the next checkpoint, flash image reloaded, s. */
  worstS: number;
  /** Failure time uniform over the interval, s. */
  meanS: number;
  /** Same with the BMP intact (no reload from flash), s. */
  worstBmpIntactS: number;
  meanBmpIntactS: number;
  /** Log read share of the worst case, s. */
  worstLogReadS: number;
}

function fig4Row(m: PaperCModel, intervalMin: number): Fig4Row {
  const T = intervalMin * 60;
  return {
    intervalMin,
    worstS: worstHotSpotRecoveryS(m.recovery, T),
    meanS: meanHotSpotRecoveryS(m.recovery, T),
    worstBmpIntactS: worstHotSpotRecoveryS(m.recovery, T, true),
    meanBmpIntactS: meanHotSpotRecoveryS(m.recovery, T, true),
    worstLogReadS: logReadS(m.recovery, T),
  };
}

// ---------------------------------------------------------------------------------------
// The whole experiment

export interface PaperCRunOptions extends PaperCOptions {
  /** Checkpoint intervals of the sweeps, min, each in (0, one week]. Default 1..120. */
  intervalsMin?: number[];
  /** Seed of the TPC-A/B simulation. Default 1. */
  seed?: number;
  /** Also simulate the dirty pages (default true). */
  simulate?: boolean;
}

const RUN_OPTIONS = [...PAPER_C_MODEL_OPTIONS, 'intervalsMin', 'seed', 'simulate'] as const;

export interface TwoPlaneCycle {
  intervalMin: number;
  /** Dirty pages handed to the backup at the checkpoint (simulated). */
  dirtyAtCheckpoint: number;
  /** Backup duration δ for them, s. */
  backupS: number;
  /** Pages written during the backup and copied MMP → BMP afterwards (simulated). */
  resyncPages: number;
  /** Closed form of the same: distinct pages touched by tps·δ transactions. */
  resyncPagesExpected: number;
  /** Transactions that ran during the backup (none waited: the MMP served them). */
  txnsDuringBackup: number;
  /** The backup outlasts the interval: the next checkpoint would come before it ends (the hardware is too small for the load). */
  backupOverrunsInterval: boolean;
}

export interface PaperCResult {
  model: {
    tps: number;
    pageBytes: number;
    flashProfile: string;
    logDevice: string;
    hardwareTps: number;
    backupUnits: number;
    chipsPerUnit: number;
    logDevices: number;
    recoveryGroups: number;
    applyUsPerTxn: number;
    hotPages: number;
    hotReloadS: number;
    databaseBytes: number;
  };
  fig3: Fig3Row[];
  fig4: Fig4Row[];
  simulation?: TpcDirtySimulation;
  twoPlane?: TwoPlaneCycle;
  /** Fig. 3 and Fig. 4 rows (closed form) at the paper's reference interval (C1's), whatever the sweep. */
  reference: { intervalMin: number; fig3: Fig3Row; fig4: Fig4Row };
  /**
   * Values compared with C1–C5. C1–C4 are the configured model (its hardware, page, flash and
   * log device) at the paper's load and intervals (checks.ts); C5 compares that with the larger
   * load on hardware scaled by the same factor.
   */
  checks: {
    c1BackupS: number;
    c2BackupS: number;
    c3WorstS: number;
    c4MeanS: number;
    c5: {
      /** The load factor (2) and the hardware on each side. */
      tpsFactor: number;
      hardware1000: PaperCHardware;
      hardware2000: PaperCHardware;
      backup1000S: number;
      backup2000S: number;
      worst1000S: number;
      worst2000S: number;
      mean1000S: number;
      mean2000S: number;
      /** Largest |ratio − 1| over backup, worst and mean. */
      maxRelDiff: number;
      /** Worst recovery at the larger load with the other hardware scaled but the log devices not. */
      worst2000SharedLogS: number;
      /** Control: the larger load on the unscaled hardware (closed form), s. */
      backup2000FixedHardwareS: number;
      worst2000FixedHardwareS: number;
      /** Control: log part of the worst recovery (worst − reload), larger load on unscaled hardware over the paper's load. */
      logPartRatioFixedHardware: number;
    };
  };
}

/** Simulated 2-plane cycle: interval T of transactions, checkpoint, backup δ while transactions run, re-sync. */
export function simulateTwoPlaneCycle(m: PaperCModel, intervalMin: number, seed: number): TwoPlaneCycle {
  requireInRange('intervalMin', intervalMin, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
  requireSeed(seed);
  const txns = tpcTxnsIn(m.tps, intervalMin * 60);
  const L = m.layout;
  // room for the history of the interval and of the backup after it: the backup of the whole
  // image bounds δ from above (it may exceed the interval on little hardware under much load)
  const duringAtMost = tpcTxnsIn(m.tps, backupTimeS(m.backup, paperCFullImagePages(L, txns)));
  const mem = new TwoPlaneMemory(simulatedPages(m, txns + duringAtMost + 1));
  const gen = new TpcAbGenerator(L, new Rng(seed));
  gen.run(txns, mem);
  const image = mem.startBackup();
  const backupS = backupTimeS(m.backup, image.length);
  const during = tpcTxnsIn(m.tps, backupS);
  gen.run(during, mem);
  const resync = mem.finishBackup();
  const e = expectedDirtyPages(L, during);
  // history continues from the cursor, so its page count is simulated exactly; the others follow occupancy
  const historyPages = Math.floor((gen.historyCursor - 1) / L.historyPerPage) - Math.floor((gen.historyCursor - during) / L.historyPerPage) + 1;
  return {
    intervalMin,
    dirtyAtCheckpoint: image.length,
    backupS,
    resyncPages: resync,
    resyncPagesExpected: e.branch + e.teller + e.account + (during > 0 ? historyPages : 0),
    txnsDuringBackup: during,
    backupOverrunsInterval: backupS > intervalMin * 60,
  };
}

/** Default sweep: 1, 2, …, 120 min. */
export function paperCDefaultIntervalsMin(): number[] {
  return paperCIntervalsMin(120);
}

/** The sweep 1, 2, …, `maxIntervalMin` min; throws a ParameterError naming `maxIntervalMin`. */
export function paperCIntervalsMin(maxIntervalMin: number): number[] {
  requireInteger('maxIntervalMin', maxIntervalMin, 'min', 1, 1440);
  return Array.from({ length: maxIntervalMin }, (_, i) => i + 1);
}

/** Runs Fig. 3, Fig. 4, the 2-plane cycle and the C1–C5 values. */
export function runPaperC(opts: PaperCRunOptions = {}): PaperCResult {
  requireKnownOptions('runPaperC', opts, RUN_OPTIONS);
  const modelOpts = paperCModelOptions(opts);
  const m = paperCModel(modelOpts);
  const intervals = opts.intervalsMin ?? paperCDefaultIntervalsMin();
  requireIntervalsMin(intervals);
  const seed = opts.seed ?? 1;
  requireSeed(seed);
  const simulate = requireBoolean('simulate', opts.simulate ?? true);
  const sim = simulate ? simulateTpcDirtyPages(m, intervals, seed) : undefined;
  const simAt = new Map<number, number>();
  if (sim) sim.intervalMin.forEach((t, i) => simAt.set(t, sim.dirtyPages[i]));
  const fig3 = intervals.map((t) => fig3Row(m, t, expectedDirtyPages(m.layout, tpcTxnsIn(m.tps, t * 60)), simAt.get(t) ?? NaN));
  const fig4 = intervals.map((t) => fig4Row(m, t));

  const backupAt = (mm: PaperCModel, min: number) => backupTimeS(mm.backup, expectedDirtyPages(mm.layout, tpcTxnsIn(mm.tps, min * 60)).total);
  const P = PAPER_C;
  // C1–C4: the configured model at the paper's load (its hardware as configured)
  const base = m.tps === P.tps ? m : paperCModel({ ...modelOpts, tps: P.tps });
  const c1 = backupAt(base, P.C1.intervalMin);
  const c2 = backupAt(base, P.C2.intervalMin);
  const c3 = worstHotSpotRecoveryS(base.recovery, P.C3.intervalMin * 60);
  const c4 = meanHotSpotRecoveryS(base.recovery, P.C4.intervalMin * 60);

  // C5: k times the load on k times each part of the hardware that scales (backup units, log
  // devices, recovery groups; the chips per unit are the multi-buffer depth and stay). Dirty
  // pages simulated for both loads with the same seed, so the comparison is between two
  // simulations (closed form for both when simulate = false). Control: the same larger load on
  // the unscaled hardware.
  const k = P.C5.tpsFactor;
  const c5S = P.C5.intervalMin * 60;
  const hw = base.hardware;
  const hwScaled: PaperCHardware = { ...hw, backupUnits: k * hw.backupUnits, logDevices: k * hw.logDevices, recoveryGroups: k * hw.recoveryGroups };
  const double = paperCModel({ ...modelOpts, tps: k * P.tps, ...hwScaled });
  const fixed = paperCModel({ ...modelOpts, tps: k * P.tps, ...hw });
  const closedAt = (mm: PaperCModel) => expectedDirtyPages(mm.layout, tpcTxnsIn(mm.tps, c5S)).total;
  const simBase = !simulate
    ? closedAt(base)
    : base === m && simAt.has(P.C5.intervalMin)
      ? simAt.get(P.C5.intervalMin)!
      : simulateTpcDirtyPages(base, [P.C5.intervalMin], seed).dirtyPages[0];
  const simDouble = simulate ? simulateTpcDirtyPages(double, [P.C5.intervalMin], seed).dirtyPages[0] : closedAt(double);
  const backup1000S = backupTimeS(base.backup, simBase);
  const backup2000S = backupTimeS(double.backup, simDouble);
  const worst2000S = worstHotSpotRecoveryS(double.recovery, c5S);
  const mean2000S = meanHotSpotRecoveryS(double.recovery, c5S);
  const sharedLog = { ...double.recovery, logDevices: hw.logDevices };
  const worstFixed = worstHotSpotRecoveryS(fixed.recovery, c5S);
  const maxRelDiff = max([
    Math.abs(backup2000S / backup1000S - 1),
    Math.abs(worst2000S / c3 - 1),
    Math.abs(mean2000S / c4 - 1),
  ]);

  return {
    model: {
      tps: m.tps,
      pageBytes: m.backup.pageBytes,
      flashProfile: m.profile.name,
      logDevice: m.logDeviceName,
      hardwareTps: m.hardwareTps,
      backupUnits: m.backup.units,
      chipsPerUnit: m.backup.chipsPerUnit,
      logDevices: m.hardware.logDevices,
      recoveryGroups: m.hardware.recoveryGroups,
      applyUsPerTxn: m.recovery.applyUsPerTxn,
      hotPages: m.layout.branchPages + m.layout.tellerPages,
      hotReloadS: m.recovery.hotReloadS,
      databaseBytes: m.layout.fixedPages * m.backup.pageBytes,
    },
    fig3,
    fig4,
    reference: {
      intervalMin: P.C1.intervalMin,
      fig3: fig3Row(m, P.C1.intervalMin, expectedDirtyPages(m.layout, tpcTxnsIn(m.tps, P.C1.intervalMin * 60)), NaN),
      fig4: fig4Row(m, P.C1.intervalMin),
    },
    simulation: sim,
    twoPlane: simulate ? simulateTwoPlaneCycle(m, P.C1.intervalMin, seed) : undefined,
    checks: {
      c1BackupS: c1,
      c2BackupS: c2,
      c3WorstS: c3,
      c4MeanS: c4,
      c5: {
        tpsFactor: k,
        hardware1000: hw,
        hardware2000: hwScaled,
        backup1000S,
        backup2000S,
        worst1000S: c3,
        worst2000S,
        mean1000S: c4,
        mean2000S,
        maxRelDiff,
        worst2000SharedLogS: worstHotSpotRecoveryS(sharedLog, c5S),
        backup2000FixedHardwareS: backupTimeS(fixed.backup, closedAt(fixed)),
        worst2000FixedHardwareS: worstFixed,
        logPartRatioFixedHardware: (worstFixed - fixed.recovery.hotReloadS) / (c3 - base.recovery.hotReloadS),
      },
    },
  };
}

/** Page-size sensitivity of the backup times (closed form, hardware held fixed). */
export function paperCPageSizeSensitivity(pageSizes: readonly number[], opts: PaperCOptions = {}): Array<{
  pageBytes: number;
  fits: boolean;
  backup30S: number;
  backup60S: number;
  ratio60to30: number;
  dirtyFraction30: number;
}> {
  requireKnownOptions('paperCPageSizeSensitivity', opts, PAPER_C_MODEL_OPTIONS);
  requireIntegerArray('pageSizes', pageSizes, 'B', 1, 1 << 20);
  const profile = flashProfile(opts.flashProfile ?? 'era-nand-1992');
  return pageSizes.map((pageBytes) => {
    if (pageBytes > flashBlockBytes(profile)) {
      return { pageBytes, fits: false, backup30S: NaN, backup60S: NaN, ratio60to30: NaN, dirtyFraction30: NaN };
    }
    const m = paperCModel({ ...opts, pageBytes });
    const d30 = expectedDirtyPages(m.layout, tpcTxnsIn(m.tps, PAPER_C.C1.intervalMin * 60));
    const d60 = expectedDirtyPages(m.layout, tpcTxnsIn(m.tps, PAPER_C.C2.intervalMin * 60));
    const b30 = backupTimeS(m.backup, d30.total);
    const b60 = backupTimeS(m.backup, d60.total);
    return { pageBytes, fits: true, backup30S: b30, backup60S: b60, ratio60to30: b60 / b30, dirtyFraction30: d30.account / m.layout.accountPages };
  });
}

/** Distinct account pages touched by `txns` transactions (re-export of the occupancy formula for notebooks). */
export function accountPagesTouched(layout: TpcAbLayout, txns: number): number {
  requireNonNegative('txns', txns, 'transactions');
  return expectedDistinctPages(layout.accounts, layout.accountsPerPage, txns);
}

/** Hot-spot recovery for a failure at `elapsedS` after a checkpoint (for plotting the saw-tooth). */
export function paperCRecoveryAt(m: PaperCModel, elapsedS: number, bmpIntact = false): number {
  return hotSpotRecoveryS(m.recovery, elapsedS, bmpIntact);
}

/** Worst/mean recovery at `intervalMin` on each log device (apply time held at its calibrated value). */
export function paperCLogDeviceComparison(intervalMin = 30, opts: PaperCOptions = {}): Array<{
  logDevice: string;
  label: string;
  bandwidthMBps: number;
  logReadS: number;
  worstS: number;
  meanS: number;
}> {
  requireInRange('intervalMin', intervalMin, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
  requireKnownOptions('paperCLogDeviceComparison', opts, PAPER_C_MODEL_OPTIONS);
  const setup = paperCSetup();
  return Object.keys(setup.logDevices).map((name) => {
    const m = paperCModel({ ...opts, logDevice: name });
    const T = intervalMin * 60;
    return {
      logDevice: name,
      label: setup.logDevices[name].label,
      bandwidthMBps: setup.logDevices[name].bandwidthMBps,
      logReadS: logReadS(m.recovery, T),
      worstS: worstHotSpotRecoveryS(m.recovery, T),
      meanS: meanHotSpotRecoveryS(m.recovery, T),
    };
  });
}

/** Every input of the model with its value, unit, kind (source / derived / calibrated) and source. */
export function paperCInputs(opts: PaperCOptions = {}): Array<{ input: string; value: number | string; unit: string; kind: string; source: string }> {
  requireKnownOptions('paperCInputs', opts, PAPER_C_MODEL_OPTIONS);
  const m = paperCModel(opts);
  const setup = m.setup;
  const cal = paperCCalibration();
  const src = flashProfileSources(m.profile.name);
  const p = m.profile;
  const rows: Array<{ input: string; value: number | string; unit: string; kind: string; source: string }> = [
    { input: 'flash part', value: p.label, unit: '', kind: 'source', source: src.pageBytes },
    { input: 'flash page', value: p.pageBytes, unit: 'B', kind: 'source', source: src.pageBytes },
    { input: 'pages per erase block', value: p.pagesPerBlock, unit: 'pages', kind: 'source', source: src.pagesPerBlock },
    { input: 'cells → register (read)', value: p.readUs, unit: 'µs', kind: 'source', source: src.readUs },
    { input: 'I/O byte cycle', value: p.ioCycleNs, unit: 'ns', kind: 'source', source: src.ioCycleNs },
    { input: 'register → cells (program)', value: p.programUs, unit: 'µs', kind: 'source', source: src.programUs },
    { input: 'verify', value: p.verifyUs, unit: 'µs', kind: 'source', source: src.verifyUs },
    { input: 'block erase', value: p.eraseMs, unit: 'ms', kind: 'source', source: src.eraseMs },
    { input: 'endurance', value: p.enduranceCycles, unit: 'P/E cycles', kind: 'source', source: src.enduranceCycles },
    { input: 'chips per backup unit (multi-buffer depth)', value: m.backup.chipsPerUnit, unit: 'chips', kind: 'derived', source: '⌈(P(t_x+t_b)+t_e)/(P·t_x)⌉ from the chip timings (backup-unit.ts)' },
    { input: 'backup units at 1000 tps', value: cal.backupUnitsAt1000Tps.value, unit: 'units', kind: 'calibrated → C2', source: cal.backupUnitsAt1000Tps.rule },
    { input: 'hardware sized for', value: m.hardwareTps, unit: 'tps', kind: 'option', source: 'hardwareTps: backup units, log devices and recovery groups grow with it (paper §4, C5); default the paper\'s load' },
    { input: 'backup units', value: m.backup.units, unit: 'units', kind: 'derived', source: 'backupUnits, or the calibrated count × hardwareTps/1000 (paper §4: parallel hardware)' },
    { input: 'log devices', value: m.hardware.logDevices, unit: 'devices', kind: 'derived', source: 'logDevices, or one per 1000 tps of hardwareTps' },
    { input: 'recovery groups', value: m.hardware.recoveryGroups, unit: 'groups', kind: 'derived', source: 'recoveryGroups, or one per 1000 tps of hardwareTps' },
    { input: 'TPC-A/B scaling and record sizes', value: `${setup.tpc.branchesPerTps}/${setup.tpc.tellersPerTps}/${setup.tpc.accountsPerTps} per tps; ${setup.tpc.accountRecordBytes}/${setup.tpc.tellerRecordBytes}/${setup.tpc.branchRecordBytes}/${setup.tpc.historyRecordBytes} B`, unit: '', kind: 'source', source: setup.tpc.source },
    { input: 'DB page', value: m.backup.pageBytes, unit: 'B', kind: 'source', source: setup.pageBytesSource },
    { input: 'log bytes per transaction', value: setup.log.logBytesPerTxn, unit: 'B', kind: 'source', source: setup.log.source },
    { input: `log device (${m.logDeviceName})`, value: m.recovery.logBandwidthMBps, unit: 'MB/s', kind: 'source', source: setup.logDevices[m.logDeviceName].source + '. Choice: ' + setup.defaultLogDeviceSource },
    { input: 'log apply time per transaction', value: cal.applyUsPerTxn.value, unit: 'µs', kind: 'calibrated → C3', source: cal.applyUsPerTxn.rule },
  ];
  return rows;
}

/**
 * Fig. 2 illustration: time to write `flashPages` flash pages on one unit against the number of
 * chips, exact schedule and closed form, with the sum of the transfer times (the paper's bound).
 */
export function paperCMultiBufferSweep(
  chips: readonly number[],
  flashPages = 20_000,
  flashProfileName = 'era-nand-1992',
): Array<{ chips: number; exactMs: number; closedFormMs: number; transferOnlyMs: number; busUtilisation: number }> {
  requireIntegerArray('chips', chips, 'chips', 1, 1_000_000);
  requireInteger('flashPages', flashPages, 'pages', 0, 10_000_000);
  const profile = flashProfile(flashProfileName);
  return chips.map((n) => {
    const s = simulateMultiBufferWrite(profile, n, flashPages);
    return {
      chips: n,
      exactMs: s.totalUs / 1000,
      closedFormMs: multiBufferWriteUs(profile, n, flashPages) / 1000,
      transferOnlyMs: s.transferUs / 1000,
      busUtilisation: s.busUtilisation,
    };
  });
}

/**
 * Recovery time against the failure time over `cycles` checkpoint intervals (saw-tooth): flash
 * image reloaded, and BMP intact (0 right after a checkpoint, paper §4).
 */
export function paperCRecoverySawtooth(
  intervalMin: number,
  cycles = 2,
  pointsPerCycle = 60,
  opts: PaperCOptions = {},
): Array<{ failureMin: number; recoveryS: number; recoveryBmpIntactS: number }> {
  requireInRange('intervalMin', intervalMin, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
  requireInteger('cycles', cycles, 'cycles', 1, 1000);
  requireInteger('pointsPerCycle', pointsPerCycle, 'points', 2, 100_000);
  requireKnownOptions('paperCRecoverySawtooth', opts, PAPER_C_MODEL_OPTIONS);
  const m = paperCModel(opts);
  const out: Array<{ failureMin: number; recoveryS: number; recoveryBmpIntactS: number }> = [];
  for (let k = 0; k < cycles; k++) {
    for (let i = 0; i < pointsPerCycle; i++) {
      const since = (i / (pointsPerCycle - 1)) * intervalMin * (1 - 1e-9);
      out.push({
        failureMin: k * intervalMin + since,
        recoveryS: hotSpotRecoveryS(m.recovery, since * 60),
        recoveryBmpIntactS: hotSpotRecoveryS(m.recovery, since * 60, true),
      });
    }
  }
  return out;
}
