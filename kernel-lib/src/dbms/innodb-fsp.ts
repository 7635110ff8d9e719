/**
 * InnoDB file-space management for one tablespace and one file segment (the clustered index's
 * leaf segment): 64-page extents, a segment's first 32 pages taken as single fragment pages,
 * allocation near a hint page with a direction, freed pages and extents reused.
 *
 * Follows storage/innobase/fsp/fsp0fsp.cc of MySQL (4.1 … 5.7 share this logic):
 * - fseg_alloc_free_page_low(seg, hint, direction), in order:
 *   1. the hint page, if its extent belongs to the segment and the page is free;
 *   2. the hint's extent, if it is a FREE extent of the space and the segment is filled
 *      (reserved − used < reserved / FSEG_FILLFACTOR, FSEG_FILLFACTOR = 8) and has ≥
 *      FSEG_FRAG_LIMIT = 32 used pages: the extent is given to the segment, the hint page
 *      returned, and fseg_fill_free_list() reserves up to FSEG_FREE_LIST_MAX_LEN = 4 following
 *      free extents once the segment has ≥ FSEG_FREE_LIST_LIMIT = 40 extents;
 *   3. with a direction (FSP_UP / FSP_DOWN) and the same fill condition: a new extent for the
 *      segment (fseg_alloc_free_extent: the segment's first FREE extent, else one from the
 *      space), its first page (its last page for FSP_DOWN);
 *   4. a free page of the hint's extent if the extent is the segment's (xdes_find_bit from the
 *      hint's offset, wrapping);
 *   5. if the segment has free reserved pages: the first free page of its first NOT_FULL
 *      extent, else of its first FREE extent;
 *   6. if the segment uses < 32 pages: a single fragment page from the space
 *      (fsp_alloc_free_page: the hint's FREE_FRAG extent, else the first FREE_FRAG extent, else
 *      a new FREE extent turned FREE_FRAG);
 *   7. else a new extent (fseg_alloc_free_extent), its first page.
 * - fseg_free_page_low(): a freed fragment page goes back to its space fragment extent; a page
 *   freed in a FULL extent moves it to NOT_FULL; an extent that becomes empty goes back to the
 *   space's FREE list (fsp_free_extent, flst_add_last), as does an empty fragment extent.
 * - fsp_alloc_free_extent(hint): the hint's extent if FREE, else the first of the space's FREE
 *   list; fsp_fill_free_list() extends the file by FSP_FREE_ADD = 4 extents when it is empty.
 *   Page 0 of every 16,384-page chunk (extent descriptor page, FSP_HDR / XDES) and page 1
 *   (insert-buffer bitmap) are used, so the chunk's first extent is a FREE_FRAG extent.
 * - A file-per-table space (.ibd): pages 0 FSP_HDR, 1 IBUF_BITMAP, 2 INODE are used; the
 *   first index page (the root) then lands on page 3 (`reserveRootPage`), the leaves from 4.
 *
 * Simpler than InnoDB: one segment only (the leaf segment; the non-leaf segment's pages and
 * the root page are not allocated, they are a few hundred pages in 10^5); no reservation of
 * free extents before a split (fsp_reserve_free_extents); the file grows without bound.
 */
import { ParameterError, requireInteger, requireOneOf } from '../core/validate.js';

export const FSP_EXTENT_PAGES = 64; // FSP_EXTENT_SIZE for 16 KiB pages
export const FSEG_FRAG_LIMIT = 32; // FSEG_FRAG_ARR_N_SLOTS = FSP_EXTENT_SIZE / 2
export const FSEG_FILLFACTOR = 8;
export const FSEG_FREE_LIST_LIMIT = 40; // extents
export const FSEG_FREE_LIST_MAX_LEN = 4;
export const FSP_FREE_ADD = 4; // extents added when the space FREE list is empty
export const XDES_PAGES_PER_CHUNK = 16384; // one descriptor page per UNIV_PAGE_SIZE pages

export type FspDirection = 'up' | 'down' | 'none';
const DIRS: readonly FspDirection[] = ['up', 'down', 'none'];

