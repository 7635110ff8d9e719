/**
 * One B-tree page (fileformat2 §1.6 "B-tree Pages"): the 8-byte (leaf) or 12-byte (interior)
 * page header, the cell pointer array, and the cells' child pointers and payload sizes.
 *
 * Page types (header byte 0): 2 interior index, 5 interior table, 10 leaf index, 13 leaf table.
 * Page 1's b-tree header starts after the 100-byte database header.
 * Every offset read from the page is bounds-checked against the usable size U, so a corrupt
 * page gives a SqliteFormatError naming the page, never a read outside the buffer.
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';
import { readVarint, type VarintOut } from './sqlite-varint.js';

export const SQLITE_INDEX_INTERIOR = 2;
export const SQLITE_TABLE_INTERIOR = 5;
export const SQLITE_INDEX_LEAF = 10;
export const SQLITE_TABLE_LEAF = 13;

export interface BtreePageHeader {
  page: number;
  /** Page type byte: 2, 5, 10 or 13. */
  type: number;
  isLeaf: boolean;
  /** True for table b-trees (rowid keys), false for index b-trees (also WITHOUT ROWID tables). */
  isTable: boolean;
  cellCount: number;
  /** Offset of the cell pointer array in the page. */
  cellPointerOffset: number;
  /** Right-most child page (interior pages only, else 0). */
  rightChild: number;
}

/** Parses and checks the b-tree page header of `page` held in `buf`. */
export function parseBtreePage(file: SqliteFile, page: number, buf: Uint8Array, out?: BtreePageHeader): BtreePageHeader {
  const U = file.header.usableBytes;
  const base = page === 1 ? 100 : 0;
  const type = buf[base];
  if (type !== SQLITE_INDEX_INTERIOR && type !== SQLITE_TABLE_INTERIOR && type !== SQLITE_INDEX_LEAF && type !== SQLITE_TABLE_LEAF) {
    throw new SqliteFormatError(file.path, page, `not a b-tree page: page type byte is ${type} (valid: 2, 5, 10, 13)`);
  }
  const isLeaf = type === SQLITE_INDEX_LEAF || type === SQLITE_TABLE_LEAF;
  const cellCount = (buf[base + 3] << 8) | buf[base + 4];
  const cellPointerOffset = base + (isLeaf ? 8 : 12);
  // btree.c btreeInitPage: more cells than MX_CELL = (pageSize − 8)/6 (a 4-byte cell + its 2-byte pointer) is corrupt.
  const maxCells = Math.floor((file.header.pageBytes - 8) / 6);
  if (cellCount > maxCells) {
    throw new SqliteFormatError(file.path, page, `cell count ${cellCount} is more than SQLite's maximum of ${maxCells} cells on a ${file.header.pageBytes}-byte page`);
  }
  if (cellPointerOffset + 2 * cellCount > U) {
    throw new SqliteFormatError(file.path, page, `cell count ${cellCount} does not fit in the ${U}-byte usable page`);
  }
  const rightChild = isLeaf ? 0 : ((buf[base + 8] << 24) >>> 0) + (buf[base + 9] << 16) + (buf[base + 10] << 8) + buf[base + 11];
  const h = out ?? ({} as BtreePageHeader);
  h.page = page;
  h.type = type;
  h.isLeaf = isLeaf;
  h.isTable = type === SQLITE_TABLE_INTERIOR || type === SQLITE_TABLE_LEAF;
  h.cellCount = cellCount;
  h.cellPointerOffset = cellPointerOffset;
  h.rightChild = rightChild;
  return h;
}

/** Offset of cell `i` in the page, checked to lie in the cell content area. */
export function cellOffset(file: SqliteFile, h: BtreePageHeader, buf: Uint8Array, i: number): number {
  const at = h.cellPointerOffset + 2 * i;
  const off = (buf[at] << 8) | buf[at + 1];
  const U = file.header.usableBytes;
  if (off < h.cellPointerOffset + 2 * h.cellCount || off >= U) {
    throw new SqliteFormatError(file.path, h.page, `cell ${i} starts at offset ${off}, outside the cell content area (${h.cellPointerOffset + 2 * h.cellCount}..${U - 1})`);
  }
  return off;
}

