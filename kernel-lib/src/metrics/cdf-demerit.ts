/**
 * The "demerit figure" of Ruemmler & Wilkes 1994, as DiskSim's `rms` tool computes it: the root
 * mean square of the horizontal distance between two cumulative distributions of service times,
 * taken at every `step` (default 0.0001) of cumulative probability.
 * Quantile convention: the smallest sample x with F(x) ≥ p (x = sorted[ceil(p·n) − 1]).
 */
import { ParameterError, requireInRange } from '../core/validate.js';

/** Quantile of sorted samples at cumulative probability p ∈ (0, 1]. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  let k = Math.ceil(p * n - 1e-9) - 1;
  if (k < 0) k = 0;
  if (k >= n) k = n - 1;
  return sorted[k];
}

function sortedCopy(xs: ArrayLike<number>, name: string): Float64Array {
  if (xs.length === 0) throw new ParameterError(name, 0, 'samples', '≥ 1 sample');
  const a = Float64Array.from(xs);
  a.sort();
  return a;
}

/**
 * RMS horizontal distance (in the samples' unit) between the empirical CDFs of `a` and `b`.
 * @example cdfDemerit([1, 2, 3], [2, 3, 4]) // => 1
 */
export function cdfDemerit(a: ArrayLike<number>, b: ArrayLike<number>, step = 0.0001): number {
  requireInRange('step', step, '', 0, 1, { lowOpen: true });
  const sa = sortedCopy(a, 'a');
  const sb = sortedCopy(b, 'b');
  const k = Math.round(1 / step);
  let sum = 0;
  for (let i = 1; i <= k; i++) {
    const p = i / k;
    const d = sortedQuantile(sa, p) - sortedQuantile(sb, p);
    sum += d * d;
  }
  return Math.sqrt(sum / k);
}

/**
 * Points (x, cumulative probability) of the empirical CDF of `xs`, for plotting; with more than
 * `maxPoints` samples, the quantiles at `maxPoints` evenly spaced probabilities.
 */
export function empiricalCdf(xs: ArrayLike<number>, maxPoints = Infinity): { x: Float64Array; p: Float64Array } {
  const s = sortedCopy(xs, 'xs');
  if (s.length <= maxPoints) {
    const p = new Float64Array(s.length);
    for (let i = 0; i < s.length; i++) p[i] = (i + 1) / s.length;
    return { x: s, p };
  }
  const k = Math.max(2, Math.floor(maxPoints));
  const x = new Float64Array(k);
  const p = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    p[i] = (i + 1) / k;
    x[i] = sortedQuantile(s, p[i]);
  }
  return { x, p };
}
