/**
 * The guest OS page cache of one VM (Linux 3.17, buffered I/O: MySQL 5.6's default
 * innodb_flush_method reads data files through it). Its capacity is what the VM's memory leaves
 * beside the kernel, mysqld and the part of the buffer pool already in use:
 *   capacityPages = (vmMemory − guestReserved − bufferPoolInUse) / pageBytes,
 * so it shrinks while the buffer pool warms up (Linux reclaims page cache for the anonymous
 * buffer-pool memory). Replacement is LRU over 16 KiB pages.
 *
 * Simpler than Linux: one LRU list instead of the active/inactive pair (both evict pages that were
 * written once and never read before pages that were read), page granularity 16 KiB instead of
 * 4 KiB, no read-ahead.
 */
import { IndexedLru } from '../../core/indexed-lru.js';
import { requireInteger, requireNonNegative } from '../../core/validate.js';

export class GuestPageCache {
  private readonly lru: IndexedLru;
  private capacity: number;

  /** @param universePages ids are 0..universePages−1 @param capacityPages initial capacity */
  constructor(universePages: number, capacityPages: number) {
    this.lru = new IndexedLru(universePages);
    this.capacity = requireInteger('capacityPages', Math.floor(capacityPages), 'pages', 0);
  }

  get sizePages(): number {
    return this.lru.size;
  }

  get capacityPages(): number {
    return this.capacity;
  }

  has(page: number): boolean {
    return this.lru.has(page);
  }

  /**
   * Sets the capacity; returns the pages evicted to fit, via `onEvict` (LRU first).
   */
  setCapacity(capacityPages: number, onEvict?: (page: number) => void): void {
    requireNonNegative('capacityPages', capacityPages, 'pages');
    this.capacity = Math.floor(capacityPages);
    while (this.lru.size > this.capacity) {
      const p = this.lru.popLru();
      if (onEvict) onEvict(p);
    }
  }

  /** A read or write of `page` through the cache: it becomes most recently used. */
  touch(page: number, onEvict?: (page: number) => void): void {
    if (this.capacity === 0) return;
    this.lru.touch(page);
    while (this.lru.size > this.capacity) {
      const p = this.lru.popLru();
      if (onEvict) onEvict(p);
    }
  }

  /** Drops `page` (e.g. the file was replaced). */
  drop(page: number): boolean {
    return this.lru.remove(page);
  }
}
