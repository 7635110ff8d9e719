// Shared layer: validation, seeded RNG, atomic writes, data paths, tables. Named exports only;
// the LRU and the growable typed list are internals of the models that use them.
export {
  aq,
  type ColumnTable,
} from './arquero.js';
export {
  atomicWriteFileSync,
} from './atomic-write.js';
export {
  dataDir,
  dataPath,
  loadJson,
} from './data-path.js';
export {
  Rng,
  rng,
} from './rng.js';
export {
  ParameterError,
  requireFinite,
  requirePositive,
  requireNonNegative,
  requireInteger,
  requireInRange,
  requireOneOf,
  requireRange,
} from './validate.js';
export {
  mean,
  median,
  quantile,
  max,
  rankCorrelation,
  linearRegression,
  linearFitR2,
} from './statistics.js';
