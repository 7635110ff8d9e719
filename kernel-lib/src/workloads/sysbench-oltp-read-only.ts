/**
 * SysBench 0.5 `oltp` in read-only mode: what one transaction reads, and where.
 *
 * Query mix (sysbench 0.5 tests/db/oltp.lua, read-only): BEGIN, 10 point selects, one simple
 * range, one SUM range, one ORDER BY range and one DISTINCT range of `oltp-range-size` = 100 rows,
 * COMMIT. Every query picks its id with `sb_rand()`, whose default is the "special" distribution
 * (sysbench 0.5 sysbench/sysbench.c: --rand-type=special, --rand-spec-pct=1, --rand-spec-res=75,
 * --rand-spec-iter=12). `sb_rand_special(a, b)` with t = b − a + 1:
 *   - draws res uniform in [0, t·(100 / (100 − res)) ) = [0, 4t);
 *   - res < t (probability 1/4): returns a + (sum of 12 uniforms on [0, t)) / 12 — Irwin–Hall;
 *   - otherwise (3/4): returns a value uniform over the central rand-spec-pct = 1 % of [a, b].
 * Rows are clustered by id, so a row's page is id / rowsPerPage and the access probability of a
 * leaf page is the probability mass of its id range.
 *
 * Simpler than the real thing: the distribution is treated as continuous; page accesses are
 * drawn independently (the Independent Reference Model), so the second leaf of a 100-row range
 * is drawn from the same distribution instead of being the neighbour of the first; B-tree
 * non-leaf pages (under 1 % of the index) are taken as always cached.
 */
import { requireInRange, requireInteger, requirePositive } from '../core/validate.js';

export interface SysbenchSpecialParams {
  /** --rand-spec-pct: percent of values that are "special" (default 1, sysbench 0.5). */
  randSpecPct: number;
  /** --rand-spec-res: percent of draws that go to the special values (default 75). */
  randSpecRes: number;
  /** --rand-spec-iter: uniforms summed in the Irwin–Hall part (default 12). */
  randSpecIter: number;
}

export const SYSBENCH_05_SPECIAL: SysbenchSpecialParams = { randSpecPct: 1, randSpecRes: 75, randSpecIter: 12 };

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** CDF of the mean of `n` uniforms on [0, 1) at x (Irwin–Hall / n), exact. */
export function irwinHallMeanCdf(x: number, n: number): number {
  requireInteger('n', n, 'uniforms', 1, 30);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > 0.5) return 1 - irwinHallMeanCdf(1 - x, n);
  const u = x * n;
  let s = 0;
  let fact = 1;
  for (let i = 2; i <= n; i++) fact *= i;
  for (let k = 0; k <= Math.floor(u); k++) s += (k % 2 === 0 ? 1 : -1) * binomial(n, k) * Math.pow(u - k, n);
  return Math.min(1, Math.max(0, s / fact));
}

/**
 * Probability that one `sb_rand_special` draw falls in the fraction interval [x0, x1) of the
 * id range (0 ≤ x0 < x1 ≤ 1).
 * @example sysbenchSpecialMass(0, 1, SYSBENCH_05_SPECIAL) // => 1
 */
export function sysbenchSpecialMass(x0: number, x1: number, p: SysbenchSpecialParams = SYSBENCH_05_SPECIAL): number {
  requireInRange('x0', x0, 'fraction of ids', 0, 1);
  requireInRange('x1', x1, 'fraction of ids', x0, 1);
  requireInRange('randSpecRes', p.randSpecRes, '%', 0, 100, { highOpen: true });
  requireInRange('randSpecPct', p.randSpecPct, '%', 0, 100, { lowOpen: true });
  // range_size = t * floor(100 / (100 - res)) in integer arithmetic (sysbench.c)
  const gaussianShare = 1 / Math.floor(100 / (100 - p.randSpecRes));
  const ih = irwinHallMeanCdf(x1, p.randSpecIter) - irwinHallMeanCdf(x0, p.randSpecIter);
  const lo = 0.5 - p.randSpecPct / 200;
  const hi = 0.5 + p.randSpecPct / 200;
  const overlap = Math.max(0, Math.min(x1, hi) - Math.max(x0, lo)) / (hi - lo);
  return gaussianShare * ih + (1 - gaussianShare) * overlap;
}

/**
 * Rows of `rowBytes` per InnoDB leaf page: usable bytes (page − 38 B FIL header − 56 B page
 * header − 26 B infimum/supremum − 8 B trailer) filled to 15/16 as sequential inserts leave it
 * (InnoDB btr0btr.cc leaves 1/16 free on sequential inserts), plus a 2-byte directory slot per
 * 4 records (page0page.h PAGE_DIR_SLOT_MAX_N_OWNED 8, min 4).
 * @example innodbRowsPerPage(206, 16384) // => 72
 */
export function innodbRowsPerPage(rowBytes: number, pageBytes: number): number {
  requirePositive('rowBytes', rowBytes, 'bytes');
  requireInteger('pageBytes', pageBytes, 'bytes', 4096, 65536);
  const usable = (pageBytes - 38 - 56 - 26 - 8) * (15 / 16);
  return Math.max(1, Math.floor(usable / (rowBytes + 2 / 4)));
}

export interface SysbenchTxShape {
  /** Leaf-page accesses per transaction. */
  pageAccessesPerTx: number;
  /** SQL statements per transaction (BEGIN and COMMIT included). */
  statementsPerTx: number;
}

/**
 * Leaf pages one read-only transaction touches: each point select one leaf, each range of R rows
 * starting at a random row 1 + (R − 1)/rowsPerPage leaves on average.
 */
export function sysbenchTxShape(opts: {
  pointSelects: number;
  rangeQueries: number;
  rangeRows: number;
  rowsPerPage: number;
  statementsPerTx: number;
}): SysbenchTxShape {
  requireInteger('pointSelects', opts.pointSelects, 'queries', 0);
  requireInteger('rangeQueries', opts.rangeQueries, 'queries', 0);
  requireInteger('rangeRows', opts.rangeRows, 'rows', 1);
  requirePositive('rowsPerPage', opts.rowsPerPage, 'rows');
  requireInteger('statementsPerTx', opts.statementsPerTx, 'statements', 1);
  const perRange = 1 + (opts.rangeRows - 1) / opts.rowsPerPage;
  return { pageAccessesPerTx: opts.pointSelects + opts.rangeQueries * perRange, statementsPerTx: opts.statementsPerTx };
}
