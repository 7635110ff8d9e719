/**
 * A clustered B+Tree whose leaf pages have physical page numbers in an InnoDB tablespace
 * (paper B §3.1, Fig. 3; setup of §4: MySQL InnoDB, 16 KiB pages, table T1).
 *
 * Rows are fixed-size (T1's COMPACT record, innodb-row-format.ts), so a row is represented by
 * its clustered key only; a leaf holds up to `layout.maxRecords` keys in a typed array.
 * Per-leaf state (record keys, count, low key, prev/next in the leaf chain, PAGE_LAST_INSERT)
 * lives in typed arrays indexed by the physical page number; no object per row or per page.
 *
 * Follows storage/innobase/btr of MySQL:
 * - btr0cur.cc btr_cur_optimistic_insert(): insert in place if the record fits; on a clustered
 *   leaf with ≥ 2 records in a sequential insert pattern keep UNIV_PAGE_SIZE/16 free (split
 *   instead), so an ascending bulk load fills pages to `layout.sequentialFillRecords`.
 * - btr0btr.cc btr_page_split_and_insert(): split record and direction —
 *   btr_page_get_split_rec_to_right() (PAGE_LAST_INSERT is the record before the insert point:
 *   ascending inserts; split at the new record, or keep one record after it) → FSP_UP with
 *   hint page_no + 1; btr_page_get_split_rec_to_left() (PAGE_LAST_INSERT is the record after
 *   the insert point: descending inserts) → FSP_DOWN with hint page_no − 1, the new page
 *   becomes the *left* (lower) half; otherwise the middle record page_get_middle_rec()
 *   (index ⌊(n+2)/2⌋ − 1) → FSP_UP, hint page_no + 1. The new page comes from
 *   fseg_alloc_free_page(hint, direction) (innodb-fsp.ts).
 * - btr0cur.cc btr_cur_compress_recommendation() / btr0btr.cc btr_compress() (4.1/5.0 form):
 *   after a delete that leaves the page's data below UNIV_PAGE_SIZE/2, merge it into its left
 *   sibling if it has one, else into its right sibling, if the records fit there
 *   (page_get_max_insert_size_after_reorganize); a page emptied by a delete is discarded
 *   (btr_discard_page). The freed page goes back to the segment (fseg_free_page).
 *   When merged into the right sibling, that sibling takes over the page's node pointer.
 *
 * - Delete-marking and purge (row0upd.cc btr_cur_del_mark_set_clust_rec, row0ins.cc
 *   row_ins_clust_index_entry_by_modify, row0purge.cc row_purge_remove_clust_if_poss): a DELETE
 *   only delete-marks the record, which keeps its space on the page; an INSERT of a key whose
 *   record is still delete-marked turns into an in-place update of that record (no split, no
 *   PAGE_LAST_INSERT change); purge removes the marked records once their transaction has
 *   committed, in deletion order, each removal as a delete above (merge or discard). Here a
 *   transaction ends at `commit()`, or implicitly when a delete follows an insert (the bulk
 *   update pattern: one update = its deletes then its inserts); `commit()` purges at once, as
 *   a purge that has caught up (SET GLOBAL innodb_max_purge_lag_wait = 0). Found against a real
 *   MariaDB 10.11 (notebooks/reorg-on-innodb.ipynb): with deletes purged at once, the model
 *   split and scattered pages that InnoDB never touched, because the re-inserted keys of an
 *   update land on their own delete-marked records. `deleteMarking: false` gives the old
 *   behaviour (purge at once).
 *
 * Simpler than InnoDB: 5.7's btr_insert_into_right_sibling() and 5.6's "try the right sibling
 * too" merge are not modeled (the paper ran 4.1); non-leaf pages are modeled as a directory
 * (btree-directory.ts) without pages on disk; purge has no lag beyond the transaction; no
 * locking, undo or redo.
 */
