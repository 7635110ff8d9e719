/**
 * TPC-C on the source VM (paper A §5.2.2): the transaction mix and, per transaction, the SQL
 * statements and the leaf pages it dirties at random (which the page cleaner later writes back,
 * one random page write each).
 *
 * Mix: TPC-C spec 5.11 §5.2.3 minimum mix as run by tpcc-mysql: New-Order 45 %, Payment 43 %,
 * Order-Status 4 %, Delivery 4 %, Stock-Level 4 %.
 * Per transaction (spec §2.4–2.8, 10 order lines on average):
 *   - New-Order: ~5 + 10 × 3 statements; dirties 10 random STOCK pages (+ the hot DISTRICT page and
 *     appends to ORDERS / NEW_ORDER / ORDER_LINE, which stay in a few hot pages);
 *   - Payment: ~7 statements; dirties 1 random CUSTOMER page (+ hot WAREHOUSE/DISTRICT, HISTORY append);
 *   - Order-Status: ~4 statements, read-only;
 *   - Delivery: 10 districts × ~6 statements; dirties 10 random CUSTOMER pages;
 *   - Stock-Level: 2 statements (a join over 200 order lines), read-only.
 * Redo per transaction: ~100 B per in-place row update (MLOG_REC_UPDATE_IN_PLACE: page id, offset,
 * changed fields), row size + ~20 B per insert, doubled for the undo-page changes that are logged
 * too: New-Order 10 stock + 1 district updates and 12 inserts (order, new-order, 10 order lines of
 * ~54 B): (1,100 + 24 + 8 + 740 + ~300) × 2 ≈ 4,300 B; Payment 3 updates + 1 history insert ≈ 1,000 B;
 * Delivery 10 × (delete + 2 updates + 10 order-line updates) ≈ 13,000 B; the read-only ones 0.
 * Simpler than the real thing: hot pages (warehouse, district, appends) are not counted as
 * random writes; every random dirtied page is flushed once (the 96 MiB MySQL 5.6 default redo log
 * forces a checkpoint long before a random stock/customer page is dirtied again).
 */
import type { Rng } from '../core/rng.js';
import { ParameterError, requireInteger, requireNonNegative, requirePositive } from '../core/validate.js';
import { AliasTable } from './sysbench-page-sampler.js';

export interface TpccTxType {
  name: string;
  /** Share of the mix (0..1). */
  share: number;
  statements: number;
  /** Random leaf pages dirtied. */
  randomPagesDirtied: number;
  /** Redo log bytes written (row changes, see REDO below). */
  redoBytes: number;
}

export const TPCC_MIX: readonly TpccTxType[] = [
  { name: 'New-Order', share: 0.45, statements: 35, randomPagesDirtied: 10, redoBytes: 4300 },
  { name: 'Payment', share: 0.43, statements: 7, randomPagesDirtied: 1, redoBytes: 1000 },
  { name: 'Order-Status', share: 0.04, statements: 4, randomPagesDirtied: 0, redoBytes: 0 },
  { name: 'Delivery', share: 0.04, statements: 60, randomPagesDirtied: 10, redoBytes: 13000 },
  { name: 'Stock-Level', share: 0.04, statements: 2, randomPagesDirtied: 0, redoBytes: 0 },
];

export interface TpccTxShape {
  statementsPerTx: number;
  randomPagesDirtiedPerTx: number;
  redoBytesPerTx: number;
}

/** Mix-weighted statements and random dirtied pages per TPC-C transaction. */
export function tpccTxShape(mix: readonly TpccTxType[] = TPCC_MIX): TpccTxShape {
  let s = 0;
  let w = 0;
  let r = 0;
  let total = 0;
  for (const t of mix) {
    requirePositive(`share of ${t.name}`, t.share, 'fraction');
    total += t.share;
    s += t.share * t.statements;
    w += t.share * t.randomPagesDirtied;
    r += t.share * t.redoBytes;
  }
  return { statementsPerTx: s / total, randomPagesDirtiedPerTx: w / total, redoBytesPerTx: r / total };
}

/**
 * Distinct pages among `writes` random page writes spread uniformly over `pages` pages:
 * pages · (1 − e^(−writes/pages)) (occupancy, closed form).
 */
export function tpccDistinctPagesTouched(writes: number, pages: number): number {
  requirePositive('pages', pages, 'pages');
  if (!(writes >= 0)) return 0;
  return pages * (1 - Math.exp(-writes / pages));
}

