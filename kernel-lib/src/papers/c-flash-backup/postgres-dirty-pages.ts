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
import { requireInRange, requireInteger, requireNonNegative, requireOneOf, requirePositive } from '../../core/validate.js';
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
 * right after a checkpoint, under `updateLayout`.
 */
export function pgDirtyPages(layout: PgbenchLayout, txns: number, updateLayout: UpdateLayout): PgDirtyPages {
  requireNonNegative('txns', txns, 'transactions');
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
    // First update of each page: no room, new version at the relation's end + an index entry.
    accountsNonHot = accountsOld;
    accounts += Math.ceil(accountsNonHot / rowsPerPage(layout.accounts, 'accounts'));
    const entriesPerLeaf = Math.max(1, Math.round(layout.accounts.rows / layout.accountsPkeyLeafPages));
    accountsPkey = expectedDistinctPages(Math.round(layout.accounts.rows), entriesPerLeaf, accountsNonHot);
  }
  const total = accounts + accountsPkey + tellers + branches + history;
  return { accounts, accountsPkey, tellers, branches, history, total, accountsNonHot };
}

/**
 * WAL bytes of `txns` transactions after a checkpoint: each transaction's own records plus,
 * with full_page_writes on, one full-page image per page at its first change after the
 * checkpoint (PostgreSQL docs, "WAL Configuration": full_page_writes). `recordBytesPerTxn` is
 * measured on the engine with full_page_writes off; a page image is modeled as a whole page.
 */
export function pgWalBytes(dirtyPages: number, txns: number, recordBytesPerTxn: number, pageBytes: number, fullPageWrites: boolean): number {
  requireNonNegative('dirtyPages', dirtyPages, 'pages');
  requireNonNegative('txns', txns, 'transactions');
  requirePositive('recordBytesPerTxn', recordBytesPerTxn, 'B');
  return txns * recordBytesPerTxn + (fullPageWrites ? dirtyPages * pageBytes : 0);
}
