/**
 * Optimal checkpoint interval.
 *
 * Young (1974), "A first order approximation to the optimum checkpoint interval", CACM 17(9):
 *   T_Young = √(2 δ M)
 * with δ the checkpoint (backup) time and M the mean time between failures.
 * Daly (2006), "A higher order estimate of the optimum checkpoint interval for restart dumps",
 * FGCS 22(3):
 *   T_Daly = √(2 δ M) · [1 + ⅓·√(δ/(2M)) + ⅑·(δ/(2M))] − δ   for δ < 2M,   else M.
 *
 * Expected time lost per failure for interval T (first-order model behind Young's formula):
 *   L(T) = δ·M/T + (T + δ)/2 + R
 * checkpoint cost paid M/T times per failure, half an interval of work redone on average, and a
 * restart cost R. `lostPerFailureS` takes the rework as a function so that a system whose
 * rework is log replay (faster than real time) can be modelled too.
 */
import { ParameterError, requireInteger, requireNonNegative, requirePositive, requireRange } from '../../core/validate.js';

/** Young's optimum interval, s. */
export function youngIntervalS(checkpointS: number, mtbfS: number): number {
  requirePositive('checkpointS', checkpointS, 's');
  requirePositive('mtbfS', mtbfS, 's');
  return Math.sqrt(2 * checkpointS * mtbfS);
}

/** Daly's higher-order optimum interval, s. */
export function dalyIntervalS(checkpointS: number, mtbfS: number): number {
  requirePositive('checkpointS', checkpointS, 's');
  requirePositive('mtbfS', mtbfS, 's');
  if (checkpointS >= 2 * mtbfS) return mtbfS;
  const r = checkpointS / (2 * mtbfS);
  return Math.sqrt(2 * checkpointS * mtbfS) * (1 + Math.sqrt(r) / 3 + r / 9) - checkpointS;
}

/**
 * Expected time lost per failure, s: checkpoint cost δ(T) paid M/T times per failure plus
 * the expected rework/restart cost `reworkS(T)` of a failure in an interval of length T.
 * Classical rework: (T + δ)/2.
 */
export function lostPerFailureS(
  intervalS: number,
  mtbfS: number,
  checkpointS: number,
  reworkS: (intervalS: number) => number = (T) => (T + checkpointS) / 2,
): number {
  requirePositive('intervalS', intervalS, 's');
  requirePositive('mtbfS', mtbfS, 's');
  requireNonNegative('checkpointS', checkpointS, 's');
  return (checkpointS * mtbfS) / intervalS + reworkS(intervalS);
}

/** Grid minimiser of a positive function over [lo, hi] (log-spaced, then refined), returns argmin. */
export function argminLogGrid(f: (x: number) => number, lo: number, hi: number, points = 400): number {
  if (typeof f !== 'function') throw new ParameterError('f', f, '', 'a function of one number');
  requirePositive('lo', lo);
  requirePositive('hi', hi);
  requireRange('[lo, hi]', lo, hi);
  requireInteger('points', points, 'points', 2, 1_000_000);
  let best = lo;
  let bestV = Infinity;
  const step = Math.log(hi / lo) / (points - 1);
  for (let i = 0; i < points; i++) {
    const x = lo * Math.exp(i * step);
    const v = f(x);
    if (v < bestV) {
      bestV = v;
      best = x;
    }
  }
  // golden-section refinement around the best grid point
  let a = Math.max(lo, best * Math.exp(-step));
  let b = Math.min(hi, best * Math.exp(step));
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}
