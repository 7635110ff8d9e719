/**
 * FSP_SPACE_FLAGS of a tablespace (page 0, FSP header + 16), MariaDB 10.11 fsp0types.h.
 * Two layouts: innodb_checksum_algorithm=full_crc32 (MariaDB 10.4+, the default for new files)
 * sets the marker bit 4 and keeps the page size in bits 0..3; the older layout (shared with
 * MySQL) keeps POST_ANTELOPE at bit 0, ZIP_SSIZE in bits 1..4, ATOMIC_BLOBS at bit 5 and the
 * page size in bits 6..9, where 0 means 16 KiB. In both, a size code s means 512 << s bytes
 * (fil_space_t::logical_size).
 */
export interface InnodbSpaceFlags {
  raw: number;
  /** Pages carry one CRC-32C over the whole page in their last 4 bytes. */
  fullCrc32: boolean;
  pageBytes: number;
  /** ROW_FORMAT=COMPRESSED physical page size in bytes, 0 when not compressed. */
  zipBytes: number;
  /** PAGE_COMPRESSED (full_crc32: algorithm in bits 5..7; old layout: bit 16). */
  pageCompressed: boolean;
}

const FCRC32_MARKER = 1 << 4;

/** Decodes FSP_SPACE_FLAGS; null when the page-size code is not one InnoDB writes. */
export function decodeSpaceFlags(raw: number): InnodbSpaceFlags | null {
  if (raw & FCRC32_MARKER) {
    const ssize = raw & 0xf;
    if (ssize < 3 || ssize > 7) return null;
    return { raw, fullCrc32: true, pageBytes: 512 << ssize, zipBytes: 0, pageCompressed: ((raw >>> 5) & 7) !== 0 };
  }
  const ssize = (raw >>> 6) & 0xf;
  if (ssize !== 0 && (ssize < 3 || ssize > 7)) return null;
  const zssize = (raw >>> 1) & 0xf;
  if (zssize > 7) return null;
  return {
    raw,
    fullCrc32: false,
    pageBytes: ssize === 0 ? 16384 : 512 << ssize,
    zipBytes: zssize === 0 ? 0 : 512 << zssize,
    pageCompressed: ((raw >>> 16) & 1) !== 0,
  };
}
