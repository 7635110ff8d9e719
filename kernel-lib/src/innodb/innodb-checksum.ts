/**
 * Page checksums as MariaDB 10.11 validates them on read (buf0buf.cc buf_page_is_corrupted,
 * buf0checksum.cc). For full_crc32 tablespaces: CRC-32C of bytes [0, size-4) stored in the last
 * 4 bytes, and the low 4 LSN bytes repeated at size-8. For the older formats (innodb_checksum_
 * algorithm crc32, innodb, none): the LSN's low 4 bytes repeated at size-4, and the two checksum
 * fields (offset 0 and size-8) matching one of
 *  - crc32: CRC-32C(bytes 4..26) XOR CRC-32C(bytes 38..size-8) in both fields;
 *  - innodb: ut_fold_binary(4..26) + ut_fold_binary(38..size-8) in field 1 and
 *    ut_fold_binary(0..26) in field 2 (the pre-4.0.14 formula);
 *  - none: 0xDEADBEEF in both.
 * An all-zero page is not corrupt (a page never written). This reader does not handle
 * ROW_FORMAT=COMPRESSED or page_compressed pages: it reports them as unsupported.
 */
import { crc32c } from './crc32c.js';
import {
  BUF_NO_CHECKSUM_MAGIC,
  FIL_PAGE_DATA,
  FIL_PAGE_END_LSN_OLD_CHKSUM,
  FIL_PAGE_FCRC32_CHECKSUM,
  FIL_PAGE_FCRC32_END_LSN,
  FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION,
  FIL_PAGE_LSN,
  FIL_PAGE_OFFSET,
  FIL_PAGE_SPACE_OR_CHKSUM,
  u32,
} from './innodb-page-format.js';

/** How a page's checksum came out: the algorithm that matched, 'zero' for an all-zero page, or 'bad'. */
export type InnodbChecksumResult = 'full_crc32' | 'crc32' | 'innodb' | 'none' | 'zero' | 'bad';

/** ut_fold_ulint_pair / ut_fold_binary (ut0rnd.h) modulo 2^32, which is all the checksum keeps. */
const MASK = 1463735687;
const MASK2 = 1653893711;
function foldBinary(b: Uint8Array, start: number, end: number): number {
  let fold = 0;
  for (let i = start; i < end; i++) {
    const n2 = b[i];
    fold = (((((((fold ^ n2 ^ MASK2) << 8) >>> 0) + fold) >>> 0) ^ MASK) >>> 0) + n2;
    fold >>>= 0;
  }
  return fold;
}

/** The crc32 algorithm's page checksum (buf_calc_page_crc32). */
export function pageCrc32Legacy(page: Uint8Array): number {
  const size = page.length;
  return (crc32c(page, FIL_PAGE_OFFSET, FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION) ^ crc32c(page, FIL_PAGE_DATA, size - FIL_PAGE_END_LSN_OLD_CHKSUM)) >>> 0;
}

/** The innodb algorithm's new-formula checksum (buf_calc_page_new_checksum). */
export function pageInnodbNewChecksum(page: Uint8Array): number {
  const size = page.length;
  return (foldBinary(page, FIL_PAGE_OFFSET, FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION) + foldBinary(page, FIL_PAGE_DATA, size - FIL_PAGE_END_LSN_OLD_CHKSUM)) >>> 0;
}

/** The innodb algorithm's old-formula checksum (buf_calc_page_old_checksum). */
export function pageInnodbOldChecksum(page: Uint8Array): number {
  return foldBinary(page, 0, FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION);
}

/** The full_crc32 checksum (my_crc32c over all but the last 4 bytes). */
export function pageFullCrc32(page: Uint8Array): number {
  return crc32c(page, 0, page.length - FIL_PAGE_FCRC32_CHECKSUM);
}

function allZero(page: Uint8Array, skipFrom = -1, skipTo = -1): boolean {
  for (let i = 0; i < page.length; i++) {
    if (i === skipFrom) i = skipTo;
    if (page[i] !== 0) return false;
  }
  return true;
}

/** Checks one uncompressed page (its length is the page size) as buf_page_is_corrupted does. */
export function checkPageChecksum(page: Uint8Array, fullCrc32: boolean): InnodbChecksumResult {
  const size = page.length;
  if (fullCrc32) {
    const stored = u32(page, size - FIL_PAGE_FCRC32_CHECKSUM);
    if (stored === 0 && allZero(page)) return 'zero';
    if (stored !== pageFullCrc32(page)) return 'bad';
    // Unencrypted pages (key version 0 at offset 0) repeat the LSN's low 4 bytes at size-8.
    if (u32(page, 0) === 0 && u32(page, FIL_PAGE_LSN + 4) !== u32(page, size - FIL_PAGE_FCRC32_END_LSN)) return 'bad';
    return 'full_crc32';
  }
  if (u32(page, FIL_PAGE_LSN + 4) !== u32(page, size - FIL_PAGE_END_LSN_OLD_CHKSUM + 4)) return 'bad';
  const field1 = u32(page, FIL_PAGE_SPACE_OR_CHKSUM);
  const field2 = u32(page, size - FIL_PAGE_END_LSN_OLD_CHKSUM);
  if (field1 === 0 && field2 === 0 && allZero(page, FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION, FIL_PAGE_FILE_FLUSH_LSN_OR_KEY_VERSION + 8)) return 'zero';
  if (field1 === BUF_NO_CHECKSUM_MAGIC && field2 === BUF_NO_CHECKSUM_MAGIC) return 'none';
  const crc = pageCrc32Legacy(page);
  if (field1 === crc && field2 === crc) return 'crc32';
  // The non-strict path of buf_page_is_corrupted: either formula may match each field.
  const oldOk = field2 === u32(page, FIL_PAGE_LSN) || field2 === BUF_NO_CHECKSUM_MAGIC || field2 === pageInnodbOldChecksum(page);
  const newOk = field1 === 0 || field1 === BUF_NO_CHECKSUM_MAGIC || field1 === pageInnodbNewChecksum(page);
  return oldOk && newOk ? 'innodb' : 'bad';
}
