// The disk notebooks (hardware tour, DiskSim validation): their public front. Named exports only.
export {
  runDiskValidationAblation,
  type AblationRow,
} from './disk-validation-ablation.js';
export {
  DISKSIM_VALIDATION_DIR,
  diskSimDrives,
  diskSimDriveSpec,
  diskSimDriveTrace,
  replayValidationTrace,
  runDriveValidation,
  runDiskValidation,
  type ValidationClassResult,
  type DriveValidationResult,
  type DiskValidationResult,
} from './disk-validation.js';
export {
  runHardwareTour,
  type HardwareTourOptions,
  type DeviceTour,
} from './hardware-tour.js';
