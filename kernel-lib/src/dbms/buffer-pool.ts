/**
 * A page-granular LRU buffer pool over arbitrary integer page ids.
 *
 * A Map from page id to frame, and the LRU order of the frames in an IndexedLru
 * (core/indexed-lru.ts), so an access allocates nothing once the pool is full. It is a plain
 * LRU: InnoDB's pool keeps a midpoint-insertion LRU (new pages enter at 3/8 from the tail,
 * innodb_old_blocks_pct = 37, storage/innobase/buf/buf0lru.cc); a plain LRU is simpler and
 * gives the same hit ratio for workloads without large one-off scans.
 */
import { IndexedLru } from '../core/indexed-lru.js';
import { requireInteger } from '../core/validate.js';

export interface BufferPoolStats {
  hits: number;
  misses: number;
  evictions: number;
  /** Evictions of pages written since they were read (each costs a page write). */
  dirtyEvictions: number;
}

export interface LruBufferPoolOptions {
  /** Capacity in pages, 1 … 2^28 (4 TiB of 16 KiB pages). */
  capacityPages: number;
}

/** `access()`'s evicted page id when nothing was evicted. */
export const NO_EVICTION = -1;

export class LruBufferPool {
  readonly capacityPages: number;
  readonly stats: BufferPoolStats = { hits: 0, misses: 0, evictions: 0, dirtyEvictions: 0 };
  /** The page evicted by the last access(), or NO_EVICTION. */
  lastEvictedPage = NO_EVICTION;
  private readonly frameOf = new Map<number, number>();
  private readonly lru: IndexedLru;
  private readonly pageIds: Float64Array;
  private readonly dirty: Uint8Array;
  private used = 0;

  constructor(opts: LruBufferPoolOptions) {
    this.capacityPages = requireInteger('capacityPages', opts?.capacityPages, 'pages', 1, 2 ** 28);
    this.lru = new IndexedLru(this.capacityPages);
    this.pageIds = new Float64Array(this.capacityPages);
    this.dirty = new Uint8Array(this.capacityPages);
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
    this.lastEvictedPage = NO_EVICTION;
    const frame = this.frameOf.get(pageId);
    if (frame !== undefined) {
      this.stats.hits++;
      if (write) this.dirty[frame] = 1;
      this.lru.touch(frame);
      return true;
    }
    this.stats.misses++;
    let f: number;
    if (this.used < this.capacityPages) {
      f = this.used++;
    } else {
      f = this.lru.popLru();
      this.lastEvictedPage = this.pageIds[f];
      this.frameOf.delete(this.pageIds[f]);
      this.stats.evictions++;
      if (this.dirty[f]) this.stats.dirtyEvictions++;
    }
    this.pageIds[f] = pageId;
    this.dirty[f] = write ? 1 : 0;
    this.frameOf.set(pageId, f);
    this.lru.touch(f);
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
}
