/**
 * Paper C, beyond the paper: optimal checkpoint interval (Young / Daly), flash wear, and the
 * same design on modern hardware. All numbers are modeled (closed forms on the calibrated
 * paper-C model); none of them is a check against the paper.
 */
import { requireInteger, requirePositive } from '../../core/validate.js';
import { flashChipBytes } from '../../hardware/flash-chip.js';
import { flashProfile } from './flash-profiles.js';
import { backupTimeS } from './mmdb-backup.js';
import { meanHotSpotRecoveryS, worstHotSpotRecoveryS } from './log-recovery.js';
import { argminLogGrid, dalyIntervalS, lostPerFailureS, youngIntervalS } from './checkpoint-interval.js';
import { expectedDirtyPages, tpcTxnsIn } from '../../workloads/tpc-ab.js';
import {
  PAPER_C_MAX_INTERVAL_MIN,
  PAPER_C_MODEL_OPTIONS,
  paperCFullImagePages,
  paperCModel,
  paperCModelOptions,
  type PaperCModel,
  type PaperCOptions,
} from './flash-backup-experiment.js';
import { requireArrayInRange, requireKnownOptions, requireNonEmptyArray } from './options.js';
import { requireOneOf } from '../../core/validate.js';
import { FLASH_PROFILE_NAMES } from './flash-profiles.js';
import { paperCCalibration } from './setup.js';
import { PAPER_C } from './checks.js';

/** Modeled backup time δ(T) for an interval of T seconds. */
export function paperCBackupAtS(m: PaperCModel, intervalS: number): number {
  requirePositive('intervalS', intervalS, 's');
  return backupTimeS(m.backup, expectedDirtyPages(m.layout, tpcTxnsIn(m.tps, intervalS)).total);
}

// ---------------------------------------------------------------------------------------
// Optimal checkpoint interval

export interface CheckpointOptimumRow {
  mtbfH: number;
  /** Numeric minimiser of L(T) = δ(T)·M/T + (T + δ(T))/2 (δ grows with T here), min. */
  optimumMin: number;
  /** Backup time at that optimum, s. */
  deltaS: number;
  /** Young's √(2δM) with δ = δ(optimum), min. */
  youngMin: number;
  /** Daly's refinement with the same δ, min. */
  dalyMin: number;
  /** Expected time lost per failure at the optimum, s. */
  lostAtOptimumS: number;
  /** Minimiser when the rework is the hot-spot log replay (mean recovery) instead of T/2, min. */
  optimumLogReplayMin: number;
}

export interface CheckpointOptimumResult {
  rows: CheckpointOptimumRow[];
  /** L(T) curves per MTBF for plotting: interval (min) and lost time (s). */
  curves: Array<{ mtbfH: number; intervalMin: number[]; lostS: number[]; lostLogReplayS: number[] }>;
}

/**
 * Expected time lost per failure vs interval, for MTBFs in hours. Classical model: the backup
 * time is counted as lost (as if the backup stopped processing) and the work since the last
 * checkpoint is redone in real time. Log-replay model: the rework is the mean hot-spot recovery.
 * (With the paper's transparent backup δ is not lost at all, and L(T) falls with T — see notebook.)
 */
