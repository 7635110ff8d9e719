/**
 * Byte offsets and codes of InnoDB's page format, from MariaDB 10.11 storage/innobase/include:
 * fil0fil.h (FIL header and trailer, page types), fsp0fsp.h / fsp0types.h (FSP header, extent
 * descriptors, FSP_SPACE_FLAGS), page0page.h / page0types.h (INDEX page header, infimum and
 * supremum), rem0rec.h (record headers). All multi-byte fields are big-endian.
 */

/** FIL header (fil0fil.h). */
export const FIL_PAGE_SPACE_OR_CHKSUM = 0;
export const FIL_PAGE_OFFSET = 4;
export const FIL_PAGE_PREV = 8;
export const FIL_PAGE_NEXT = 12;
export const FIL_PAGE_LSN = 16;
export const FIL_PAGE_TYPE = 24;
export const FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION = 26;
export const FIL_PAGE_SPACE_ID = 34;
export const FIL_PAGE_DATA = 38;
/** Trailer of the pre-full_crc32 formats: old checksum, then the low 4 bytes of the LSN. */
export const FIL_PAGE_END_LSN_OLD_CHKSUM = 8;
/** full_crc32 trailer: low 4 bytes of the LSN at size-8, CRC-32C at size-4. */
export const FIL_PAGE_FCRC32_END_LSN = 8;
export const FIL_PAGE_FCRC32_CHECKSUM = 4;
/** "No page" in prev/next links. */
export const FIL_NULL = 0xffffffff;
/** Written in both checksum fields by innodb_checksum_algorithm=none (buf0checksum.h). */
export const BUF_NO_CHECKSUM_MAGIC = 0xdeadbeef;

/** Page types (fil0fil.h). */
export const FIL_PAGE_INDEX = 17855;
export const FIL_PAGE_RTREE = 17854;
/** The clustered index root after instant ALTER TABLE (MariaDB 10.3+). */
export const FIL_PAGE_TYPE_INSTANT = 18;
export const FIL_PAGE_PAGE_COMPRESSED = 34354;
export const FIL_PAGE_PAGE_COMPRESSED_ENCRYPTED = 37401;

export const PAGE_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'ALLOCATED',
  2: 'UNDO_LOG',
  3: 'INODE',
  4: 'IBUF_FREE_LIST',
  5: 'IBUF_BITMAP',
  6: 'SYS',
  7: 'TRX_SYS',
  8: 'FSP_HDR',
  9: 'XDES',
  10: 'BLOB',
  11: 'ZBLOB',
  12: 'ZBLOB2',
  13: 'UNKNOWN',
  18: 'INSTANT',
  [FIL_PAGE_RTREE]: 'RTREE',
  [FIL_PAGE_INDEX]: 'INDEX',
  [FIL_PAGE_PAGE_COMPRESSED]: 'PAGE_COMPRESSED',
  [FIL_PAGE_PAGE_COMPRESSED_ENCRYPTED]: 'PAGE_COMPRESSED_ENCRYPTED',
};

/** FSP header on page 0, at FIL_PAGE_DATA (fsp0fsp.h). */
export const FSP_HEADER_OFFSET = FIL_PAGE_DATA;
export const FSP_SPACE_ID = 0;
export const FSP_SIZE = 8;
export const FSP_FREE_LIMIT = 12;
export const FSP_SPACE_FLAGS = 16;
export const FSP_HEADER_SIZE = 112;
/** Extent descriptors follow the FSP header on page 0 and every XDES page (XDES_ARR_OFFSET). */
export const XDES_ARR_OFFSET = FSP_HEADER_OFFSET + FSP_HEADER_SIZE;
export const XDES_STATE = 20;
export const XDES_BITMAP = 24;
/** Bit 0 of each page's 2-bit pair: the page is free (xdes_is_free, fsp0fsp.h). */
export const XDES_FREE_BIT = 0;
export const XDES_BITS_PER_PAGE = 2;
/** XDES_STATE values. 0 means the descriptor was never initialised (beyond FSP_FREE_LIMIT). */
export const XDES_FREE = 1;
export const XDES_FREE_FRAG = 2;
export const XDES_FULL_FRAG = 3;
export const XDES_FSEG = 4;

/** INDEX page header at FIL_PAGE_DATA (page0page.h). */
export const PAGE_HEADER = FIL_PAGE_DATA;
export const PAGE_N_HEAP = 4;
export const PAGE_N_RECS = 16;
export const PAGE_LEVEL = 26;
export const PAGE_INDEX_ID = 28;
/** Segment headers (leaf, non-leaf) follow; only the root's are set. */
export const PAGE_BTR_SEG_LEAF = 36;
export const PAGE_DATA = PAGE_HEADER + 36 + 2 * 10;
/** Compact-format infimum / supremum record origins (PAGE_NEW_INFIMUM / SUPREMUM). */
export const PAGE_NEW_INFIMUM = PAGE_DATA + 5;
export const PAGE_NEW_SUPREMUM = PAGE_DATA + 2 * 5 + 8;
/** Redundant-format (ROW_FORMAT=REDUNDANT) origins (PAGE_OLD_INFIMUM / SUPREMUM). */
export const PAGE_OLD_INFIMUM = PAGE_DATA + 1 + 6;
export const PAGE_OLD_SUPREMUM = PAGE_DATA + 2 + 2 * 6 + 8;

/** Supported page sizes: 4, 8, 16, 32, 64 KiB (univ.i UNIV_PAGE_SIZE_MIN..MAX). */
export const INNODB_PAGE_SIZES = [4096, 8192, 16384, 32768, 65536] as const;

/** Pages per extent: 1 MiB for pages up to 16 KiB, 64 pages above (fsp0types.h FSP_EXTENT_SIZE). */
export function extentPages(pageBytes: number): number {
  return pageBytes <= 16384 ? 1048576 / pageBytes : 64;
}

export function u16(b: Uint8Array, o: number): number {
  return (b[o] << 8) | b[o + 1];
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}

/** An 8-byte big-endian unsigned integer as a number (exact below 2^53). */
export function u64(b: Uint8Array, o: number): number {
  return u32(b, o) * 4294967296 + u32(b, o + 4);
}

export function pageTypeName(type: number): string {
  return PAGE_TYPE_NAMES[type] ?? `type ${type}`;
}