/** The 4-byte big-endian integer at `off`. */
export function readU32(buf: Uint8Array, off: number): number {
  return ((buf[off] << 24) >>> 0) + (buf[off + 1] << 16) + (buf[off + 2] << 8) + buf[off + 3];
}

/**
 * Bytes of a payload of `payloadBytes` stored on the b-tree page itself (fileformat2 §1.6,
 * "overflow" rule): X = U−35 for table leaves, ((U−12)·64/255)−23 for index pages;
 * M = ((U−12)·32/255)−23; K = M + ((P−M) mod (U−4)); local = P if P ≤ X, else K if K ≤ X, else M.
 */
export function localPayloadBytes(payloadBytes: number, usableBytes: number, tableLeaf: boolean): number {
  const U = usableBytes;
  const X = tableLeaf ? U - 35 : Math.floor(((U - 12) * 64) / 255) - 23;
  if (payloadBytes <= X) return payloadBytes;
  const M = Math.floor(((U - 12) * 32) / 255) - 23;
  const K = M + ((payloadBytes - M) % (U - 4));
  return K <= X ? K : M;
}

/** Where a cell's payload lies. Table interior cells have none (payloadBytes = 0). */
export interface CellPayload {
  /** Left child page (interior cells), else 0. */
  leftChild: number;
  /** The rowid (table cells), else 0. */
  rowid: number;
  /** Total payload size P. */
  payloadBytes: number;
  /** Bytes of the payload stored on this page. */
  localBytes: number;
  /** Offset of the local payload in the page. */
  localOffset: number;
  /** First overflow page, 0 if the payload fits on the page. */
  overflowPage: number;
}

const scratch: VarintOut = { value: 0, bytes: 0 };

/** Decodes the cell at `off` (fileformat2 §1.6, the four cell formats). */
export function parseCell(file: SqliteFile, h: BtreePageHeader, buf: Uint8Array, off: number, out: CellPayload): CellPayload {
  const U = file.header.usableBytes;
  const bad = (what: string): never => {
    throw new SqliteFormatError(file.path, h.page, `cell at offset ${off}: ${what}`);
  };
  let p = off;
  out.leftChild = 0;
  out.rowid = 0;
  out.payloadBytes = 0;
  out.localBytes = 0;
  out.localOffset = 0;
  out.overflowPage = 0;
  if (!h.isLeaf) {
    if (p + 4 > U) bad('child pointer runs past the end of the page');
    out.leftChild = readU32(buf, p);
    p += 4;
  }
  if (h.type === SQLITE_TABLE_INTERIOR) {
    if (!readVarint(buf, p, U, scratch)) bad('rowid varint runs past the end of the page');
    out.rowid = scratch.value;
    return out;
  }
  if (!readVarint(buf, p, U, scratch)) bad('payload size varint runs past the end of the page');
  const P = scratch.value;
  p += scratch.bytes;
  if (h.type === SQLITE_TABLE_LEAF) {
    if (!readVarint(buf, p, U, scratch)) bad('rowid varint runs past the end of the page');
    out.rowid = scratch.value;
    p += scratch.bytes;
  }
  // A payload cannot be larger than the whole file can hold.
  if (P > file.pageCount * U) bad(`payload size ${P} bytes exceeds what ${file.pageCount} pages can hold`);
  const local = localPayloadBytes(P, U, h.type === SQLITE_TABLE_LEAF);
  const end = p + local + (local < P ? 4 : 0);
  if (end > U) bad(`payload of ${P} bytes (${local} on the page) runs past the end of the ${U}-byte usable page`);
  out.payloadBytes = P;
  out.localBytes = local;
  out.localOffset = p;
  out.overflowPage = local < P ? readU32(buf, p + local) : 0;
  return out;
}

/** A fresh CellPayload record to reuse across calls. */
export function newCellPayload(): CellPayload {
  return { leftChild: 0, rowid: 0, payloadBytes: 0, localBytes: 0, localOffset: 0, overflowPage: 0 };
}
