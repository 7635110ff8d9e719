/**
 * The 100-byte database header at the start of an SQLite file (fileformat2 §1.3).
 * Only the fields the layout reader needs are decoded; every one is checked against the
 * ranges the format document allows.
 */
import { SqliteFormatError } from './sqlite-format-error.js';

/** "SQLite format 3\0" (fileformat2 §1.3.1). */
export const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** Size of the database header on page 1 (fileformat2 §1.3). */
export const SQLITE_HEADER_BYTES = 100;

export type SqliteTextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface SqliteHeader {
  /** Page size in bytes, 512–65536, a power of two (offset 16; the value 1 means 65536). */
  pageBytes: number;
  /** Bytes reserved at the end of each page (offset 20). */
  reservedBytes: number;
  /** Usable bytes per page U = pageBytes − reservedBytes (≥ 480, fileformat2 §1.3.4). */
  usableBytes: number;
  /** 1 = rollback journal, 2 = WAL (offsets 18/19). */
  writeVersion: number;
  readVersion: number;
  /** In-header database size in pages (offset 28); valid only if `headerPageCountValid`. */
  headerPageCount: number;
  /** True when the in-header size is non-zero and the change counter (24) equals the version-valid-for number (92), fileformat2 §1.3.7. */
  headerPageCountValid: boolean;
  /** First freelist trunk page (offset 32), 0 if none. */
  firstFreelistTrunk: number;
  /** Total number of freelist pages (offset 36). */
  freelistPageCount: number;
  /** Schema format number 1–4 (offset 44). */
  schemaFormat: number;
  /** Largest root page in auto-vacuum mode, else 0 (offset 52). */
  autoVacuumLargestRoot: number;
  /** Text encoding (offset 56): 1 UTF-8, 2 UTF-16le, 3 UTF-16be. */
  textEncoding: SqliteTextEncoding;
}

/**
 * Parses and checks the header from the first 100 bytes of the file.
 * @throws SqliteFormatError (page 1) for a short header, wrong magic, or a field out of range.
 */
export function parseSqliteHeader(file: string, bytes: Uint8Array): SqliteHeader {
  const fail = (reason: string): never => {
    throw new SqliteFormatError(file, 1, reason);
  };
  if (bytes.length < SQLITE_HEADER_BYTES) {
    fail(`file is ${bytes.length} bytes, shorter than the ${SQLITE_HEADER_BYTES}-byte SQLite header: truncated or not an SQLite file`);
  }
  for (let i = 0; i < SQLITE_MAGIC.length; i++) {
    if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) fail('not an SQLite database: the header string "SQLite format 3\\0" is missing');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageBytes = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageBytes < 512 || pageBytes > 65536 || (pageBytes & (pageBytes - 1)) !== 0) {
    fail(`page size field (offset 16) = ${rawPageSize}: must be a power of two in 512–32768, or 1 for 65536`);
  }
  const writeVersion = bytes[18];
  const readVersion = bytes[19];
  if (readVersion < 1 || readVersion > 2) fail(`file format read version (offset 19) = ${readVersion}: this reader knows 1 (rollback) and 2 (WAL)`);
  const reservedBytes = bytes[20];
  const usableBytes = pageBytes - reservedBytes;
  if (usableBytes < 480) fail(`usable page size ${usableBytes} bytes (page ${pageBytes} − reserved ${reservedBytes}) is below the minimum 480`);
  if (bytes[21] !== 64 || bytes[22] !== 32 || bytes[23] !== 32) {
    fail(`payload fractions (offsets 21–23) = ${bytes[21]}, ${bytes[22]}, ${bytes[23]}: must be 64, 32, 32`);
  }
  const changeCounter = view.getUint32(24);
  const headerPageCount = view.getUint32(28);
  const versionValidFor = view.getUint32(92);
  const schemaFormat = view.getUint32(44);
  // A brand-new empty database has schema format 0 (fileformat2 §1.3.10 allows 1–4 once written).
  if (schemaFormat > 4) fail(`schema format number (offset 44) = ${schemaFormat}: must be 0–4`);
  const enc = view.getUint32(56);
  let textEncoding: SqliteTextEncoding = 'utf8';
  if (enc === 2) textEncoding = 'utf16le';
  else if (enc === 3) textEncoding = 'utf16be';
  else if (enc !== 1 && enc !== 0) fail(`text encoding (offset 56) = ${enc}: must be 1 (UTF-8), 2 (UTF-16le) or 3 (UTF-16be)`);
  return {
    pageBytes,
    reservedBytes,
    usableBytes,
    writeVersion,
    readVersion,
    headerPageCount,
    headerPageCountValid: headerPageCount > 0 && changeCounter === versionValidFor,
    firstFreelistTrunk: view.getUint32(32),
    freelistPageCount: view.getUint32(36),
    schemaFormat,
    autoVacuumLargestRoot: view.getUint32(52),
    textEncoding,
  };
}

/** SQLite's default page size for a new database (SQLITE_DEFAULT_PAGE_SIZE, 4096 since 3.12.0). */
export const SQLITE_DEFAULT_PAGE_BYTES = 4096;

/**
 * The header SQLite assumes for a 0-byte file: an empty database of 0 pages with no schema
 * rows (the pager reports 0 pages; btree.c newDatabase writes page 1 only on the first write,
 * and `sqlite3 empty.db "SELECT count(*) FROM sqlite_schema"` answers 0).
 */
export function emptySqliteHeader(): SqliteHeader {
  return {
    pageBytes: SQLITE_DEFAULT_PAGE_BYTES,
    reservedBytes: 0,
    usableBytes: SQLITE_DEFAULT_PAGE_BYTES,
    writeVersion: 1,
    readVersion: 1,
    headerPageCount: 0,
    headerPageCountValid: false,
    firstFreelistTrunk: 0,
    freelistPageCount: 0,
    schemaFormat: 0,
    autoVacuumLargestRoot: 0,
    textEncoding: 'utf8',
  };
}
