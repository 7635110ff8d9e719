/**
 * The non-leaf levels of the clustered B+Tree: node pointers (low key → leaf page) in key
 * order, so that an insert or delete finds its leaf in O(log n).
 *
 * Two levels, as InnoDB has for 10^5 … 10^8 leaves: a root holding one entry per interior page
 * and interior pages of at most `nodeCapacity` node pointers (InnoDB's node-pointer record of a
 * clustered index on an int key is 5 header + 4 key + 4 child page-number bytes, so about 1,200
 * fit on a 16 KiB page; `nodePointerCapacity()`). A full interior page splits in the middle
 * (btr_page_split_and_insert on a non-leaf level); an empty one is dropped.
 *
 * Simpler than InnoDB: the root has no size limit (the tree never grows a 4th level), interior
 * pages are never merged (btr_compress on non-leaf levels), and they are not allocated in the
 * tablespace (only the leaf segment is modeled, see innodb-fsp.ts).
 */
import { maxInsertBytes } from './innodb-row-format.js';
import { requireInteger } from '../core/validate.js';

/** Node pointers per interior page: records of 5 + keyBytes + 4 bytes on a page of pageBytes. */
export function nodePointerCapacity(pageBytes: number, keyBytes = 4): number {
  const rec = 5 + keyBytes + 4;
  let n = 0;
  while (maxInsertBytes(pageBytes, rec, n) >= rec) n++;
  return n;
}

export class LeafDirectory {
  readonly nodeCapacity: number;
  private nodeKeys: Int32Array;
  private nodeVals: Int32Array;
  private nodeCount: Int32Array;
  private nNodesAllocated = 0;
  private freeNodes: number[] = [];
  private rootKeys: Int32Array;
  private rootNodes: Int32Array;
  private rootCount = 0;
  private size_ = 0;
  // result registers of `find` (no allocation)
  private fr = 0;
  private fs = 0;

  constructor(nodeCapacity: number) {
    this.nodeCapacity = requireInteger('nodeCapacity', nodeCapacity, 'node pointers', 4);
    const nodes = 16;
    this.nodeKeys = new Int32Array(nodes * nodeCapacity);
    this.nodeVals = new Int32Array(nodes * nodeCapacity);
    this.nodeCount = new Int32Array(nodes);
    this.rootKeys = new Int32Array(16);
    this.rootNodes = new Int32Array(16);
  }

  /** Number of node pointers (= leaves). */
  get size(): number {
    return this.size_;
  }
  /** Interior pages in use. */
  get interiorPages(): number {
    return this.rootCount;
  }

  /** The leaf whose key range holds `key` (largest low key ≤ key), or −1 if empty. */
  locate(key: number): number {
    if (this.size_ === 0) return -1;
    this.find(key);
    if (this.fs < 0) {
      // a key below the page's first pointer: its leaf is the last one of the previous page
      if (this.fr === 0) return this.nodeVals[this.rootNodes[0] * this.nodeCapacity];
      const prev = this.rootNodes[this.fr - 1];
      return this.nodeVals[prev * this.nodeCapacity + this.nodeCount[prev] - 1];
    }
    return this.nodeVals[this.rootNodes[this.fr] * this.nodeCapacity + this.fs];
  }

  /** Insert node pointer (lowKey → leaf); lowKey must not be present. */
  insert(lowKey: number, leaf: number): void {
    const C = this.nodeCapacity;
    if (this.size_ === 0) {
      const node = this.newNode();
      this.rootKeys[0] = lowKey;
      this.rootNodes[0] = node;
      this.rootCount = 1;
      this.nodeKeys[node * C] = lowKey;
      this.nodeVals[node * C] = leaf;
      this.nodeCount[node] = 1;
      this.size_ = 1;
      return;
    }
    let r: number, s: number;
    if (lowKey < this.rootKeys[0]) {
      r = 0;
      s = -1;
      this.rootKeys[0] = lowKey;
    } else {
      this.find(lowKey);
      r = this.fr;
      s = this.fs;
      if (this.nodeKeys[this.rootNodes[r] * C + s] === lowKey) throw new Error(`internal: duplicate node pointer ${lowKey}`);
    }
    let node = this.rootNodes[r];
    if (this.nodeCount[node] === C) {
      // split the interior page in the middle
      const nn = this.newNode();
      node = this.rootNodes[r];
      const half = C >> 1;
      this.nodeKeys.copyWithin(nn * C, node * C + half, node * C + C);
      this.nodeVals.copyWithin(nn * C, node * C + half, node * C + C);
      this.nodeCount[nn] = C - half;
      this.nodeCount[node] = half;
      this.rootInsert(r + 1, this.nodeKeys[nn * C], nn);
      if (s >= half) {
        r = r + 1;
        s -= half;
        node = nn;
      }
    }
    const base = node * C;
    const n = this.nodeCount[node];
    this.nodeKeys.copyWithin(base + s + 2, base + s + 1, base + n);
    this.nodeVals.copyWithin(base + s + 2, base + s + 1, base + n);
    this.nodeKeys[base + s + 1] = lowKey;
    this.nodeVals[base + s + 1] = leaf;
    this.nodeCount[node] = n + 1;
    this.size_++;
  }