// extent states (XDES_FREE, XDES_FREE_FRAG, XDES_FULL_FRAG, XDES_FSEG) + "beyond the file"
const S_NONE = 0, S_FREE = 1, S_FREE_FRAG = 2, S_FULL_FRAG = 3, S_FSEG = 4;
// list ids
const L_NONE = -1, L_SPACE_FREE = 0, L_SPACE_FREE_FRAG = 1, L_SEG_FREE = 2, L_SEG_NOT_FULL = 3, L_SEG_FULL = 4, L_SPACE_FULL_FRAG = 5;

/** Counters of the allocation paths taken (for tests and the notebook). */
export interface FspStats {
  hintTaken: number;
  hintExtentTaken: number;
  newExtentForDirection: number;
  sameExtent: number;
  segmentFreePage: number;
  fragmentPage: number;
  newExtent: number;
  freedPages: number;
}

export class InnodbTablespace {
  private extentState = new Uint8Array(0);
  private extentUsed = new Int32Array(0);
  private extentList = new Int8Array(0);
  private extentPrev = new Int32Array(0);
  private extentNext = new Int32Array(0);
  private pageUsed = new Uint8Array(0);
  /** 1 = page allocated to the segment as a fragment page */
  private pageIsFrag = new Uint8Array(0);
  private listHead = new Int32Array(6).fill(-1);
  private listTail = new Int32Array(6).fill(-1);
  private listLen = new Int32Array(6);
  private nExtents = 0;
  private segFragUsed = 0;
  private segExtents = 0; // extents owned by the segment
  private segUsedInExtents = 0;
  readonly stats: FspStats = { hintTaken: 0, hintExtentTaken: 0, newExtentForDirection: 0, sameExtent: 0, segmentFreePage: 0, fragmentPage: 0, newExtent: 0, freedPages: 0 };

  constructor() {
    this.extendFile();
    // file-per-table space: FSP_HDR (0), IBUF_BITMAP (1), INODE (2) in use
    this.markSystemPage(2);
  }

  /**
   * The index root (btr_create: the first page of the non-leaf segment, page 3 of a fresh
   * file-per-table space): taken from the space's fragment extent and kept outside the modeled
   * leaf segment, so that the leaves start at page 4 as in InnoDB. Returns the page.
   */
  reserveRootPage(): number {
    const page = this.findFree(0, 0);
    this.markSystemPage(page);
    return page;
  }

  /** Pages in the file so far. */
  get sizePages(): number {
    return this.nExtents * FSP_EXTENT_PAGES;
  }
  /** Pages reserved by the segment (fragment pages + its extents' pages). */
  get reservedPages(): number {
    return this.segFragUsed + this.segExtents * FSP_EXTENT_PAGES;
  }
  /** Pages of the segment in use. */
  get usedPages(): number {
    return this.segFragUsed + this.segUsedInExtents;
  }
  isUsed(page: number): boolean {
    return page >= 0 && page < this.pageUsed.length && this.pageUsed[page] === 1;
  }

