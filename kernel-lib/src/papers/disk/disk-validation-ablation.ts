/**
 * Which parts of the detailed disk simulation matter against a real drive? Each variant removes one
 * feature from the drive's validated configuration and replays the same trace (beyond the paper: it
 * shows why the "measured" side of paper B's Fig. 7 needs a simulation and not the mean-value f).
 */
import type { DiskSimSpec } from '../../hardware/disk-sim.js';
import { requireOneOf } from '../../core/validate.js';
import { diskSimDrives, runDriveValidation } from './disk-validation.js';

export interface AblationRow {
  variant: string;
  description: string;
  meanErrorPct: number;
  demeritMs: number;
}

const VARIANTS: Array<{ variant: string; description: string; edit: (s: DiskSimSpec) => DiskSimSpec }> = [
  { variant: 'full', description: 'as validated (all features)', edit: (s) => s },
  { variant: 'mean rotation', description: 'every non-continuing access waits half a revolution (as f assumes)', edit: (s) => ({ ...s, rotation: 'mean' }) },
  {
    variant: 'no cache',
    description: 'no read-ahead, no hits on written data, one segment',
    edit: (s) => ({ ...s, cache: { ...s.cache, segmentBlocks: 1, maxReadAheadBlocks: 0, readHitsOnWriteData: false, readAnyFreeBlocks: false, segments: (s.cache.separateWriteSegment ?? true) ? 2 : 1 } }),
  },
  {
    variant: 'no overheads',
    description: 'controller overheads and bus time set to 0',
    edit: (s) => ({
      ...s,
      overheads: { readHitMs: 0, readMissMs: 0, writeMs: 0, readCompletionMs: 0, writeCompletionMs: 0, dataPrepMs: 0, reselectMs: 0, extraWriteDisconnect: null },
      bus: { readBlockMs: 0, writeBlockMs: 0 },
    }),
  },
  { variant: 'no skew', description: 'track and cylinder skew 0', edit: (s) => ({ ...s, zones: s.zones.map((z) => ({ ...z, trackSkew: 0, cylSkew: 0 })) }) },
  { variant: 'write-through', description: 'every write reported after the media write (no fast writes)', edit: (s) => ({ ...s, immediateWriteReport: false }) },
];

/** Replays `drive` under each variant; demerit and mean error over all requests. */
export function runDiskValidationAblation(drive: string, param = 'ablationDrive'): AblationRow[] {
  requireOneOf(param, drive, diskSimDrives());
  return VARIANTS.map(({ variant, description, edit }) => {
    const r = runDriveValidation(drive, edit).all;
    return { variant, description, meanErrorPct: 100 * r.meanErrorFrac, demeritMs: r.demeritMs };
  });
}
