/**
 * Paper B §3.1: structural deterioration of a clustered B+Tree's leaf sequence.
 *
 * Pure functions over a leaf sequence S = {p_0 … p_{N−1}} of physical page numbers in key order.
 * - eq. (1): G[i] = f(p_{i−1}, p_i); G[0] = G0 (the first page of S is counted at the sequential
 *   cost, as the paper's G is defined over the whole key space and its minimum is G0).
 * - eq. (2): C_R = Σ_{p_i ∈ S} G[i].
 * - §3.2: T_min = { p_i | G[i] ≥ X·G0 } for a tolerance X > 1 (eq. 3 holds for every range iff
 *   every G[i] < X·G0).
 *
 * These are the recompute-from-scratch reference; the incremental monitor is
 * `DeteriorationMonitor` (deterioration-monitor.ts).
 */
import type { PageCost } from '../../hardware/page-cost.js';
import { ParameterError, requireInteger, requirePositive } from '../../core/validate.js';

/** G over a leaf sequence (eq. 1). G[0] = cost.g0Ms. */
export function gSequence(physicalPages: ArrayLike<number>, cost: PageCost): Float64Array {
  const n = physicalPages.length;
  const g = new Float64Array(n);
  if (n === 0) return g;
  g[0] = cost.g0Ms;
  for (let i = 1; i < n; i++) g[i] = cost.f(physicalPages[i - 1], physicalPages[i]);
  return g;
}

/**
 * C_R (eq. 2) over the leaf indices [from, to) of G.
 * @throws ParameterError for an empty, inverted or out-of-bounds range.
 */
export function rangeCostMs(G: ArrayLike<number>, from: number, to: number): number {
  requireInteger('from', from, 'leaf index', 0, Math.max(0, G.length - 1));
  requireInteger('to', to, 'leaf index', 1, G.length);
  if (!(from < to)) throw new ParameterError('leaf range', [from, to], 'leaf index', 'a non-empty range [from, to) with from < to');
  let s = 0;
  for (let i = from; i < to; i++) s += G[i];
  return s;
}

/** Throws unless x > 1 (paper B §3.2: the tolerance X is given with X > 1). */
export function requireTolerance(x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x <= 1) {
    throw new ParameterError('X', x, '× G0', '> 1 (finite): the SLA tolerance of eq. (3)');
  }
  return x;
}

/**
 * T_min (§3.2, Fig. 4): the leaf indices i with G[i] ≥ x·G0.
 * @throws ParameterError for x ≤ 1 or g0Ms ≤ 0.
 */
export function tMin(G: ArrayLike<number>, x: number, g0Ms: number): Int32Array {
  requireTolerance(x);
  requirePositive('g0Ms', g0Ms, 'ms');
  const limit = x * g0Ms;
  let count = 0;
  for (let i = 0; i < G.length; i++) if (G[i] >= limit) count++;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < G.length; i++) if (G[i] >= limit) out[k++] = i;
  return out;
}

/** SLA of eq. (3) for the leaf range [from, to): C_R < X·|S|·G0. */
export function slaHolds(G: ArrayLike<number>, from: number, to: number, x: number, g0Ms: number): boolean {
  requireTolerance(x);
  requirePositive('g0Ms', g0Ms, 'ms');
  return rangeCostMs(G, from, to) < x * (to - from) * g0Ms;
}
