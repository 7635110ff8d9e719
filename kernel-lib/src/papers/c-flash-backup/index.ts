// Paper C (Takakura & Kambayashi, main-memory database backup to flash): its public front.
// Named exports only; the calibration targets stay internal.
export {
  multiBufferChips,
  simulateMultiBufferWrite,
  multiBufferWriteUs,
  multiBufferReadUs,
  type MultiBufferSchedule,
} from './backup-unit.js';
export {
  paperCBackupAtS,
  paperCCheckpointOptimum,
  paperCWear,
  paperCModernScenario,
  type CheckpointOptimumRow,
  type CheckpointOptimumResult,
  type WearRow,
  type ModernScenarioOptions,
  type ModernScenarioResult,
} from './beyond.js';
export {
  youngIntervalS,
  dalyIntervalS,
  lostPerFailureS,
  argminLogGrid,
} from './checkpoint-interval.js';
export {
  PAPER_C_BASE_TPS,
  paperCRecoveryGroups,
  paperCModel,
  paperCFullImagePages,
  fitPaperCCalibration,
  simulateTpcDirtyPages,
  simulateTwoPlaneCycle,
  paperCDefaultIntervalsMin,
  runPaperC,
  paperCPageSizeSensitivity,
  accountPagesTouched,
  paperCRecoveryAt,
  paperCLogDeviceComparison,
  paperCInputs,
  paperCMultiBufferSweep,
  paperCRecoverySawtooth,
  type PaperCOptions,
  type PaperCModel,
  type Fig3Row,
  type TpcDirtySimulation,
  type Fig4Row,
  type PaperCRunOptions,
  type TwoPlaneCycle,
  type PaperCResult,
} from './flash-backup-experiment.js';
export {
  FLASH_PROFILE_NAMES,
  flashProfile,
  flashProfileSources,
  type FlashProfileName,
} from './flash-profiles.js';
export {
  logReplaySecondsPerSecond,
  logReadS,
  hotSpotRecoveryS,
  worstHotSpotRecoveryS,
  meanHotSpotRecoveryS,
  fitApplyUsPerTxn,
  type HotSpotRecoveryParams,
} from './log-recovery.js';
export {
  validateMmdbBackup,
  flashPagesPerUnit,
  backupTimeS,
  reloadTimeS,
  type MmdbBackupConfig,
} from './mmdb-backup.js';
export {
  paperCSetup,
  paperCCalibration,
  logDeviceProfile,
  type LogDeviceProfile,
  type PaperCSetup,
  type CalibratedValue,
  type PaperCCalibration,
} from './setup.js';
export {
  TwoPlaneMemory,
  type TwoPlaneState,
} from './two-plane-memory.js';
export {
  UPDATE_LAYOUTS,
  pageHasRoomForVersion,
  pgDirtyPages,
  pgWalBytes,
  type UpdateLayout,
  type PgTableLayout,
  type PgbenchLayout,
  type PgDirtyPages,
} from './postgres-dirty-pages.js';
export {
  runPgCheckpoint,
  pgPredictedRedoS,
  pgPredictedWalBytes,
  pgRecoveryByInterval,
  type PgCheckpointOptions,
  type PgCheckpointResult,
  type PgDirtyRow,
  type PgCrashRow,
  type PgRecoveryRow,
} from './postgres-checkpoint.js';
export { pgCheckpointChecks } from './postgres-checks.js';
export { pgDirtyPagesFigure, pgWalFigure, pgRecoveryFigure } from './postgres-figures.js';
