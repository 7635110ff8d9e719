/**
 * The clustered index of a file-per-table tablespace, read from the file alone.
 *
 * How it is found (MariaDB 10.11; MariaDB KB "InnoDB Page Format"/"B-tree"): every INDEX page
 * carries PAGE_INDEX_ID and PAGE_LEVEL (0 = leaf). The clustered index is created before any
 * secondary index of the table (dict0crea.cc, row0mysql.cc: the first index of dict_table_t
 * is the clustered one), so it has the smallest index id in the file — unless the caller names
 * the id. Its root is the only page at its highest level. Each level is a doubly linked list
 * (FIL_PAGE_PREV/NEXT, btr0btr.cc btr_page_set_next/prev) in key order: the leftmost page has
 * no prev, and following FIL_PAGE_NEXT from it visits the level in key order. The walk checks
 * every link: a page that is free, of another type, another index or level, whose prev does not
 * point back, that is visited twice (a cycle) or a level whose list misses pages is an error.
 */
import { InnodbFormatError } from './innodb-format-error.js';
import { FIL_NULL, FIL_PAGE_INDEX, FIL_PAGE_TYPE_INSTANT, pageTypeName } from './innodb-page-format.js';
import { readInnodbTablespace, type InnodbReadOptions, type IbdTablespace } from './innodb-tablespace.js';

/** One page of the index: its number and PAGE_N_RECS. */
export interface InnodbIndexPage {
  pageNo: number;
  nRecs: number;
}

/** A leaf with its first key, read as a signed INT (meaningful when the first key column is INT NOT NULL). */
export interface InnodbLeaf extends InnodbIndexPage {
  firstKeyInt32: number;
}

export interface InnodbClusteredIndex {
  readonly file: string;
  readonly pageBytes: number;
  readonly indexId: number;
  readonly rootPage: number;
  /** Number of levels (1 = the root is a leaf). */
  readonly height: number;
  /** Pages per level in key order; levels[0] = leaves, levels[height-1] = [root]. */
  readonly levels: readonly (readonly InnodbIndexPage[])[];
  /** The leaves in key order (= levels[0]), with their first keys. */
  readonly leaves: readonly InnodbLeaf[];
  /** Every page of the index, all levels, by page number. */
  readonly pages: readonly InnodbIndexPage[];
}

export interface InnodbIndexOptions extends InnodbReadOptions {
  /** The index id to read (information_schema.INNODB_SYS_INDEXES.INDEX_ID). Default: the smallest in the file. */
  indexId?: number;
}

/**
 * Reads the clustered index's pages and leaf chain of a .ibd file (or of a tablespace already scanned).
 * @throws InnodbFormatError naming the file and page.
 */
export function readClusteredIndex(source: string | IbdTablespace, options: InnodbIndexOptions = {}): InnodbClusteredIndex {
  const ts = typeof source === 'string' ? readInnodbTablespace(source, options) : source;
  const file = ts.file;
  const indexPages = ts.indexPageNumbers().map((p) => ts.page(p));
  if (indexPages.length === 0) throw new InnodbFormatError(file, null, 'structure', 'no allocated INDEX page: not a table tablespace, or the table was not flushed');
  let indexId = options.indexId;
  if (indexId === undefined) {
    indexId = Math.min(...indexPages.map((p) => p.indexId));
  } else if (!indexPages.some((p) => p.indexId === indexId)) {
    throw new InnodbFormatError(file, null, 'structure', `no page of index id ${indexId} (ids here: ${[...new Set(indexPages.map((p) => p.indexId))].join(', ')})`);
  }
  const mine = indexPages.filter((p) => p.indexId === indexId);
  const height = Math.max(...mine.map((p) => p.level)) + 1;
  const byLevel: number[][] = Array.from({ length: height }, () => []);
  for (const p of mine) byLevel[p.level].push(p.pageNo);
  if (byLevel[height - 1].length !== 1) {
    throw new InnodbFormatError(file, byLevel[height - 1][1], 'structure', `index ${indexId} has ${byLevel[height - 1].length} pages at its top level ${height - 1}, not one root`);
  }
  const rootPage = byLevel[height - 1][0];
  const levels: InnodbIndexPage[][] = [];
  for (let level = 0; level < height; level++) {
    const members = byLevel[level];
    if (members.length === 0) throw new InnodbFormatError(file, rootPage, 'structure', `index ${indexId} has no page at level ${level}`);
    const leftmost = members.filter((p) => ts.page(p).prev === FIL_NULL);
    if (leftmost.length !== 1) {
      throw new InnodbFormatError(file, leftmost[1] ?? members[0], 'structure', `level ${level} of index ${indexId} has ${leftmost.length} pages without a previous page, not one`);
    }
    levels.push(walkLevel(ts, indexId, level, leftmost[0], members.length));
  }
  const pages = levels.flat().sort((a, b) => a.pageNo - b.pageNo);
  const leaves = levels[0].map((l) => ({ ...l, firstKeyInt32: ts.page(l.pageNo).firstKeyInt32 }));
  return { file, pageBytes: ts.pageBytes, indexId, rootPage, height, levels, leaves, pages };
}

function walkLevel(ts: IbdTablespace, indexId: number, level: number, start: number, expected: number): InnodbIndexPage[] {
  const file = ts.file;
  const seen = new Set<number>();
  const out: InnodbIndexPage[] = [];
  let from = FIL_NULL;
  let p = start;
  while (p !== FIL_NULL) {
    if (p >= ts.pageCount) throw new InnodbFormatError(file, from, 'structure', `FIL_PAGE_NEXT points to page ${p}, past the end of the file (${ts.pageCount} pages)`);
    if (seen.has(p)) throw new InnodbFormatError(file, from, 'cycle', `FIL_PAGE_NEXT points back to page ${p}: the level-${level} list has a cycle`);
    seen.add(p);
    const info = ts.page(p);
    if (info.checksum === 'zero') throw new InnodbFormatError(file, p, 'zeroed', `page in the level-${level} list of index ${indexId} is all zero`);
    if (info.type !== FIL_PAGE_INDEX && info.type !== FIL_PAGE_TYPE_INSTANT) {
      throw new InnodbFormatError(file, p, 'wrong-type', `expected an INDEX page in the level-${level} list (from page ${from}), found ${pageTypeName(info.type)}`);
    }
    if (!info.allocated) throw new InnodbFormatError(file, p, 'structure', `page in the level-${level} list is free according to the extent descriptors`);
    if (info.indexId !== indexId || info.level !== level) {
      throw new InnodbFormatError(file, p, 'structure', `page of index ${info.indexId} level ${info.level} in the list of index ${indexId} level ${level}`);
    }
    if (info.prev !== from) throw new InnodbFormatError(file, p, 'structure', `FIL_PAGE_PREV is ${info.prev === FIL_NULL ? 'none' : info.prev}, expected ${from === FIL_NULL ? 'none' : from}`);
    if (!info.recordsConsistent) throw new InnodbFormatError(file, p, 'structure', `the record list does not hold PAGE_N_RECS = ${info.nRecs} records`);
    out.push({ pageNo: p, nRecs: info.nRecs });
    from = p;
    p = info.next;
  }
  if (out.length !== expected) {
    throw new InnodbFormatError(file, start, 'structure', `the level-${level} list from page ${start} reaches ${out.length} of the ${expected} allocated pages of that level`);
  }
  return out;
}