import { ParameterError, requireInteger } from '../core/validate.js';
import { InnodbTablespace } from './innodb-fsp.js';
import { LeafDirectory, nodePointerCapacity } from './btree-directory.js';
import { LeafPageLayout, maxInsertBytes, pageUsableBytes } from './innodb-row-format.js';
import { LEFTMOST_LOW_KEY, LOW_KEY_UNCHANGED, UpdateSniffer } from './update-sniffer.js';

export interface ClusteredBtreeOptions {
  /** Leaf page geometry (innodb-row-format.ts `leafPageLayout`). */
  layout: LeafPageLayout;
  /** Receives every leaf-chain structure change; null (default) = no sniffer, no cost. */
  sniffer?: UpdateSniffer | null;
  /**
   * InnoDB's delete-mark and purge at commit (see the file comment). Default false: records are
   * removed at once, which is what a purge that runs between an update's deletes and its
   * inserts does (paper B's bulk updates; notebooks/reorg-on-innodb.ipynb, protocol 'purge-between').
   */
  deleteMarking?: boolean;
  /**
   * btr_insert_into_right_sibling (MySQL 5.7, MariaDB 10.2+ btr0btr.cc): before splitting a full
   * leaf for a record that goes after its last record, insert it as the first record of the right
   * sibling if it fits there (the sibling's node pointer changes to the new key). Default true
   * (MariaDB 10.11, the engine this model is held against); false = MySQL 4.1–5.6.
   */
  insertIntoRightSibling?: boolean;
  /**
   * btr_compress (MySQL 5.6+, MariaDB 10.11 btr0btr.cc): merge an under-filled leaf into its
   * right sibling when it does not fit into its left one. Default true; false = MySQL 4.1/5.0
   * (left sibling only, when there is one).
   */
  mergeIntoRightSibling?: boolean;
  /**
   * Model the root page (btr0btr.cc btr_create, btr_root_raise_and_insert): page 3 is the root,
   * the first leaf is page 4, and when the single leaf first overflows, the raise copies its
   * records to a fresh page (PAGE_LAST_INSERT reset), which therefore splits in the middle.
   * Default false (the first leaf is page 3 and splits like any other, as paper B's simulations
   * have always had it); notebooks/reorg-on-innodb.ipynb turns it on to match the real engine.
   */
  rootPage?: boolean;
}

/** Structure-change counters. */
export interface BtreeStats {
  splitsUp: number;
  splitsDown: number;
  splitsMiddle: number;
  merges: number;
  discards: number;
  /** Inserts placed into the right sibling instead of a split (btr_insert_into_right_sibling). */
  rightSiblingInserts: number;
}

const NO_KEY = 0; // PAGE_LAST_INSERT valid flag off

export class ClusteredBtree {
  readonly layout: LeafPageLayout;
  readonly fsp = new InnodbTablespace();
  readonly stats: BtreeStats = { splitsUp: 0, splitsDown: 0, splitsMiddle: 0, merges: 0, discards: 0, rightSiblingInserts: 0 };
  private sniffer: UpdateSniffer | null;
  private readonly cap: number;
  private readonly dir: LeafDirectory;
  private readonly maxIns: Int32Array; // maxInsertBytes by record count
  private readonly reserveBytes: number;
  private readonly usableBytes: number;
  private recKeys = new Int32Array(0);
  private cnt = new Int32Array(0);
  private low = new Int32Array(0);
  private prevP = new Int32Array(0);
  private nextP = new Int32Array(0);
  private lastIns = new Int32Array(0);
  private lastInsValid = new Uint8Array(0);
  private pagesCap = 0;
  private head = -1;
  private nLeaves = 0;
  private nRows = 0;
  private readonly deleteMarking: boolean;
  private readonly rightSibling: boolean;
  private readonly mergeRight: boolean;
  /** Keys whose records are delete-marked (still on their pages), and the purge order. */
  private readonly marked = new Set<number>();
  private pendingPurge: number[] = [];
  private lastOpWasInsert = false;

