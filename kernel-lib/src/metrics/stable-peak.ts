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
  const i0 = Math.max(0, Math.ceil(fromS / stepS));
  const i1 = Math.min(series.length, Math.floor(toS / stepS));
  if (i1 - i0 < 2) return { peak: NaN, timeToPeakS: NaN };
  const tail = Math.max(1, Math.min(i1 - i0, Math.round(o.peakTailS / stepS)));
  let s = 0;
  for (let i = i1 - tail; i < i1; i++) s += series[i];
  const peak = s / tail;
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
