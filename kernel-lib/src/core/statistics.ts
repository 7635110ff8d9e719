/**
 * simple-statistics (https://simple-statistics.github.io/) is ESM-only; kernel-lib is CommonJS
 * (tslab loads notebooks' imports with require). Node ≥ 20.19 loads ESM through require(), so
 * this is the one place that does it (the same pattern as core/arquero.ts). Models take their
 * statistics from here instead of writing their own.
 *
 * Typed arrays are accepted where simple-statistics only reads `length` and indices; they are
 * copied where it sorts in place.
 */
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as SimpleStatistics from 'simple-statistics';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ss: typeof SimpleStatistics = require('simple-statistics');

const arr = (x: ArrayLike<number>): number[] => (Array.isArray(x) ? x : Array.from(x));

/** Arithmetic mean (simple-statistics `mean`: Kahan-compensated sum / n). Throws on an empty sample. */
export function mean(x: ArrayLike<number>): number {
  return ss.mean(arr(x));
}

/** Median (simple-statistics `median`: its type-7 quantile at p = 0.5, the midpoint of the two middle values for an even count). */
export function median(x: ArrayLike<number>): number {
  return ss.median(arr(x).slice());
}

/** Quantile p ∈ [0, 1] (simple-statistics `quantile`: linear interpolation, type 7 of R / numpy). */
export function quantile(x: ArrayLike<number>, p: number): number {
  return ss.quantile(arr(x).slice(), p);
}

/** Spearman's ρ: Pearson's correlation of the midranks (simple-statistics `sampleRankCorrelation`). */
export function rankCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return ss.sampleRankCorrelation(arr(x), arr(y));
}

/** Least-squares line y = m·x + b (simple-statistics `linearRegression`). */
export function linearRegression(x: ArrayLike<number>, y: ArrayLike<number>): { m: number; b: number } {
  const xs = arr(x), ys = arr(y);
  return ss.linearRegression(xs.map((v, i) => [v, ys[i]]));
}

/** Coefficient of determination of the least-squares line through (x, y) (simple-statistics `rSquared`). */
export function linearFitR2(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const xs = arr(x), ys = arr(y);
  const pts = xs.map((v, i) => [v, ys[i]]);
  return ss.rSquared(pts, ss.linearRegressionLine(ss.linearRegression(pts)));
}
