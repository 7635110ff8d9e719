/**
 * Hot-spot recovery time after a failure (paper C §4 "回復処理", Fig. 4).
 *
 * Recovery = load the checkpoint data back into memory + apply the log written since the
 * checkpoint. With incremental recovery the hot spots (TPC: Branch and Teller) are recovered
 * at once and the other pages on demand; the paper (and this model) times the hot spots only.
 * Every TPC-A transaction updates a branch and a teller, so the hot-spot recovery must replay
 * every log record written since the checkpoint.
 *
 * A failure t seconds after a checkpoint costs
 *   R(t) = R_load + (tps·t)·b / B + (tps·t)·c
 * with R_load the reload of the hot-spot pages from flash (0 if the BMP survived), b the log
 * bytes per transaction, B the log device bandwidth and c the apply time per transaction.
 * Worst case: t = T (just before the next checkpoint). Mean: t uniform on [0, T], so
 *   R̄(T) = R_load + (tps·T/2)·(b/B + c).
 * Recovery hardware (paper §4: backup and recovery are hardware-controlled and run in parallel
 * when the database grows) is explicit: the log is spread evenly over L log devices read in
 * parallel (aggregate bandwidth L·B) and applied by G recovery groups in parallel, each
 * replaying its share of the records, so
 *   R(t) = R_load + (tps·t)·b / (L·B) + (tps·t)·c / G.
 * R_load is already the parallel reload over the backup units. Nothing here depends on tps
 * except through tps·t: doubling tps on the same hardware doubles the log part.
 *
 * Simpler than a real recovery manager: log read and apply are not overlapped (sum, not max);
 * no log-record ordering or undo (redo-only logical log); on-demand recovery of cold pages is
 * timed separately per page.
 */
import { requireInteger, requireNonNegative, requirePositive } from '../../core/validate.js';

export interface HotSpotRecoveryParams {
  /** Transaction rate, tps. */
  tps: number;
  /** Log bytes per transaction, B. */
  logBytesPerTxn: number;
  /** Log device read bandwidth, MB/s (10^6 B/s). */
  logBandwidthMBps: number;
  /** Log apply time per transaction, µs. */
  applyUsPerTxn: number;
  /** Time to reload the hot-spot pages from flash with the units working in parallel, s. */
  hotReloadS: number;
  /** Log devices the log is spread over, read in parallel (each at `logBandwidthMBps`). */
  logDevices: number;
  /** Recovery groups applying the log in parallel (each replays its share of the records). */
  recoveryGroups: number;
}

function validate(p: HotSpotRecoveryParams): void {
  requirePositive('tps', p.tps, 'tps');
  requirePositive('logBytesPerTxn', p.logBytesPerTxn, 'B');
  requirePositive('logBandwidthMBps', p.logBandwidthMBps, 'MB/s');
  requireNonNegative('applyUsPerTxn', p.applyUsPerTxn, 'µs');
  requireNonNegative('hotReloadS', p.hotReloadS, 's');
  requireInteger('logDevices', p.logDevices, 'devices', 1);
  requireInteger('recoveryGroups', p.recoveryGroups, 'groups', 1);
}

/** Seconds of recovery per second of elapsed time since the checkpoint (log read + apply). */
export function logReplaySecondsPerSecond(p: HotSpotRecoveryParams): number {
  validate(p);
  const readS = (p.tps * p.logBytesPerTxn) / (p.logBandwidthMBps * 1e6);
  const applyS = p.tps * p.applyUsPerTxn * 1e-6;
  return readS / p.logDevices + applyS / p.recoveryGroups;
}

/** Time to read the log written in `elapsedS` seconds, s. */
export function logReadS(p: HotSpotRecoveryParams, elapsedS: number): number {
  validate(p);
  requireNonNegative('elapsedS', elapsedS, 's');
  return (p.tps * elapsedS * p.logBytesPerTxn) / (p.logBandwidthMBps * 1e6) / p.logDevices;
}

/**
 * Hot-spot recovery time for a failure `elapsedS` seconds after the last checkpoint, s.
 * `bmpIntact`: the backup plane survived, so nothing is reloaded from flash.
 */
export function hotSpotRecoveryS(p: HotSpotRecoveryParams, elapsedS: number, bmpIntact = false): number {
  validate(p);
  requireNonNegative('elapsedS', elapsedS, 's');
  const reload = bmpIntact ? 0 : p.hotReloadS;
  return reload + elapsedS * logReplaySecondsPerSecond(p);
}

/** Worst case for checkpoint interval T: failure just before the next checkpoint, s. */
export function worstHotSpotRecoveryS(p: HotSpotRecoveryParams, intervalS: number, bmpIntact = false): number {
  requirePositive('intervalS', intervalS, 's');
  return hotSpotRecoveryS(p, intervalS, bmpIntact);
}

/** Mean over a failure time uniform on [0, T], s. */
export function meanHotSpotRecoveryS(p: HotSpotRecoveryParams, intervalS: number, bmpIntact = false): number {
  requirePositive('intervalS', intervalS, 's');
  return hotSpotRecoveryS(p, intervalS / 2, bmpIntact);
}

/**
 * The apply time per transaction that makes the worst-case recovery at interval T equal
 * `targetS` (used for calibration); throws if log reading and reload alone exceed the target.
 */
export function fitApplyUsPerTxn(p: Omit<HotSpotRecoveryParams, 'applyUsPerTxn'>, intervalS: number, targetS: number): number {
  requirePositive('intervalS', intervalS, 's');
  requirePositive('targetS', targetS, 's');
  const base: HotSpotRecoveryParams = { ...p, applyUsPerTxn: 0 };
  const fixed = hotSpotRecoveryS(base, intervalS);
  const txns = p.tps * intervalS;
  const applyS = (targetS - fixed) * p.recoveryGroups;
  if (applyS <= 0) {
    throw new RangeError(
      `cannot fit applyUsPerTxn: reload + log read alone take ${fixed.toFixed(3)} s ≥ target ${targetS} s`,
    );
  }
  return (applyS / txns) * 1e6;
}
