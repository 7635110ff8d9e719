// The disk notebooks (hardware tour, DiskSim validation): their public front. Named exports only.
export {
  runDiskValidationAblation,
  type AblationRow,
} from './disk-validation-ablation.js';
export {
  DISKSIM_HP_C2247A_DIR,
  hpC2247aSpec,
  hpC2247aTrace,
  replayValidationTrace,
  runDiskValidation,
  type ValidationClassResult,
  type DiskValidationResult,
} from './disk-validation.js';
export {
  runHardwareTour,
  type HardwareTourOptions,
  type DeviceTour,
} from './hardware-tour.js';
