// Paper B (autonomic reorganization: deterioration monitor and SLA scheduler): its public front.
// Named exports only.
export {
  PAPER_B_CPU_SHARE,
  fitScanCpuPerPageMs,
} from './calibrate-scan-cpu.js';
export {
  DeteriorationMonitor,
  type TminRun,
  type DeteriorationMonitorOptions,
} from './deterioration-monitor.js';
export {
  recomputeDeterioration,
  recomputedRangeCostMs,
  type RecomputedDeterioration,
} from './deterioration-recompute.js';
export {
  gSequence,
  rangeCostMs,
  requireTolerance,
  tMin,
  slaHolds,
} from './deterioration.js';
export {
  postgresLeafFragmentationPct,
  sqlServerFragmentation,
} from './fragmentation.js';
export {
  PAPER_B_PAGE_BYTES,
  fig7ErrorSummary,
  TMIN_X_SWEEP,
  scanCpuPerPageMsFromData,
  reorgPageCost,
  leafRangeOfKeys,
  runPaperBMonitor,
  type PaperBMonitorParams,
  type Fig7Row,
  type Fig7ErrorSummary,
  type RegionRow,
  type ProfileTmin,
  type FragmentationDisagreement,
  type PaperBMonitorResult,
} from './reorg-experiment.js';
export {
  bufferPoolLabel,
  dbmsCpuPerRowOpUsFromData,
  ipcPerEventNsFromData,
  runPaperBOverhead,
  type PaperBOverheadParams,
  type OverheadRow,
  type PaperBOverheadResult,
} from './sniffer-overhead.js';
export {
  sqliteBulkUpdateProfile,
  sqliteT1Str,
  createSqliteT1,
  SqliteT1Target,
  SqliteBulkUpdates,
} from './sqlite-bulk-updates.js';
export {
  validateSqliteReorgSetup,
  sqliteReorgSetup,
  type SqliteReorgSetup,
} from './sqlite-reorg-setup.js';
export {
  sqliteLayoutMetrics,
  compareSqliteWithDbstat,
  runSqliteReorg,
  type SqliteReorgOptions,
  type SqliteLayoutSnapshot,
  type SqliteLeafProfile,
  type SqliteRegionStat,
  type SqliteDbstatComparison,
  type SqliteReorgResult,
} from './sqlite-reorg.js';
export {
  reorgMonitorCheckSpecs,
  sqliteReorgCheckSpecs,
  snifferOverheadCheckSpecs,
  paperFig8Pct,
} from './checks.js';
export {
  measureIpcRoundTrip,
  type IpcMeasurement,
} from './measure-ipc.js';
export {
  updateDistributionFigure,
  gDistributionFigure,
  versusUpdatesFigure,
  rangeScanFigure,
  updatesVersusGFigure,
  tMinVersusXFigure,
  snifferOverheadFigure,
  type GSeries,
} from './figures.js';
export {
  reorgRunTable,
  reorgRangeTable,
  reorgSlaTable,
  reorgRegionTable,
  reorgTminRunTable,
  reorgDriveTable,
  reorgFragmentationTable,
  reorgReorganizeTable,
  sqliteSnapshotTable,
  sqliteRegionTable,
  snifferOverheadTable,
  snifferTimingTable,
} from './tables.js';
// Paper B on a real InnoDB (notebooks/reorg-on-innodb.ipynb, issue 12).
export {
  runInnodbReorg,
  INNODB_UPDATE_PROTOCOLS,
  type InnodbReorgParams,
  type InnodbReorgResult,
  type InnodbUpdateProtocol,
  type EngineViewComparison,
  type InnodbRegionRow,
} from './innodb-reorg.js';
export { innodbReorgCheckSpecs, OPTIMIZE_BULK_LOAD_DEVIATION } from './innodb-checks.js';
export {
  innodbLeavesFigure,
  innodbJumpCdfFigure,
  innodbRangeCostFigure,
  innodbTminFigure,
  innodbRegionFigure,
  innodbReorgFigure,
} from './innodb-figures.js';
export { layoutMetrics, jumpDistances, ksDistance, type LayoutMetrics, type LeafSequence } from './innodb-layout-metrics.js';
export { INNODB_T1_DDL, RecordingTarget, deleteRuns, updateStatements, sendStatements, loadT1 } from './innodb-bulk-updates.js';
