// Paper A (Fukuchi & Yamada 2015, fast DBMS instance replication): its public front.
// Named exports only; internals (calibration targets, helpers) stay in their modules.
export {
  PAPER_A_CPU_MS_RANGE,
  calibratePaperANumeric,
  calibratePaperA,
  writePaperACalibration,
  type PaperARandTypeCandidate,
} from './calibration.js';
export {
  runPaperAConfigs,
  paperAMedian,
  paperAMedianCreationS,
  paperAMedianWarmupS,
  paperAPhaseBreakdown,
  paperAReplicaTable,
  paperAMemoryUseRatio,
  paperASourceDropDuringSnapshot,
  paperASnapshotS,
  PAPER_A_KNOWN_DEVIATIONS,
  PAPER_A_CHECK_DEFINITIONS,
  paperACheckDefinitions,
  paperAReadChecks,
  paperAWriteChecks,
  paperAInputTable,
  paperAIntervalStats,
  paperARandTypeCandidates,
  type PaperARunSet,
} from './checks.js';
export {
  paperABinSeries,
  paperAThroughputFigure,
  paperAMemoryFigure,
  paperASourceIoFigure,
  paperAPhaseFigure,
  paperADataSizeFigure,
  paperAReplicaMemoryFigure,
  paperASourceDuringCreationFigure,
} from './figures.js';
export {
  PAPER_A_NOTEBOOK_RANGES,
  paperANotebookRunOptions,
  type PaperANotebookParams,
} from './notebook-params.js';
export {
  HypervisorShareTable,
} from './hypervisor-share-table.js';
export {
  SampledBufferPool,
} from './innodb-buffer-pool-model.js';
export {
  mvaThroughput,
  type MvaInput,
  type MvaResult,
} from './mysql-throughput.js';
export {
  ethernetPayloadMBps,
} from './network.js';
export {
  pageCacheReadCost,
  type PageCacheReadCostInput,
  type PageCacheReadCost,
} from './page-cache-read-cost.js';
export {
  GuestPageCache,
} from './page-cache.js';
export {
  PAPER_A_CONFIGS,
  REPLICATION_CONFIGS,
  replicationPipelineFlags,
  requireReplicationConfigs,
  type ReplicationConfig,
  type ReplicationPipelineFlags,
} from './replication-pipeline.js';
export {
  PAPER_A_WORKLOADS,
  loadPaperACalibration,
  resolveReplicationInputs,
  paperADataGiBRange,
  PAPER_A_MAX_STEP_S,
  PAPER_A_INTERVAL_RANGE_S,
  type PaperAWorkload,
  type PaperACalibration,
  type PaperAParams,
  type ReplicationInputs,
} from './replication-inputs.js';
export {
  ReplicationSim,
  MISS_CATEGORIES,
  runPaperA,
  type ReplicationVm,
  type ReplicationVmStage,
  type PaperAPhaseTime,
  type PaperAReplica,
  type PaperARun,
  type PaperAInputsUsed,
} from './replication-sim.js';
export {
  paperADataSizeSweep,
  paperAReplicaSweep,
  paperABeyondConfigs,
  paperASweepWinners,
  paperAReadSetFit,
  type PaperAReadSetFitRow,
  type PaperADataSizeSweepRow,
  type PaperAReplicaSweepRow,
  type PaperABeyondConfigRow,
  type PaperASweepOptions,
} from './sweeps.js';
export {
  loadReplicationSetup,
  validateVmSetup,
  type ReplicationHostSpec,
  type ReplicationVmSpec,
  type ReplicationMysqlSpec,
  type ReplicationSetup,
} from './vm-host.js';
export {
  copyChunkServiceMs,
  copyStreamRate,
  type CopyStreamInput,
} from './xtrabackup.js';
export {
  sysbenchReadSet,
  loadSysbenchLayouts,
  sysbenchMeasuredRowsPerLeaf,
  type SysbenchReadSet,
  type SysbenchMeasuredLayout,
} from './sysbench-read-set.js';
export {
  runSysbenchOnInnodb,
  measureSysbenchTableLayout,
  SYSBENCH_LAYOUT_ROWS_RANGE,
  sysbenchPagesRead,
  sysbenchMissRatio,
  sysbenchCurveGap,
  sysbenchOnInnodbFacts,
  type SysbenchOnInnodbOptions,
  type SysbenchOnInnodbResult,
  type SysbenchOnInnodbFacts,
  type SysbenchRandRun,
  type SysbenchSample,
  type SysbenchTableLayout,
  type SysbenchMissRatioPoint,
} from './sysbench-on-innodb.js';
export {
  modelSysbenchReads,
  treeShapeFromLevels,
  regularTreeShape,
  Sysbench10Ids,
  OLTP_READ_ONLY_MIX,
  SYSBENCH_10_RAND_DEFAULTS,
  type InnodbTreeShape,
  type TreeLevelPage,
  type OltpReadOnlyMix,
  type Sysbench10RandOptions,
  type ModelReadsOptions,
  type ModelReads,
} from './sysbench-on-innodb-model.js';
export { sysbenchOnInnodbChecks } from './sysbench-on-innodb-checks.js';
export {
  sysbenchPagesReadFigure,
  sysbenchMissRatioFigure,
  sysbenchPoolCompositionFigure,
  sysbenchTpsFigure,
} from './sysbench-on-innodb-figures.js';
