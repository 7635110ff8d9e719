/**
 * The model side of the sysbench-on-innodb experiment: sysbench 1.0's `oltp_read_only` replayed
 * on an InnoDB clustered index of a given shape through the project's LRU buffer pool
 * (dbms/buffer-pool.ts), counting page accesses and misses (pages read).
 *
 * What one transaction reads (sysbench 1.0.20 /usr/share/sysbench/oltp_read_only.lua and
 * oltp_common.lua, defaults): BEGIN; point_selects = 10 × `SELECT c FROM sbtest1 WHERE id=?`;
 * simple_ranges, sum_ranges, order_ranges, distinct_ranges = 1 each of
 * `... WHERE id BETWEEN ? AND ? + range_size − 1` with range_size = 100; COMMIT. Every id is
 * `sysbench.rand.default(1, table_size)`. All of them go through the PRIMARY key: the secondary
 * index k_1 (`CREATE INDEX k_1 ON sbtest1(k)` after the load) is never read. A point select
 * descends root → … → leaf; a range descends to its first row's leaf and follows the leaf chain
 * to the leaf of its last row (ids past table_size simply end the scan).
 *
 * The ids (sysbench 1.0.20 src/sb_rand.c, checked against the binary's own draws in
 * test/papers/a-replication/sysbench-on-innodb.test.ts):
 *   - uniform  `a + u·(b − a + 1)`, gaussian `a + ⌊Σ_iter u·t / iter⌋` (t = b − a + 1) and
 *     pareto `a + ⌊t·u^(ln h / ln(1 − h))⌋` are the project's sampler's masses
 *     (workloads/sysbench-page-sampler.ts sysbenchRandMass) over one row per "page";
 *   - special differs from sysbench 0.5's, which the shared sampler follows: with t = b − a and
 *     one uniform rnd, rnd·t·100/(100 − res) < t (probability (100 − res)/100 = 1/4) returns the
 *     Irwin–Hall mean `a + Σ_iter u · t / iter`; otherwise it reuses rnd (now in [1/4, 1)) as
 *     `a + ⌊rnd·(d + 1) + t/2 − t·pct/200⌋` with d = t·pct/100: the "special" ids fill only
 *     [0.4975, 0.505) of the range (3/4 of the 1 % window), not 0.5's [0.495, 0.505).
 *     The Irwin–Hall part is drawn with the shared sampler ('gaussian' over t rows), the window
 *     part here, exactly as sb_rand.c computes it.
 *
 * Simpler than the engine: interior pages are accessed like leaves; the pool is a plain LRU,
 * not InnoDB's midpoint LRU (identical while nothing is evicted, as here: the pool is larger than
 * the table); no read-ahead (the runs measure Innodb_buffer_pool_read_ahead: none). The model's
 * page accesses are not InnoDB's Innodb_buffer_pool_read_requests: tried on this machine
 * (MariaDB 10.11.19, 200,000 rows, height 3, warm pool, requests per transaction with one
 * statement kind at a time), a point select costs exactly 3 requests (the model's 3 pages), but
 * a range costs more than the pages it visits: 6.3 requests for 10 rows, 8.8 for 100, 29.8 for
 * 1,000 (the model: 3.1, 4.4, 16.7) — the range scan re-positions its cursor on a page already
 * latched before (row_search_mvcc stores and restores the cursor between the rows it hands to
 * the server, btr_pcur_restore_position → buf_page_optimistic_get, which counts a request),
 * about 3 times at the start and then once per ~40 rows. Those requests never miss: the pages
 * read do not depend on them.
 */
