/**
 * The pages SysBench's read-only transactions read in a sysbench tablespace of a given size,
 * scaled from layouts measured on a real InnoDB (data/a-replication/sysbench-on-innodb.json,
 * `readSet.byScale`, made by measureSysbenchTableLayout / runSysbenchOnInnodb on the project's
 * private MariaDB). Paper A gives the data size (17 GB) but not what of it SysBench reads.
 *
 * Measured: oltp_read_only reads the PRIMARY key's B-tree only — not the secondary index k_1
 * (0 of its pages in the pool after every --rand-type), nor pages the segments reserve but do not
 * use, nor free extents. The rest of the file, as sysbench's `prepare` leaves it:
 *   - k_1, built after the rows are loaded (sysbench's lua: CREATE INDEX after the INSERTs), so
 *     behind PRIMARY's pages; its reserved pages per PRIMARY page are scale-free (both grow with
 *     the rows; its segment keeps up to an eighth of its extents' pages free, fsp0fsp.cc
 *     FSEG_FILLFACTOR = 8);
 *   - PRIMARY's reserved-but-unused pages (its segments' last extent; a few per mille);
 *   - free extents outside any segment: a bounded number (the file grows by FSP_FREE_ADD = 4
 *     extents once it is 32 MiB or more, fsp_get_pages_to_extend_ibd), the largest count measured
 *     is used. The 1 % of the size that fsp_reserve_free_extents asks to keep free for undo and
 *     purge is not found in the prepared files (4.3 extents free at 692 extents, where it would
 *     keep 12): it is a reservation checked before an extension, not space left behind;
 *   - system pages: the FSP header/XDES page and the insert-buffer bitmap page of every
 *     `pageBytes` pages (one XDES page describes that many pages), and the inode page.
 * So readPages = (T − free − system) / (1 + k1Reserved/P + primarySlack/P), the ratios taken from
 * the largest measured layout (they converge with the scale).
 */
import { loadJson } from '../../core/data-path.js';
import { ParameterError, requireInteger } from '../../core/validate.js';
import { INNODB_PAGE_SIZES, extentPages } from '../../innodb/innodb-page-format.js';
import type { SysbenchTableLayout } from './sysbench-on-innodb.js';

/** A measured layout as recorded (sysbench-on-innodb.json readSet.byScale). */
export type SysbenchMeasuredLayout = Pick<SysbenchTableLayout, 'rows' | 'tablespacePages' | 'primaryLeafPages' | 'primaryInteriorPages' | 'primaryReservedPages' | 'k1Pages' | 'k1ReservedPages' | 'unusedPages'> & { pageBytes?: number; source: string };

export interface SysbenchReadSet {
  tablespacePages: number;
  /** PRIMARY's used pages: the pages oltp_read_only reads (modeled). */
  readPages: number;
  /** readPages / tablespacePages. */
  share: number;
  k1ReservedPages: number;
  primarySlackPages: number;
  freePages: number;
  systemPages: number;
  /** The measured layout the ratios come from, and the ratios. */
  basis: { rows: number; tablespacePages: number; k1ReservedPerPrimary: number; primarySlackPerPrimary: number; freeExtents: number; source: string };
}

/** The layouts recorded in data/a-replication/sysbench-on-innodb.json (16-KiB pages). */
export function loadSysbenchLayouts(): SysbenchMeasuredLayout[] {
  const j = loadJson<{ readSet: { byScale: SysbenchMeasuredLayout[] } }>('a-replication', 'sysbench-on-innodb.json');
  return j.readSet.byScale;
}

/** Rows per PRIMARY leaf as measured (sysbench-on-innodb.json pagesPerTransaction.rowsPerLeaf: PAGE_N_RECS of every leaf). */
export function sysbenchMeasuredRowsPerLeaf(): number {
  const j = loadJson<{ pagesPerTransaction: { rowsPerLeaf: { value: number } } }>('a-replication', 'sysbench-on-innodb.json');
  return j.pagesPerTransaction.rowsPerLeaf.value;
}

/** FSP_HDR/XDES + IBUF_BITMAP pages every `pageBytes` pages, and the first inode page. */
function systemPages(tablespacePages: number, pageBytes: number): number {
  return 2 * Math.ceil(tablespacePages / pageBytes) + 1;
}

/** Free pages outside every segment in a measured layout: unused minus the segments' reserved-but-unused pages. */
function freeOutsideSegments(l: SysbenchMeasuredLayout): number {
  const primaryUsed = l.primaryLeafPages + l.primaryInteriorPages;
  return l.unusedPages - (l.primaryReservedPages - primaryUsed) - (l.k1ReservedPages - l.k1Pages);
}

/**
 * What oltp_read_only reads in a sysbench tablespace of `tablespacePages` pages (see the file
 * comment). `layouts` defaults to the recorded measurements; those below 32 MiB (where the file
 * grows by single extents) are not used as the basis.
 * @throws ParameterError for a size smaller than the largest free-extent count plus system pages, or no usable layout.
 */
export function sysbenchReadSet(tablespacePages: number, pageBytes = 16384, layouts: readonly SysbenchMeasuredLayout[] = loadSysbenchLayouts()): SysbenchReadSet {
  if (!(INNODB_PAGE_SIZES as readonly number[]).includes(pageBytes)) throw new ParameterError('pageBytes', pageBytes, 'bytes', `one of ${INNODB_PAGE_SIZES.join(', ')} (innodb_page_size)`);
  const ext = extentPages(pageBytes);
  const minFile = 32 * ext;
  const usable = layouts.filter((l) => (l.pageBytes ?? 16384) === pageBytes && l.tablespacePages >= minFile);
  if (usable.length === 0) throw new ParameterError('layouts', layouts.length, 'layouts', `at least one measured layout of ${pageBytes}-byte pages and ≥ ${minFile} pages`);
  const basis = usable.reduce((a, b) => (b.tablespacePages > a.tablespacePages ? b : a));
  const freeExtents = Math.max(...usable.map((l) => freeOutsideSegments(l) / ext));
  const freePages = Math.round(freeExtents * ext);
  const sys = systemPages(tablespacePages, pageBytes);
  requireInteger('tablespacePages', tablespacePages, 'pages', freePages + sys + 1);
  const p = basis.primaryLeafPages + basis.primaryInteriorPages;
  const k1ReservedPerPrimary = basis.k1ReservedPages / p;
  const primarySlackPerPrimary = (basis.primaryReservedPages - p) / p;
  const readPages = Math.max(1, Math.round((tablespacePages - freePages - sys) / (1 + k1ReservedPerPrimary + primarySlackPerPrimary)));
  return {
    tablespacePages,
    readPages,
    share: readPages / tablespacePages,
    k1ReservedPages: Math.round(readPages * k1ReservedPerPrimary),
    primarySlackPages: Math.round(readPages * primarySlackPerPrimary),
    freePages,
    systemPages: sys,
    basis: { rows: basis.rows, tablespacePages: basis.tablespacePages, k1ReservedPerPrimary, primarySlackPerPrimary, freeExtents, source: basis.source },
  };
}