  /** fseg_alloc_free_page_low() with a hint page and a direction (see the file comment). */
  allocPage(hintPage: number, direction: FspDirection = 'none'): number {
    requireInteger('hintPage', hintPage, 'page number', -1);
    if (direction !== 'up' && direction !== 'down' && direction !== 'none') requireOneOf('direction', direction, DIRS);
    const reserved = this.reservedPages;
    const used = this.usedPages;
    const filled = reserved - used < reserved / FSEG_FILLFACTOR && used >= FSEG_FRAG_LIMIT;
    const hint = hintPage >= 0 && hintPage < this.sizePages ? hintPage : -1;
    const e = hint >= 0 ? (hint / FSP_EXTENT_PAGES) | 0 : -1;
    // 1. hint page in one of our extents
    if (e >= 0 && this.extentState[e] === S_FSEG && this.pageUsed[hint] === 0) {
      this.stats.hintTaken++;
      return this.takeSegPage(hint);
    }
    // 2. the hint's extent is free in the space
    if (e >= 0 && this.extentState[e] === S_FREE && filled) {
      this.giveExtentToSeg(e);
      this.fillSegFreeList(hint + FSP_EXTENT_PAGES);
      this.stats.hintExtentTaken++;
      return this.takeSegPage(hint);
    }
    // 3. a new extent in the split direction
    if (direction !== 'none' && filled) {
      const ne = this.segAllocExtent();
      this.stats.newExtentForDirection++;
      const first = ne * FSP_EXTENT_PAGES;
      return this.takeSegPage(direction === 'down' ? first + FSP_EXTENT_PAGES - 1 : first);
    }
    // 4. a free page in the hint's extent
    if (e >= 0 && this.extentState[e] === S_FSEG && this.extentUsed[e] < FSP_EXTENT_PAGES) {
      this.stats.sameExtent++;
      return this.takeSegPage(this.findFree(e, hint % FSP_EXTENT_PAGES));
    }
    // 5. free reserved pages of the segment
    if (reserved - used > 0 && this.segExtents > 0) {
      const x = this.listLen[L_SEG_NOT_FULL] > 0 ? this.listHead[L_SEG_NOT_FULL] : this.listHead[L_SEG_FREE];
      if (x >= 0) {
        this.stats.segmentFreePage++;
        return this.takeSegPage(this.findFree(x, 0));
      }
    }
    // 6. a fragment page
    if (used < FSEG_FRAG_LIMIT) {
      this.stats.fragmentPage++;
      return this.allocFragPage(hint);
    }
    // 7. a new extent
    const ne = this.segAllocExtent();
    this.stats.newExtent++;
    return this.takeSegPage(ne * FSP_EXTENT_PAGES);
  }

  /**
   * For a reorganization (beyond paper B; InnoDB's OPTIMIZE TABLE rebuilds into a new space
   * instead): reserve `pages` physically contiguous pages in whole new extents at the end of
   * the file, owned by the segment. Returns the first page; take them with `allocPageAt`.
   */
  reserveContiguous(pages: number): number {
    requireInteger('pages', pages, 'pages', 1);
    const need = Math.ceil(pages / FSP_EXTENT_PAGES);
    let start = this.nExtents;
    for (;;) {
      while (this.nExtents < start + need) this.extendFile();
      let ok = true;
      for (let e = start; e < start + need; e++) {
        if (this.extentState[e] !== S_FREE) {
          start = e + 1;
          ok = false;
          break;
        }
      }
      if (ok) break;
    }
    for (let e = start; e < start + need; e++) this.giveExtentToSeg(e);
    return start * FSP_EXTENT_PAGES;
  }

  /** Takes a specific free page of one of the segment's extents. */
  allocPageAt(page: number): number {
    requireInteger('page', page, 'page number', 0, this.sizePages - 1);
    return this.takeSegPage(page);
  }

  /** fseg_free_page(): return a page of the segment. */
  freePage(page: number): void {
    requireInteger('page', page, 'page number', 0, this.sizePages - 1);
    if (this.pageUsed[page] !== 1) throw new ParameterError('page', page, 'page number', 'a page in use by the segment');
    const e = (page / FSP_EXTENT_PAGES) | 0;
    this.stats.freedPages++;
    this.pageUsed[page] = 0;
    this.extentUsed[e]--;
    if (this.pageIsFrag[page] === 1) {
      this.pageIsFrag[page] = 0;
      this.segFragUsed--;
      if (this.extentState[e] === S_FULL_FRAG) {
        this.listRemove(e);
        this.extentState[e] = S_FREE_FRAG;
        this.listAddLast(L_SPACE_FREE_FRAG, e);
      }
      if (this.extentUsed[e] === 0) {
        this.listRemove(e);
        this.extentState[e] = S_FREE;
        this.listAddLast(L_SPACE_FREE, e);
      }
      return;
    }
    if (this.extentState[e] !== S_FSEG) throw new ParameterError('page', page, 'page number', 'a page of the segment');
    this.segUsedInExtents--;
    if (this.extentList[e] === L_SEG_FULL) {
      this.listRemove(e);
      this.listAddLast(L_SEG_NOT_FULL, e);
    }
    if (this.extentUsed[e] === 0) {
      // fsp_free_extent: back to the space
      this.listRemove(e);
      this.segExtents--;
      this.extentState[e] = S_FREE;
      this.listAddLast(L_SPACE_FREE, e);
    }
  }

