/**
 * A file-per-table InnoDB tablespace (.ibd) read once, page by page, read-only: every page's
 * checksum (innodb-checksum.ts), FIL page number and space id, page type, prev/next links, and
 * for INDEX pages the index id, level and record count (PAGE_N_RECS, checked against a walk of
 * the page's record list). Which pages are in use comes from the extent descriptors (XDES
 * entries on page 0 and on every XDES page, one per `pageBytes` pages; MariaDB 10.11
 * fsp0fsp.cc xdes_get_descriptor, xdes_is_free) and FSP_FREE_LIMIT: pages freed by merges stay
 * on disk with their old contents, so the descriptors, not the page contents, say what is live.
 *
 * Read the file after `FLUSH TABLES t FOR EXPORT` (then `UNLOCK TABLES`): only then is every
 * page of the table on disk. Memory is a few bytes per page; the file is streamed.
 */
import { closeSync } from 'node:fs';
import { checkPageChecksum, type InnodbChecksumResult } from './innodb-checksum.js';
import { openRegularFileReadOnly, readFully } from './innodb-file.js';
import { InnodbFormatError } from './innodb-format-error.js';
import {
  extentPages,
  FIL_PAGE_INDEX,
  FIL_PAGE_NEXT,
  FIL_PAGE_OFFSET,
  FIL_PAGE_PAGE_COMPRESSED,
  FIL_PAGE_PAGE_COMPRESSED_ENCRYPTED,
  FIL_PAGE_PREV,
  FIL_PAGE_SPACE_ID,
  FIL_PAGE_TYPE,
  FIL_PAGE_TYPE_INSTANT,
  FSP_FREE_LIMIT,
  FSP_HEADER_OFFSET,
  FSP_SIZE,
  FSP_SPACE_FLAGS,
  FSP_SPACE_ID,
  PAGE_HEADER,
  PAGE_INDEX_ID,
  PAGE_LEVEL,
  PAGE_N_RECS,
  u16,
  u32,
  u64,
  XDES_ARR_OFFSET,
  XDES_BITMAP,
  XDES_BITS_PER_PAGE,
  XDES_FREE_BIT,
  XDES_STATE,
  XDES_FREE,
  XDES_FSEG,
} from './innodb-page-format.js';
import { countPageRecords, firstRecordInt32 } from './innodb-records.js';
import { decodeSpaceFlags, type InnodbSpaceFlags } from './innodb-space-flags.js';

const CHECKSUM_CODES: readonly InnodbChecksumResult[] = ['full_crc32', 'crc32', 'innodb', 'none', 'zero', 'bad'];

/** One page as the scan saw it. */
export interface InnodbPageInfo {
  pageNo: number;
  /** FIL_PAGE_TYPE. */
  type: number;
  checksum: InnodbChecksumResult;
  /** In use according to the extent descriptors. */
  allocated: boolean;
  prev: number;
  next: number;
  /** INDEX pages only (else -1): PAGE_INDEX_ID, PAGE_LEVEL, PAGE_N_RECS. */
  indexId: number;
  level: number;
  nRecs: number;
  /** INDEX pages: whether the record list from infimum to supremum holds exactly nRecs records. */
  recordsConsistent: boolean;
  /** INDEX pages: the first record's first 4 bytes as a signed INT key (innodb-records.ts firstRecordInt32); NaN otherwise. */
  firstKeyInt32: number;
}

export interface IbdTablespace {
  readonly file: string;
  readonly fileBytes: number;
  readonly pageBytes: number;
  /** Pages in the file (fileBytes / pageBytes). */
  readonly pageCount: number;
  readonly spaceId: number;
  readonly flags: InnodbSpaceFlags;
  /** FSP_SIZE and FSP_FREE_LIMIT (pages). */
  readonly sizePages: number;
  readonly freeLimitPages: number;
  /** One page's information (0 ≤ pageNo < pageCount). */
  page(pageNo: number): InnodbPageInfo;
  /** Page numbers of allocated INDEX (and INSTANT root) pages. */
  indexPageNumbers(): number[];
}

export interface InnodbReadOptions {
  /** Fail on a page whose checksum does not match. Default true. */
  verifyChecksums?: boolean;
}

