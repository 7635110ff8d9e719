// The disk notebooks (hardware tour, DiskSim validation): their public front. Named exports only.
export {
  DISKSIM_OWN_DEMERIT_MS,
  DISK_VALIDATION_MEAN_ERROR_PCT,
  DISK_VALIDATION_KNOWN_DEVIATIONS,
  diskValidationChecks,
  hardwareTourChecks,
} from './checks.js';
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
  hardwareTourFFigure,
  hardwareTourSeekFigure,
  validationCdfFigure,
  validationDriveFigures,
  validationDemeritFigure,
  ablationFigure,
  type Figure as DiskFigure,
} from './figures.js';
export {
  runHardwareTour,
  type HardwareTourOptions,
  type DeviceTour,
} from './hardware-tour.js';
