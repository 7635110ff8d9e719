/**
 * Paper B's measures on one leaf sequence — real (read from an InnoDB .ibd) or simulated (the
 * B+Tree model) alike: G with f (eq. 1), C_R / (|S|·G0) over the table and per key range
 * (eq. 2), |T_min| at X (§3.2), rows per leaf, the physical jump p_i − p_{i−1} between
 * consecutive leaves and the share of leaves out of physical order (SQL Server's definition,
 * fragmentation.ts).
 */
import type { PageCost } from '../../hardware/page-cost.js';
import { gSequence } from './deterioration.js';
import { leafRangeOfKeys } from './reorg-experiment.js';

/** A leaf sequence in key order: physical pages, low (first) keys, records per leaf. */
export interface LeafSequence {
  pages: Int32Array;
  lowKeys: Int32Array;
  records: Int32Array;
}

export interface LayoutMetrics {
  updates: number;
  leaves: number;
  rows: number;
  rowsPerLeaf: number;
  /** C_R / (|S|·G0) over the whole table (1 = sequential). */
  costRatio: number;
  /** |T_min| at X. */
  tMinLeaves: number;
  /** Share of leaves whose successor is not the next physical page. */
  outOfOrderShare: number;
  /** Share of leaves whose successor lies at a lower page number. */
  backwardShare: number;
  /** C_R / (|S|·G0) of each key range [r·rows/n, (r+1)·rows/n). */
  rangeCostRatios: number[];
}

export function layoutMetrics(seq: LeafSequence, cost: PageCost, x: number, keySpace: number, ranges: number, updates: number): LayoutMetrics {
  const n = seq.pages.length;
  const G = gSequence(seq.pages, cost);
  let total = 0, t = 0, ooo = 0, back = 0, rows = 0;
  for (let i = 0; i < n; i++) {
    total += G[i];
    if (G[i] >= x * cost.g0Ms) t++;
    rows += seq.records[i];
    if (i + 1 < n) {
      if (seq.pages[i + 1] !== seq.pages[i] + 1) ooo++;
      if (seq.pages[i + 1] < seq.pages[i]) back++;
    }
  }
  const rangeCostRatios: number[] = [];
  for (let r = 0; r < ranges; r++) {
    const [a, b] = leafRangeOfKeys(seq.lowKeys, Math.floor((r * keySpace) / ranges), Math.floor(((r + 1) * keySpace) / ranges));
    let s = 0;
    for (let i = a; i < b; i++) s += G[i];
    rangeCostRatios.push(b > a ? s / ((b - a) * cost.g0Ms) : NaN);
  }
  return {
    updates,
    leaves: n,
    rows,
    rowsPerLeaf: n ? rows / n : 0,
    costRatio: n ? total / (n * cost.g0Ms) : NaN,
    tMinLeaves: t,
    outOfOrderShare: n ? ooo / n : 0,
    backwardShare: n ? back / n : 0,
    rangeCostRatios,
  };
}

/** Physical jumps p_i − p_{i−1} between consecutive leaves in key order. */
export function jumpDistances(pages: Int32Array): Int32Array {
  const d = new Int32Array(Math.max(0, pages.length - 1));
  for (let i = 1; i < pages.length; i++) d[i - 1] = pages[i] - pages[i - 1];
  return d;
}

/** Two-sample Kolmogorov–Smirnov distance sup_x |F_a(x) − F_b(x)| of two samples. */
export function ksDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  if (x.length === 0 || y.length === 0) return NaN;
  let i = 0, j = 0, d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}
