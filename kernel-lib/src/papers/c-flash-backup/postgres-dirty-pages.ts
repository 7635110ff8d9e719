/**
 * Paper C's first law on PostgreSQL's page layout: the pages a checkpoint must write are the
 * distinct pages dirtied since the last one, a saturating function of the transactions run
 * (TPC-B through pgbench's built-in `tpcb-like` script: per transaction one uniformly drawn
 * account, teller and branch are updated and a history row is appended; pgbench docs,
 * "Default Transaction Script").
 *
 * Two layouts of an update:
 * - `in-place` (paper C's main-memory model, and the closed form in workloads/tpc-ab.ts):
 *   an update dirties exactly the page holding the row;
 * - `new-version` (PostgreSQL's MVCC: an UPDATE writes a new tuple version). When the old
 *   version's page has room for one more version, the update is HOT (heap-only tuple, same
 *   page, no index entry; README.HOT in PostgreSQL's src/backend/access/heap). Otherwise the
 *   new version goes to a page with free space — the relation's end, since the free-space map
 *   is filled only by VACUUM — and a new entry enters the primary-key index leaf of that key.
 *   A page is pruned of dead versions when it is next read and its free space is below
 *   max(BLCKSZ/10, the fillfactor's reserve) (heap_page_prune_opt, pruneheap.c), which with a
 *   single client frees the room the next update needs. So: with fillfactor 100 a page's first
 *   update is non-HOT and its later ones are HOT; with room reserved (fillfactor < 100) updates
 *   are HOT.
 * Inputs are the engine's own layout facts (rows per page from relpages and reltuples, index
 * leaves from pgstatindex), never a fit to the dirty-page counts.
 */
import { ParameterError, requireInRange, requireInteger, requireNonNegative, requireOneOf, requirePositive } from '../../core/validate.js';
import { expectedDistinctPages } from '../../workloads/tpc-ab.js';

export type UpdateLayout = 'in-place' | 'new-version';
export const UPDATE_LAYOUTS: readonly UpdateLayout[] = ['in-place', 'new-version'];

/** A relation's layout as PostgreSQL reports it. */
export interface PgTableLayout {
  /** Live rows (reltuples after ANALYZE). */
  rows: number;
  /** Heap pages (relpages after ANALYZE). */
  pages: number;
}

/** The pgbench (TPC-B) database's layout, read from the engine after `pgbench -i`. */
export interface PgbenchLayout {
  pageBytes: number;
  /** pgbench -F: fillfactor of accounts, tellers and branches (%). */
  fillfactor: number;
  accounts: PgTableLayout;
  tellers: PgTableLayout;
  branches: PgTableLayout;
  /** Rows per history page (from the history table's relpages/reltuples after a run). */
  historyRowsPerPage: number;
  /** Primary-key index of accounts: leaf pages and entries (pgstatindex). */
  accountsPkeyLeafPages: number;
}

/** Predicted distinct dirty pages per relation after `txns` transactions from a checkpoint. */
export interface PgDirtyPages {
  accounts: number;
  accountsPkey: number;
  tellers: number;
  branches: number;
  history: number;
  total: number;
  /** Updates of accounts that are not HOT (each adds an index entry and a version at the relation's end). */
  accountsNonHot: number;
}

function rowsPerPage(t: PgTableLayout, name: string): number {
  requirePositive(`${name}.rows`, t.rows, 'rows');
  requireInteger(`${name}.pages`, t.pages, 'pages', 1);
  return Math.max(1, Math.round(t.rows / t.pages));
}

/** Whether a page filled to `fillfactor` has room for one more version of a row (bytes per row from the layout). */
export function pageHasRoomForVersion(layout: PgbenchLayout, t: PgTableLayout, name: string): boolean {
  const perPage = rowsPerPage(t, name);
  const bytesPerRow = (layout.pageBytes - 24) / perPage; // 24 = PageHeaderData (bufpage.h)
  const reserve = layout.pageBytes * (1 - layout.fillfactor / 100);
  return reserve >= bytesPerRow;
}

/**
 * Expected distinct dirty pages per relation after `txns` pgbench TPC-B transactions started
 * right after a checkpoint, under `updateLayout`. `priorTxns` transactions ran since the tables
 * were loaded (before the checkpoint): a page they already updated has been pruned and has
 * room, so its next update is HOT; only pages no transaction has updated yet take non-HOT ones.
 */
