/**
 * Seek time as a function of seek distance (cylinders), in the two-part form of
 * Ruemmler & Wilkes, "An introduction to disk drive modeling", IEEE Computer 27(3), 1994:
 *
 *   seek(d) = a + b·√d       for 0 < d < cutoff
 *   seek(d) = c + e·d        for d ≥ cutoff
 *   seek(0) = 0
 *
 * Desktop-drive datasheets give at most three points of this curve: track-to-track (d = 1),
 * average (over all seek lengths, weighted as the drive makers weight them: a seek of n
 * cylinders occurs (N + 1 − n) times among N + 1 cylinders) and full stroke (d = N). Four
 * coefficients need four conditions, so `fitSeekCurve` also makes the curve smooth at the
 * cutoff (same value and slope: c = a + b·√D/2, e = b / (2√D)). Then:
 * - with track-to-track, average and full stroke known, the three points fix a, b and the
 *   cutoff D;
 * - without a full-stroke figure, D is placed at the fraction of the stroke where Ruemmler &
 *   Wilkes found it for their HP 97560 (383 of 1962 cylinders), and track-to-track + average
 *   fix a and b. The full-stroke time is then an output of the model.
 * Simpler than a real drive: one curve for reads and writes, no settle-time difference,
 * no direction dependence.
 */
import { ParameterError, requireInRange, requireInteger, requirePositive } from '../core/validate.js';

export interface SeekCurve {
  /** a (ms): constant term of the short-seek part. */
  readonly aMs: number;
  /** b (ms per √cylinder): coefficient of √d in the short-seek part. */
  readonly bMsPerSqrtCyl: number;
  /** Cutoff distance D (cylinders) between the √d part and the linear part. */
  readonly cutoffCyl: number;
  /** c (ms): constant term of the long-seek part. */
  readonly cMs: number;
  /** e (ms per cylinder): slope of the long-seek part. */
  readonly eMsPerCyl: number;
  /** Largest seek distance (cylinders − 1). */
  readonly maxDistanceCyl: number;
}

/** Seek time (ms) for a seek of `distanceCyl` cylinders (0 → 0 ms). */
export function seekTimeMs(curve: SeekCurve, distanceCyl: number): number {
  const d = distanceCyl < 0 ? -distanceCyl : distanceCyl;
  if (d === 0) return 0;
  if (d < curve.cutoffCyl) return curve.aMs + curve.bMsPerSqrtCyl * Math.sqrt(d);
  return curve.cMs + curve.eMsPerCyl * d;
}

/** Fraction of the full stroke at which Ruemmler & Wilkes 1994 put the cutoff of the HP 97560 (383 / 1962 cylinders). */
export const RW_HP97560_CUTOFF_FRACTION = 383 / 1962;

export interface SeekFitInput {
  /** Number of cylinders (integer ≥ 3). */
  cylinders: number;
  /** Track-to-track (single-cylinder) seek time (ms), datasheet. */
  trackToTrackMs: number;
  /** Average seek time (ms), datasheet. */
  avgSeekMs: number;
  /** Full-stroke seek time (ms), datasheet; omit (or null) when the datasheet does not give it. */
  fullStrokeMs?: number | null;
  /** Cutoff as a fraction of the stroke when `fullStrokeMs` is missing; default RW_HP97560_CUTOFF_FRACTION. */
  cutoffFraction?: number;
}

/** g_D(d): the curve's shape with a = 0, b = 1 (smooth at D). */
function shape(d: number, cutoff: number): number {
  if (d < cutoff) return Math.sqrt(d);
  const s = Math.sqrt(cutoff);
  return s / 2 + d / (2 * s);
}

/**
 * Mean of shape(d) over seek lengths 1..N weighted (N + 1 − n), the drive makers' "weighted
 * average of all possible seek combinations" (e.g. Hitachi Deskstar 7K1000.B specification §4.5.2.1).
 * Exact sum for N ≤ 200,000; above that a strided sum (error far below 0.1 %).
 */