import { Rng } from '../../core/rng.js';
import { ParameterError, requireInteger, requireOneOf } from '../../core/validate.js';
import { LruBufferPool } from '../../dbms/buffer-pool.js';
import { SYSBENCH_RAND_TYPES, SysbenchPageSampler, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';

/** A clustered index as the model replays it: leaves in key order and their ancestors. */
export interface InnodbTreeShape {
  /** Rows, ids 1 … rows (sysbench's auto-increment load), row index = id − 1. */
  rows: number;
  /** First row index of each leaf in key order, plus `rows` at the end (length leaves + 1). */
  leafFirstRow: Int32Array;
  /** Page number of each leaf in key order. */
  leafPage: Int32Array;
  /** ancestors[l][leaf] = page number of the leaf's ancestor at level l + 1 (the last level is the root). */
  ancestors: Int32Array[];
  /** Pages in the index's tree (leaves + interior), i.e. its used pages. */
  treePages: number;
}

/** One page of a level in key order with its record count (PAGE_N_RECS; node pointers above the leaves). */
export interface TreeLevelPage {
  pageNo: number;
  nRecs: number;
}

/**
 * The shape from the pages of each level in key order (levels[0] = leaves, last = [root]), as
 * innodb/innodb-clustered-index.ts reads them from the .ibd: leaf l holds rows
 * [Σ_{j<l} nRecs_j, Σ_{j≤l} nRecs_j); an interior page's nRecs node pointers point to the next
 * nRecs pages of the level below (B-tree levels are in key order).
 * @throws ParameterError when the records do not add up (rows, children per level).
 */
export function treeShapeFromLevels(levels: readonly (readonly TreeLevelPage[])[], rows: number): InnodbTreeShape {
  requireInteger('rows', rows, 'rows', 1);
  if (!Array.isArray(levels) || levels.length === 0 || levels[levels.length - 1].length !== 1) {
    throw new ParameterError('levels', levels?.length, 'levels', 'levels in key order, leaves first, one root page last');
  }
  const leaves = levels[0];
  const leafFirstRow = new Int32Array(leaves.length + 1);
  const leafPage = new Int32Array(leaves.length);
  for (let l = 0; l < leaves.length; l++) {
    requireInteger(`levels[0][${l}].nRecs`, leaves[l].nRecs, 'records', 1);
    leafFirstRow[l + 1] = leafFirstRow[l] + leaves[l].nRecs;
    leafPage[l] = leaves[l].pageNo;
  }
  if (leafFirstRow[leaves.length] !== rows) {
    throw new ParameterError('rows', rows, 'rows', `equal to the leaves' records (${leafFirstRow[leaves.length]})`);
  }
  // parentOf[i] for the pages of the level below, level by level; leafAnc maps a leaf to the index at that level
  const ancestors: Int32Array[] = [];
  let below = Int32Array.from({ length: leaves.length }, (_, i) => i); // leaf -> its index at the current level
  for (let lv = 1; lv < levels.length; lv++) {
    const parentIdx = new Int32Array(levels[lv - 1].length);
    let child = 0;
    levels[lv].forEach((p: TreeLevelPage, i: number) => {
      requireInteger(`levels[${lv}][${i}].nRecs`, p.nRecs, 'node pointers', 1);
      for (let k = 0; k < p.nRecs; k++) parentIdx[child++] = i;
    });
    if (child !== levels[lv - 1].length) {
      throw new ParameterError(`levels[${lv}]`, child, 'node pointers', `equal to the pages of level ${lv - 1} (${levels[lv - 1].length})`);
    }
    const anc = new Int32Array(leaves.length);
    const next = new Int32Array(leaves.length);
    for (let leaf = 0; leaf < leaves.length; leaf++) {
      next[leaf] = parentIdx[below[leaf]];
      anc[leaf] = levels[lv][next[leaf]].pageNo;
    }
    ancestors.push(anc);
    below = next;
  }
  const treePages = levels.reduce((s, l) => s + l.length, 0);
  return { rows, leafFirstRow, leafPage, ancestors, treePages };
}

/**
 * A regular tree for tests and scaling: `rows` ids, `rowsPerLeaf` per leaf (the last one
 * partial), `fanout` node pointers per interior page, pages numbered from 0 leaves first.
 */
export function regularTreeShape(rows: number, rowsPerLeaf: number, fanout: number): InnodbTreeShape {
  requireInteger('rows', rows, 'rows', 1);
  requireInteger('rowsPerLeaf', rowsPerLeaf, 'rows', 1);
  requireInteger('fanout', fanout, 'node pointers', 2);
  const levels: TreeLevelPage[][] = [];
  const nLeaves = Math.ceil(rows / rowsPerLeaf);
  let next = 0;
  levels.push(Array.from({ length: nLeaves }, (_, i) => ({ pageNo: next++, nRecs: Math.min(rowsPerLeaf, rows - i * rowsPerLeaf) })));
  while (levels[levels.length - 1].length > 1) {
    const lower = levels[levels.length - 1].length;
    const n = Math.ceil(lower / fanout);
    levels.push(Array.from({ length: n }, (_, i) => ({ pageNo: next++, nRecs: Math.min(fanout, lower - i * fanout) })));
  }
  return treeShapeFromLevels(levels, rows);
}

/**
 * sysbench's --rand-spec-* (sysbench 1.0.20 src/sb_rand.c defaults: iter 12, pct 1, res 75).
 * --rand-pareto-h stays at its default 0.2, the shared sampler's SYSBENCH_05_PARETO_H.
 */
export interface Sysbench10RandOptions {
  randSpecIter: number;
  randSpecPct: number;
  randSpecRes: number;
}
export const SYSBENCH_10_RAND_DEFAULTS: Sysbench10RandOptions = { randSpecIter: 12, randSpecPct: 1, randSpecRes: 75 };

/** Draws row indexes (id − 1) of a table of `rows` rows as sysbench 1.0.20's sb_rand_default(1, rows). */
export class Sysbench10Ids {
  readonly randType: SysbenchRandType;
  private readonly rows: number;
  private readonly sampler: SysbenchPageSampler;
  private readonly gaussianShare: number;
  private readonly windowStart: number;
  private readonly windowWidth: number;

  constructor(rows: number, randType: SysbenchRandType | string, opts: Sysbench10RandOptions = SYSBENCH_10_RAND_DEFAULTS) {
    requireInteger('rows', rows, 'rows', 2);
    this.randType = requireOneOf('randType', randType, SYSBENCH_RAND_TYPES);
    requireInteger('randSpecIter', opts.randSpecIter, 'uniforms', 1, 30);
    requireInteger('randSpecPct', opts.randSpecPct, '%', 1, 100);
    requireInteger('randSpecRes', opts.randSpecRes, '%', 0, 99);
    this.rows = rows;
    const special = { randSpecPct: opts.randSpecPct, randSpecRes: opts.randSpecRes, randSpecIter: opts.randSpecIter };
    if (this.randType === 'special') {
      const t = rows - 1; // sb_rand_special: t = b − a
      this.sampler = new SysbenchPageSampler(t, 1, 'gaussian', special);
      this.gaussianShare = (100 - opts.randSpecRes) / 100; // rnd·t·100/(100 − res) < t
      const d = (t * opts.randSpecPct) / 100;
      this.windowStart = t / 2 - (t * opts.randSpecPct) / 200;
      this.windowWidth = d + 1;
    } else {
      this.sampler = new SysbenchPageSampler(rows, 1, this.randType, special);
      this.gaussianShare = 0;
      this.windowStart = 0;
      this.windowWidth = 0;
    }
  }

  /** One row index in [0, rows). */
  draw(rng: Rng): number {
    if (this.randType !== 'special') return this.sampler.draw(rng);
    const rnd = rng.float();
    if (rnd < this.gaussianShare) return this.sampler.draw(rng);
    return Math.min(this.rows - 1, Math.floor(rnd * this.windowWidth + this.windowStart));
  }
}

/** oltp_read_only's statement mix (sysbench 1.0.20 oltp_common.lua defaults). */
export interface OltpReadOnlyMix {
  pointSelects: number;
  /** simple + sum + order + distinct ranges. */
  rangeQueries: number;
  rangeRows: number;
}
export const OLTP_READ_ONLY_MIX: OltpReadOnlyMix = { pointSelects: 10, rangeQueries: 4, rangeRows: 100 };

export interface ModelReadsOptions {
  /** Buffer pool capacity (pages). */
  poolPages: number;
  randType: SysbenchRandType;
  /** Cumulative transaction counts at which to report (non-decreasing). */
  txnsAt: readonly number[];
  seed: number;
  mix?: OltpReadOnlyMix;
  rand?: Sysbench10RandOptions;
}

export interface ModelReads {
  /** Cumulative page accesses (the model's read requests) at each txnsAt. */
  accessesAt: number[];
  /** Cumulative misses (pages read) at each txnsAt. */
  missesAt: number[];
  /** Distinct leaves and interior pages touched by the end. */
  distinctLeaves: number;
  distinctInterior: number;
  /** Page accesses per transaction over the whole replay. */
  accessesPerTxn: number;
}

/**
 * Replays oltp_read_only transactions on the shape through an LRU pool, from cold.
 * @throws ParameterError for a bad pool size, seed, or decreasing txnsAt.
 */
export function modelSysbenchReads(shape: InnodbTreeShape, o: ModelReadsOptions): ModelReads {
  requireInteger('poolPages', o.poolPages, 'pages', 1, 2 ** 28);
  requireInteger('seed', o.seed, '', 1, 2 ** 31 - 1);
  const mix = o.mix ?? OLTP_READ_ONLY_MIX;
  requireInteger('pointSelects', mix.pointSelects, 'queries', 0, 1000);
  requireInteger('rangeQueries', mix.rangeQueries, 'queries', 0, 1000);
  requireInteger('rangeRows', mix.rangeRows, 'rows', 1, 1_000_000);
  let prev = 0;
  o.txnsAt.forEach((n, i) => {
    requireInteger(`txnsAt[${i}]`, n, 'transactions', prev, 1e9);
    prev = n;
  });
  const ids = new Sysbench10Ids(shape.rows, o.randType, o.rand);
  const rng = new Rng(o.seed);
  const pool = new LruBufferPool({ capacityPages: o.poolPages });
  const nLeaves = shape.leafPage.length;
  const seenLeaf = new Uint8Array(nLeaves);
  const seenInterior = new Set<number>();
  let accesses = 0;
  const leafOf = (row: number): number => {
    let lo = 0;
    let hi = nLeaves - 1; // largest l with leafFirstRow[l] <= row
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (shape.leafFirstRow[mid] <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const touchLeaf = (leaf: number) => {
    pool.access(shape.leafPage[leaf]);
    seenLeaf[leaf] = 1;
    accesses++;
  };
  const descend = (leaf: number) => {
    for (let lv = shape.ancestors.length - 1; lv >= 0; lv--) {
      const p = shape.ancestors[lv][leaf];
      pool.access(p);
      seenInterior.add(p);
      accesses++;
    }
    touchLeaf(leaf);
  };
  const accessesAt: number[] = [];
  const missesAt: number[] = [];
  let done = 0;
  for (const target of o.txnsAt) {
    for (; done < target; done++) {
      for (let q = 0; q < mix.pointSelects; q++) descend(leafOf(ids.draw(rng)));
      for (let q = 0; q < mix.rangeQueries; q++) {
        const first = ids.draw(rng);
        const a = leafOf(first);
        const b = leafOf(Math.min(shape.rows - 1, first + mix.rangeRows - 1));
        descend(a);
        for (let l = a + 1; l <= b; l++) touchLeaf(l);
      }
    }
    accessesAt.push(accesses);
    missesAt.push(pool.stats.misses);
  }
  let distinctLeaves = 0;
  for (let l = 0; l < nLeaves; l++) distinctLeaves += seenLeaf[l];
  return { accessesAt, missesAt, distinctLeaves, distinctInterior: seenInterior.size, accessesPerTxn: done > 0 ? accesses / done : 0 };
}
