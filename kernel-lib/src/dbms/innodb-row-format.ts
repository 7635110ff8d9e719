/**
 * InnoDB COMPACT row format and index-page space accounting, for the record sizes of paper B's
 * table T1 (int id clustered key, int id2, char(255) str) (paper B §4).
 *
 * Sources (MySQL 5.x source tree, storage/innobase):
 * - rem/rem0rec.cc, include/rem0rec.h: COMPACT record = variable-length field lengths
 *   (1–2 bytes per variable-length column; none here) + NULL bitmap (1 bit per nullable
 *   column, rounded up to bytes) + REC_N_NEW_EXTRA_BYTES = 5 header bytes, then the columns.
 *   A clustered-index leaf record also holds DATA_TRX_ID_LEN = 6 and DATA_ROLL_PTR_LEN = 7
 *   system columns (include/data0type.h).
 * - include/fil0fil.h: FIL_PAGE_DATA = 38 (file page header), FIL_PAGE_DATA_END = 8 (trailer).
 * - include/page0page.h: PAGE_HEADER = FIL_PAGE_DATA, index page header 36 bytes + two FSEG
 *   headers of 10 bytes → PAGE_DATA = 94; PAGE_NEW_SUPREMUM_END = PAGE_DATA + 2·5 + 16 = 120
 *   (infimum + supremum records); page directory slots of PAGE_DIR_SLOT_SIZE = 2 bytes, each
 *   owning PAGE_DIR_SLOT_MIN_N_OWNED = 4 … 8 records.
 * - page/page0page.cc page_get_max_insert_size_after_reorganize(): free = page size −
 *   PAGE_NEW_SUPREMUM_END − PAGE_DIR − (data size + page_dir_calc_reserved_space(n_recs + 1)),
 *   page_dir_calc_reserved_space(n) = ⌈2n / 4⌉ (include/page0page.ic).
 * - btr/btr0cur.cc btr_cur_optimistic_insert(): on a clustered leaf with ≥ 2 records, an insert
 *   in a sequential pattern (btr_page_get_split_rec_to_right/left) splits instead when
 *   dict_index_get_space_reserve() + rec_size > max_size, with dict_index_get_space_reserve()
 *   = UNIV_PAGE_SIZE / 16 (include/dict0dict.ic) — the "leave 1/16 free" rule of the MySQL
 *   manual ("InnoDB tries to leave 1/16 of the page free for future insertions and updates";
 *   innodb_fill_factor came only in 5.7 and its default 100 keeps this 1/16).
 * - btr/btr0cur.cc btr_cur_compress_recommendation(): a page whose data size drops below
 *   BTR_CUR_PAGE_COMPRESS_LIMIT = UNIV_PAGE_SIZE / 2 after a delete is merged (btr_compress).
 *
 * Simpler than InnoDB: MySQL 4.1 (the paper's version) only had the REDUNDANT format (COMPACT
 * came in 5.0.3); the issue asks for COMPACT. char(255) is taken in a single-byte character set
 * (latin1, the 4.1 default), so it is a fixed-length column and the variable-length list is
 * empty; id2 and str are nullable (1 NULL-bitmap byte), id is the NOT NULL primary key.
 * Deleted-record garbage is assumed purged (page reorganized) when fitting a record.
 */
import { ParameterError, requireInteger } from '../core/validate.js';

/** Byte sizes of InnoDB page structures (sources above). */
export const INNODB_PAGE = {
  filHeaderBytes: 38,
  filTrailerBytes: 8,
  indexHeaderBytes: 36,
  fsegHeaderBytes: 20,
  /** infimum + supremum in COMPACT: 2 × (5 header + 8 data) */
  infimumSupremumBytes: 26,
  dirSlotBytes: 2,
  dirSlotMinOwned: 4,
} as const;

/** One column of a table, for the COMPACT record-size computation. */
export interface InnodbColumn {
  name: string;
  /** Fixed byte length (int = 4, char(N) in latin1 = N). */
  bytes: number;
  nullable: boolean;
  /** Variable-length (VARCHAR, or CHAR in a multi-byte charset). Default false. */
  variable?: boolean;
}

