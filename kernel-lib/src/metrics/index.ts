// Shared layer: generic metrics (CDF demerit, stable peak). Named exports only.
export {
  sortedQuantile,
  cdfDemerit,
  empiricalCdf,
} from './cdf-demerit.js';
export {
  STABLE_PEAK_DEFAULTS,
  stablePeak,
  type StablePeakOptions,
  type StablePeak,
} from './stable-peak.js';
export {
  windowMean,
  tailMean,
} from './stable-peak.js';