function meanShape(maxDist: number, cutoff: number): number {
  const stride = Math.max(1, Math.floor(maxDist / 200_000));
  let num = 0;
  let den = 0;
  for (let n = 1; n <= maxDist; n += stride) {
    const w = maxDist + 1 - n;
    num += w * shape(n, cutoff);
    den += w;
  }
  return num / den;
}

/** Mean seek time (ms) over all seek lengths 1..N, weighted as the drive makers define the average seek. */
export function weightedMeanSeekMs(curve: SeekCurve): number {
  const N = curve.maxDistanceCyl;
  const stride = Math.max(1, Math.floor(N / 200_000));
  let num = 0;
  let den = 0;
  for (let n = 1; n <= N; n += stride) {
    const w = N + 1 - n;
    num += w * seekTimeMs(curve, n);
    den += w;
  }
  return num / den;
}

function curveFrom(a: number, b: number, cutoff: number, maxDist: number): SeekCurve {
  const s = Math.sqrt(cutoff);
  return { aMs: a, bMsPerSqrtCyl: b, cutoffCyl: cutoff, cMs: a + (b * s) / 2, eMsPerCyl: b / (2 * s), maxDistanceCyl: maxDist };
}

/**
 * Fits the Ruemmler–Wilkes curve to datasheet points (see the file comment).
 * @throws ParameterError for non-positive times, average ≤ track-to-track, full stroke ≤ average,
 *   or three points that no smooth curve of this form passes through.
 */
export function fitSeekCurve(input: SeekFitInput): SeekCurve {
  const cylinders = requireInteger('cylinders', input.cylinders, 'cylinders', 3);
  const t1 = requirePositive('trackToTrackMs', input.trackToTrackMs, 'ms');
  const tAvg = requirePositive('avgSeekMs', input.avgSeekMs, 'ms');
  if (!(tAvg > t1)) throw new ParameterError('avgSeekMs', tAvg, 'ms', `> trackToTrackMs = ${t1} ms`);
  const N = cylinders - 1;
  const full = input.fullStrokeMs;
  if (full === undefined || full === null) {
    const frac = requireInRange('cutoffFraction', input.cutoffFraction ?? RW_HP97560_CUTOFF_FRACTION, '', 0, 1, { lowOpen: true });
    const D = Math.max(2, frac * N);
    // a + b = t1; a + b·M = tAvg
    const M = meanShape(N, D);
    const b = (tAvg - t1) / (M - 1);
    return curveFrom(t1 - b, b, D, N);
  }
  const tFull = requirePositive('fullStrokeMs', full, 'ms');
  if (!(tFull > tAvg)) throw new ParameterError('fullStrokeMs', tFull, 'ms', `> avgSeekMs = ${tAvg} ms`);
  // For a cutoff D: b = (tFull − t1)/(g_D(N) − 1), a = t1 − b; mean(D) = a + b·M(D). Bisect on D.
  const meanFor = (D: number): number => {
    const b = (tFull - t1) / (shape(N, D) - 1);
    return t1 - b + b * meanShape(N, D);
  };
  let lo = 2;
  let hi = N;
  const fLo = meanFor(lo) - tAvg;
  const fHi = meanFor(hi) - tAvg;
  if (fLo * fHi > 0) {
    throw new ParameterError(
      'avgSeekMs',
      tAvg,
      'ms',
      `between ${Math.min(meanFor(lo), meanFor(hi)).toFixed(3)} and ${Math.max(meanFor(lo), meanFor(hi)).toFixed(3)} ms for track-to-track ${t1} ms and full stroke ${tFull} ms`,
      'no smooth Ruemmler–Wilkes curve passes through the three datasheet points',
    );
  }
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if ((meanFor(mid) - tAvg) * fLo > 0) lo = mid;
    else hi = mid;
  }
  const D = (lo + hi) / 2;
  const b = (tFull - t1) / (shape(N, D) - 1);
  return curveFrom(t1 - b, b, D, N);
}
