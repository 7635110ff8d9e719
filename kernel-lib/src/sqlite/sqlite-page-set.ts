/**
 * The set of pages already reached while following pointers through a file. Each page of an
 * SQLite database belongs to exactly one structure (a b-tree, an overflow chain, the freelist),
 * so reaching a page twice means a cycle or cross-linked pages. Marking pages here bounds every
 * walk by the file's page count: a corrupt file cannot make the reader loop.
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';

export class SqlitePageSet {
  private readonly seen: Uint8Array;
  private readonly file: SqliteFile;
  constructor(file: SqliteFile) {
    this.file = file;
    this.seen = new Uint8Array(file.pageCount + 1);
  }

  /**
   * Checks that `page` is a valid page number not reached before, and marks it.
   * @param from the page holding the pointer (for the error message)
   * @param what what the pointer is, e.g. "overflow pointer"
   */
  mark(page: number, from: number | null, what: string): void {
    this.file.checkPageNumber(page, from, what);
    if (this.seen[page]) {
      throw new SqliteFormatError(this.file.path, from, `${what} points to page ${page}, which was already reached: a cycle or cross-linked pages`);
    }
    this.seen[page] = 1;
  }

  has(page: number): boolean {
    return this.seen[page] === 1;
  }
}
