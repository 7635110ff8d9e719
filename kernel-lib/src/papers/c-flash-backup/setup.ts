/**
 * Inputs of paper C's experiments, read from data/c-flash-backup/*.json (every value there has a
 * "source"; the two fitted unknowns carry "calibratedTo").
 */
import { loadJson } from '../../core/data-path.js';
import { requireOneOf } from '../../core/validate.js';
import type { TpcAbSpec } from '../../workloads/tpc-ab.js';

export interface LogDeviceProfile {
  name: string;
  label: string;
  bandwidthMBps: number;
  source: string;
}

export interface PaperCSetup {
  tpc: TpcAbSpec & { source: string };
  pageBytes: number;
  pageBytesSource: string;
  log: { logBytesPerTxn: number; source: string };
  logDevices: Record<string, Omit<LogDeviceProfile, 'name'>>;
  defaultLogDevice: string;
  defaultLogDeviceSource: string;
}

export interface CalibratedValue {
  value: number;
  unit: string;
  /** The check id in checks.ts (PAPER_C) whose number this value was fitted to. */
  calibratedTo: 'C2' | 'C3';
  rule: string;
}

export interface PaperCCalibration {
  /** Backup units (one flash bus each) at 1000 tps; scaled linearly with tps (paper §4). */
  backupUnitsAt1000Tps: CalibratedValue;
  /** Log apply time per transaction, µs. */
  applyUsPerTxn: CalibratedValue;
}

/** Setup facts (data/c-flash-backup/setup.json). */
export function paperCSetup(): PaperCSetup {
  return loadJson<PaperCSetup>('c-flash-backup', 'setup.json');
}

/** The stored calibration (data/c-flash-backup/calibration.json). */
export function paperCCalibration(): PaperCCalibration {
  return loadJson<PaperCCalibration>('c-flash-backup', 'calibration.json');
}

/** A named log device; throws a ParameterError for an unknown name. */
export function logDeviceProfile(name: string, setup: PaperCSetup = paperCSetup()): LogDeviceProfile {
  requireOneOf('logDevice', name, Object.keys(setup.logDevices));
  return { name, ...setup.logDevices[name] };
}
