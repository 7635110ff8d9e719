/**
 * A sampled InnoDB buffer pool for the time-stepped replication simulation.
 *
 * Simulating every page access of paper A's runs (9 VMs × ~10^4 page accesses/s × 31,500 s) is
 * far too slow, so the pool is simulated on a spatial sample of the data pages — every
 * `stride`-th page — with its capacity scaled by the same factor, and only the accesses that fall
 * on sampled pages are replayed (the SHARDS idea: Waldspurger et al., "Efficient MRC
 * Construction with SHARDS", FAST 2015; an LRU cache of C·r pages over a rate-r spatial sample of
 * the pages sees the same hit ratio as the full cache, up to sampling noise). Replacement is plain
 * LRU (InnoDB's midpoint insertion matters only for scans, which SysBench does not do).
 */
import { IndexedLru } from '../../core/indexed-lru.js';
import { requireInteger } from '../../core/validate.js';

export class SampledBufferPool {
  readonly capacityPages: number;
  private readonly lru: IndexedLru;

  /** @param universePages sampled pages (ids 0..n−1) @param capacityPages sampled frames */
  constructor(universePages: number, capacityPages: number) {
    this.capacityPages = requireInteger('capacityPages', capacityPages, 'pages', 1);
    this.lru = new IndexedLru(universePages);
  }

  get sizePages(): number {
    return this.lru.size;
  }

  has(page: number): boolean {
    return this.lru.has(page);
  }

  /** A hit: the page becomes most recently used. */
  touch(page: number): void {
    this.lru.touch(page);
  }

  /** The frame that a new page will take: −1 while the pool has free frames, else the LRU page (removed). */
  evictIfFull(): number {
    if (this.lru.size < this.capacityPages) return -1;
    return this.lru.popLru();
  }

  /** Pages cached, MRU first (tests). */
  pages(): number[] {
    return this.lru.toArray();
  }
}
