/**
 * Detailed disk-drive simulation ("simulated", not the analytic f of hdd.ts). It replays requests
 * one at a time against an explicit drive state:
 * - rotational position tracked across requests: the platter angle is (absolute time / revolution)
 *   mod 1, so the rotational wait of each request depends on when the previous one ended;
 * - zones with their own sectors per track, track and cylinder skew, spare and slipped tracks
 *   (disk-layout.ts);
 * - seeks (Ruemmler–Wilkes curve, optionally with the first ten distances given explicitly),
 *   head switches, extra settle time for writes;
 * - the drive's cache: one read segment filled by read-ahead that runs on after a read until the
 *   next request arrives or the read-ahead limit is reached; reads wholly in the segment are hits,
 *   reads just ahead of the stream are served by it; a separate write segment;
 * - controller overheads (command, data preparation, reselect, completion) and bus transfer per
 *   block, overlapped with the media transfer (reconnect at a watermark of the request size);
 * - writes are reported after the media write (no write-back cache) unless `immediateWriteReport`.
 * The structure follows DiskSim's disk module (Ganger, Worthington, Patt; disksim_disk*.c,
 * diskmodel/), with the parameters of its validated HP C2247A model. Simpler than DiskSim: a
 * single read segment, no command queue (requests are served in order, one at a time), no
 * "almost hit" / "sneaky hit" variants, no remapped defects.
 */