  // ---------------------------------------------------------------- internals
  private takeSegPage(page: number): number {
    const e = (page / FSP_EXTENT_PAGES) | 0;
    if (this.pageUsed[page] !== 0 || this.extentState[e] !== S_FSEG) throw new Error(`internal: page ${page} not free in a segment extent`);
    this.pageUsed[page] = 1;
    const wasEmpty = this.extentUsed[e] === 0;
    this.extentUsed[e]++;
    this.segUsedInExtents++;
    if (wasEmpty && this.extentList[e] === L_SEG_FREE) {
      this.listRemove(e);
      this.listAddLast(L_SEG_NOT_FULL, e);
    }
    if (this.extentUsed[e] === FSP_EXTENT_PAGES) {
      this.listRemove(e);
      this.listAddLast(L_SEG_FULL, e);
    }
    return page;
  }

  private findFree(e: number, fromOffset: number): number {
    const base = e * FSP_EXTENT_PAGES;
    for (let k = 0; k < FSP_EXTENT_PAGES; k++) {
      const p = base + ((fromOffset + k) % FSP_EXTENT_PAGES);
      if (this.pageUsed[p] === 0) return p;
    }
    throw new Error(`internal: extent ${e} has no free page`);
  }

  /** fsp_alloc_free_extent(hint): the hint extent if FREE, else the first of the FREE list. */
  private spaceAllocExtent(hintExtent: number): number {
    if (hintExtent >= 0 && hintExtent < this.nExtents && this.extentState[hintExtent] === S_FREE) {
      this.listRemove(hintExtent);
      return hintExtent;
    }
    if (this.listLen[L_SPACE_FREE] === 0) this.extendFile();
    const e = this.listHead[L_SPACE_FREE];
    this.listRemove(e);
    return e;
  }

  private giveExtentToSeg(e: number): void {
    const got = this.spaceAllocExtent(e);
    if (got !== e) throw new Error('internal: hint extent not free');
    this.extentState[e] = S_FSEG;
    this.segExtents++;
    this.listAddLast(L_SEG_FREE, e);
  }

  /** fseg_alloc_free_extent(): the segment's first FREE extent, else a new one from the space. */
  private segAllocExtent(): number {
    if (this.listLen[L_SEG_FREE] > 0) return this.listHead[L_SEG_FREE];
    const e = this.spaceAllocExtent(-1);
    this.extentState[e] = S_FSEG;
    this.segExtents++;
    this.listAddLast(L_SEG_FREE, e);
    this.fillSegFreeList((e + 1) * FSP_EXTENT_PAGES);
    return e;
  }

  /** fseg_fill_free_list(): reserve up to 4 following free extents for a large segment. */
  private fillSegFreeList(hintPage: number): void {
    if (this.segExtents * FSP_EXTENT_PAGES < FSEG_FREE_LIST_LIMIT * FSP_EXTENT_PAGES) return;
    // As in fsp0fsp.cc, the callers add the extent just taken to FSEG_FREE before calling, and
    // the function returns when FSEG_FREE is not empty: in these paths it reserves nothing.
    if (this.listLen[L_SEG_FREE] > 0) return;
    let hint = hintPage;
    for (let i = 0; i < FSEG_FREE_LIST_MAX_LEN; i++) {
      const e = (hint / FSP_EXTENT_PAGES) | 0;
      if (e >= this.nExtents || this.extentState[e] !== S_FREE) return;
      this.giveExtentToSeg(e);
      hint += FSP_EXTENT_PAGES;
    }
  }

