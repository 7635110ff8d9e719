/**
 * Backup and reload times of a paged main-memory database on flash backup units
 * (paper C §3–4): the dirty pages of the checkpoint image are written, packed, to U backup
 * units working in parallel, each a multi-buffer of N chips on its own bus.
 *
 *   flash pages        n_f = ⌈D · S_page / S_flashpage⌉     (D dirty DB pages)
 *   backup time        δ = T_unit(⌈n_f / U⌉)                (multi-buffer closed form)
 *   full-memory backup δ_full = T_unit(⌈(all pages)·S_page / S_flashpage / U⌉)
 *   hot-spot reload    T_read(⌈(Branch + Teller pages)·S_page / S_flashpage / U⌉)
 *
 * Simpler than the hardware: the dirty pages are split evenly over the units (pages are
 * interleaved over the units, so with thousands of dirty pages the imbalance is small); the
 * BMP is read faster than the flash bus writes.
 */
import { ParameterError, requireInteger, requireNonNegative } from '../../core/validate.js';
import { flashBlockBytes, type FlashProfile } from '../../hardware/flash-chip.js';
import { multiBufferReadUs, multiBufferWriteUs } from './backup-unit.js';

export interface MmdbBackupConfig {
  /** DB page size, B (must fit in one flash erase block). */
  pageBytes: number;
  profile: FlashProfile;
  /** Backup units in parallel (one flash bus each). */
  units: number;
  /** Flash chips per unit (multi-buffer depth); 1 = single-buffer ablation. */
  chipsPerUnit: number;
}

/** Validates a backup configuration; a DB page larger than a flash block is rejected. */
export function validateMmdbBackup(c: MmdbBackupConfig): MmdbBackupConfig {
  requireInteger('pageBytes', c.pageBytes, 'B', 1);
  requireInteger('units', c.units, 'units', 1, 1_000_000);
  requireInteger('chipsPerUnit', c.chipsPerUnit, 'chips', 1, 1_000_000);
  const block = flashBlockBytes(c.profile);
  if (c.pageBytes > block) {
    throw new ParameterError('pageBytes', c.pageBytes, 'B', `≤ ${block} B (one erase block of flash profile "${c.profile.name}")`);
  }
  return c;
}

/** Flash pages per unit needed to hold `dbPages` DB pages. */
export function flashPagesPerUnit(c: MmdbBackupConfig, dbPages: number): number {
  requireNonNegative('dbPages', dbPages, 'pages');
  return Math.ceil((dbPages * c.pageBytes) / c.profile.pageBytes / c.units - 1e-9);
}

/** Time to write `dbPages` DB pages to flash (the backup time δ), s. */
export function backupTimeS(c: MmdbBackupConfig, dbPages: number): number {
  validateMmdbBackup(c);
  return multiBufferWriteUs(c.profile, c.chipsPerUnit, flashPagesPerUnit(c, dbPages)) / 1e6;
}

/** Time to read `dbPages` DB pages back from flash, s. */
export function reloadTimeS(c: MmdbBackupConfig, dbPages: number): number {
  validateMmdbBackup(c);
  return multiBufferReadUs(c.profile, c.chipsPerUnit, flashPagesPerUnit(c, dbPages)) / 1e6;
}