/** Warehouses that fill `dataGiB` at `mbPerWarehouse` (about 100 MB each, the figure). */
export function tpccWarehouses(dataGiB: number, mbPerWarehouse: number): number {
  requirePositive('dataGiB', dataGiB, 'GiB');
  requirePositive('mbPerWarehouse', mbPerWarehouse, 'MB');
  return Math.max(1, Math.round((dataGiB * 1024 ** 3) / (mbPerWarehouse * 1e6)));
}

/**
 * TPC-C's NURand (spec 5.11 §2.1.6): NURand(A, x, y) = (((random(0, A) | random(x, y)) + C) % (y − x + 1)) + x.
 * The exact distribution over [x, y], without sampling: for b ∈ [x, y] and a uniform over the A + 1
 * values (A + 1 a power of two), a | b takes each superset v of b's low bits with probability
 * 2^(popcount(b & A)) / (A + 1). O((y − x + 1) · 1.5^log2(A+1)).
 * @throws ParameterError unless A + 1 is a power of two, x ≤ y and 0 ≤ C ≤ A.
 */
export function nurandDistribution(A: number, x: number, y: number, C = 0): Float64Array {
  requireInteger('A', A, '', 1, 1 << 20);
  if ((A & (A + 1)) !== 0) throw new ParameterError('A', A, '', 'a power of two minus one (255, 1023, 8191)');
  requireInteger('x', x, '', 0);
  requireInteger('y', y, '', x);
  requireInteger('C', C, '', 0, A);
  const key = `${A},${x},${y},${C}`;
  const known = NURAND_CACHE.get(key);
  if (known) return known.slice();
  const n = y - x + 1;
  const p = new Float64Array(n);
  const per = 1 / ((A + 1) * n);
  for (let b = x; b <= y; b++) {
    const low = b & A;
    const high = b - low;
    const free = A & ~low; // bits a may add
    const w = per * (1 << popcount(low));
    // every superset v of low within A: v = low | s for s ⊆ free
    for (let s = free; ; s = (s - 1) & free) {
      const v = high | low | s;
      p[(v + C) % n] += w;
      if (s === 0) break;
    }
  }
  NURAND_CACHE.set(key, p);
  return p.slice();
}

/** Exact NURand distributions already computed (a pure function of its four integers; a few at most). */
const NURAND_CACHE = new Map<string, Float64Array>();

function popcount(v: number): number {
  let c = 0;
  for (let x = v; x; x &= x - 1) c++;
  return c;
}

/** TPC-C row counts per warehouse and row sizes (spec 5.11 §1.3 and §4.3.3.1), the tables with random writes. */
export const TPCC_TABLES = {
  /** STOCK: 100,000 rows per warehouse, 306 B; New-Order updates 10 rows by item NURand(8191, 1, 100000). */
  stock: { rowsPerWarehouse: 100_000, rowBytes: 306 },
  /** CUSTOMER: 3,000 per district × 10 districts, 655 B; Payment/Delivery update rows by c_id NURand(1023, 1, 3000). */
  customer: { rowsPerWarehouse: 30_000, rowBytes: 655 },
  /** The rest of a warehouse's initial data (ORDER_LINE 300,000 × 54 B, HISTORY 30,000 × 46 B, ORDERS 30,000 × 24 B, NEW_ORDER 9,000 × 8 B, DISTRICT, WAREHOUSE) and ITEM (100,000 × 82 B, once). */
  otherBytesPerWarehouse: 300_000 * 54 + 30_000 * 46 + 30_000 * 24 + 9_000 * 8 + 10 * 95 + 89,
  itemBytes: 100_000 * 82,
} as const;

/**
 * Where TPC-C's random page writes land, over a spatial sample of the data pages (every
 * `stride`-th page, as SysbenchPageSampler): the data is `warehouses` warehouses laid out table by
 * table in tpcc-mysql's creation order (create_table.sql: warehouse, district, customer, history,
 * new_orders, orders, order_line, item, stock), each table clustered by its primary key
 * (warehouse first). A stock write picks a warehouse uniformly and the item by NURand(8191, 1, 100000);
 * a customer write a warehouse and district uniformly and the customer by NURand(1023, 1, 3000)
 * (spec §2.4.1.5, §2.5.1.2; Payment by last name and Delivery's customers are taken alike).
 * Order lines, orders and history rows are appended at the right edge of their tables: they dirty
 * a few hot pages and new pages, not the existing pages other VMs cache, and are not drawn here.
 * Simpler than TPC-C: NURand's C = 0 (another C only rotates which rows are hot), 1 % remote
 * New-Order lines are taken as home lines, table bytes scale to the model's data size.
 */