  /** fsp_alloc_free_page(hint): a single page for the segment's fragment array. */
  private allocFragPage(hint: number): number {
    let e = hint >= 0 ? (hint / FSP_EXTENT_PAGES) | 0 : -1;
    if (e < 0 || this.extentState[e] !== S_FREE_FRAG) {
      if (this.listLen[L_SPACE_FREE_FRAG] > 0) e = this.listHead[L_SPACE_FREE_FRAG];
      else {
        e = this.spaceAllocExtent(e);
        this.extentState[e] = S_FREE_FRAG;
        this.listAddLast(L_SPACE_FREE_FRAG, e);
      }
      hint = e * FSP_EXTENT_PAGES;
    }
    const p = this.findFree(e, hint % FSP_EXTENT_PAGES);
    this.pageUsed[p] = 1;
    this.pageIsFrag[p] = 1;
    this.extentUsed[e]++;
    this.segFragUsed++;
    if (this.extentUsed[e] === FSP_EXTENT_PAGES) {
      this.listRemove(e);
      this.extentState[e] = S_FULL_FRAG;
      this.listAddLast(L_SPACE_FULL_FRAG, e);
    }
    return p;
  }

  private markSystemPage(page: number): void {
    const e = (page / FSP_EXTENT_PAGES) | 0;
    this.pageUsed[page] = 1;
    this.extentUsed[e]++;
  }

  /** fsp_fill_free_list(): add FSP_FREE_ADD extents at the end of the file. */
  private extendFile(): void {
    const newN = this.nExtents + FSP_FREE_ADD;
    this.grow(newN);
    for (let e = this.nExtents; e < newN; e++) {
      const first = e * FSP_EXTENT_PAGES;
      if (first % XDES_PAGES_PER_CHUNK === 0) {
        // descriptor page + ibuf bitmap page in use: a fragment extent of the space
        this.extentState[e] = S_FREE_FRAG;
        this.markSystemPage(first);
        this.markSystemPage(first + 1);
        this.listAddLast(L_SPACE_FREE_FRAG, e);
      } else {
        this.extentState[e] = S_FREE;
        this.listAddLast(L_SPACE_FREE, e);
      }
    }
    this.nExtents = newN;
  }

  private grow(nExt: number): void {
    if (nExt <= this.extentState.length) return;
    const cap = Math.max(nExt, this.extentState.length * 2, 64);
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(cap); b.set(a); return b; };
    const g32 = (a: Int32Array, fill = 0) => { const b = new Int32Array(cap).fill(fill); b.set(a); return b; };
    this.extentState = g8(this.extentState);
    this.extentUsed = g32(this.extentUsed);
    const l = new Int8Array(cap).fill(L_NONE); l.set(this.extentList); this.extentList = l;
    this.extentPrev = g32(this.extentPrev, -1);
    this.extentNext = g32(this.extentNext, -1);
    const pu = new Uint8Array(cap * FSP_EXTENT_PAGES); pu.set(this.pageUsed); this.pageUsed = pu;
    const pf = new Uint8Array(cap * FSP_EXTENT_PAGES); pf.set(this.pageIsFrag); this.pageIsFrag = pf;
  }

  private listAddLast(list: number, e: number): void {
    this.extentList[e] = list;
    this.extentPrev[e] = this.listTail[list];
    this.extentNext[e] = -1;
    if (this.listTail[list] >= 0) this.extentNext[this.listTail[list]] = e;
    else this.listHead[list] = e;
    this.listTail[list] = e;
    this.listLen[list]++;
  }

  private listRemove(e: number): void {
    const list = this.extentList[e];
    if (list === L_NONE) return;
    const p = this.extentPrev[e], n = this.extentNext[e];
    if (p >= 0) this.extentNext[p] = n; else this.listHead[list] = n;
    if (n >= 0) this.extentPrev[n] = p; else this.listTail[list] = p;
    this.extentPrev[e] = this.extentNext[e] = -1;
    this.extentList[e] = L_NONE;
    this.listLen[list]--;
  }
}
// S_NONE is the zero state of extents beyond the file end.
void S_NONE;