  constructor(opts: ClusteredBtreeOptions) {
    const layout = opts.layout;
    if (!layout || !(layout.maxRecords >= 2)) {
      throw new ParameterError('layout.maxRecords', layout?.maxRecords, 'records', '≥ 2 (a page too small for two rows cannot split)');
    }
    this.layout = layout;
    this.sniffer = opts.sniffer ?? null;
    this.deleteMarking = opts.deleteMarking ?? false;
    this.rightSibling = opts.insertIntoRightSibling ?? true;
    this.mergeRight = opts.mergeIntoRightSibling ?? true;
    this.cap = layout.maxRecords;
    this.dir = new LeafDirectory(nodePointerCapacity(layout.pageBytes));
    this.maxIns = new Int32Array(this.cap + 1);
    for (let n = 0; n <= this.cap; n++) this.maxIns[n] = maxInsertBytes(layout.pageBytes, layout.recordBytes, n);
    this.reserveBytes = layout.pageBytes / 16;
    this.usableBytes = pageUsableBytes(layout.pageBytes);
    if (opts.rootPage ?? false) this.rootPage = this.fsp.reserveRootPage();
    this.ensurePages(this.fsp.sizePages);
  }

  /** The index root page (non-leaf; −1 when not modeled). */
  readonly rootPage: number = -1;

  /** Attach or detach (null) the sniffer. */
  setSniffer(sniffer: UpdateSniffer | null): void {
    this.sniffer = sniffer;
  }
  get leafCount(): number {
    return this.nLeaves;
  }
  get rowCount(): number {
    return this.nRows;
  }
  /** Leftmost leaf page (−1 when empty). */
  get firstLeaf(): number {
    return this.head;
  }
  nextLeaf(page: number): number {
    return this.nextP[page];
  }
  prevLeaf(page: number): number {
    return this.prevP[page];
  }
  leafLowKey(page: number): number {
    return this.low[page];
  }
  /** Records on the leaf, delete-marked ones included (they occupy the page until purged). */
  leafRecordCount(page: number): number {
    return this.cnt[page];
  }
  /** Delete-marked records not purged yet. */
  get delMarkedRecords(): number {
    return this.marked.size;
  }

  /**
   * Ends the current transaction: purge removes its delete-marked records (in deletion order),
   * merging or discarding pages left under-filled. A no-op without delete-marking.
   */
  commit(): void {
    this.lastOpWasInsert = false;
    if (this.pendingPurge.length === 0) return;
    const keys = this.pendingPurge;
    this.pendingPurge = [];
    for (const key of keys) {
      if (!this.marked.delete(key)) continue; // re-inserted in place meanwhile
      this.removeRecord(key);
    }
  }
  /** The leaf page that holds (or would hold) `key`. */
  leafOf(key: number): number {
    return this.dir.locate(key);
  }
  /** Interior (non-leaf) pages of the directory. */
  get interiorPages(): number {
    return this.dir.interiorPages;
  }

  /** Leaf pages in key order (walks the leaf chain). */
  leafPagesInKeyOrder(): Int32Array {
    const out = new Int32Array(this.nLeaves);
    let k = 0;
    for (let p = this.head; p >= 0; p = this.nextP[p]) out[k++] = p;
    return out;
  }
  /** Low keys of the leaves in key order. */
  leafLowKeysInKeyOrder(): Int32Array {
    const out = new Int32Array(this.nLeaves);
    let k = 0;
    for (let p = this.head; p >= 0; p = this.nextP[p]) out[k++] = this.low[p];
    return out;
  }

