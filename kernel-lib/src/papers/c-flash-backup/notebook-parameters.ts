/**
 * The parameters of the flash-backup notebook and their ranges (the notebook's parameters cell
 * states the same ranges in its comments; test/flash-backup-params.test.ts runs the notebook at
 * both edges of each and outside them). The model takes wider ranges; the notebook's upper edges
 * are what still runs in well under a minute (the TPC-A/B simulation is tps × interval
 * transactions).
 */
import { ParameterError, requireInteger, requireOneOf } from '../../core/validate.js';
import { FLASH_PROFILE_NAMES } from './flash-profiles.js';
import { paperCSetup } from './setup.js';

export interface FlashBackupParameters {
  seed: number;
  tps: number;
  hardwareTps: number;
  pageBytes: number;
  flashProfile: string;
  logDevice: string;
  maxIntervalMin: number;
  mtbfH: number[];
}

/** Integer ranges [lo, hi] of the numeric parameters, with their units. */
export const FLASH_BACKUP_RANGES = {
  seed: { unit: '', lo: 1, hi: 1_000_000 },
  tps: { unit: 'tps', lo: 100, hi: 4000 },
  hardwareTps: { unit: 'tps', lo: 100, hi: 4000 },
  pageBytes: { unit: 'B', lo: 1024, hi: 4096 },
  maxIntervalMin: { unit: 'min', lo: 1, hi: 180 },
  mtbfH: { unit: 'h', lo: 1, hi: 100_000 },
} as const;

/**
 * Validates the notebook's parameters against the notebook's ranges; a ParameterError names the
 * parameter as the notebook spells it, its value, unit and range. Returns them unchanged.
 */
export function flashBackupParameters(p: FlashBackupParameters): FlashBackupParameters {
  const R = FLASH_BACKUP_RANGES;
  for (const k of ['seed', 'tps', 'hardwareTps', 'pageBytes', 'maxIntervalMin'] as const) {
    requireInteger(k, p[k], R[k].unit, R[k].lo, R[k].hi);
  }
  requireOneOf('flashProfile', p.flashProfile, FLASH_PROFILE_NAMES);
  requireOneOf('logDevice', p.logDevice, Object.keys(paperCSetup().logDevices));
  if (!Array.isArray(p.mtbfH) || p.mtbfH.length === 0 || p.mtbfH.length > 8) {
    throw new ParameterError('mtbfH', p.mtbfH, 'h', `a list of 1 to 8 MTBFs, each in [${R.mtbfH.lo}, ${R.mtbfH.hi}] h`);
  }
  p.mtbfH.forEach((h, i) => {
    if (typeof h !== 'number' || !Number.isFinite(h) || h < R.mtbfH.lo || h > R.mtbfH.hi) {
      throw new ParameterError(`mtbfH[${i}]`, h, 'h', `in [${R.mtbfH.lo}, ${R.mtbfH.hi}] h`);
    }
  });
  return p;
}
