/**
 * The fragmentation figures real DBMSs report for a B-tree's leaf level, computed on a leaf
 * sequence of physical page numbers in key order (the same input as paper B's G).
 *
 * - PostgreSQL `pgstatindex(...).leaf_fragmentation` (contrib/pgstattuple/pgstatindex.c): the
 *   percentage of leaf pages whose right-link points to a lower block number than the page
 *   itself (`if (opaque->btpo_next != P_NONE && opaque->btpo_next < blkno) indexStat.fragments++`),
 *   divided by the number of leaf pages.
 * - SQL Server `sys.dm_db_index_physical_stats`: avg_fragmentation_in_percent = share of
 *   out-of-order leaf pages ("a page whose next physical page allocated to the index is not the
 *   page pointed to by the next-page pointer in the current leaf page"), and fragment_count =
 *   the number of runs of physically consecutive leaf pages (Microsoft Learn,
 *   sys.dm_db_index_physical_stats, "Scanning modes / Fragmentation").
 *   Simpler than SQL Server: "the next physical page allocated to the index" is taken as
 *   page + 1 (our indexes own contiguous page numbers), and every leaf is counted (SQL Server
 *   skips nothing at the leaf level either in LIMITED mode).
 */
import { requireInteger } from '../../core/validate.js';

function validatePages(physicalPages: ArrayLike<number>): void {
  for (let i = 0; i < physicalPages.length; i++) requireInteger(`physicalPages[${i}]`, physicalPages[i], 'page number');
}

/** PostgreSQL pgstatindex leaf_fragmentation, in percent (0 for fewer than one leaf). */
export function postgresLeafFragmentationPct(physicalPages: ArrayLike<number>): number {
  validatePages(physicalPages);
  const n = physicalPages.length;
  if (n === 0) return 0;
  let fragments = 0;
  for (let i = 0; i + 1 < n; i++) if (physicalPages[i + 1] < physicalPages[i]) fragments++;
  return (100 * fragments) / n;
}

/** SQL Server avg_fragmentation_in_percent (out-of-order leaf pages) and fragment count. */
export function sqlServerFragmentation(physicalPages: ArrayLike<number>): { avgFragmentationPct: number; fragmentCount: number } {
  validatePages(physicalPages);
  const n = physicalPages.length;
  if (n === 0) return { avgFragmentationPct: 0, fragmentCount: 0 };
  let outOfOrder = 0;
  let fragments = 1;
  for (let i = 0; i + 1 < n; i++) {
    if (physicalPages[i + 1] !== physicalPages[i] + 1) {
      fragments++;
      outOfOrder++;
    }
  }
  return { avgFragmentationPct: (100 * outOfOrder) / n, fragmentCount: fragments };
}
