/**
 * The freelist (fileformat2 §1.5): a linked list of trunk pages starting at header offset 32;
 * each trunk holds the next trunk's page number, a count L, then L leaf page numbers. The
 * header's offset 36 gives the total number of freelist pages (trunks + leaves).
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';
import { readU32 } from './sqlite-btree-page.js';
import { SqlitePageSet } from './sqlite-page-set.js';

export interface SqliteFreelist {
  trunkPages: Uint32Array;
  leafPages: Uint32Array;
}

/** Reads the whole freelist, checking it against the header's count. @throws SqliteFormatError */
export function readSqliteFreelist(file: SqliteFile, seen: SqlitePageSet = new SqlitePageSet(file)): SqliteFreelist {
  const total = file.header.freelistPageCount;
  if (total > file.pageCount) {
    throw new SqliteFormatError(file.path, 1, `header says ${total} freelist pages (offset 36) but the file has ${file.pageCount} pages`);
  }
  const trunks: number[] = [];
  const leaves: number[] = [];
  const buf = file.pageBuffer();
  const maxLeavesPerTrunk = file.header.usableBytes / 4 - 2;
  let trunk = file.header.firstFreelistTrunk;
  let from = 1;
  while (trunk !== 0) {
    seen.mark(trunk, from, trunks.length === 0 ? 'first freelist trunk pointer (header offset 32)' : 'next freelist trunk pointer', 'freelist');
    trunks.push(trunk);
    file.readPage(trunk, buf);
    const count = readU32(buf, 4);
    if (count > maxLeavesPerTrunk) {
      throw new SqliteFormatError(file.path, trunk, `freelist trunk lists ${count} leaves, more than the ${maxLeavesPerTrunk} a ${file.header.usableBytes}-byte page holds`);
    }
    for (let i = 0; i < count; i++) {
      const leaf = readU32(buf, 8 + 4 * i);
      seen.mark(leaf, trunk, `freelist leaf pointer ${i}`, 'freelist');
      leaves.push(leaf);
    }
    from = trunk;
    trunk = readU32(buf, 0);
  }
  const found = trunks.length + leaves.length;
  if (found !== total) {
    throw new SqliteFormatError(file.path, 1, `header says ${total} freelist pages (offset 36) but the freelist chain holds ${found}`);
  }
  return { trunkPages: Uint32Array.from(trunks), leafPages: Uint32Array.from(leaves) };
}
