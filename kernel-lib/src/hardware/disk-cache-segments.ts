/**
 * The drive buffer's inactive segments: ranges of logical blocks [lo, hi) left in the cache by
 * earlier read streams (and, when writes share the segments, by writes), replaced in LRU order
 * (DiskSim disksim_diskcache.c keeps "Number of buffer segments" segments and recycles the least
 * recently used one). The segment a read stream is filling is kept by the simulation itself
 * (disk-sim.ts); this list holds the others.
 */
export interface CacheSegment {
  lo: number;
  hi: number;
  /** Data written by the host (readable only when the drive allows read hits on write data). */
  write: boolean;
}

export class SegmentList {
  /** Most recently used last. */
  private readonly segs: CacheSegment[] = [];

  /** Index of a segment holding all of [lo, hi) (write data only if `allowWrite`), or −1. */
  find(lo: number, hi: number, allowWrite: boolean): number {
    for (let i = this.segs.length - 1; i >= 0; i--) {
      const s = this.segs[i];
      if (lo >= s.lo && hi <= s.hi && (allowWrite || !s.write)) return i;
    }
    return -1;
  }

  /** End of the longest cached run starting at `lo` (write data only if `allowWrite`), or −1 when `lo` is not cached. */
  prefixEnd(lo: number, allowWrite: boolean): number {
    let best = -1;
    for (const s of this.segs) if (lo >= s.lo && lo < s.hi && (allowWrite || !s.write) && s.hi > best) best = s.hi;
    return best;
  }

  /** Marks segment `i` most recently used. */
  touch(i: number): void {
    const [s] = this.segs.splice(i, 1);
    this.segs.push(s);
  }

  /** Adds a segment and drops the least recently used ones beyond `capacity`. */
  insert(lo: number, hi: number, write: boolean, capacity: number): void {
    if (hi > lo && capacity > 0) this.segs.push({ lo, hi, write });
    this.trim(capacity);
  }

  /** Drops the least recently used segments beyond `capacity`. */
  trim(capacity: number): void {
    while (this.segs.length > Math.max(0, capacity)) this.segs.shift();
  }

  /** Removes every segment overlapping [lo, hi) (its data is stale). */
  invalidate(lo: number, hi: number): void {
    for (let i = this.segs.length - 1; i >= 0; i--) {
      const s = this.segs[i];
      if (s.lo < hi && lo < s.hi) this.segs.splice(i, 1);
    }
  }

  get length(): number {
    return this.segs.length;
  }
}