const INDEX_LIKE = (t: number): boolean => t === FIL_PAGE_INDEX || t === FIL_PAGE_TYPE_INSTANT;

/**
 * Scans a tablespace file.
 * @throws InnodbFormatError (naming the file and page) for a file that is not a regular file,
 *   is truncated, has a zeroed or unreadable page 0, a page whose checksum, page number or
 *   space id is wrong, or a format this reader does not handle (compressed pages).
 */
export function readInnodbTablespace(path: string, options: InnodbReadOptions = {}): IbdTablespace {
  const verify = options.verifyChecksums ?? true;
  const { fd, bytes } = openRegularFileReadOnly(path);
  try {
    return scan(path, fd, bytes, verify);
  } finally {
    closeSync(fd);
  }
}

function scan(path: string, fd: number, fileBytes: number, verify: boolean): IbdTablespace {
  if (fileBytes < XDES_ARR_OFFSET + 64) throw new InnodbFormatError(path, 0, 'truncated', `file of ${fileBytes} bytes is too short for page 0`);
  const head = new Uint8Array(XDES_ARR_OFFSET);
  readFully(path, fd, head, head.length, 0);
  if (head.every((b) => b === 0)) throw new InnodbFormatError(path, 0, 'zeroed', 'page 0 (FSP header) is all zero');
  const rawFlags = u32(head, FSP_HEADER_OFFSET + FSP_SPACE_FLAGS);
  const flags = decodeSpaceFlags(rawFlags);
  if (!flags) throw new InnodbFormatError(path, 0, 'structure', `FSP_SPACE_FLAGS 0x${rawFlags.toString(16)} hold no valid page size`);
  if (flags.zipBytes) throw new InnodbFormatError(path, 0, 'unsupported', `ROW_FORMAT=COMPRESSED (${flags.zipBytes}-byte pages) is not supported`);
  const pageBytes = flags.pageBytes;
  const pageCount = Math.floor(fileBytes / pageBytes);
  if (fileBytes % pageBytes !== 0) {
    throw new InnodbFormatError(path, pageCount, 'truncated', `file size ${fileBytes} is not a multiple of the ${pageBytes}-byte page size: page ${pageCount} is cut short`);
  }
  const spaceId = u32(head, FSP_HEADER_OFFSET + FSP_SPACE_ID);
  const sizePages = u32(head, FSP_HEADER_OFFSET + FSP_SIZE);
  const freeLimitPages = u32(head, FSP_HEADER_OFFSET + FSP_FREE_LIMIT);
  if (sizePages > pageCount) {
    throw new InnodbFormatError(path, pageCount, 'truncated', `FSP_SIZE is ${sizePages} pages but the file holds ${pageCount}: page ${pageCount} is missing`);
  }
  if (freeLimitPages > sizePages) throw new InnodbFormatError(path, 0, 'structure', `FSP_FREE_LIMIT ${freeLimitPages} exceeds FSP_SIZE ${sizePages}`);

  const type = new Uint16Array(pageCount);
  const check = new Uint8Array(pageCount);
  const allocated = new Uint8Array(pageCount);
  const prev = new Uint32Array(pageCount);
  const next = new Uint32Array(pageCount);
  const level = new Int32Array(pageCount).fill(-1);
  const nRecs = new Int32Array(pageCount).fill(-1);
  const indexId = new Float64Array(pageCount).fill(-1);
  const consistent = new Uint8Array(pageCount);
  const firstKey = new Float64Array(pageCount).fill(NaN);

  const perExtent = extentPages(pageBytes);
  const xdesBytes = XDES_BITMAP + Math.ceil((perExtent * XDES_BITS_PER_PAGE) / 8);
  const chunkPages = Math.max(1, Math.floor((1 << 20) / pageBytes));
  const chunk = new Uint8Array(chunkPages * pageBytes);
  for (let first = 0; first < pageCount; first += chunkPages) {
    const n = Math.min(chunkPages, pageCount - first);
    const got = readFully(path, fd, chunk, n * pageBytes, first * pageBytes);
    if (got < n * pageBytes) throw new InnodbFormatError(path, first + Math.floor(got / pageBytes), 'truncated', 'the file ended while it was read (it shrank?)');
    for (let k = 0; k < n; k++) {
      const p = first + k;
      const page = chunk.subarray(k * pageBytes, (k + 1) * pageBytes);
      const c = checkPageChecksum(page, flags.fullCrc32);
      check[p] = CHECKSUM_CODES.indexOf(c);
      if (c === 'bad' && verify) throw new InnodbFormatError(path, p, 'checksum', `checksum mismatch (${flags.fullCrc32 ? 'full_crc32' : 'crc32/innodb/none'} format)`);
      if (c === 'zero') {
        if (p === 0) throw new InnodbFormatError(path, 0, 'zeroed', 'page 0 (FSP header) is all zero');
        if (p % pageBytes === 0 && p < freeLimitPages) throw new InnodbFormatError(path, p, 'zeroed', 'extent descriptor (XDES) page is all zero');
        prev[p] = next[p] = 0xffffffff;
        continue;
      }
      const no = u32(page, FIL_PAGE_OFFSET);
      if (no !== p) throw new InnodbFormatError(path, p, 'page-number', `FIL_PAGE_OFFSET says page ${no}`);
      const sid = u32(page, FIL_PAGE_SPACE_ID);
      if (sid !== spaceId) throw new InnodbFormatError(path, p, 'space-id', `space id ${sid} differs from the tablespace's ${spaceId}`);
      const t = u16(page, FIL_PAGE_TYPE);
      type[p] = t;
      if (t === FIL_PAGE_PAGE_COMPRESSED || t === FIL_PAGE_PAGE_COMPRESSED_ENCRYPTED) {
        throw new InnodbFormatError(path, p, 'unsupported', 'page_compressed pages are not supported');
      }
      prev[p] = u32(page, FIL_PAGE_PREV);
      next[p] = u32(page, FIL_PAGE_NEXT);
      if (p % pageBytes === 0) {
        // An XDES page (page 0 is FSP_HDR + XDES): descriptors for the next pageBytes pages.
        const extents = pageBytes / perExtent;
        for (let e = 0; e < extents; e++) {
          const d = XDES_ARR_OFFSET + e * xdesBytes;
          const state = u32(page, d + XDES_STATE);
          const base = p + e * perExtent;
          if (state < XDES_FREE || state > XDES_FSEG) continue; // never initialised: all free
          for (let i = 0; i < perExtent && base + i < pageCount; i++) {
            const bit = i * XDES_BITS_PER_PAGE + XDES_FREE_BIT;
            const free = (page[d + XDES_BITMAP + (bit >>> 3)] >>> (bit & 7)) & 1;
            if (!free && base + i < freeLimitPages) allocated[base + i] = 1;
          }
        }
      }
      if (INDEX_LIKE(t)) {
        level[p] = u16(page, PAGE_HEADER + PAGE_LEVEL);
        nRecs[p] = u16(page, PAGE_HEADER + PAGE_N_RECS);
        indexId[p] = u64(page, PAGE_HEADER + PAGE_INDEX_ID);
        consistent[p] = countPageRecords(page) === nRecs[p] ? 1 : 0;
        firstKey[p] = firstRecordInt32(page);
      }
    }
  }
  const info = (p: number): InnodbPageInfo => ({
    pageNo: p,
    type: type[p],
    checksum: CHECKSUM_CODES[check[p]],
    allocated: allocated[p] === 1,
    prev: prev[p],
    next: next[p],
    indexId: indexId[p],
    level: level[p],
    nRecs: nRecs[p],
    recordsConsistent: consistent[p] === 1,
    firstKeyInt32: firstKey[p],
  });
  return {
    file: path,
    fileBytes,
    pageBytes,
    pageCount,
    spaceId,
    flags,
    sizePages,
    freeLimitPages,
    page: (p) => {
      if (!Number.isInteger(p) || p < 0 || p >= pageCount) throw new InnodbFormatError(path, null, 'structure', `page ${p} is outside the file (0..${pageCount - 1})`);
      return info(p);
    },
    indexPageNumbers: () => {
      const out: number[] = [];
      for (let p = 0; p < pageCount; p++) if (allocated[p] && INDEX_LIKE(type[p]) && check[p] !== CHECKSUM_CODES.indexOf('zero')) out.push(p);
      return out;
    },
  };
}
