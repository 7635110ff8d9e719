/**
 * Detailed disk-drive simulation ("simulated", not the analytic f of hdd.ts). It replays requests
 * one at a time against an explicit drive state:
 * - rotational position tracked across requests: the platter angle is (absolute time / revolution)
 *   mod 1, so the rotational wait of each request depends on when the previous one ended;
 * - zones with their own sectors per track, track and cylinder skew, spare space, slipped and
 *   remapped defects under DiskSim's sparing schemes and surface orders (disk-layout.ts);
 * - seeks (Ruemmler–Wilkes curve, optionally with the first ten distances given explicitly, or a
 *   measured seek table interpolated as DiskSim does, seek-table.ts), head switches, write
 *   settling (which may be negative), a minimum delay before a non-sequential write;
 * - the drive's cache: the segment being filled by read-ahead, which runs on after a read until the
 *   next request arrives or the read-ahead limit is reached (to the segment's end, the track's end,
 *   the cylinder's end, or one track ahead of a detected sequential stream); older segments kept in
 *   LRU order (disk-cache-segments.ts); reads wholly in a segment are hits, reads just ahead of the
 *   stream are served by it, reads whose first blocks are cached send those at once (partial hits); writes in a separate segment or in the shared ones; sectors passing
 *   under the head before the requested ones may be read into the segment; read-on-arrival
 *   ("zero-latency") reads and writes on the first track of a request;
 * - controller overheads (command overheads that depend on whether the previous request was a read
 *   or a write, data preparation, reselect, completion, per-request, a time scale) and bus transfer
 *   per block, overlapped with the media transfer (reconnect at a watermark of the request size);
 * - writes reported after the media write, or as soon as their data is in the buffer (write-back,
 *   "fast writes": always, or only when no other dirty data is pending or the write appends to it).
 * The structure follows DiskSim's disk module (Ganger, Worthington, Patt; disksim_disk*.c,
 * disksim_diskcache.c, disksim_diskctlr.c, diskmodel/), with the parameters read from its validated
 * models by disksim-spec.ts. Simpler than DiskSim: no command queue (requests are served in order,
 * one at a time), no "sneaky" hits,
 * disconnect overheads run in parallel with the mechanism and are not modeled separately, and the
 * time from a command to its first media access is a fixed sum of overheads, not DiskSim's chain of
 * controller events (the HP C2247A's writes show the difference: see papers/disk/checks.ts).
 */
