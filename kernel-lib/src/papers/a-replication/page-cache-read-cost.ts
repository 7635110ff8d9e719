/**
 * CPU cost of serving one InnoDB page read from the guest OS page cache (MySQL 5.6's default
 * innodb_flush_method = fsync: buffered pread() through the guest's page cache), built from its
 * parts instead of one bare number:
 *   readUs = syscallUs                         (pread() entry/exit in a 64-bit Xen PV guest + VFS page-cache lookup)
 *          + pageBytes / copyGBps               (copy_to_user of the page at one core's copy bandwidth)
 *          + pageBytes · checksumCyclesPerByte / cpuGHz   (InnoDB verifies the page checksum on read completion)
 *          + completionUs                        (buf_page_io_complete: io-fix, page hash, LRU insert)
 * The checksum and completion parts are paid by every read into the buffer pool (disk reads and
 * on-demand fetches too), so `innodbPageReadCpuUs` is also the per-miss CPU of those.
 * Simpler than the real thing: no read-ahead, no TLB/cache effects, one 16 KiB pread per page.
 */
import { requirePositive, requireNonNegative } from '../../core/validate.js';

export interface PageCacheReadCostInput {
  pageBytes: number;
  /** pread() syscall + page-cache lookup in the guest (µs). */
  syscallUs: number;
  /** Single-core memory copy bandwidth (GB/s). */
  copyGBps: number;
  /** CPU cycles per byte of InnoDB's page checksum (MySQL 5.6 default algorithm 'innodb'). */
  checksumCyclesPerByte: number;
  /** Core clock (GHz). */
  cpuGHz: number;
  /** InnoDB read-completion bookkeeping (µs). */
  completionUs: number;
}

export interface PageCacheReadCost {
  /** Whole page-cache hit: syscall + copy + checksum + completion (µs). */
  pageCacheHitUs: number;
  /** The part every read into the pool pays (checksum + completion, µs). */
  innodbPageReadCpuUs: number;
  parts: { syscallUs: number; copyUs: number; checksumUs: number; completionUs: number };
}

export function pageCacheReadCost(i: PageCacheReadCostInput): PageCacheReadCost {
  requirePositive('pageBytes', i.pageBytes, 'bytes');
  requireNonNegative('syscallUs', i.syscallUs, 'µs');
  requirePositive('copyGBps', i.copyGBps, 'GB/s');
  requireNonNegative('checksumCyclesPerByte', i.checksumCyclesPerByte, 'cycles/byte');
  requirePositive('cpuGHz', i.cpuGHz, 'GHz');
  requireNonNegative('completionUs', i.completionUs, 'µs');
  const copyUs = i.pageBytes / (i.copyGBps * 1e3);
  const checksumUs = (i.pageBytes * i.checksumCyclesPerByte) / (i.cpuGHz * 1e3);
  const parts = { syscallUs: i.syscallUs, copyUs, checksumUs, completionUs: i.completionUs };
  return {
    pageCacheHitUs: i.syscallUs + copyUs + checksumUs + i.completionUs,
    innodbPageReadCpuUs: checksumUs + i.completionUs,
    parts,
  };
}
