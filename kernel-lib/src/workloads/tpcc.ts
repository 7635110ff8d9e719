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
import { requirePositive } from '../core/validate.js';

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
