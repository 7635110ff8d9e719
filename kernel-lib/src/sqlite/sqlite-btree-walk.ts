/**
 * Walks one SQLite b-tree from its root in key order and returns its layout: the physical page
 * numbers of its leaves in logical (key) order, its interior pages, and optionally its overflow
 * pages and each leaf's first key.
 *
 * Key order (fileformat2 §1.6): in an interior page, the subtree of cell i's left child holds
 * keys ≤ key(i) and the right-most pointer holds the rest, so visiting children in cell order
 * then the right-most child visits leaves in key order. Works for table b-trees (rowid tables)
 * and index b-trees (indexes and WITHOUT ROWID tables).
 *
 * Bounded work: every page is marked in a SqlitePageSet (a page reached twice is an error), the
 * depth is limited to 20 (SQLite's own BTCURSOR_MAX_DEPTH), and all leaves must lie at the same
 * depth, as in any SQLite b-tree. Memory: one page buffer and one child list per level, plus the
 * growing output arrays.
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';
import {
  cellOffset,
  newCellPayload,
  parseBtreePage,
  parseCell,
  type BtreePageHeader,
  type CellPayload,
} from './sqlite-btree-page.js';
import { SqlitePageSet } from './sqlite-page-set.js';
import { walkOverflowChain, readPayloadPrefix } from './sqlite-overflow.js';
import { firstColumnAsNumber } from './sqlite-record.js';
import { TypedList } from '../core/typed-list.js';

/** SQLite's maximum b-tree depth (btreeInt.h BTCURSOR_MAX_DEPTH). */
export const SQLITE_MAX_BTREE_DEPTH = 20;

export interface SqliteWalkOptions {
  /** Follow every cell's overflow chain and list the overflow pages (reads every leaf's cells). Default false. */
  overflow?: boolean;
  /** Record each leaf's first key: the rowid (table b-trees) or the first column if numeric (index b-trees), else NaN. Default false. */
  firstKeys?: boolean;
  /** Called for each leaf in key order with the page's bytes (valid only during the call). */
  onLeaf?: (page: number, buf: Uint8Array, header: BtreePageHeader) => void;
  /** Shared page set, to check that several b-trees of one file do not share pages. */
  seen?: SqlitePageSet;
}

export interface SqliteBtreeLayout {
  rootPage: number;
  /** 'table' = rowid table b-tree; 'index' = index b-tree (an index or a WITHOUT ROWID table). */
  btree: 'table' | 'index';
  /** Levels from root to leaves (1 = the root is a leaf). */
  depth: number;
  /** Physical page numbers of the leaves, in key order: leafPages[i] is leaf i of paper B's S. */
  leafPages: Uint32Array;
  /** Number of cells on each leaf. */
  leafCellCounts: Uint32Array;
  /** Interior pages, in the order visited (pre-order). */
  interiorPages: Uint32Array;
  /**
   * Number of cells on each interior page. In an index b-tree (and so in a WITHOUT ROWID table)
   * interior cells are entries too (SQLite's index b-trees are B-trees, not B+trees), so
   * rows = Σ leafCellCounts + Σ interiorCellCounts; in a table b-tree interior cells are only keys.
   */
  interiorCellCounts: Uint32Array;
  /**
   * Overflow pages, in key order of the cells owning them (only with `overflow: true`); each
   * chain in chain order. In an index b-tree an interior cell's key lies between its left
   * child's subtree and the next child's, so its chain comes after the left subtree's chains
   * (in-order), as dbstat's paths sort ('/000/…' before '/000+000000').
   */
  overflowPages: Uint32Array | null;
  /** First key of each leaf (only with `firstKeys: true`); NaN for an empty leaf or a non-numeric key. */
  firstKeys: Float64Array | null;
}

interface Level {
  children: Uint32Array;
  count: number;
  next: number;
  page: number;
  /** Per cell of an index interior page: first overflow page (0 = none), payload size, local bytes. */
  ovFirst: Uint32Array;
  ovPayload: Float64Array;
  ovLocal: Uint32Array;
}