export function pgDirtyPages(layout: PgbenchLayout, txns: number, updateLayout: UpdateLayout, priorTxns = 0): PgDirtyPages {
  requireNonNegative('txns', txns, 'transactions');
  requireNonNegative('priorTxns', priorTxns, 'transactions');
  requireOneOf('updateLayout', updateLayout, UPDATE_LAYOUTS);
  requireInteger('pageBytes', layout.pageBytes, 'B', 1024, 65536);
  requireInRange('fillfactor', layout.fillfactor, '%', 10, 100);
  requirePositive('historyRowsPerPage', layout.historyRowsPerPage, 'rows/page');
  requireInteger('accountsPkeyLeafPages', layout.accountsPkeyLeafPages, 'pages', 1);
  const occ = (t: PgTableLayout, name: string, draws: number) => expectedDistinctPages(Math.round(t.rows), rowsPerPage(t, name), draws);
  const accountsOld = occ(layout.accounts, 'accounts', txns);
  const tellers = occ(layout.tellers, 'tellers', txns);
  const branches = occ(layout.branches, 'branches', txns);
  const history = txns > 0 ? Math.ceil(txns / layout.historyRowsPerPage) : 0;
  let accounts = accountsOld;
  let accountsPkey = 0;
  let accountsNonHot = 0;
  if (updateLayout === 'new-version' && !pageHasRoomForVersion(layout, layout.accounts, 'accounts')) {
    // First update of each page since the load: no room, new version at the relation's end +
    // an index entry. A page untouched by the prior transactions has probability (1 − r/n)^prior.
    const r = rowsPerPage(layout.accounts, 'accounts');
    const untouchedBefore = Math.exp(priorTxns * Math.log1p(-r / Math.max(r + 1, layout.accounts.rows)));
    accountsNonHot = accountsOld * untouchedBefore;
    accounts += Math.ceil(accountsNonHot / rowsPerPage(layout.accounts, 'accounts'));
    const entriesPerLeaf = Math.max(1, Math.round(layout.accounts.rows / layout.accountsPkeyLeafPages));
    accountsPkey = expectedDistinctPages(Math.round(layout.accounts.rows), entriesPerLeaf, accountsNonHot);
  }
  const total = accounts + accountsPkey + tellers + branches + history;
  return { accounts, accountsPkey, tellers, branches, history, total, accountsNonHot };
}

/**
 * WAL record bytes of pgbench's transactions, measured on the engine with full_page_writes off:
 * a transaction whose account update is HOT writes `bytesPerTxn`; a non-HOT one also logs the
 * new version's heap insert and its index entry, `bytesPerNonHot` more.
 */
export interface PgWalRecordBytes {
  bytesPerTxn: number;
  bytesPerNonHot: number;
}

/**
 * Least-squares fit of W = a·txns + b·nonHot (no intercept) to measured (WAL bytes, transactions,
 * non-HOT updates) triples: the normal equations of the two-column design.
 */
export function fitPgWalRecordBytes(points: ReadonlyArray<{ walBytes: number; txns: number; nonHot: number }>): PgWalRecordBytes {
  if (points.length < 1) throw new ParameterError('points', points, 'measurements', 'at least one measured (walBytes, txns, nonHot) point');
  let stt = 0, shh = 0, sth = 0, swt = 0, swh = 0;
  for (const p of points) {
    requirePositive('txns', p.txns, 'transactions');
    requireNonNegative('nonHot', p.nonHot, 'updates');
    requireNonNegative('walBytes', p.walBytes, 'B');
    stt += p.txns * p.txns; shh += p.nonHot * p.nonHot; sth += p.txns * p.nonHot;
    swt += p.walBytes * p.txns; swh += p.walBytes * p.nonHot;
  }
  const det = stt * shh - sth * sth;
  if (!(Math.abs(det) > 1e-9 * stt * shh)) {
    // non-HOT share the same at every point: one coefficient is all the data can tell
    return { bytesPerTxn: swt / stt, bytesPerNonHot: 0 };
  }
  return { bytesPerTxn: (swt * shh - swh * sth) / det, bytesPerNonHot: (swh * stt - swt * sth) / det };
}

/**
 * WAL bytes of `txns` transactions after a checkpoint: the records (HOT and non-HOT updates as
 * measured with full_page_writes off) plus, with full_page_writes on, one full-page image per
 * page at its first change after the checkpoint (PostgreSQL docs, "WAL Configuration":
 * full_page_writes). A page image is modeled as a whole page.
 */
export function pgWalBytes(d: Pick<PgDirtyPages, 'total' | 'accountsNonHot'>, txns: number, records: PgWalRecordBytes, pageBytes: number, fullPageWrites: boolean): number {
  requireNonNegative('dirtyPages', d.total, 'pages');
  requireNonNegative('txns', txns, 'transactions');
  requirePositive('bytesPerTxn', records.bytesPerTxn, 'B');
  return txns * records.bytesPerTxn + d.accountsNonHot * records.bytesPerNonHot + (fullPageWrites ? d.total * pageBytes : 0);
}
