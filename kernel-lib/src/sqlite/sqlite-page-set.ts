/**
 * The set of pages already reached while following pointers through a file. Each page of an
 * SQLite database belongs to exactly one structure (a b-tree, an overflow chain, the freelist),
 * so reaching a page twice means a cycle or cross-linked pages. Marking pages here bounds every
 * walk by the file's page count: a corrupt file cannot make the reader loop.
 *
 * Memory grows with the pages actually reached, not with the page count the file claims: the
 * set is kept in chunks of 64 Ki pages allocated on first use, so a (sparse) file of 2^32 pages
 * costs nothing until its pages are visited.
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';

/** What reached a page first, for the message when it is reached again. */
export type SqlitePageOwner = 'b-tree' | 'overflow' | 'freelist';
const OWNER_CODE: Record<SqlitePageOwner, number> = { 'b-tree': 1, overflow: 2, freelist: 3 };
const OWNER_NAME = ['', 'a b-tree page', 'an overflow page', 'a freelist page'];

const CHUNK_BITS = 16;
const CHUNK_PAGES = 1 << CHUNK_BITS;

export class SqlitePageSet {
  private readonly chunks: Array<Uint8Array | undefined> = [];
  private readonly file: SqliteFile;
  constructor(file: SqliteFile) {
    this.file = file;
  }

  private code(page: number): number {
    const c = this.chunks[Math.floor(page / CHUNK_PAGES)];
    return c ? c[page % CHUNK_PAGES] : 0;
  }

  /**
   * Checks that `page` is a valid page number not reached before, and marks it.
   * @param from the page holding the pointer (for the error message)
   * @param what what the pointer is, e.g. "overflow pointer"
   * @param owner the structure the page belongs to (default 'b-tree')
   */
  mark(page: number, from: number | null, what: string, owner: SqlitePageOwner = 'b-tree'): void {
    this.file.checkPageNumber(page, from, what);
    const prev = this.code(page);
    if (prev) {
      throw new SqliteFormatError(this.file.path, from, `${what} points to page ${page}, which was already reached: a cycle or cross-linked pages (reached first as ${OWNER_NAME[prev]})`);
    }
    const k = Math.floor(page / CHUNK_PAGES);
    let c = this.chunks[k];
    if (!c) {
      c = new Uint8Array(CHUNK_PAGES);
      this.chunks[k] = c;
    }
    c[page % CHUNK_PAGES] = OWNER_CODE[owner];
  }

  has(page: number): boolean {
    return this.code(page) !== 0;
  }
}
