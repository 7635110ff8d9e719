/**
 * Desktop hard-disk-drive model: the analytic f(prev, page) and G0 of paper B (eq. 1), plus the
 * mean random-read time and sequential rate other models need.
 *
 * Parts (Ruemmler & Wilkes, "An introduction to disk drive modeling", IEEE Computer 1994):
 * - seek curve a + b√d / c + e·d over cylinders (seek-curve.ts), fitted to the datasheet;
 * - rotational latency: one revolution = 60 000 / rpm ms; a request that is not a continuation
 *   waits half a revolution on average;
 * - zoned transfer rate, outer → inner (zones.ts);
 * - read-ahead: after reading a page the drive keeps reading into its cache, so a page a short
 *   way ahead of the previous one costs only the time to stream over the gap and the page.
 *
 * - streaming includes the track switches: after each track the head switches (track-to-track
 *   time, the drive's skew hides nothing more), so a sequential page costs its media time
 *   × (1 + switch / revolution), the usual definition of a sustained rate (e.g. Hitachi Deskstar
 *   7K500 specification §4.4.4: sectors per cylinder / (revolutions + head and cylinder switches)).
 *
 * f is an expected cost (mean rotational latency), not a simulation: disk-sim.ts is the separate,
 * detailed model. Simpler than a real drive: no command overhead, the switch cost is spread evenly
 * over the pages of a track, backward re-reads are not served from the cache, bus transfer
 * overlaps the media. The head-switch time is not in the datasheets: the track-to-track seek
 * stands in for it (same assumption in disk-sim.ts's profile spec).
 * Profiles are data (data/disk/<name>.json), each number with its source.
 */
import { loadJson } from '../core/data-path.js';
import { ParameterError, requireInteger, requireOneOf, requirePositive } from '../core/validate.js';
import type { PageCost } from './page-cost.js';
import { fitSeekCurve, seekTimeMs, type SeekCurve } from './seek-curve.js';
import { buildLinearZones, lbaToCylinder, meanMediaMBps, zoneMediaMBps, zoneOfLba, type ZoneTable } from './zones.js';

export type HddProfileName = 'hdd-2005' | 'hdd-2015';
export const HDD_PROFILE_NAMES: readonly HddProfileName[] = ['hdd-2005', 'hdd-2015'];

/** Datasheet numbers of a drive (the JSON in data/disk/). */
export interface HddDatasheet {
  name: string;
  /** Drive model and year. */
  model: string;
  /** Spindle speed (rpm). */
  rpm: number;
  /** Formatted capacity (bytes). */
  capacityBytes: number;
  /** Recording surfaces (heads). */
  surfaces: number;
  /** Average seek (ms). */
  avgSeekMs: number;
  /** Track-to-track seek (ms). */
  trackToTrackMs: number;
  /** Full-stroke seek (ms), or null when the datasheet does not give it. */
  fullStrokeMs: number | null;
  /** Average rotational latency (ms) as the datasheet states it (used only as a check). */
  avgLatencyMs: number;
  /** Media rate at the outer diameter (MB/s). */
  outerMediaMBps: number;
  /** Mean media rate over the disk (MB/s). */
  meanMediaMBps: number;
  /** Drive cache (bytes). */
  cacheBytes: number;
  /** Interface (bus) rate (MB/s). */
  busMBps: number;
  /** Number of recording zones. */
  zoneCount: number;
  /** Where each number comes from. */
  source: Record<string, string>;
}

/** A drive profile: datasheet numbers plus the geometry and seek curve derived from them. */
export interface HddProfile extends HddDatasheet {
  /** One revolution (ms). */
  readonly revolutionMs: number;
  /** Zone table (sectors per track per zone, cylinders). */
  readonly zones: ZoneTable;
  /** Fitted seek curve. */
  readonly seek: SeekCurve;
  /** Read-ahead window (bytes): how far ahead of a read the drive keeps streaming into its cache. */
  readonly readAheadBytes: number;
}

/** Builds a profile from datasheet numbers (validated). */
export function makeHddProfile(ds: HddDatasheet): HddProfile {
  const rpm = requirePositive('rpm', ds.rpm, 'rpm');
  requirePositive('capacityBytes', ds.capacityBytes, 'bytes');
  requirePositive('cacheBytes', ds.cacheBytes, 'bytes');
  requirePositive('busMBps', ds.busMBps, 'MB/s');
  const zones = buildLinearZones({
    capacityBytes: ds.capacityBytes,
    surfaces: ds.surfaces,
    rpm,
    outerMBps: ds.outerMediaMBps,
    meanMBps: ds.meanMediaMBps,
    zoneCount: ds.zoneCount,
  });
  const seek = fitSeekCurve({
    cylinders: zones.cylinders,
    trackToTrackMs: ds.trackToTrackMs,
    avgSeekMs: ds.avgSeekMs,
    fullStrokeMs: ds.fullStrokeMs,
  });
  // Modeling choice: a sequential stream may use the whole cache as its read-ahead segment.
  return { ...ds, revolutionMs: 60_000 / rpm, zones, seek, readAheadBytes: ds.cacheBytes };
}

const cache = new Map<string, HddProfile>();

/**
 * The named drive profile ('hdd-2005' | 'hdd-2015'), read from data/disk/<name>.json.
 * @throws ParameterError for an unknown name.
 * @example hddProfile('hdd-2005').rpm // => 7200
 */