  /**
   * Verifies the tree: records sorted along the leaf chain, each inside [low key, next low key),
   * prev/next links consistent, the directory locating every leaf, every leaf page in use in
   * the tablespace. Throws on the first violation (for tests; O(rows)).
   */
  checkInvariants(): void {
    let prev = -1, leaves = 0, rows = 0, lastKey = -Infinity;
    for (let p = this.head; p >= 0; p = this.nextP[p]) {
      if (this.prevP[p] !== prev) throw new Error(`leaf ${p}: prev link ${this.prevP[p]} ≠ ${prev}`);
      if (!this.fsp.isUsed(p)) throw new Error(`leaf ${p} is not in use in the tablespace`);
      const next = this.nextP[p];
      const hi = next >= 0 ? this.low[next] : Infinity;
      if (next >= 0 && !(this.low[p] < hi)) throw new Error(`leaf ${p}: low keys out of order`);
      if (this.dir.locate(this.low[p]) !== p) throw new Error(`leaf ${p}: directory does not locate it`);
      const n = this.cnt[p];
      if (n > this.cap) throw new Error(`leaf ${p}: ${n} records > capacity`);
      for (let i = 0; i < n; i++) {
        const k = this.recKeys[p * this.cap + i];
        if (!(k > lastKey) || k < this.low[p] || k >= hi) throw new Error(`leaf ${p}: key ${k} out of order or range`);
        lastKey = k;
      }
      rows += n;
      leaves++;
      prev = p;
    }
    if (leaves !== this.nLeaves || rows - this.marked.size !== this.nRows || this.dir.size !== leaves) {
      throw new Error(`counts: leaves ${leaves}/${this.nLeaves}/${this.dir.size}, rows ${rows}/${this.nRows}`);
    }
  }

  has(key: number): boolean {
    if (this.nLeaves === 0) return false;
    const leaf = this.dir.locate(key);
    const pos = this.lowerBound(leaf, key);
    return pos < this.cnt[leaf] && this.recKeys[leaf * this.cap + pos] === key && !this.marked.has(key);
  }

  /** Insert a row with clustered key `key` (an int). Returns false if the key exists. */
  insert(key: number): boolean {
    if (!(key === (key | 0)) || key === LEFTMOST_LOW_KEY) requireInteger('key', key, '', -2147483647, 2147483647);
    if (this.nLeaves === 0) this.createFirstLeaf();
    const leaf = this.dir.locate(key);
    const n = this.cnt[leaf];
    const pos = this.lowerBound(leaf, key);
    const base = leaf * this.cap;
    this.lastOpWasInsert = true;
    if (pos < n && this.recKeys[base + pos] === key) {
      if (!this.marked.delete(key)) return false;
      this.nRows++; // row_ins_clust_index_entry_by_modify: the delete-marked record is updated in place
      return true;
    }
    const li = this.lastIns[leaf];
    const valid = this.lastInsValid[leaf] === 1;
    // A single leaf is the root (when modeled): its split is a root raise, after which the copy has
    // no PAGE_LAST_INSERT (btr_root_raise_and_insert), so no sequential pattern.
    const raise = this.rootPage >= 0 && this.nLeaves === 1;
    const toRight = valid && pos > 0 && this.recKeys[base + pos - 1] === li;
    const toLeft = valid && pos < n && this.recKeys[base + pos] === li;
    const rec = this.layout.recordBytes;
    const fits = rec <= this.maxIns[n];
    const keepFree = n >= 2 && this.reserveBytes + rec > this.maxIns[n] && (toRight || toLeft);
    if (fits && !keepFree) {
      this.insertAt(leaf, pos, key);
    } else if (!(this.rightSibling && pos === n && this.tryRightSibling(leaf, key))) {
      this.splitAndInsert(leaf, pos, key, toRight && !raise, toLeft && !raise);
    }
    this.nRows++;
    return true;
  }

  /** Delete the row with clustered key `key` (delete-mark it, see `commit`). Returns false if absent. */
  delete(key: number): boolean {
    if (this.nLeaves === 0) return false;
    if (this.lastOpWasInsert) this.commit(); // a delete after inserts starts the next update
    if (!this.has(key)) return false;
    this.nRows--;
    if (this.deleteMarking) {
      this.marked.add(key);
      this.pendingPurge.push(key);
    } else {
      this.removeRecord(key);
    }
    return true;
  }