import { ParameterError, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../core/validate.js';
import { DiskLayout, type DiskZone, type PhysicalSector } from './disk-layout.js';
import type { HddProfile } from './hdd.js';

export interface DiskSimSeek {
  /** Seek times (ms) for distances 1..10 cylinders, when the drive's model lists them (DiskSim "First ten seek times"). */
  first10Ms?: readonly number[] | null;
  /** Below `cutoffCyl`: aMs + bMsPerSqrtCyl·√d; above: cMs + eMsPerCyl·d (Ruemmler & Wilkes 1994). */
  aMs: number;
  bMsPerSqrtCyl: number;
  cutoffCyl: number;
  cMs: number;
  eMsPerCyl: number;
  /** Time to switch heads (ms); a seek that also changes head takes at least this long. */
  headSwitchMs: number;
  /** Extra settle time added to a write's seek (ms). */
  writeSettleMs: number;
}

export interface DiskSimOverheads {
  /** Command overhead of a read hit (ms). */
  readHitMs: number;
  /** Command overhead of a read miss (ms). */
  readMissMs: number;
  /** Command overhead of a write (ms). */
  writeMs: number;
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

export interface DiskSimSpec {
  name: string;
  /** Spindle speed (rpm). */
  rpm: number;
  surfaces: number;
  zones: DiskZone[];
  seek: DiskSimSeek;
  cache: {
    /** Size of the read segment (blocks). */
    segmentBlocks: number;
    /** How far beyond a read the drive reads ahead (blocks). */
    maxReadAheadBlocks: number;
    /** Reads of data still in the write segment are hits. */
    readHitsOnWriteData: boolean;
    /** Reconnect for a read's transfer when this fraction of the request is in the buffer. */
    readWatermarkFrac: number;
    /**
     * A read that starts ahead of the running read-ahead (not yet read, but within its range) waits
     * for the stream (true), or is a miss (false; DiskSim "Allow almost read hits = 0").
     */
    serveAheadOfStream: boolean;
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
  // write segment
  private wLo = -1;
  private wHi = -1;
  private lastWasWrite = false;
  private lastWriteEnd = -1;
  // scratch
  private readonly ps: PhysicalSector = { cyl: 0, head: 0, angle: 0, sectorsPerTrack: 1 };
  private pkEnd = 0;
  private lastEndAngle = -1;
  private pkSeek = 0;
  private pkWait = 0;
  private avail: Float64Array = new Float64Array(256);

  constructor(spec: DiskSimSpec) {
    validateSpec(spec);
    this.spec = spec;
    this.layout = new DiskLayout(spec.surfaces, spec.zones);
    this.revMs = 60_000 / spec.rpm;
    this.meanRotation = spec.rotation === 'mean';
  }

  /** Seek time (ms) between two positions, head switch and write settle included. */
  positionMs(fromCyl: number, fromHead: number, toCyl: number, toHead: number, isWrite: boolean): number {
    const s = this.spec.seek;
    const d = fromCyl > toCyl ? fromCyl - toCyl : toCyl - fromCyl;
    let t = 0;
    if (d > 0) {
      if (s.first10Ms && d <= 10) t = s.first10Ms[d - 1];
      else if (d < s.cutoffCyl) t = s.aMs + s.bMsPerSqrtCyl * Math.sqrt(d);
      else t = s.cMs + s.eMsPerCyl * d;
    }
    if (fromHead !== toHead && t < s.headSwitchMs) t = s.headSwitchMs;
    if (isWrite && t > 0) t += s.writeSettleMs;
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
      if (this.pkEnd > t) return;
      this.commit();
      this.cursor++;
    }
    if (this.streamActive && this.cursor >= this.target) this.streamActive = false;
  }

  /** Runs the stream through block `end` (exclusive), recording each block's availability time from `from` on. */
  private streamThrough(from: number, end: number, now: number): void {
    const n = end - from;
    if (this.avail.length < n) this.avail = new Float64Array(Math.max(n, this.avail.length * 2));
    for (let lbn = from; lbn < end; lbn++) {
      if (lbn < this.cursor) {
        this.avail[lbn - from] = now;
        continue;
      }
      this.peek(lbn, 0, false);
      this.commit();
      this.cursor = lbn + 1;
      this.avail[lbn - from] = this.pkEnd;
    }
  }

  private segLo(): number {
    const lo = this.cursor - this.spec.cache.segmentBlocks;
    return lo > this.streamStart ? lo : this.streamStart;
  }

  private readAheadTarget(end: number, start: number): number {
    const c = this.spec.cache;
    const room = c.segmentBlocks - (end - start);
    return end + Math.max(0, Math.min(c.maxReadAheadBlocks, room));
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
    const bus = this.spec.bus.readBlockMs;
    const end = lbn + blocks;
    this.advanceStream(tMs);
    this.lastWasWrite = false;
    const inRead = lbn >= this.segLo() && end <= this.cursor;
    const inWrite = this.spec.cache.readHitsOnWriteData && lbn >= this.wLo && end <= this.wHi;
    if (inRead || inWrite) {
      this.lastOutcome = 'hit';
      // read-ahead on a hit: keep (or restart) the stream past the request
      if (inRead && end <= this.cursor) {
        const tgt = this.readAheadTarget(end, lbn);
        if (tgt > this.target) {
          if (!this.streamActive && this.tc < tMs) this.tc = tMs;
          this.target = tgt;
          this.streamActive = true;
        }
      }
      return tMs + o.readHitMs + o.dataPrepMs + blocks * bus + o.readCompletionMs;
    }
    const aheadLimit = this.spec.cache.serveAheadOfStream ? this.target : this.cursor;
    if (this.streamActive && lbn >= this.segLo() && lbn <= aheadLimit) {
      // the request lies in (or just ahead of) the running read-ahead: the stream serves it
      this.lastOutcome = 'stream';
      this.target = Math.max(this.target, this.readAheadTarget(end, lbn));
      const start = tMs + o.readHitMs + o.dataPrepMs;
      this.streamThrough(lbn, end, tMs);
      let b = start;
      for (let j = 0; j < blocks; j++) b = (b > this.avail[j] ? b : this.avail[j]) + bus;
      return b + o.readCompletionMs;
    }
    // miss: stop the read-ahead, position and read
    this.lastOutcome = 'miss';
    this.streamActive = false;
    const tCmd = tMs + o.readMissMs;
    if (this.tc < tCmd) this.tc = tCmd;
    this.streamStart = lbn;
    this.cursor = lbn;
    this.target = this.readAheadTarget(end, lbn);
    this.streamActive = true;
    this.peek(lbn, 0, false);
    this.lastMissSeekMs = this.pkSeek;
    this.lastMissRotationMs = this.pkWait;
    this.streamThrough(lbn, end, tMs);
    const w = Math.max(1, Math.ceil(this.spec.cache.readWatermarkFrac * blocks));
    let b = this.avail[w - 1] + o.reselectMs + o.dataPrepMs;
    for (let j = 0; j < blocks; j++) b = (b > this.avail[j] ? b : this.avail[j]) + bus;
    if (this.cursor >= this.target) this.streamActive = false;
    return b + o.readCompletionMs;
  }

  /** Serves a write of `blocks` blocks at `lbn` that the drive starts at time `tMs`; returns its completion time (ms). */
  write(lbn: number, blocks: number, tMs: number): number {
    this.checkRequest(lbn, blocks, tMs);
    const o = this.spec.overheads;
    const busW = this.spec.bus.writeBlockMs;
    const end = lbn + blocks;
    this.advanceStream(tMs);
    this.streamActive = false; // a write stops read-ahead
    if (lbn < this.cursor && end > this.segLo()) this.streamStart = this.cursor; // drop overlapped read data
    this.lastOutcome = 'write';
    const x = o.extraWriteDisconnect;
    const extra = x !== null && this.lastWasWrite && lbn !== this.lastWriteEnd;
    let tMech: number;
    let busStart: number;
    if (extra && x) {
      tMech = tMs + x.commandMs + x.seekDeltaMs;
      busStart = tMs + x.commandMs + x.disconnect1Ms + x.interDisconnectMs + x.disconnect2Ms;
    } else {
      tMech = tMs + o.writeMs;
      busStart = tMs + o.writeMs + o.dataPrepMs;
    }
    const busDone = busStart + blocks * busW;
    if (this.tc < tMech) this.tc = tMech;
    // start writing only when the buffered data stays ahead of the head
    const p = this.layout.locate(lbn, this.ps);
    const sectorMs = this.revMs / p.sectorsPerTrack;
    let earliest = 0;
    for (let j = 0; j < blocks; j++) {
      const e = busStart + (j + 1) * busW - j * sectorMs;
      if (e > earliest) earliest = e;
    }
    let done = 0;
    for (let j = 0; j < blocks; j++) {
      this.peek(lbn + j, j === 0 ? earliest : 0, true);
      this.commit();
      done = this.pkEnd;
    }
    this.wLo = lbn;
    this.wHi = end;
    this.lastWasWrite = true;
    this.lastWriteEnd = end;
    const report = this.spec.immediateWriteReport ? busDone : done;
    return report + o.writeCompletionMs;
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
  requireNonNegative('seek.writeSettleMs', spec.seek.writeSettleMs, 'ms');
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
      spareTracks: 0,
      slippedTracks: [],
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
