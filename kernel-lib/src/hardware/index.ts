// Shared layer: device models used by more than one paper or notebook. Named exports only.
export {
  DiskLayout,
  NO_LBN,
  REMAPPED,
  SPARING_SCHEMES,
  type DiskZone,
  type DiskLayoutOptions,
  type PhysicalSector,
} from './disk-layout.js';
export {
  DiskSim,
  diskSimSpecFromHddProfile,
  simulatePageReadsMs,
  type DiskSimSeek,
  type DiskSimOverheads,
  type DiskSimSpec,
  type DiskSimOutcome,
  type DiskSimPrefetch,
} from './disk-sim.js';
export {
  TRACE_BUFFER_ACTIONS,
  parseValidationTrace,
  type TraceBufferAction,
  type ValidationTrace,
} from './disk-trace.js';
export {
  parseDiskSimParams,
  findDiskSimBlock,
  diskSimNumber,
  type DiskSimValue,
  type DiskSimBlock,
} from './disksim-params.js';
export {
  diskSimSpecFromFolder,
  type DiskSimFileReader,
} from './disksim-spec.js';
export {
  parseSeekTable,
  seekTableMs,
  type SeekTable,
} from './seek-table.js';
export {
  validateFlashProfile,
  flashBlockBytes,
  flashChipBytes,
  flashTransferUs,
  flashProgramBusyUs,
  flashPageProgramUs,
  flashPageReadUs,
  flashBusBandwidthMBps,
  FlashChip,
  type FlashProfile,
} from './flash-chip.js';
export {
  HDD_PROFILE_NAMES,
  makeHddProfile,
  hddProfile,
  hddAvgRotationalLatencyMs,
  hddSequentialMBps,
  hddRandomReadMs,
  hddPageCost,
  type HddProfileName,
  type HddDatasheet,
  type HddProfile,
  type HddPageCostOptions,
} from './hdd.js';
export {
  type PageCost,
} from './page-cost.js';
export {
  seekTimeMs,
  RW_HP97560_CUTOFF_FRACTION,
  weightedMeanSeekMs,
  fitSeekCurve,
  type SeekCurve,
  type SeekFitInput,
} from './seek-curve.js';
export {
  SSD_PROFILE_NAMES,
  ssdProfile,
  ssdRandomReadMs,
  ssdPageCost,
  type SsdProfileName,
  type SsdProfile,
} from './ssd.js';
export {
  buildLinearZones,
  zoneOfLba,
  lbaToCylinder,
  zoneMediaMBps,
  meanMediaMBps,
  type ZoneTable,
  type LinearZoneInput,
} from './zones.js';