  /** Removes a record from its page (purge, or a delete without marking); may merge the page. */
  private removeRecord(key: number): void {
    const leaf = this.dir.locate(key);
    const n = this.cnt[leaf];
    const pos = this.lowerBound(leaf, key);
    const base = leaf * this.cap;
    this.recKeys.copyWithin(base + pos, base + pos + 1, base + n);
    this.cnt[leaf] = n - 1;
    this.lastInsValid[leaf] = NO_KEY; // page_cur_delete_rec resets PAGE_LAST_INSERT
    if (n - 1 < this.layout.compressBelowRecords && this.nLeaves > 1) this.compress(leaf);
  }

  /**
   * "Reorganize T" (beyond paper B; eq. 4): move the leaves holding keys [fromKey, toKey) to
   * physically contiguous new pages in key order, freeing the old ones. Each move is reported
   * to the sniffer as the old page leaving the chain and the new one entering at the same
   * place. Returns the number of leaves moved.
   */
  reorganizeRange(fromKey: number, toKey: number): number {
    requireInteger('fromKey', fromKey, 'key', LEFTMOST_LOW_KEY, 2147483647);
    requireInteger('toKey', toKey, 'key', LEFTMOST_LOW_KEY + 1, 2147483648);
    if (!(fromKey < toKey)) throw new ParameterError('key range', [fromKey, toKey], 'key', 'a non-empty range [fromKey, toKey) with fromKey < toKey');
    if (this.nLeaves === 0) return 0;
    const first = this.dir.locate(fromKey);
    let n = 0;
    for (let p = first; p >= 0 && this.low[p] < toKey; p = this.nextP[p]) n++;
    const base = this.fsp.reserveContiguous(n);
    this.ensurePages(this.fsp.sizePages);
    const cap = this.cap;
    let p = first;
    for (let i = 0; i < n; i++) {
      const np = this.fsp.allocPageAt(base + i);
      const prev = this.prevP[p], next = this.nextP[p], lowKey = this.low[p];
      this.recKeys.copyWithin(np * cap, p * cap, p * cap + this.cnt[p]);
      this.cnt[np] = this.cnt[p];
      this.low[np] = lowKey;
      this.prevP[np] = prev;
      this.nextP[np] = next;
      this.lastInsValid[np] = NO_KEY;
      if (prev >= 0) this.nextP[prev] = np;
      else this.head = np;
      if (next >= 0) this.prevP[next] = np;
      this.dir.setLeaf(lowKey, np);
      this.cnt[p] = 0;
      this.fsp.freePage(p);
      if (this.sniffer !== null) {
        this.sniffer.leafRemoved(p, lowKey, prev, next, LOW_KEY_UNCHANGED);
        this.sniffer.leafInserted(np, lowKey, prev, next, LOW_KEY_UNCHANGED);
      }
      p = next;
    }
    return n;
  }

  // ---------------------------------------------------------------- internals
  private createFirstLeaf(): void {
    const p = this.fsp.allocPage(-1, 'none');
    this.ensurePages(p + 1);
    this.cnt[p] = 0;
    this.low[p] = LEFTMOST_LOW_KEY;
    this.prevP[p] = -1;
    this.nextP[p] = -1;
    this.lastInsValid[p] = NO_KEY;
    this.head = p;
    this.nLeaves = 1;
    this.dir.insert(LEFTMOST_LOW_KEY, p);
    if (this.sniffer !== null) this.sniffer.leafInserted(p, LEFTMOST_LOW_KEY, -1, -1, LOW_KEY_UNCHANGED);
  }

  private insertAt(leaf: number, pos: number, key: number): void {
    const base = leaf * this.cap;
    const n = this.cnt[leaf];
    this.recKeys.copyWithin(base + pos + 1, base + pos, base + n);
    this.recKeys[base + pos] = key;
    this.cnt[leaf] = n + 1;
    this.lastIns[leaf] = key;
    this.lastInsValid[leaf] = 1;
  }

