/**
 * An LRU list over a fixed universe of integer ids 0..n−1 (intrusive doubly linked list in typed
 * arrays): O(1) insert at the MRU end, touch, remove and pop of the LRU end, no allocation per
 * operation. The one LRU of the library: the guest page cache (hardware/page-cache.ts), the
 * sampled InnoDB buffer pool (dbms/innodb-buffer-pool-model.ts) and the LRU buffer pool
 * (dbms/buffer-pool.ts, over its frame numbers) are built on it.
 */
import { requireInteger } from './validate.js';

const NIL = -1;

export class IndexedLru {
  readonly universe: number;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly inList: Uint8Array;
  private head = NIL; // MRU
  private tail = NIL; // LRU
  private count = 0;

  constructor(universe: number) {
    this.universe = requireInteger('universe', universe, 'ids', 1, 2 ** 28);
    this.prev = new Int32Array(universe).fill(NIL);
    this.next = new Int32Array(universe).fill(NIL);
    this.inList = new Uint8Array(universe);
  }

  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return this.inList[id] === 1;
  }

  /** Inserts `id` at the MRU end (or moves it there if present). */
  touch(id: number): void {
    if (this.inList[id] === 1) {
      if (this.head === id) return;
      this.unlink(id);
    } else {
      this.inList[id] = 1;
      this.count++;
    }
    this.prev[id] = NIL;
    this.next[id] = this.head;
    if (this.head !== NIL) this.prev[this.head] = id;
    this.head = id;
    if (this.tail === NIL) this.tail = id;
  }

  /** Removes `id` if present; returns whether it was. */
  remove(id: number): boolean {
    if (this.inList[id] !== 1) return false;
    this.unlink(id);
    this.inList[id] = 0;
    this.count--;
    return true;
  }

  /** Removes and returns the LRU id, or −1 when empty. */
  popLru(): number {
    const id = this.tail;
    if (id === NIL) return NIL;
    this.remove(id);
    return id;
  }

  /** Ids from MRU to LRU (for tests and inspection). */
  toArray(): number[] {
    const out: number[] = [];
    for (let i = this.head; i !== NIL; i = this.next[i]) out.push(i);
    return out;
  }

  private unlink(id: number): void {
    const p = this.prev[id];
    const n = this.next[id];
    if (p !== NIL) this.next[p] = n;
    else this.head = n;
    if (n !== NIL) this.prev[n] = p;
    else this.tail = p;
    this.prev[id] = NIL;
    this.next[id] = NIL;
  }
}
