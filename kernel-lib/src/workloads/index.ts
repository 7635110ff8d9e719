// Shared layer: workload generators. Named exports only.
export {
  loadBulkUpdateProfile,
  scaleBulkUpdateProfile,
  validateBulkUpdateProfile,
  BulkUpdateWorkload,
  type BulkUpdateProfile,
  type BulkUpdateTarget,
  type BulkUpdateRecord,
} from './bulk-updates.js';
export {
  SYSBENCH_05_SPECIAL,
  irwinHallMeanCdf,
  sysbenchSpecialMass,
  innodbRowsPerPage,
  sysbenchTxShape,
  type SysbenchSpecialParams,
  type SysbenchTxShape,
} from './sysbench-oltp-read-only.js';
export {
  SYSBENCH_RAND_TYPES,
  SYSBENCH_05_PARETO_H,
  sysbenchRandMass,
  SysbenchPageSampler,
  type SysbenchRandType,
} from './sysbench-page-sampler.js';
export {
  tpcAbLayout,
  expectedDistinctPages,
  historyPagesTouched,
  expectedDirtyPages,
  TpcAbGenerator,
  tpcTxnsIn,
  type TpcAbSpec,
  type TpcAbLayout,
  type DirtyPageCounts,
  type TpcPageWriter,
} from './tpc-ab.js';
export {
  TPCC_MIX,
  tpccTxShape,
  tpccDistinctPagesTouched,
  tpccWarehouses,
  TPCC_TABLES,
  nurandDistribution,
  TpccWritePageSampler,
  tpccRandomWriteShares,
  type TpccTxType,
  type TpccTxShape,
} from './tpcc.js';