  /**
   * btr_insert_into_right_sibling: `key` goes after the last record of `leaf`; if the right
   * sibling has room (page_cur_tuple_insert: no 1/16 reserve), it becomes the sibling's first
   * record and the sibling's node pointer is replaced (delete + insert on the parent level,
   * reported to the sniffer as the sibling leaving and re-entering the chain with its new low key).
   */
  private tryRightSibling(leaf: number, key: number): boolean {
    const next = this.nextP[leaf];
    if (next < 0 || this.layout.recordBytes > this.maxIns[this.cnt[next]]) return false;
    const oldLow = this.low[next];
    this.insertAt(next, 0, key);
    this.low[next] = key;
    this.dir.remove(oldLow);
    this.dir.insert(key, next);
    this.stats.rightSiblingInserts++;
    if (this.sniffer !== null) {
      const after = this.nextP[next];
      this.sniffer.leafRemoved(next, oldLow, leaf, after, LOW_KEY_UNCHANGED);
      this.sniffer.leafInserted(next, key, leaf, after, LOW_KEY_UNCHANGED);
    }
    return true;
  }

  private splitAndInsert(leaf: number, pos: number, key: number, toRight: boolean, toLeft: boolean): void {
    const n = this.cnt[leaf];
    const cap = this.cap;
    let down = false;
    let splitIdx: number; // first record moved to the upper half
    let atNew = false; // split_rec == NULL: the new record is the upper half's first record
    if (toRight) {
      // btr_page_get_split_rec_to_right: keep one record after the insert point on the page
      // if ≥ 2 follow it; else split at the new record (then move_limit = the record after
      // the insert point, so those ≤ 1 records move up with it)
      if (pos >= n - 1) {
        atNew = true;
        splitIdx = pos;
      } else splitIdx = pos + 1;
      this.stats.splitsUp++;
    } else if (toLeft) {
      down = true;
      splitIdx = pos - 1 >= 1 ? pos - 1 : pos;
      this.stats.splitsDown++;
    } else {
      splitIdx = ((n + 2) >> 1) - 1;
      this.stats.splitsMiddle++;
    }
    const hint = down ? leaf - 1 : leaf + 1;
    const np = this.fsp.allocPage(hint, down ? 'down' : 'up');
    this.ensurePages(np + 1);
    const base = leaf * cap;
    const nbase = np * cap;
    const firstUpperKey = atNew ? key : this.recKeys[base + splitIdx];
    const insertLeft = atNew ? false : key < firstUpperKey;
    this.lastInsValid[np] = NO_KEY;
    this.lastInsValid[leaf] = NO_KEY;
    if (!down) {
      // new page = upper half, right of `leaf`
      const moved = n - splitIdx;
      this.recKeys.copyWithin(nbase, base + splitIdx, base + n);
      this.cnt[np] = moved;
      this.cnt[leaf] = splitIdx;
      const oldNext = this.nextP[leaf];
      this.low[np] = firstUpperKey;
      this.prevP[np] = leaf;
      this.nextP[np] = oldNext;
      this.nextP[leaf] = np;
      if (oldNext >= 0) this.prevP[oldNext] = np;
      this.nLeaves++;
      this.dir.insert(firstUpperKey, np);
      if (this.sniffer !== null) this.sniffer.leafInserted(np, firstUpperKey, leaf, oldNext, LOW_KEY_UNCHANGED);
      if (insertLeft) this.insertAt(leaf, this.lowerBound(leaf, key), key);
      else this.insertAt(np, this.lowerBound(np, key), key);
    } else {
      // new page = lower half, left of `leaf`; `leaf` keeps the upper half
      this.recKeys.copyWithin(nbase, base, base + splitIdx);
      this.recKeys.copyWithin(base, base + splitIdx, base + n);
      this.cnt[np] = splitIdx;
      this.cnt[leaf] = n - splitIdx;
      const oldPrev = this.prevP[leaf];
      const oldLow = this.low[leaf];
      this.low[np] = oldLow;
      this.low[leaf] = firstUpperKey;
      this.prevP[np] = oldPrev;
      this.nextP[np] = leaf;
      this.prevP[leaf] = np;
      if (oldPrev >= 0) this.nextP[oldPrev] = np;
      else this.head = np;
      this.nLeaves++;
      this.dir.setLeaf(oldLow, np);
      this.dir.insert(firstUpperKey, leaf);
      if (this.sniffer !== null) this.sniffer.leafInserted(np, oldLow, oldPrev, leaf, firstUpperKey);
      if (insertLeft) this.insertAt(np, this.lowerBound(np, key), key);
      else this.insertAt(leaf, this.lowerBound(leaf, key), key);
    }
  }