export class TpccWritePageSampler {
  /** Probability that one random write hits each sampled page (real page j·stride). */
  readonly mass: Float64Array;
  /** Σ mass ≈ 1/stride: the share of writes that fall on sampled pages. */
  readonly massSum: number;
  private readonly table: AliasTable | null;

  /**
   * @param dataPages pages of the data @param stride sample every stride-th page
   * @param warehouses TPC-C warehouses in the data @param shares writes per transaction to stock and customer rows
   */
  constructor(dataPages: number, stride: number, warehouses: number, shares: { stock: number; customer: number } = tpccRandomWriteShares()) {
    requireInteger('dataPages', dataPages, 'pages', 1);
    requireInteger('stride', stride, 'pages', 1);
    requireInteger('warehouses', warehouses, 'warehouses', 1);
    requireNonNegative('shares.stock', shares.stock, 'writes/tx');
    requireNonNegative('shares.customer', shares.customer, 'writes/tx');
    const tot = shares.stock + shares.customer;
    if (!(tot > 0)) throw new ParameterError('shares', tot, 'writes/tx', '> 0 in total');
    const T = TPCC_TABLES;
    const stockBytes = warehouses * T.stock.rowsPerWarehouse * T.stock.rowBytes;
    const custBytes = warehouses * T.customer.rowsPerWarehouse * T.customer.rowBytes;
    const allBytes = stockBytes + custBytes + warehouses * T.otherBytesPerWarehouse + T.itemBytes;
    // table regions in page numbers: warehouse, district, customer, ..., item, stock (creation order)
    const custStart = 0;
    const custPages = (custBytes / allBytes) * dataPages;
    const stockPages = (stockBytes / allBytes) * dataPages;
    const stockStart = dataPages - stockPages;
    const stockRow = nurandDistribution(8191, 1, T.stock.rowsPerWarehouse);
    const custRow = nurandDistribution(1023, 1, 3000);
    const ns = Math.ceil(dataPages / stride);
    this.mass = new Float64Array(ns);
    let sum = 0;
    for (let j = 0; j < ns; j++) {
      const page = j * stride;
      let m = 0;
      if (page >= stockStart) m = (shares.stock / tot) * rowRangeMass(stockRow, (page - stockStart) / stockPages, (page + 1 - stockStart) / stockPages, warehouses);
      else if (page >= custStart && page < custStart + custPages) m = (shares.customer / tot) * rowRangeMass(custRow, (page - custStart) / custPages, Math.min(1, (page + 1 - custStart) / custPages), warehouses * 10);
      this.mass[j] = m;
      sum += m;
    }
    this.massSum = sum;
    this.table = sum > 0 ? new AliasTable(this.mass) : null;
  }

  /** A sampled page index, drawn with probability mass[j] / massSum. */
  draw(rng: Rng): number {
    if (!this.table) throw new ParameterError('stride', this.mass.length, 'pages', 'a sample that holds at least one written page');
    return this.table.draw(rng);
  }

  /** Expected distinct real pages among `writes` random writes (Poisson occupancy over the sampled pages, scaled by the stride). */
  distinctPages(writes: number, stride: number): number {
    requireNonNegative('writes', writes, 'writes');
    requireInteger('stride', stride, 'pages', 1);
    let d = 0;
    const per = writes / this.massSum / stride; // writes per unit of mass at the real-page level
    for (let j = 0; j < this.mass.length; j++) d += 1 - Math.exp(-per * this.mass[j]);
    return d * stride;
  }
}

/**
 * Probability of a fraction [f0, f1) of a table laid out as `groups` equal groups (warehouses or
 * districts, uniform) each holding rows with the per-group distribution `rowP`.
 */
function rowRangeMass(rowP: Float64Array, f0: number, f1: number, groups: number): number {
  const n = rowP.length;
  const g0 = Math.min(groups - 1, Math.floor(f0 * groups));
  const r0 = Math.max(0, Math.floor((f0 * groups - g0) * n));
  const r1 = Math.min(n, Math.max(r0 + 1, Math.ceil((f1 * groups - g0) * n)));
  let m = 0;
  for (let r = r0; r < r1; r++) m += rowP[r];
  return m / groups;
}

/** Random writes per transaction to stock and customer rows, from the mix (TPCC_MIX): New-Order's stock, Payment's and Delivery's customers. */
export function tpccRandomWriteShares(mix: readonly TpccTxType[] = TPCC_MIX): { stock: number; customer: number } {
  let stock = 0;
  let customer = 0;
  let total = 0;
  for (const t of mix) {
    total += t.share;
    if (t.name === 'New-Order') stock += t.share * t.randomPagesDirtied;
    else customer += t.share * t.randomPagesDirtied;
  }
  return { stock: stock / total, customer: customer / total };
}