  /** Remove the node pointer with exactly this low key. */
  remove(lowKey: number): void {
    const C = this.nodeCapacity;
    this.find(lowKey);
    const r = this.fr, s = this.fs;
    const node = this.rootNodes[r];
    const base = node * C;
    if (s < 0 || this.nodeKeys[base + s] !== lowKey) throw new Error(`internal: node pointer ${lowKey} not found`);
    const n = this.nodeCount[node];
    this.nodeKeys.copyWithin(base + s, base + s + 1, base + n);
    this.nodeVals.copyWithin(base + s, base + s + 1, base + n);
    this.nodeCount[node] = n - 1;
    this.size_--;
    if (n - 1 === 0) {
      this.freeNodes.push(node);
      this.rootKeys.copyWithin(r, r + 1, this.rootCount);
      this.rootNodes.copyWithin(r, r + 1, this.rootCount);
      this.rootCount--;
    } else if (s === 0) {
      // keep the fence equal to the page's smallest key (the first page's fence may be lower)
      if (r > 0) this.rootKeys[r] = this.nodeKeys[base];
    }
  }

  /** Point the node pointer `lowKey` at another leaf. */
  setLeaf(lowKey: number, leaf: number): void {
    this.find(lowKey);
    const idx = this.rootNodes[this.fr] * this.nodeCapacity + this.fs;
    if (this.fs < 0 || this.nodeKeys[idx] !== lowKey) throw new Error(`internal: node pointer ${lowKey} not found`);
    this.nodeVals[idx] = leaf;
  }

  /** Sets fr (root slot) and fs (slot in the interior page) of the largest key ≤ key. */
  private find(key: number): void {
    let lo = 0, hi = this.rootCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rootKeys[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    const node = this.rootNodes[lo];
    const base = node * this.nodeCapacity;
    let a = 0, b = this.nodeCount[node] - 1;
    if (this.nodeKeys[base] > key) {
      // only for keys below every fence
      this.fr = lo;
      this.fs = -1;
      return;
    }
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (this.nodeKeys[base + mid] <= key) a = mid;
      else b = mid - 1;
    }
    this.fr = lo;
    this.fs = a;
  }

  private rootInsert(at: number, key: number, node: number): void {
    if (this.rootCount === this.rootKeys.length) {
      const k = new Int32Array(this.rootKeys.length * 2); k.set(this.rootKeys); this.rootKeys = k;
      const v = new Int32Array(this.rootNodes.length * 2); v.set(this.rootNodes); this.rootNodes = v;
    }
    this.rootKeys.copyWithin(at + 1, at, this.rootCount);
    this.rootNodes.copyWithin(at + 1, at, this.rootCount);
    this.rootKeys[at] = key;
    this.rootNodes[at] = node;
    this.rootCount++;
  }

  private newNode(): number {
    if (this.freeNodes.length > 0) return this.freeNodes.pop()!;
    if (this.nNodesAllocated === this.nodeCount.length) {
      const cap = this.nodeCount.length * 2;
      const C = this.nodeCapacity;
      const k = new Int32Array(cap * C); k.set(this.nodeKeys); this.nodeKeys = k;
      const v = new Int32Array(cap * C); v.set(this.nodeVals); this.nodeVals = v;
      const c = new Int32Array(cap); c.set(this.nodeCount); this.nodeCount = c;
    }
    return this.nNodesAllocated++;
  }
}