/** Paper B §4: T1 (int id clustered key, int id2, char str[255]). */
export const T1_COLUMNS: readonly InnodbColumn[] = [
  { name: 'id', bytes: 4, nullable: false },
  { name: 'id2', bytes: 4, nullable: true },
  { name: 'str', bytes: 255, nullable: true },
];

/** Bytes of one clustered-index leaf record in COMPACT format (header + system columns + columns). */
export function compactClusteredRecordBytes(columns: readonly InnodbColumn[]): number {
  if (columns.length === 0) throw new ParameterError('columns', columns, '', 'at least one column (the clustered key)');
  let bytes = 5; // REC_N_NEW_EXTRA_BYTES
  let nullable = 0;
  for (const c of columns) {
    requireInteger(`columns.${c.name}.bytes`, c.bytes, 'bytes', 0, 65535);
    if (c.nullable) nullable++;
    if (c.variable) bytes += c.bytes > 127 ? 2 : 1; // length byte(s)
    bytes += c.bytes;
  }
  bytes += Math.ceil(nullable / 8);
  bytes += 6 + 7; // DB_TRX_ID, DB_ROLL_PTR
  return bytes;
}

/** Bytes available for records + directory on an index page of `pageBytes`. */
export function pageUsableBytes(pageBytes: number): number {
  const p = INNODB_PAGE;
  return pageBytes - p.filHeaderBytes - p.indexHeaderBytes - p.fsegHeaderBytes - p.infimumSupremumBytes - p.filTrailerBytes;
}

/** page_get_max_insert_size_after_reorganize(page, 1) for a page holding `nRecs` records of `recordBytes`. */
export function maxInsertBytes(pageBytes: number, recordBytes: number, nRecs: number): number {
  const dirReserved = Math.ceil((INNODB_PAGE.dirSlotBytes * (nRecs + 1)) / INNODB_PAGE.dirSlotMinOwned);
  return pageUsableBytes(pageBytes) - nRecs * recordBytes - dirReserved;
}

/** Page geometry derived from the row format: capacities in records. */
export interface LeafPageLayout {
  pageBytes: number;
  recordBytes: number;
  /** Most records a page can hold (any insert order). */
  maxRecords: number;
  /** Records a page holds when filled by sequential (ascending) inserts: 1/16 left free. */
  sequentialFillRecords: number;
  /** A page with fewer records than this (data size < page/2) is merged after a delete. */
  compressBelowRecords: number;
}

/**
 * Leaf page layout for fixed-size records.
 * @throws ParameterError for a non-power-of-two page size outside 4–64 KiB, or a page too
 *   small for one record (InnoDB needs at least two records per page to split).
 */
export function leafPageLayout(pageBytes: number, recordBytes: number): LeafPageLayout {
  requireInteger('pageBytes', pageBytes, 'bytes', 1);
  if (![4096, 8192, 16384, 32768, 65536].includes(pageBytes)) {
    throw new ParameterError('pageBytes', pageBytes, 'bytes', 'one of 4096, 8192, 16384, 32768, 65536 (innodb_page_size)');
  }
  requireInteger('recordBytes', recordBytes, 'bytes', 1);
  let maxRecords = 0;
  while (maxInsertBytes(pageBytes, recordBytes, maxRecords) >= recordBytes) maxRecords++;
  if (maxRecords < 2) {
    throw new ParameterError('recordBytes', recordBytes, 'bytes',
      `≤ ${Math.floor(maxInsertBytes(pageBytes, 0, 1) / 2)} bytes so that a ${pageBytes}-byte page holds at least 2 records`);
  }
  const reserve = pageBytes / 16; // dict_index_get_space_reserve()
  let seq = 0;
  while (seq < 2 || (reserve + recordBytes <= maxInsertBytes(pageBytes, recordBytes, seq) && seq < maxRecords)) seq++;
  const compressLimitBytes = pageBytes / 2; // BTR_CUR_PAGE_COMPRESS_LIMIT
  const compressBelowRecords = Math.ceil(compressLimitBytes / recordBytes);
  return { pageBytes, recordBytes, maxRecords, sequentialFillRecords: Math.min(seq, maxRecords), compressBelowRecords };
}
