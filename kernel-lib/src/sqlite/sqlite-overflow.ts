/**
 * Overflow chains (fileformat2 §1.6): a payload larger than its local part continues on a
 * linked list of overflow pages, each holding a 4-byte next-page number then U−4 payload bytes.
 * The chain's length is fixed by the payload size, so the walk is bounded by it; pages are also
 * marked in a SqlitePageSet to catch chains that loop or share pages.
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';
import { readU32, type CellPayload } from './sqlite-btree-page.js';
import type { SqlitePageSet } from './sqlite-page-set.js';

/** Number of overflow pages a payload needs: ceil((P − local) / (U − 4)). */
export function overflowPageCount(cell: CellPayload, usableBytes: number): number {
  const rest = cell.payloadBytes - cell.localBytes;
  return rest > 0 ? Math.ceil(rest / (usableBytes - 4)) : 0;
}

/**
 * Follows the overflow chain of `cell` (found on page `fromPage`), calling `onPage(page)` for
 * each overflow page in order. `buf` is a page-sized scratch buffer.
 */
export function walkOverflowChain(
  file: SqliteFile,
  fromPage: number,
  cell: CellPayload,
  seen: SqlitePageSet,
  buf: Uint8Array,
  onPage: (page: number) => void,
): void {
  const n = overflowPageCount(cell, file.header.usableBytes);
  let page = cell.overflowPage;
  let prev = fromPage;
  for (let i = 0; i < n; i++) {
    if (page === 0) {
      throw new SqliteFormatError(file.path, prev, `overflow chain ends after ${i} page(s) but a ${cell.payloadBytes}-byte payload needs ${n}`);
    }
    seen.mark(page, prev, i === 0 ? 'overflow pointer' : 'next-overflow pointer', 'overflow');
    onPage(page);
    if (i + 1 < n) {
      file.readPage(page, buf);
      prev = page;
      page = readU32(buf, 0);
    }
  }
}

/**
 * The first `want` bytes (at most the whole payload) of a cell's payload, following its
 * overflow chain if needed. Pages are bounded by the chain length; a private page set catches loops.
 */
export function readPayloadPrefix(file: SqliteFile, fromPage: number, pageBuf: Uint8Array, cell: CellPayload, want: number, scratch: Uint8Array): Uint8Array {
  const total = Math.min(want, cell.payloadBytes);
  const firstPart = Math.min(total, cell.localBytes);
  // Memory grows with the overflow pages actually read, not with the size a cell claims (a
  // corrupt size in a huge sparse file could claim terabytes).
  const chunks: Uint8Array[] = [pageBuf.slice(cell.localOffset, cell.localOffset + firstPart)];
  let filled = firstPart;
  if (filled >= total) return chunks[0];
  const U = file.header.usableBytes;
  let page = cell.overflowPage;
  let prev = fromPage;
  const visited = new Set<number>();
  while (filled < total) {
    if (page === 0) throw new SqliteFormatError(file.path, prev, `overflow chain ends before the ${cell.payloadBytes}-byte payload is complete`);
    file.checkPageNumber(page, prev, 'overflow pointer');
    if (visited.has(page)) throw new SqliteFormatError(file.path, prev, `overflow pointer points to page ${page}, already in this chain: a cycle`);
    visited.add(page);
    file.readPage(page, scratch);
    const take = Math.min(U - 4, total - filled);
    chunks.push(scratch.slice(4, 4 + take));
    filled += take;
    prev = page;
    page = readU32(scratch, 0);
  }
  return Buffer.concat(chunks, total);
}
