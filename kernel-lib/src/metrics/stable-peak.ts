/**
 * "Stable peak": the one definition used for every warm-up time of paper A.
 *
 * For a throughput series sampled every `stepS` seconds, a window [fromS, toS):
 * - peak = mean throughput over the last `peakTailS` seconds of the window (the steady state);
 * - the series is smoothed with a trailing `smoothS`-second moving average (sysbench's per-second
 *   numbers are noisy; the paper reads its times off plots);
 * - time to stable peak = the first time t ≥ fromS from which the smoothed throughput stays at or
 *   above `fraction` × peak until the end of the window, minus fromS.
 * Defaults: fraction 0.9, smoothS 30, peakTailS 300.
 *
 * `windowMean` / `tailMean` are the one windowed mean of a stepped series (in seconds, any step):
 * the peak above, and the steady-state levels read off paper A's runs.
 */
import { requireInRange, requirePositive, requireRange } from '../core/validate.js';

export interface StablePeakOptions {
  fraction?: number;
  smoothS?: number;
  peakTailS?: number;
}

export interface StablePeak {
  /** Steady-state throughput (mean of the window's tail). */
  peak: number;
  /** Seconds from fromS until the stable peak; NaN if never reached. */
  timeToPeakS: number;
}

export const STABLE_PEAK_DEFAULTS: Required<StablePeakOptions> = { fraction: 0.9, smoothS: 30, peakTailS: 300 };

/** Step index of a time on a grid of `stepS` (floor, tolerant of the float error of t = k·stepS). */
function stepIndexOf(tS: number, stepS: number, round: 'floor' | 'ceil'): number {
  const x = tS / stepS;
  return round === 'floor' ? Math.floor(x + 1e-9) : Math.ceil(x - 1e-9);
}

/**
 * Mean of `series` (one value per `stepS` seconds, value i covering [i·stepS, (i+1)·stepS)) over
 * the window [fromS, toS), clipped to the series; NaN when the window holds no step.
 * @throws ParameterError for stepS ≤ 0 or toS < fromS.
 * @example windowMean([1, 2, 3, 4], 1, 1, 3) // => 2.5
 */
export function windowMean(series: ArrayLike<number>, stepS: number, fromS: number, toS: number): number {
  requirePositive('stepS', stepS, 's');
  requireRange('window', fromS, toS, 's');
  const i0 = Math.max(0, stepIndexOf(fromS, stepS, 'ceil'));
  const i1 = Math.min(series.length, stepIndexOf(toS, stepS, 'floor'));
  return meanOfSteps(series, i0, i1);
}

/**
 * Mean of `series` over the last `tailS` seconds before `toS` (at least one step, at most back to
 * `fromS`, default 0): the steady state at the end of a window.
 * @throws ParameterError for stepS ≤ 0, tailS ≤ 0 or toS < fromS.
 * @example tailMean([0, 0, 5, 7], 1, 4, 2) // => 6
 */
export function tailMean(series: ArrayLike<number>, stepS: number, toS: number, tailS: number, fromS = 0): number {
  requirePositive('stepS', stepS, 's');
  requirePositive('tailS', tailS, 's');
  requireRange('window', fromS, toS, 's');
  const i0 = Math.max(0, stepIndexOf(fromS, stepS, 'ceil'));
  const i1 = Math.min(series.length, stepIndexOf(toS, stepS, 'floor'));
  if (i1 <= i0) return NaN;
  const tail = Math.max(1, Math.min(i1 - i0, Math.round(tailS / stepS)));
  return meanOfSteps(series, i1 - tail, i1);
}

// forward sum then one division: the arithmetic every caller had before (bit-for-bit results)
function meanOfSteps(series: ArrayLike<number>, i0: number, i1: number): number {
  if (i1 <= i0) return NaN;
  let s = 0;
  for (let i = i0; i < i1; i++) s += series[i];
  return s / (i1 - i0);
}

export function stablePeak(
  series: ArrayLike<number>,
  stepS: number,
  fromS: number,
  toS: number,
  opts: StablePeakOptions = {},
): StablePeak {
  requirePositive('stepS', stepS, 's');
  requireRange('window', fromS, toS, 's');
  const o = { ...STABLE_PEAK_DEFAULTS, ...opts };
  requireInRange('fraction', o.fraction, '', 0, 1, { lowOpen: true });
  requirePositive('smoothS', o.smoothS, 's');
  requirePositive('peakTailS', o.peakTailS, 's');
  const i0 = Math.max(0, stepIndexOf(fromS, stepS, 'ceil'));
  const i1 = Math.min(series.length, stepIndexOf(toS, stepS, 'floor'));
  if (i1 - i0 < 2) return { peak: NaN, timeToPeakS: NaN };
  const peak = tailMean(series, stepS, toS, o.peakTailS, fromS);
  const w = Math.max(1, Math.round(o.smoothS / stepS));
  // trailing moving average, scanned backwards for the last time it is below the threshold
  const thr = o.fraction * peak;
  let lastBelow = -1;
  let acc = 0;
  const ma = new Float64Array(i1 - i0);
  for (let i = i0; i < i1; i++) {
    acc += series[i];
    if (i - w >= i0) acc -= series[i - w];
    ma[i - i0] = acc / Math.min(w, i - i0 + 1);
  }
  for (let j = ma.length - 1; j >= 0; j--) {
    if (ma[j] < thr) {
      lastBelow = j;
      break;
    }
  }
  if (lastBelow === ma.length - 1) return { peak, timeToPeakS: NaN };
  return { peak, timeToPeakS: (lastBelow + 1) * stepS };
}