import { ParameterError, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../core/validate.js';
import { SegmentList } from './disk-cache-segments.js';
import { DiskLayout, type DiskZone, type PhysicalSector } from './disk-layout.js';
import type { HddProfile } from './hdd.js';
import { seekTableMs, type SeekTable } from './seek-table.js';

export interface DiskSimSeek {
  /** Seek times (ms) for distances 1..10 cylinders, when the drive's model lists them (DiskSim "First ten seek times"). */
  first10Ms?: readonly number[] | null;
  /** A measured seek table (DiskSim "Seek type = extracted"); when present it replaces the curve. */
  table?: SeekTable | null;
  /** Seek time of a one-cylinder seek when the curve has its own value for it (DiskSim hpl with flag ≠ −1). */
  singleCylMs?: number | null;
  /** Below `cutoffCyl`: aMs + bMsPerSqrtCyl·√d; above: cMs + eMsPerCyl·d (Ruemmler & Wilkes 1994). */
  aMs: number;
  bMsPerSqrtCyl: number;
  cutoffCyl: number;
  cMs: number;
  eMsPerCyl: number;
  /** Time to switch heads (ms); a seek that also changes head takes at least this long. */
  headSwitchMs: number;
  /** Settle time added to a write's (non-zero) positioning time (ms); may be negative (DiskSim allows it). */
  writeSettleMs: number;
  /** A write waits at least this long after its command overhead before the media access, unless it continues a media write in progress (ms; DiskSim "Minimum seek delay"). */
  minWriteDelayMs?: number;
}

export interface DiskSimOverheads {
  /** Command overhead of a read hit after a read (ms). */
  readHitMs: number;
  /** Command overhead of a read miss after a read (ms). */
  readMissMs: number;
  /** Command overhead of a write after a write (ms). */
  writeMs: number;
  /** The same three after a request of the other kind (default: as above). */
  readHitAfterWriteMs?: number;
  readMissAfterWriteMs?: number;
  writeAfterReadMs?: number;
  /** Overhead at every request's arrival (ms; DiskSim "Per-request overhead time"). */
  perRequestMs?: number;
  /** Completion overhead after a read (ms). */
  readCompletionMs: number;
  /** Completion overhead after a write (ms). */
  writeCompletionMs: number;
  /** Data preparation before a transfer (ms). */
  dataPrepMs: number;
  /** Reconnect (reselect) overhead before a read's data transfer after a disconnect (ms). */
  reselectMs: number;
  /**
   * A write that does not continue the previous write disconnects an extra time (DiskSim
   * "Extra write disconnect"); null when the drive does not.
   */
  extraWriteDisconnect: null | {
    commandMs: number;
    disconnect1Ms: number;
    interDisconnectMs: number;
    disconnect2Ms: number;
    /** Delay of the mechanical activity beyond the command overhead (ms). */
    seekDeltaMs: number;
  };
}

/** How far the drive reads ahead after a read (DiskSim "Buffer continuous read" 0–4). */
export type DiskSimPrefetch = 'none' | 'track' | 'cylinder' | 'segment' | 'next-track-if-sequential';

export interface DiskSimSpec {
  name: string;
  /** Spindle speed (rpm). */
  rpm: number;
  surfaces: number;
  zones: DiskZone[];
  /** Sparing scheme, surface order and range size of the layout (default: track sparing, normal order). */
  layout?: { sparing: number; mapping: number; rangeSize: number };
  seek: DiskSimSeek;
  cache: {
    /** Size of a segment (blocks). */
    segmentBlocks: number;
    /** How far beyond a read the drive reads ahead at most (blocks). */
    maxReadAheadBlocks: number;
    /** Reads of data still in a write segment are hits. */
    readHitsOnWriteData: boolean;
    /** Reconnect for a read's transfer when this fraction of the request is in the buffer. */
    readWatermarkFrac: number;
    /** A write's media access starts when this fraction of the request is in the buffer (default 0: the first block). */
    writeWatermarkFrac?: number;
    /**
     * A read that starts ahead of the running read-ahead (not yet read, but within its range) waits
     * for the stream (true), or is a miss (false; DiskSim "Allow almost read hits = 0").
     */
    serveAheadOfStream: boolean;
    /** Segments of the buffer (default 1 read segment plus a separate write segment). */
    segments?: number;
    /** One segment is reserved for writes (default true). */
    separateWriteSegment?: boolean;
    /** Read-ahead mode (default 'segment'). */
    prefetch?: DiskSimPrefetch;
    /**
     * What the read-ahead may do with the request's own data in the segment: 'keep' it (read-ahead
     * limited to the segment's free room; default), 'overwrite' it, or 'erase' it when the request
     * completes (DiskSim "Read-ahead over requested" 0, 1, −1).
     */
    requestData?: 'keep' | 'overwrite' | 'erase';
    /** A read served entirely from the stream's segment restarts the read-ahead (default true). */
    readAheadOnHit?: boolean;
    /** A new request may stop the read-ahead in the middle of a sector (default true). */
    stopInSector?: boolean;
    /** Sectors passing under the head before the requested ones are read into the segment (default false). */
    readAnyFreeBlocks?: boolean;
  };
  overheads: DiskSimOverheads;
  bus: {
    /** Bus time per 512-byte block of a read (ms). */
    readBlockMs: number;
    /** Bus time per block of a write (ms). */
    writeBlockMs: number;
  };
  /** Report a write as done when its data is in the buffer (write-back); false = after the media write. */
  immediateWriteReport: boolean;
  /** Write-back only when no other dirty data is pending or the write appends to it (DiskSim "Fast write level = 1"); default false. */
  fastWritesAppendOnly?: boolean;
  /** Read-on-arrival: sectors of a request's first track are read in the order they pass under the head. */
  immediateRead?: boolean;
  /** Write-on-arrival for writes whose data is already in the buffer when the head arrives. */
  immediateWrite?: boolean;
  /** Where the numbers come from. */
  source: string;
  /**
   * 'tracked' (default): the platter angle follows the clock. 'mean': every access that is not a
   * continuation waits half a revolution, as the analytic f assumes (for ablation only).
   */
  rotation?: 'tracked' | 'mean';
}

/** How the last request was served. */
export type DiskSimOutcome = 'hit' | 'stream' | 'miss' | 'write';

const EPS = 1e-9;

/** A drive simulation with explicit state (head position, clock of the mechanism, cache). */
export class DiskSim {
  readonly spec: DiskSimSpec;
  readonly layout: DiskLayout;
  readonly revMs: number;
  private readonly meanRotation: boolean;
  /** Outcome of the last request. */
  lastOutcome: DiskSimOutcome = 'miss';
  /** Seek (ms) before the first sector of the last read miss. */
  lastMissSeekMs = 0;
  /** Rotational wait (ms) before the first sector of the last read miss. */
  lastMissRotationMs = 0;

  // configuration
  private readonly prefetch: DiskSimPrefetch;
  private readonly requestData: 'keep' | 'overwrite' | 'erase';
  private readonly readAheadOnHit: boolean;
  private readonly stopInSector: boolean;
  private readonly separateWrite: boolean;
  /** Segments other than the one being filled by the read stream (and the separate write segment). */
  private readonly otherSegments: number;
  // mechanism
  private headCyl = 0;
  private headHead = 0;
  /** Time (ms) at which the mechanism finished its last sector (or became free). */
  private tc = 0;
  // read stream / read segment
  private streamActive = false;
  private streamStart = 0;
  private cursor = 0;
  private target = 0;
  private readonly older = new SegmentList();
  // write segment
  private wLo = -1;
  private wHi = -1;
  private lastWasWrite = false;
  private lastWriteEnd = -1;
  private lastReadLast = -2;
  // scratch
  private readonly ps: PhysicalSector = { cyl: 0, head: 0, angle: 0, sectorsPerTrack: 1 };
  private readonly ps2: PhysicalSector = { cyl: 0, head: 0, angle: 0, sectorsPerTrack: 1 };
  private pkEnd = 0;
  private lastEndAngle = -1;
  private pkSeek = 0;
  private pkWait = 0;
  private avail: Float64Array = new Float64Array(256);
  private readonly trackEnds = new Map<number, number>();
  private readonly trackStarts = new Map<number, number>();

  constructor(spec: DiskSimSpec) {
    validateSpec(spec);
    this.spec = spec;
    this.layout = new DiskLayout(spec.surfaces, spec.zones, spec.layout);
    this.revMs = 60_000 / spec.rpm;
    this.meanRotation = spec.rotation === 'mean';
    const c = spec.cache;
    this.prefetch = c.prefetch ?? 'segment';
    this.requestData = c.requestData ?? 'keep';
    this.readAheadOnHit = c.readAheadOnHit ?? true;
    this.stopInSector = c.stopInSector ?? true;
    this.separateWrite = c.separateWriteSegment ?? true;
    const segs = c.segments ?? (this.separateWrite ? 2 : 1);
    this.otherSegments = segs - 1 - (this.separateWrite ? 1 : 0);
  }

  /** Seek time (ms) between two positions, head switch and write settle included (DiskSim mech_g1.c, dm_seek_time_g1). */
  positionMs(fromCyl: number, fromHead: number, toCyl: number, toHead: number, isWrite: boolean): number {
    const s = this.spec.seek;
    const d = fromCyl > toCyl ? fromCyl - toCyl : toCyl - fromCyl;
    let t = 0;
    if (d > 0) {
      if (s.table) t = seekTableMs(s.table, d);
      else if (s.first10Ms && d <= 10) t = s.first10Ms[d - 1];
      else if (d === 1 && s.singleCylMs != null) t = s.singleCylMs;
      else if (d < s.cutoffCyl) t = s.aMs + s.bMsPerSqrtCyl * Math.sqrt(d);
      else t = s.cMs + s.eMsPerCyl * d;
    }
    if (fromHead !== toHead && t < s.headSwitchMs) t = s.headSwitchMs;
    if (isWrite && t > 0) {
      t += s.writeSettleMs;
      if (t < 0) t = 0;
    }
    return t;
  }
  /** Computes (without committing) when sector `lbn` would be done if accessed next, not starting before `earliest`. */
  private peek(lbn: number, earliest: number, isWrite: boolean): void {
    const p = this.layout.locate(lbn, this.ps);
    this.pkSeek = this.positionMs(this.headCyl, this.headHead, p.cyl, p.head, isWrite);
    let t = this.tc + this.pkSeek;
    if (earliest > t) t = earliest;
    const rev = this.revMs;
    const phase = t / rev - Math.floor(t / rev);
    let wait = p.angle - phase;
    wait -= Math.floor(wait);
    if (this.meanRotation) {
      // continuation of the previous sector on the same track: no wait; anything else: half a revolution
      let gap = p.angle - this.lastEndAngle;
      gap -= Math.floor(gap);
      const continues = this.pkSeek === 0 && t === this.tc && (gap < EPS || gap > 1 - EPS);
      wait = continues ? 0 : 0.5;
    } else if (wait > 1 - EPS || wait < EPS) wait = 0;
    this.pkWait = wait * rev;
    this.pkEnd = t + this.pkWait + rev / p.sectorsPerTrack;
  }

  private commit(): void {
    const a = this.ps.angle + 1 / this.ps.sectorsPerTrack;
    this.lastEndAngle = a - Math.floor(a);
    this.headCyl = this.ps.cyl;
    this.headHead = this.ps.head;
    this.tc = this.pkEnd;
  }

  /** Lets the read-ahead stream run until time `t` (sectors finished by then are in the segment). */
  private advanceStream(t: number): void {
    while (this.streamActive && this.cursor < this.target) {
      this.peek(this.cursor, 0, false);
      if (this.pkEnd > t) {
        // DiskSim "Stop prefetch in sector = 0": a sector already under the head is finished first
        if (!this.stopInSector && this.pkEnd - this.revMs / this.ps.sectorsPerTrack < t) {
          this.commit();
          this.cursor++;
        }
        return;
      }
      this.commit();
      this.cursor++;
    }
    if (this.streamActive && this.cursor >= this.target) this.streamActive = false;
  }

  private ensureAvail(n: number): void {
    if (this.avail.length < n) this.avail = new Float64Array(Math.max(n, this.avail.length * 2));
  }

  /**
   * Runs the stream through block `end` (exclusive), recording each block's availability time in
   * avail[lbn − base] from `from` on.
   */
  private streamThrough(from: number, end: number, now: number, base = from): void {
    this.ensureAvail(end - base);
    for (let lbn = from; lbn < end; lbn++) {
      if (lbn < this.cursor) {
        this.avail[lbn - base] = now;
        continue;
      }
      this.peek(lbn, 0, false);
      this.commit();
      this.cursor = lbn + 1;
      this.avail[lbn - base] = this.pkEnd;
    }
  }

  /** Logical blocks after `lbn` on its track, plus one: the first block of the next track. */
  private trackEnd(lbn: number): number {
    return this.trackBound(lbn, 1, this.trackEnds);
  }

  /** First logical block of the track holding `lbn`. */
  private trackStart(lbn: number): number {
    return this.trackBound(lbn, -1, this.trackStarts);
  }

  /** Scans from `lbn` in direction `dir` to the track's edge (exclusive end, or first block), memoized per track. */
  private trackBound(lbn: number, dir: 1 | -1, memo: Map<number, number>): number {
    const p = this.layout.locate(lbn, this.ps2);
    const cyl = p.cyl;
    const head = p.head;
    const key = cyl * this.spec.surfaces + head;
    const known = memo.get(key);
    if (known !== undefined && (dir === 1 ? known > lbn : known <= lbn)) return known;
    let j = lbn;
    for (;;) {
      const next = dir === 1 ? j + 1 : j - 1;
      if (next < 0 || next >= this.layout.totalBlocks) break;
      this.layout.locate(next, this.ps2);
      if (this.ps2.cyl !== cyl || this.ps2.head !== head) break;
      j = next;
    }
    const bound = dir === 1 ? j + 1 : j;
    memo.set(key, bound);
    return bound;
  }

  private cylinderEnd(lbn: number): number {
    const cyl = this.layout.locate(lbn, this.ps2).cyl;
    let j = this.trackEnd(lbn);
    while (j < this.layout.totalBlocks && this.layout.locate(j, this.ps2).cyl === cyl) j = this.trackEnd(j);
    return j;
  }

  private segLo(): number {
    const lo = this.cursor - this.spec.cache.segmentBlocks;
    return lo > this.streamStart ? lo : this.streamStart;
  }

  /** Where the read-ahead after a read of [start, end) stops (DiskSim "Buffer continuous read", "Maximum read-ahead", "Read-ahead over requested"). */
  private readAheadTarget(end: number, start: number): number {
    const t = this.readAheadLimit(end, start);
    return t < this.layout.totalBlocks ? t : this.layout.totalBlocks; // never past the disk's last block
  }

  private readAheadLimit(end: number, start: number): number {
    const c = this.spec.cache;
    const room = this.requestData === 'keep' ? c.segmentBlocks - (end - start) : c.segmentBlocks;
    const cap = end + Math.max(0, Math.min(c.maxReadAheadBlocks, room));
    let t: number;
    switch (this.prefetch) {
      case 'none':
        return end;
      case 'segment':
        return cap;
      case 'track':
        t = this.trackEnd(end - 1);
        break;
      case 'cylinder':
        t = this.cylinderEnd(end - 1);
        break;
      case 'next-track-if-sequential': {
        // DiskSim BUFFER_DEC_PREFETCH_SCHEME (disksim_diskcache.c, disk_buffer_get_max_readahead):
        // to the end of the track holding the block after the request, and one track further when
        // the segment's data began on an earlier track (a sequential stream); not capped by the
        // maximum read-ahead, only by the segment
        if (end >= this.layout.totalBlocks) return end;
        const te = this.trackEnd(end);
        const segStart = Math.min(this.streamStart, start);
        const spt = this.layout.locate(start, this.ps2).sectorsPerTrack;
        const ts = this.trackStart(end);
        t = segStart < ts ? te + spt : te;
        const segCap = segStart + c.segmentBlocks;
        if (t > segCap) t = segCap;
        if (t > this.layout.totalBlocks) t = this.layout.totalBlocks;
        return t > end ? t : end;
      }
    }
    return t < cap ? (t > end ? t : end) : cap;
  }

  /**
   * Read- or write-on-arrival of the blocks of [lbn, end) on lbn's track: each sector is accessed
   * when it first passes under the head after the seek (not before `earliest`). Fills avail[0..k),
   * moves the mechanism, and returns k.
   */
  private onArrival(lbn: number, end: number, earliest: number, isWrite: boolean): number {
    const p = this.layout.locate(lbn, this.ps);
    const cyl = p.cyl;
    const head = p.head;
    const spt = p.sectorsPerTrack;
    const seek = this.positionMs(this.headCyl, this.headHead, cyl, head, isWrite);
    let t = this.tc + seek;
    if (earliest > t) t = earliest;
    const rev = this.revMs;
    const phase = t / rev - Math.floor(t / rev);
    this.ensureAvail(end - lbn);
    let last = t;
    let firstWait = Infinity;
    let lastAngle = 0;
    let k = 0;
    for (let j = lbn; j < end; j++) {
      const q = this.layout.locate(j, this.ps2);
      if (q.cyl !== cyl || q.head !== head) break;
      let w = q.angle - phase;
      w -= Math.floor(w);
      if (w > 1 - EPS || w < EPS) w = 0;
      const done = t + w * rev + rev / spt;
      this.avail[k++] = done;
      if (w < firstWait) firstWait = w;
      if (done > last) {
        last = done;
        lastAngle = q.angle;
      }
    }
    this.pkSeek = seek;
    this.pkWait = firstWait * rev;
    const a = lastAngle + 1 / spt;
    this.lastEndAngle = a - Math.floor(a);
    this.headCyl = cyl;
    this.headHead = head;
    this.tc = last;
    return k;
  }

  private checkRequest(lbn: number, blocks: number, tMs: number): void {
    requireInteger('blocks', blocks, 'blocks', 1);
    if (!(Number.isInteger(lbn) && lbn >= 0 && lbn + blocks <= this.layout.totalBlocks)) {
      throw new ParameterError('lbn', lbn, 'blocks', `an integer with lbn + blocks ≤ ${this.layout.totalBlocks} (the drive's capacity)`);
    }
    requireNonNegative('tMs', tMs, 'ms');
  }

  /** Serves a read of `blocks` blocks at `lbn` that the drive starts at time `tMs`; returns its completion time (ms). */
  read(lbn: number, blocks: number, tMs: number): number {
    this.checkRequest(lbn, blocks, tMs);
    const o = this.spec.overheads;
    const c = this.spec.cache;
    const bus = this.spec.bus.readBlockMs;
    const end = lbn + blocks;
    const t0 = tMs + (o.perRequestMs ?? 0);
    const afterWrite = this.lastWasWrite;
    const hitMs = afterWrite ? (o.readHitAfterWriteMs ?? o.readHitMs) : o.readHitMs;
    const missMs = afterWrite ? (o.readMissAfterWriteMs ?? o.readMissMs) : o.readMissMs;
    this.advanceStream(t0);
    this.lastWasWrite = false;
    const inRead = lbn >= this.segLo() && end <= this.cursor;
    const inWrite = c.readHitsOnWriteData && lbn >= this.wLo && end <= this.wHi;
    const olderIdx = inRead || inWrite ? -1 : this.older.find(lbn, end, c.readHitsOnWriteData);
    if (inRead || inWrite || olderIdx >= 0) {
      this.lastOutcome = 'hit';
      if (olderIdx >= 0) this.older.touch(olderIdx);
      // read-ahead on a hit: keep (or restart) the stream past the request
      if (inRead && this.readAheadOnHit && end <= this.cursor) {
        const tgt = this.readAheadTarget(end, lbn);
        if (tgt > this.target) {
          if (!this.streamActive && this.tc < t0) this.tc = t0;
          this.target = tgt;
          this.streamActive = true;
        }
      }
      if (inRead) this.eraseRequestData(end);
      this.lastReadLast = end - 1;
      return t0 + hitMs + o.dataPrepMs + blocks * bus + o.readCompletionMs;
    }
    const aheadLimit = c.serveAheadOfStream ? this.target : this.cursor;
    if (this.streamActive && lbn >= this.segLo() && lbn <= aheadLimit) {
      // the request lies in (or just ahead of) the running read-ahead: the stream serves it
      this.lastOutcome = 'stream';
      this.target = Math.max(this.target, this.readAheadTarget(end, lbn));
      const start = t0 + hitMs + o.dataPrepMs;
      this.streamThrough(lbn, end, t0);
      let b = start;
      for (let j = 0; j < blocks; j++) b = (b > this.avail[j] ? b : this.avail[j]) + bus;
      this.eraseRequestData(end);
      this.lastReadLast = end - 1;
      return b + o.readCompletionMs;
    }
    // partial hit: the request's first blocks are cached (DiskSim BUFFER_PARTIAL with "Immed transfer
    // partial hit = 1"): they go out at once, the rest is read from the media behind them
    let cachedEnd = lbn >= this.segLo() && lbn < this.cursor ? this.cursor : -1;
    const older = this.older.prefixEnd(lbn, c.readHitsOnWriteData);
    if (older > cachedEnd) cachedEnd = older;
    if (c.readHitsOnWriteData && lbn >= this.wLo && lbn < this.wHi && this.wHi > cachedEnd) cachedEnd = this.wHi;
    if (cachedEnd > lbn && cachedEnd < end) {
      this.lastOutcome = 'stream';
      const keepActive = cachedEnd === this.cursor;
      if (!keepActive) {
        const lo = this.segLo();
        if (this.cursor > lo) this.older.insert(lo, this.cursor, false, this.otherSegments);
        this.streamStart = lbn;
      }
      const tCmd = t0 + hitMs;
      if (this.tc < tCmd) this.tc = tCmd;
      this.cursor = cachedEnd;
      this.target = Math.max(keepActive ? this.target : 0, this.readAheadTarget(end, lbn));
      this.streamActive = true;
      this.streamThrough(lbn, end, t0);
      let b = t0 + hitMs + o.dataPrepMs;
      for (let j = 0; j < blocks; j++) b = (b > this.avail[j] ? b : this.avail[j]) + bus;
      if (this.cursor >= this.target) this.streamActive = false;
      this.eraseRequestData(end);
      this.lastReadLast = end - 1;
      return b + o.readCompletionMs;
    }
    // miss: keep the stream's data as an older segment, stop the read-ahead, position and read
    this.lastOutcome = 'miss';
    const lo = this.segLo();
    if (this.cursor > lo) this.older.insert(lo, this.cursor, false, this.otherSegments);
    else this.older.trim(this.otherSegments);
    this.streamActive = false;
    const tCmd = t0 + missMs;
    if (this.tc < tCmd) this.tc = tCmd;
    this.streamStart = lbn;
    this.cursor = lbn;
    this.target = this.readAheadTarget(end, lbn);
    this.streamActive = true;
    this.peek(lbn, 0, false);
    this.lastMissSeekMs = this.pkSeek;
    this.lastMissRotationMs = this.pkWait;
    if (c.readAnyFreeBlocks) {
      // sectors of the same track that pass under the head during the rotational wait
      const m = Math.floor(this.pkWait / (this.revMs / this.ps.sectorsPerTrack) + EPS);
      const ts = m > 0 ? this.trackStart(lbn) : lbn;
      this.streamStart = Math.max(ts, lbn - m);
    }
    if (this.spec.immediateRead && !this.meanRotation) {
      const k = this.onArrival(lbn, end, 0, false);
      this.lastMissSeekMs = this.pkSeek;
      this.lastMissRotationMs = this.pkWait;
      this.cursor = lbn + k;
      this.streamThrough(lbn + k, end, t0, lbn);
    } else {
      this.streamThrough(lbn, end, t0);
    }
    // read watermark as DiskSim sets it with "Set watermark by reqsize": max(1, (int)(min(segment, request) · fraction))
    const w = Math.max(1, Math.floor(Math.min(c.segmentBlocks, blocks) * c.readWatermarkFrac + EPS));
    let wm = 0;
    for (let j = 0; j < w; j++) if (this.avail[j] > wm) wm = this.avail[j];
    let b = wm + o.reselectMs + o.dataPrepMs;
    for (let j = 0; j < blocks; j++) b = (b > this.avail[j] ? b : this.avail[j]) + bus;
    if (this.cursor >= this.target) this.streamActive = false;
    this.eraseRequestData(end);
    this.lastReadLast = end - 1;
    return b + o.readCompletionMs;
  }

  /** DiskSim "Read-ahead over requested = −1": the request's data leaves the segment when it completes. */
  private eraseRequestData(end: number): void {
    if (this.requestData === 'erase' && this.streamStart < end) this.streamStart = Math.min(end, this.cursor);
  }

  /** Serves a write of `blocks` blocks at `lbn` that the drive starts at time `tMs`; returns its completion time (ms). */
  write(lbn: number, blocks: number, tMs: number): number {
    this.checkRequest(lbn, blocks, tMs);
    const o = this.spec.overheads;
    const busW = this.spec.bus.writeBlockMs;
    const end = lbn + blocks;
    const t0 = tMs + (o.perRequestMs ?? 0);
    const wMs = this.lastWasWrite ? o.writeMs : (o.writeAfterReadMs ?? o.writeMs);
    this.advanceStream(t0);
    this.streamActive = false; // a write stops read-ahead
    if (lbn < this.cursor && end > this.segLo()) this.streamStart = this.cursor; // drop overlapped read data
    this.older.invalidate(lbn, end);
    this.lastOutcome = 'write';
    const x = o.extraWriteDisconnect;
    const appending = this.lastWasWrite && lbn === this.lastWriteEnd;
    const extra = x !== null && this.lastWasWrite && lbn !== this.lastWriteEnd;
    let tMech: number;
    let busStart: number;
    if (extra && x) {
      tMech = t0 + x.commandMs + x.seekDeltaMs;
      busStart = t0 + x.commandMs + x.disconnect1Ms + x.interDisconnectMs + x.disconnect2Ms;
    } else {
      tMech = t0 + wMs;
      busStart = t0 + wMs + o.dataPrepMs;
    }
    const busDone = busStart + blocks * busW;
    // no dirty data left in the buffer when the write arrives (the mechanism is idle)
    const clean = this.tc <= t0;
    if (this.tc < tMech) this.tc = tMech;
    // start writing only when the buffered data stays ahead of the head
    const p = this.layout.locate(lbn, this.ps);
    const sectorMs = this.revMs / p.sectorsPerTrack;
    let earliest = 0;
    for (let j = 0; j < blocks; j++) {
      const e = busStart + (j + 1) * busW - j * sectorMs;
      if (e > earliest) earliest = e;
    }
    const minDelay = this.spec.seek.minWriteDelayMs ?? 0;
    // DiskSim (disk_check_hda) skips the minimum delay only for a write that continues a media
    // write still in progress (a sequential stream), not for one that merely appends to the previous write
    let mediaFrom = appending && !clean ? 0 : tMech + minDelay;
    // the media write starts once the write watermark's blocks are in the buffer (DiskSim
    // disksim_diskctlr.c: watermark = max(1, (int)(min(segment, request) · "Low (write) water mark")))
    const wm = Math.max(1, Math.floor(Math.min(this.spec.cache.segmentBlocks, blocks) * (this.spec.cache.writeWatermarkFrac ?? 0)));
    if (busStart + wm * busW > mediaFrom) mediaFrom = busStart + wm * busW;
    let done = 0;
    let j0 = 0;
    if (this.spec.immediateWrite && !this.meanRotation) {
      const arrive = Math.max(this.tc + this.positionMs(this.headCyl, this.headHead, p.cyl, p.head, true), mediaFrom);
      if (busDone <= arrive) {
        j0 = this.onArrival(lbn, end, mediaFrom, true);
        for (let j = 0; j < j0; j++) if (this.avail[j] > done) done = this.avail[j];
      }
    }
    for (let j = j0; j < blocks; j++) {
      this.peek(lbn + j, j === 0 ? Math.max(earliest, mediaFrom) : 0, true);
      this.commit();
      done = this.pkEnd;
    }
    if (this.separateWrite) {
      this.wLo = lbn;
      this.wHi = end;
    } else {
      // the write takes one of the shared segments (sequential writes share one, "Combine seq writes")
      const lo = this.segLo();
      if (this.cursor > lo) this.older.insert(lo, this.cursor, false, this.otherSegments + 1);
      this.streamStart = this.cursor;
      this.older.insert(lbn, end, true, this.otherSegments + 1);
    }
    this.lastWasWrite = true;
    this.lastWriteEnd = end;
    // "Fast write level = 1": write-back only while the buffer holds no other dirty data, or the
    // write appends to it (disk.modspec; disksim_diskctlr.c, disk_write_arrive: a limited fast write
    // goes ahead when nothing is pending and the current access can be stopped)
    const fast = this.spec.immediateWriteReport && (!this.spec.fastWritesAppendOnly || appending || clean);
    return (fast ? busDone : done) + o.writeCompletionMs;
  }
}

function validateSpec(spec: DiskSimSpec): void {
  requirePositive('rpm', spec.rpm, 'rpm');
  requireInteger('cache.segmentBlocks', spec.cache.segmentBlocks, 'blocks', 1);
  requireInteger('cache.maxReadAheadBlocks', spec.cache.maxReadAheadBlocks, 'blocks', 0);
  requireInRange('cache.readWatermarkFrac', spec.cache.readWatermarkFrac, '', 0, 1);
  requireNonNegative('bus.readBlockMs', spec.bus.readBlockMs, 'ms');
  requireNonNegative('bus.writeBlockMs', spec.bus.writeBlockMs, 'ms');
  requireNonNegative('seek.headSwitchMs', spec.seek.headSwitchMs, 'ms');
  requireInRange('seek.writeSettleMs', spec.seek.writeSettleMs, 'ms', -60_000 / spec.rpm, 60_000 / spec.rpm);
  requireInteger('cache.segments', spec.cache.segments ?? 2, 'segments', 1);
  if ((spec.cache.segments ?? 2) < ((spec.cache.separateWriteSegment ?? true) ? 2 : 1)) {
    throw new ParameterError('cache.segments', spec.cache.segments, 'segments', '≥ 2 with a separate write segment (one for reads, one for writes)');
  }
  for (const [k, v] of Object.entries(spec.overheads)) {
    if (typeof v === 'number') requireNonNegative(`overheads.${k}`, v, 'ms');
  }
}

/**
 * A DiskSim spec for a desktop drive profile (hdd.ts). The profile's datasheets give no
 * controller overheads, skews or segment layout, so: overheads 0; head-switch time and the
 * track and cylinder skews from the track-to-track seek (skew = the sectors that pass during it,
 * rounded up, so a sequential stream switches track without losing a revolution);
 * one read segment as large as the cache, reading ahead to its end; bus at the interface rate.
 */
export function diskSimSpecFromHddProfile(profile: HddProfile): DiskSimSpec {
  const zt = profile.zones;
  const revMs = 60_000 / profile.rpm;
  const zones: DiskZone[] = [];
  for (let z = 0; z < zt.sectorsPerTrack.length; z++) {
    const spt = zt.sectorsPerTrack[z];
    const skew = Math.ceil(profile.trackToTrackMs / (revMs / spt));
    zones.push({
      firstCyl: zt.firstCyl[z],
      lastCyl: zt.firstCyl[z] + zt.cylCount[z] - 1,
      sectorsPerTrack: spt,
      firstBlockOffset: 0,
      deadSpaceBlocks: 0,
      trackSkew: skew,
      cylSkew: skew, // DiskSim semantics: at a cylinder switch only the cylinder skew applies
      spares: 0,
      slips: [],
    });
  }
  const s = profile.seek;
  const cacheBlocks = Math.floor(profile.cacheBytes / 512);
  const blockMs = (512 / (profile.busMBps * 1e6)) * 1000;
  return {
    name: `${profile.name} (simulated)`,
    rpm: profile.rpm,
    surfaces: zt.surfaces,
    zones,
    seek: {
      first10Ms: null,
      aMs: s.aMs,
      bMsPerSqrtCyl: s.bMsPerSqrtCyl,
      cutoffCyl: s.cutoffCyl,
      cMs: s.cMs,
      eMsPerCyl: s.eMsPerCyl,
      headSwitchMs: profile.trackToTrackMs,
      writeSettleMs: 0,
    },
    cache: { segmentBlocks: cacheBlocks, maxReadAheadBlocks: cacheBlocks, readHitsOnWriteData: true, readWatermarkFrac: 0, serveAheadOfStream: true },
    overheads: {
      readHitMs: 0,
      readMissMs: 0,
      writeMs: 0,
      readCompletionMs: 0,
      writeCompletionMs: 0,
      dataPrepMs: 0,
      reselectMs: 0,
      extraWriteDisconnect: null,
    },
    bus: { readBlockMs: blockMs, writeBlockMs: blockMs },
    immediateWriteReport: false,
    source: `derived from data/disk/${profile.name}.json (see its source fields); overheads unknown → 0`,
  };
}

const specCache = new WeakMap<HddProfile, DiskSimSpec>();

/**
 * Simulated time to read physical pages in the given order on a desktop drive, each request
 * issued when the previous completes (paper B's Fig. 7 scans; the DBMS CPU cost is not included).
 * Page p occupies LBAs [p·pageBytes/512, (p+1)·pageBytes/512).
 * @throws ParameterError for a page size that is not a positive multiple of 512 bytes, or pages
 *   outside the drive.
 */
export function simulatePageReadsMs(
  profile: HddProfile,
  physicalPages: ArrayLike<number>,
  pageBytes: number,
): { totalMs: number; perPageMs: Float64Array } {
  requireInteger('pageBytes', pageBytes, 'bytes', 512);
  if (pageBytes % 512 !== 0) throw new ParameterError('pageBytes', pageBytes, 'bytes', 'a multiple of 512 bytes');
  let spec = specCache.get(profile);
  if (!spec) {
    spec = diskSimSpecFromHddProfile(profile);
    specCache.set(profile, spec);
  }
  const sim = new DiskSim(spec);
  const spp = pageBytes / 512;
  const n = physicalPages.length;
  const perPageMs = new Float64Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) {
    const p = physicalPages[i];
    if (!(Number.isInteger(p) && p >= 0 && (p + 1) * spp <= sim.layout.totalBlocks)) {
      throw new ParameterError(`physicalPages[${i}]`, p, 'pages', `an integer in [0, ${Math.floor(sim.layout.totalBlocks / spp) - 1}]`);
    }
    const done = sim.read(p * spp, spp, t);
    perPageMs[i] = done - t;
    t = done;
  }
  return { totalMs: t, perPageMs };
}