/** Walks the b-tree rooted at `rootPage`. @throws SqliteFormatError */
export function walkSqliteBtree(file: SqliteFile, rootPage: number, opts: SqliteWalkOptions = {}): SqliteBtreeLayout {
  const seen = opts.seen ?? new SqlitePageSet(file);
  const buf = file.pageBuffer();
  const scratch = file.pageBuffer();
  const h = {} as BtreePageHeader;
  const cell: CellPayload = newCellPayload();
  const leaves = new TypedList(Uint32Array);
  const counts = new TypedList(Uint32Array);
  const interior = new TypedList(Uint32Array);
  const interiorCells = new TypedList(Uint32Array);
  const overflow = opts.overflow ? new TypedList(Uint32Array) : null;
  const keys = opts.firstKeys ? new TypedList(Float64Array) : null;
  const onOverflow = overflow ? (p: number) => overflow.push(p) : null;
  const levels: Level[] = [];
  let leafDepth = 0;
  let rootIsTable = true;
  const ovCell: CellPayload = newCellPayload();
  const emitInteriorOverflow = (level: Level, i: number): void => {
    if (!onOverflow || level.ovFirst[i] === 0) return;
    ovCell.overflowPage = level.ovFirst[i];
    ovCell.payloadBytes = level.ovPayload[i];
    ovCell.localBytes = level.ovLocal[i];
    walkOverflowChain(file, level.page, ovCell, seen, scratch, onOverflow);
  };

  // Visit one page at the given depth: emit it (leaf) or push its children (interior).
  const visit = (page: number, from: number | null, depth: number): void => {
    seen.mark(page, from, from === null ? 'root page' : 'child pointer');
    file.readPage(page, buf);
    parseBtreePage(file, page, buf, h);
    if (from === null) {
      rootIsTable = h.isTable;
      // btree.c moveToRoot: an interior root without cells is corrupt, except page 1.
      if (!h.isLeaf && h.cellCount === 0 && page !== 1) {
        throw new SqliteFormatError(file.path, page, 'interior root page with 0 cells (only page 1 may be one): SQLite reports the database as corrupt');
      }
    } else if (h.cellCount < 1) {
      // btree.c getAndInitPage: a child page reached by a cursor must hold at least one cell.
      throw new SqliteFormatError(file.path, page, `${h.isLeaf ? 'leaf' : 'interior'} page with 0 cells below the root (parent page ${from}): SQLite reports the database as corrupt`);
    } else if (h.isTable !== rootIsTable) {
      throw new SqliteFormatError(file.path, page, `page type ${h.type} is a ${h.isTable ? 'table' : 'index'} b-tree page inside a ${rootIsTable ? 'table' : 'index'} b-tree (parent page ${from})`);
    }
    if (h.isLeaf) {
      if (leafDepth === 0) leafDepth = depth;
      else if (depth !== leafDepth) {
        throw new SqliteFormatError(file.path, page, `leaf at depth ${depth} but earlier leaves are at depth ${leafDepth}: the b-tree is not balanced`);
      }
      leaves.push(page);
      counts.push(h.cellCount);
      if (keys) {
        let key = NaN;
        if (h.cellCount > 0) {
          parseCell(file, h, buf, cellOffset(file, h, buf, 0), cell);
          if (h.isTable) key = cell.rowid;
          else key = firstColumnAsNumber(file, page, readPayloadPrefix(file, page, buf, cell, 32, scratch));
        }
        keys.push(key);
      }
      if (onOverflow) {
        for (let i = 0; i < h.cellCount; i++) {
          parseCell(file, h, buf, cellOffset(file, h, buf, i), cell);
          if (cell.overflowPage !== 0) walkOverflowChain(file, page, cell, seen, scratch, onOverflow);
        }
      }
      if (opts.onLeaf) opts.onLeaf(page, buf, h);
      return;
    }
    if (depth >= SQLITE_MAX_BTREE_DEPTH) {
      throw new SqliteFormatError(file.path, page, `b-tree deeper than ${SQLITE_MAX_BTREE_DEPTH} levels (SQLite's maximum): corrupt child pointers`);
    }
    interior.push(page);
    interiorCells.push(h.cellCount);
    let level = levels[depth - 1];
    const need = h.cellCount + 1;
    if (!level) {
      const n = Math.max(need, 16);
      level = { children: new Uint32Array(n), count: 0, next: 0, page, ovFirst: new Uint32Array(n), ovPayload: new Float64Array(n), ovLocal: new Uint32Array(n) };
      levels[depth - 1] = level;
    } else if (level.children.length < need) {
      level.children = new Uint32Array(need);
      level.ovFirst = new Uint32Array(need);
      level.ovPayload = new Float64Array(need);
      level.ovLocal = new Uint32Array(need);
    }
    for (let i = 0; i < h.cellCount; i++) {
      parseCell(file, h, buf, cellOffset(file, h, buf, i), cell);
      level.children[i] = cell.leftChild;
      // Index interior cells carry payloads too; their overflow pages belong to this b-tree and
      // are listed after the cell's left subtree (key order), see emitInteriorOverflow.
      level.ovFirst[i] = cell.overflowPage;
      level.ovPayload[i] = cell.payloadBytes;
      level.ovLocal[i] = cell.localBytes;
    }
    level.children[h.cellCount] = h.rightChild;
    level.count = need;
    level.next = 0;
    level.page = page;
  };

  // An empty (0-byte) database has no page 1: its schema b-tree is empty, as SQLite shows it.
  if (file.pageCount === 0 && rootPage === 1) {
    const none = new Uint32Array(0);
    return { rootPage, btree: 'table', depth: 0, leafPages: none, leafCellCounts: none, interiorPages: none, interiorCellCounts: none, overflowPages: opts.overflow ? none : null, firstKeys: opts.firstKeys ? new Float64Array(0) : null };
  }
  visit(rootPage, null, 1);
  // Explicit stack of levels: levels[d] is the interior page at depth d+1 being visited.
  let top = h.isLeaf ? -1 : 0;
  while (top >= 0) {
    const level = levels[top];
    if (level.next >= level.count) {
      top--;
      continue;
    }
    const k = level.next++;
    // Child k−1's subtree is done: cell k−1's key (and its overflow chain) comes next.
    if (k > 0) emitInteriorOverflow(level, k - 1);
    const child = level.children[k];
    visit(child, level.page, top + 2);
    if (!h.isLeaf) top++;
  }

  return {
    rootPage,
    btree: rootIsTable ? 'table' : 'index',
    depth: leafDepth,
    leafPages: leaves.toArray(),
    leafCellCounts: counts.toArray(),
    interiorPages: interior.toArray(),
    interiorCellCounts: interiorCells.toArray(),
    overflowPages: overflow ? overflow.toArray() : null,
    firstKeys: keys ? keys.toArray() : null,
  };
}