  /** btr_compress / btr_discard_page for an under-filled leaf. */
  private compress(page: number): void {
    const n = this.cnt[page];
    const prev = this.prevP[page];
    const next = this.nextP[page];
    const rec = this.layout.recordBytes;
    const cap = this.cap;
    if (n === 0) {
      this.stats.discards++;
      this.removeLeaf(page, prev >= 0 ? 'left' : 'right');
      return;
    }
    const mergeFits = (m: number) =>
      n * rec <= this.usableBytes - this.cnt[m] * rec - Math.ceil((2 * (this.cnt[m] + n)) / 4) && this.cnt[m] + n <= cap;
    // btr_compress (MySQL 5.6+, MariaDB 10.11): the left sibling if the records fit there, else
    // the right sibling; 4.1/5.0 tried only the left one when there was one.
    const intoLeft = prev >= 0 && mergeFits(prev);
    if (prev >= 0 && !intoLeft && !(this.mergeRight && next >= 0)) return;
    if (intoLeft) {
      const pn = this.cnt[prev];
      this.recKeys.copyWithin(prev * cap + pn, page * cap, page * cap + n);
      this.cnt[prev] = pn + n;
      this.lastInsValid[prev] = NO_KEY;
      this.stats.merges++;
      this.removeLeaf(page, 'left');
    } else if (next >= 0) {
      if (!mergeFits(next)) return;
      const nn = this.cnt[next];
      this.recKeys.copyWithin(next * cap + n, next * cap, next * cap + nn);
      this.recKeys.copyWithin(next * cap, page * cap, page * cap + n);
      this.cnt[next] = nn + n;
      this.lastInsValid[next] = NO_KEY;
      this.stats.merges++;
      this.removeLeaf(page, 'right');
    }
  }

  /** Unlink `page` (its records already moved) and free it; its key range goes to a sibling. */
  private removeLeaf(page: number, into: 'left' | 'right'): void {
    const prev = this.prevP[page];
    const next = this.nextP[page];
    const lowKey = this.low[page];
    let nextNewLow = LOW_KEY_UNCHANGED;
    if (into === 'left') {
      this.dir.remove(lowKey);
    } else {
      // the right sibling takes over the page's node pointer
      this.dir.remove(this.low[next]);
      this.dir.setLeaf(lowKey, next);
      this.low[next] = lowKey;
      nextNewLow = lowKey;
    }
    if (prev >= 0) this.nextP[prev] = next;
    else this.head = next;
    if (next >= 0) this.prevP[next] = prev;
    this.nLeaves--;
    this.cnt[page] = 0;
    this.fsp.freePage(page);
    if (this.sniffer !== null) this.sniffer.leafRemoved(page, lowKey, prev, next, nextNewLow);
  }

  private lowerBound(leaf: number, key: number): number {
    const base = leaf * this.cap;
    let lo = 0, hi = this.cnt[leaf];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.recKeys[base + mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private ensurePages(n: number): void {
    if (n <= this.pagesCap) return;
    const cap = Math.max(n, this.pagesCap * 2, 256);
    const g = (a: Int32Array, per = 1) => { const b = new Int32Array(cap * per); b.set(a); return b; };
    this.recKeys = g(this.recKeys, this.cap);
    this.cnt = g(this.cnt);
    this.low = g(this.low);
    this.prevP = g(this.prevP);
    this.nextP = g(this.nextP);
    this.lastIns = g(this.lastIns);
    const v = new Uint8Array(cap); v.set(this.lastInsValid); this.lastInsValid = v;
    this.pagesCap = cap;
  }
}