export function hddProfile(name: string): HddProfile {
  const n = requireOneOf('profile', name, HDD_PROFILE_NAMES);
  let p = cache.get(n);
  if (!p) {
    p = makeHddProfile(loadJson<HddDatasheet>('disk', `${n}.json`));
    cache.set(n, p);
  }
  return p;
}

/** Mean rotational latency (ms): half a revolution. */
export function hddAvgRotationalLatencyMs(profile: HddProfile): number {
  return profile.revolutionMs / 2;
}

/** Mean media transfer rate over the zones (MB/s), capped by the bus. */
export function hddSequentialMBps(profile: HddProfile): number {
  return Math.min(meanMediaMBps(profile.zones, profile.rpm), profile.busMBps);
}

/**
 * Mean service time (ms) of a random read of `bytes`: datasheet average seek + half a revolution
 * + transfer at the mean media rate.
 * @throws ParameterError for bytes ≤ 0.
 * @example hddRandomReadMs(hddProfile('hdd-2015'), 16384) // ≈ 8.5 + 4.17 + 0.11 ms
 */
export function hddRandomReadMs(profile: HddProfile, bytes: number): number {
  requirePositive('bytes', bytes, 'bytes');
  return profile.avgSeekMs + hddAvgRotationalLatencyMs(profile) + (bytes / (hddSequentialMBps(profile) * 1e6)) * 1000;
}

export interface HddPageCostOptions {
  /** LBA (sectors) of physical page 0; default 0 (the outer edge, where a new file system puts data). */
  baseLba?: number;
}

/**
 * Paper B's f and G0 for pages of `pageBytes` laid out from `baseLba` on.
 * f(prev, page) = min(stream over the gap, seek + half a revolution + transfer) when `page` lies
 * within the read-ahead window after `prev`; seek + half a revolution + transfer otherwise.
 * G0 = sequential cost of one page in the fastest zone, track switches included (the minimum f can take).
 * @throws ParameterError when pageBytes is not a positive multiple of the sector size or is larger
 *   than one track of the innermost zone.
 */
export function hddPageCost(profile: HddProfile, pageBytes: number, opts: HddPageCostOptions = {}): PageCost {
  const zt = profile.zones;
  requireInteger('pageBytes', pageBytes, 'bytes', 1);
  if (pageBytes % zt.sectorBytes !== 0) {
    throw new ParameterError('pageBytes', pageBytes, 'bytes', `a multiple of the ${zt.sectorBytes}-byte sector`);
  }
  const innerTrackBytes = zt.sectorsPerTrack[zt.sectorsPerTrack.length - 1] * zt.sectorBytes;
  if (pageBytes > innerTrackBytes) {
    throw new ParameterError('pageBytes', pageBytes, 'bytes', `≤ ${innerTrackBytes} bytes (one track of the innermost zone)`);
  }
  const baseLba = requireInteger('baseLba', opts.baseLba ?? 0, 'sectors', 0, zt.totalSectors - 1);
  const sectorsPerPage = pageBytes / zt.sectorBytes;
  const maxPage = Math.floor((zt.totalSectors - baseLba) / sectorsPerPage) - 1;
  const zoneCount = zt.sectorsPerTrack.length;
  const xferMs = new Float64Array(zoneCount);
  const switchFactor = 1 + profile.trackToTrackMs / profile.revolutionMs;
  for (let z = 0; z < zoneCount; z++) {
    const mediaMs = (pageBytes / (zoneMediaMBps(zt, z, profile.rpm) * 1e6)) * 1000 * switchFactor;
    const busMs = (pageBytes / (profile.busMBps * 1e6)) * 1000;
    xferMs[z] = mediaMs > busMs ? mediaMs : busMs;
  }
  let g0Ms = Infinity;
  for (let z = 0; z < zoneCount; z++) g0Ms = Math.min(g0Ms, xferMs[z]);
  const halfRevMs = profile.revolutionMs / 2;
  const readAheadPages = Math.floor(profile.readAheadBytes / pageBytes);
  const seek = profile.seek;
  const checkPage = (param: string, p: number): void => {
    if (!(Number.isInteger(p) && p >= 0 && p <= maxPage)) {
      throw new ParameterError(param, p, 'pages', `an integer in [0, ${maxPage}] (the drive's capacity)`);
    }
  };
  const f = (prevPage: number, page: number): number => {
    checkPage('prevPage', prevPage);
    checkPage('page', page);
    const lba = baseLba + page * sectorsPerPage;
    const z = zoneOfLba(zt, lba);
    const xfer = xferMs[z];
    if (page === prevPage) return xfer; // re-read: modeled as one more media pass of the page
    const prevEndLba = baseLba + (prevPage + 1) * sectorsPerPage - 1;
    const d = Math.abs(lbaToCylinder(zt, lba) - lbaToCylinder(zt, prevEndLba));
    const position = seekTimeMs(seek, d) + halfRevMs + xfer;
    const ahead = page - prevPage;
    if (ahead > 0 && ahead <= readAheadPages) {
      const stream = ahead * xfer; // the gap streams into the cache at the media rate, then the page
      return stream < position ? stream : position;
    }
    return position;
  };
  return { f, g0Ms, pageBytes, name: profile.name };
}