export function paperCCheckpointOptimum(
  mtbfH: readonly number[],
  opts: PaperCOptions & { intervalsMin?: number[] } = {},
): CheckpointOptimumResult {
  requireKnownOptions('paperCCheckpointOptimum', opts, [...PAPER_C_MODEL_OPTIONS, 'intervalsMin']);
  requireArrayInRange('mtbfH', mtbfH, 'h', 0, 1e7, { lowOpen: true });
  if (opts.intervalsMin !== undefined) requireArrayInRange('intervalsMin', opts.intervalsMin, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
  const m = paperCModel(paperCModelOptions(opts));
  const grid = opts.intervalsMin ?? Array.from({ length: 200 }, (_, i) => Math.exp(Math.log(1) + (i / 199) * Math.log(24 * 60)));
  const delta = (T: number) => paperCBackupAtS(m, T);
  const rows: CheckpointOptimumRow[] = [];
  const curves: CheckpointOptimumResult['curves'] = [];
  for (const h of mtbfH) {
    requirePositive('mtbfH', h, 'h');
    const M = h * 3600;
    const L = (T: number) => lostPerFailureS(T, M, delta(T), (t) => (t + delta(t)) / 2);
    const Llog = (T: number) => lostPerFailureS(T, M, delta(T), (t) => meanHotSpotRecoveryS(m.recovery, t));
    const opt = argminLogGrid(L, 60, 30 * 86400, 300);
    const optLog = argminLogGrid(Llog, 60, 30 * 86400, 300);
    const d = delta(opt);
    rows.push({
      mtbfH: h,
      optimumMin: opt / 60,
      deltaS: d,
      youngMin: youngIntervalS(d, M) / 60,
      dalyMin: dalyIntervalS(d, M) / 60,
      lostAtOptimumS: L(opt),
      optimumLogReplayMin: optLog / 60,
    });
    curves.push({ mtbfH: h, intervalMin: grid, lostS: grid.map((t) => L(t * 60)), lostLogReplayS: grid.map((t) => Llog(t * 60)) });
  }
  return { rows, curves };
}

// ---------------------------------------------------------------------------------------
// Flash wear

export interface WearRow {
  intervalMin: number;
  flashProfile: string;
  /** Flash capacity: whole chips holding `imageCopies` database images, GB (10^9 B). */
  flashCapacityGB: number;
  /** Bytes written to flash per day with the 1-bit dirty map, GB (10^9 B). */
  dirtyGBPerDay: number;
  /** Same when all of main memory is backed up at every checkpoint, GB. */
  fullGBPerDay: number;
  /** P/E cycles per block per day with ideal wear levelling over the flash capacity. */
  cyclesPerDayDirty: number;
  cyclesPerDayFull: number;
  /** Years until the rated endurance is used up. */
  lifetimeYearsDirty: number;
  lifetimeYearsFull: number;
}

/**
 * Wear of the backup flash. Flash capacity = `imageCopies` × the database image (default 2: the
 * image being written and the last complete one — a design assumption), whole chips. Every byte
 * written eventually costs its share of one block erase (ideal wear levelling, no write
 * amplification beyond the page packing).
 */
export function paperCWear(
  intervalsMin: readonly number[],
  profiles: readonly string[] = ['era-nand-1992', 'modern-tlc-2022'],
  opts: PaperCOptions & { imageCopies?: number } = {},
): WearRow[] {
  requireKnownOptions('paperCWear', opts, [...PAPER_C_MODEL_OPTIONS, 'imageCopies']);
  requireArrayInRange('intervalsMin', intervalsMin, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
  requireNonEmptyArray('profiles', profiles, '', 'flash profile names', (n, v) => requireOneOf(n, v, FLASH_PROFILE_NAMES));
  const copies = opts.imageCopies ?? 2;
  requireInteger('imageCopies', copies, 'copies', 1, 1000);
  const rows: WearRow[] = [];
  for (const name of profiles) {
    const profile = flashProfile(name);
    const m = paperCModel({ ...paperCModelOptions(opts), flashProfile: name });
    const imageBytes = m.layout.fixedPages * m.backup.pageBytes;
    const chips = Math.ceil((copies * imageBytes) / flashChipBytes(profile));
    const capacity = chips * flashChipBytes(profile);
    for (const t of intervalsMin) {
      requirePositive('intervalMin', t, 'min');
      const perDay = 1440 / t;
      const txns = tpcTxnsIn(m.tps, t * 60);
      const dirtyBytes = expectedDirtyPages(m.layout, txns).total * m.backup.pageBytes;
      const fullBytes = paperCFullImagePages(m.layout, txns) * m.backup.pageBytes;
      const cd = (perDay * dirtyBytes) / capacity;
      const cf = (perDay * fullBytes) / capacity;
      rows.push({
        intervalMin: t,
        flashProfile: name,
        flashCapacityGB: capacity / 1e9,
        dirtyGBPerDay: (perDay * dirtyBytes) / 1e9,
        fullGBPerDay: (perDay * fullBytes) / 1e9,
        cyclesPerDayDirty: cd,
        cyclesPerDayFull: cf,
        lifetimeYearsDirty: profile.enduranceCycles / cd / 365,
        lifetimeYearsFull: profile.enduranceCycles / cf / 365,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------
// Modern hardware

export interface ModernScenarioOptions {
  /** Transaction rate, tps. Default 100,000 (TPC-A scaling then gives a 1 TB account table). */
  tps?: number;
  /** NVMe-class SSDs used as backup units. Default 1. */
  ssds?: number;
  /** Flash channels per SSD (one bus each). Default 8 (design assumption: a typical NVMe SSD controller). */
  channelsPerSsd?: number;
  /** NAND dies per channel. Default 8 (design assumption). */
  diesPerChannel?: number;
  /** Intervals, min. */
  intervalsMin?: number[];
  /** DB page size, B. Default setup.json (4096). */
  pageBytes?: number;
}

export interface ModernScenarioResult {
  tps: number;
  databaseBytes: number;
  ssds: number;
  channels: number;
  diesPerChannel: number;
  /** Dies per channel the multi-buffer needs to be bus-bound on the modern part. */
  diesNeededForBusBound: number;
  rows: Array<{ intervalMin: number; dirtyFraction: number; backupS: number; fullBackupS: number; busBoundBackupS: number; worstRecoveryS: number }>;
  /** SSDs needed for the 60-min backup to take ≤ 60 s. */
  ssdsFor60sAt60Min: number;
  /** Dirty fraction of the account table at 30 min, era (1000 tps) vs modern. */
  dirtyFraction30Era: number;
  dirtyFraction30Modern: number;
}

/**
 * The design on modern hardware: a DRAM-sized TPC-A/B database behind NVMe-class flash
 * (modern TLC profile). The log apply time per transaction stays the calibrated 1990s value
 * (no modern figure is fitted); log devices and recovery groups are sized for the load
 * (`hardwareTps = tps`, one each per 1000 tps) as in the paper's C5.
 */
export function paperCModernScenario(o: ModernScenarioOptions = {}): ModernScenarioResult {
  requireKnownOptions('paperCModernScenario', o, ['tps', 'ssds', 'channelsPerSsd', 'diesPerChannel', 'intervalsMin', 'pageBytes']);
  const tps = o.tps ?? 100_000;
  const ssds = o.ssds ?? 1;
  const channelsPerSsd = o.channelsPerSsd ?? 8;
  const dies = o.diesPerChannel ?? 8;
  requireInteger('ssds', ssds, 'SSDs', 1, 10_000);
  requireInteger('channelsPerSsd', channelsPerSsd, 'channels', 1, 1024);
  requireInteger('diesPerChannel', dies, 'dies', 1, 1024);
  const intervals = o.intervalsMin ?? [1, 5, 10, 15, 30, 60, 120];
  requireArrayInRange('intervalsMin', intervals, 'min', 0, PAPER_C_MAX_INTERVAL_MIN, { lowOpen: true });
  const cal = paperCCalibration();
  const mk = (n: number, chips?: number) =>
    paperCModel({ tps, hardwareTps: tps, pageBytes: o.pageBytes, flashProfile: 'modern-tlc-2022', backupUnits: n * channelsPerSsd, chipsPerUnit: chips ?? dies, applyUsPerTxn: cal.applyUsPerTxn.value });
  const m = mk(ssds);
  const busBound = mk(ssds, 10_000);
  const rows = intervals.map((t) => {
    const txns = tpcTxnsIn(tps, t * 60);
    const d = expectedDirtyPages(m.layout, txns);
    return {
      intervalMin: t,
      dirtyFraction: d.account / m.layout.accountPages,
      backupS: backupTimeS(m.backup, d.total),
      fullBackupS: backupTimeS(m.backup, paperCFullImagePages(m.layout, txns)),
      busBoundBackupS: backupTimeS(busBound.backup, d.total),
      worstRecoveryS: worstHotSpotRecoveryS(m.recovery, t * 60),
    };
  });
  const d60 = expectedDirtyPages(m.layout, tpcTxnsIn(tps, 3600)).total;
  let need = 1;
  while (need < 100_000 && backupTimeS(mk(need).backup, d60) > 60) need = Math.ceil(need * 1.1 + 1);
  // step back to the smallest count
  while (need > 1 && backupTimeS(mk(need - 1).backup, d60) <= 60) need--;
  const era = paperCModel({ tps: PAPER_C.tps, pageBytes: o.pageBytes });
  const f = (mm: PaperCModel) => expectedDirtyPages(mm.layout, tpcTxnsIn(mm.tps, PAPER_C.C1.intervalMin * 60)).account / mm.layout.accountPages;
  const modernProfile = flashProfile('modern-tlc-2022');
  const tx = (modernProfile.pageBytes * modernProfile.ioCycleNs) / 1000;
  return {
    tps,
    databaseBytes: m.layout.fixedPages * m.backup.pageBytes,
    ssds,
    channels: ssds * channelsPerSsd,
    diesPerChannel: dies,
    diesNeededForBusBound: Math.ceil((modernProfile.pagesPerBlock * (tx + modernProfile.programUs + modernProfile.verifyUs) + modernProfile.eraseMs * 1000) / (modernProfile.pagesPerBlock * tx)),
    rows,
    ssdsFor60sAt60Min: need,
    dirtyFraction30Era: f(era),
    dirtyFraction30Modern: f(m),
  };
}
