/**
 * Counts the user records of an INDEX page by walking its singly linked record list from the
 * infimum to the supremum (MariaDB 10.11 rem0rec.h: the next-record field is the 2 bytes before
 * a record's origin — relative and modulo the page size in the compact format, absolute in the
 * redundant one; page0page.h: PAGE_N_HEAP bit 15 marks the compact format). The walk needs no
 * schema. Returns -1 when the list leaves the page, loops, or never reaches the supremum.
 */
import {
  PAGE_HEADER,
  PAGE_N_HEAP,
  PAGE_NEW_INFIMUM,
  PAGE_NEW_SUPREMUM,
  PAGE_OLD_INFIMUM,
  PAGE_OLD_SUPREMUM,
  u16,
} from './innodb-page-format.js';

export function countPageRecords(page: Uint8Array): number {
  const size = page.length;
  const nHeap = u16(page, PAGE_HEADER + PAGE_N_HEAP);
  const compact = (nHeap & 0x8000) !== 0;
  const heapRecords = nHeap & 0x7fff;
  const infimum = compact ? PAGE_NEW_INFIMUM : PAGE_OLD_INFIMUM;
  const supremum = compact ? PAGE_NEW_SUPREMUM : PAGE_OLD_SUPREMUM;
  let rec = infimum;
  let count = -1; // the infimum itself is not a user record
  for (let steps = 0; steps <= heapRecords; steps++) {
    if (rec === supremum) return count;
    count++;
    const field = u16(page, rec - 2);
    const nextRec = compact ? (rec + field) % size : field;
    if (nextRec === 0 || nextRec < infimum || nextRec >= size - 8) return -1;
    rec = nextRec;
  }
  return -1;
}

/**
 * The first 4 bytes of the page's first user record read as InnoDB stores a signed INT (big-endian
 * with the sign bit flipped, row0mysql.cc row_mysql_store_col_in_innobase_format): the record's
 * first field is the first key column, so for an index whose first column is INT NOT NULL this is
 * the page's lowest key. NaN for a page without user records or a broken list.
 */
export function firstRecordInt32(page: Uint8Array): number {
  const nHeap = u16(page, PAGE_HEADER + PAGE_N_HEAP);
  const compact = (nHeap & 0x8000) !== 0;
  const infimum = compact ? PAGE_NEW_INFIMUM : PAGE_OLD_INFIMUM;
  const supremum = compact ? PAGE_NEW_SUPREMUM : PAGE_OLD_SUPREMUM;
  const field = u16(page, infimum - 2);
  const rec = compact ? (infimum + field) % page.length : field;
  if (rec === supremum || rec < supremum || rec + 4 > page.length - 8) return NaN;
  return (((page[rec] << 24) | (page[rec + 1] << 16) | (page[rec + 2] << 8) | page[rec + 3]) ^ 0x80000000) | 0;
}
