/**
 * A page-granular LRU buffer pool over integer page ids.
 *
 * Frames live in typed arrays (a doubly linked LRU list of frame indices) and a Map from page id
 * to frame, so an access allocates nothing once the pool is full. It is a plain LRU: InnoDB's
 * pool keeps a midpoint-insertion LRU (new pages enter at 3/8 from the tail,
 * innodb_old_blocks_pct = 37, storage/innobase/buf/buf0lru.cc); a plain LRU is simpler and
 * gives the same hit ratio for workloads without large one-off scans.
 */
import { requireInteger } from '../core/validate.js';

export interface BufferPoolStats {
  hits: number;
  misses: number;
  evictions: number;
  /** Evictions of pages written since they were read (each costs a page write). */
  dirtyEvictions: number;
}

export interface LruBufferPoolOptions {
  /** Capacity in pages (≥ 1). */
  capacityPages: number;
}

const NIL = -1;

export class LruBufferPool {
  readonly capacityPages: number;
  readonly stats: BufferPoolStats = { hits: 0, misses: 0, evictions: 0, dirtyEvictions: 0 };
  private readonly frameOf = new Map<number, number>();
  private pageIds: Float64Array;
  private prev: Int32Array;
  private next: Int32Array;
  private dirty: Uint8Array;
  private head = NIL; // most recently used
  private tail = NIL; // least recently used
  private used = 0;

  constructor(opts: LruBufferPoolOptions) {
    this.capacityPages = requireInteger('capacityPages', opts?.capacityPages, 'pages', 1, 2 ** 31 - 1);
    // Arrays grow with use (up to capacity) so that a large, mostly empty pool costs little.
    const initial = Math.min(this.capacityPages, 1024);
    this.pageIds = new Float64Array(initial);
    this.prev = new Int32Array(initial);
    this.next = new Int32Array(initial);
    this.dirty = new Uint8Array(initial);
  }

  /** Pages currently cached. */
  get sizePages(): number {
    return this.used;
  }

  contains(pageId: number): boolean {
    return this.frameOf.has(pageId);
  }

  /** Reads (or writes, `write = true`) a page. Returns true on a hit. */
  access(pageId: number, write = false): boolean {
    const frame = this.frameOf.get(pageId);
    if (frame !== undefined) {
      this.stats.hits++;
      if (write) this.dirty[frame] = 1;
      if (frame !== this.head) {
        this.unlink(frame);
        this.pushFront(frame);
      }
      return true;
    }
    this.stats.misses++;
    let f: number;
    if (this.used < this.capacityPages) {
      f = this.used++;
      this.ensureCapacity(this.used);
    } else {
      f = this.tail;
      this.unlink(f);
      this.frameOf.delete(this.pageIds[f]);
      this.stats.evictions++;
      if (this.dirty[f]) this.stats.dirtyEvictions++;
    }
    this.pageIds[f] = pageId;
    this.dirty[f] = write ? 1 : 0;
    this.frameOf.set(pageId, f);
    this.pushFront(f);
    return false;
  }

  resetStats(): void {
    this.stats.hits = this.stats.misses = this.stats.evictions = this.stats.dirtyEvictions = 0;
  }

  /** Hit ratio since the last resetStats (NaN before any access). */
  hitRatio(): number {
    const total = this.stats.hits + this.stats.misses;
    return total === 0 ? NaN : this.stats.hits / total;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.pageIds.length) return;
    const size = Math.min(this.capacityPages, Math.max(n, this.pageIds.length * 2));
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (k: number) => T): T => {
      const b = make(size);
      b.set(a as never);
      return b;
    };
    this.pageIds = grow(this.pageIds, (k) => new Float64Array(k));
    this.prev = grow(this.prev, (k) => new Int32Array(k));
    this.next = grow(this.next, (k) => new Int32Array(k));
    this.dirty = grow(this.dirty, (k) => new Uint8Array(k));
  }

  private unlink(f: number): void {
    const p = this.prev[f];
    const n = this.next[f];
    if (p !== NIL) this.next[p] = n;
    else this.head = n;
    if (n !== NIL) this.prev[n] = p;
    else this.tail = p;
  }

  private pushFront(f: number): void {
    this.prev[f] = NIL;
    this.next[f] = this.head;
    if (this.head !== NIL) this.prev[this.head] = f;
    this.head = f;
    if (this.tail === NIL) this.tail = f;
  }
}
