/**
 * The hardware tour: paper B's f(prev, page) against the distance between the pages, with G0,
 * for the desktop-drive profiles and the NVMe SSD, and the checks of each drive model against its
 * datasheet (average seek, average rotational latency).
 * - Mean seek over random page pairs: pages uniform over the drive's logical blocks, mapped to
 *   cylinders through the zone table, seek time from the fitted curve (hdd.ts).
 * - Mean rotational latency: read misses of random pages in the detailed simulation
 *   (disk-sim.ts), whose platter angle follows the clock; compared with the datasheet's figure.
 */
import { Rng } from '../../core/rng.js';
import { ParameterError, requireInteger, requireOneOf } from '../../core/validate.js';
import { DiskSim, diskSimSpecFromHddProfile } from '../../hardware/disk-sim.js';
import { HDD_PROFILE_NAMES, hddAvgRotationalLatencyMs, hddPageCost, hddProfile, type HddProfile } from '../../hardware/hdd.js';
import { seekTimeMs, weightedMeanSeekMs } from '../../hardware/seek-curve.js';
import { SSD_PROFILE_NAMES, ssdPageCost, ssdProfile } from '../../hardware/ssd.js';
import { lbaToCylinder } from '../../hardware/zones.js';

export interface HardwareTourOptions {
  /** HDD profile names; default ['hdd-2005', 'hdd-2015']. */
  hddProfiles?: string[];
  /** SSD profile name or null for none; default 'nvme-ssd'. */
  ssdProfile?: string | null;
  /** Page size (bytes); default 16384 (paper B §4: InnoDB 16 KB pages). */
  pageBytes?: number;
  /** Random page pairs for the mean seek / rotational latency; default 20,000. */
  randomPairs?: number;
  /** Seed of the random pages; default 1. */
  seed?: number;
}

export interface DeviceTour {
  name: string;
  model: string;
  kind: 'hdd' | 'ssd';
  g0Ms: number;
  /** Forward distances (pages) from page 0 and f(0, distance) (ms). */
  distancePages: number[];
  fMs: number[];
  /** HDD only: seek curve over cylinder distance. */
  seekCurve?: { distanceCyl: number[]; seekMs: number[]; cutoffCyl: number; cutoffSeekMs: number; cylinders: number; fullStrokeMs: number };
  /** HDD only: datasheet checks. */
  hdd?: {
    datasheetAvgSeekMs: number;
    /** Weighted mean over all seek lengths (the makers' definition; the fit matches it by construction). */
    curveWeightedMeanSeekMs: number;
    /** Mean seek over random page pairs (uniform over logical blocks). */
    randomPairMeanSeekMs: number;
    datasheetAvgLatencyMs: number;
    halfRevolutionMs: number;
    /** Mean rotational wait of simulated read misses of random pages. */
    simulatedMeanRotationalLatencyMs: number;
    trackToTrackMs: number;
    readAheadBytes: number;
  };
}

function logDistances(maxPage: number, perDecade = 24): number[] {
  const out = new Set<number>();
  for (let e = 0; e <= Math.log10(maxPage) * perDecade; e++) out.add(Math.min(maxPage, Math.round(10 ** (e / perDecade))));
  out.add(maxPage);
  return [...out].sort((a, b) => a - b);
}

function tourHdd(p: HddProfile, pageBytes: number, pairs: number, rng: Rng): DeviceTour {
  const pc = hddPageCost(p, pageBytes);
  const zt = p.zones;
  const maxPage = Math.floor(zt.totalSectors / (pageBytes / zt.sectorBytes)) - 1;
  const distancePages = logDistances(maxPage);
  const fMs = distancePages.map((d) => pc.f(0, d));
  const distanceCyl = logDistances(p.seek.maxDistanceCyl, 12);
  const seekMs = distanceCyl.map((d) => seekTimeMs(p.seek, d));
  // random page pairs: mean seek
  let seekSum = 0;
  for (let i = 0; i < pairs; i++) {
    const a = rng.int(0, zt.totalSectors - 1);
    const b = rng.int(0, zt.totalSectors - 1);
    seekSum += seekTimeMs(p.seek, Math.abs(lbaToCylinder(zt, a) - lbaToCylinder(zt, b)));
  }
  // simulated rotational latency of read misses at random pages
  const sim = new DiskSim(diskSimSpecFromHddProfile(p));
  const spp = pageBytes / zt.sectorBytes;
  let t = 0;
  let rotSum = 0;
  let misses = 0;
  for (let i = 0; i < pairs; i++) {
    const page = rng.int(0, maxPage);
    t = sim.read(page * spp, spp, t) + rng.float(); // a little host time between requests
    if (sim.lastOutcome === 'miss') {
      rotSum += sim.lastMissRotationMs;
      misses++;
    }
  }
  return {
    name: p.name,
    model: p.model,
    kind: 'hdd',
    g0Ms: pc.g0Ms,
    distancePages,
    fMs,
    seekCurve: { distanceCyl, seekMs, cutoffCyl: p.seek.cutoffCyl, cutoffSeekMs: seekTimeMs(p.seek, p.seek.cutoffCyl), cylinders: zt.cylinders, fullStrokeMs: seekTimeMs(p.seek, p.seek.maxDistanceCyl) },
    hdd: {
      datasheetAvgSeekMs: p.avgSeekMs,
      curveWeightedMeanSeekMs: weightedMeanSeekMs(p.seek),
      randomPairMeanSeekMs: seekSum / pairs,
      datasheetAvgLatencyMs: p.avgLatencyMs,
      halfRevolutionMs: hddAvgRotationalLatencyMs(p),
      simulatedMeanRotationalLatencyMs: rotSum / misses,
      trackToTrackMs: p.trackToTrackMs,
      readAheadBytes: p.readAheadBytes,
    },
  };
}

/** Runs the tour (see the file comment). */
export function runHardwareTour(opts: HardwareTourOptions = {}): { pageBytes: number; devices: DeviceTour[] } {
  const pageBytes = requireInteger('pageBytes', opts.pageBytes ?? 16384, 'bytes', 512, 65536);
  if (pageBytes % 512 !== 0) throw new ParameterError('pageBytes', pageBytes, 'bytes', 'a multiple of 512 in [512, 65536]');
  const pairs = requireInteger('randomPairs', opts.randomPairs ?? 20_000, 'pairs', 100, 100_000);
  const rng = new Rng(requireInteger('seed', opts.seed ?? 1, '', 1, 1_000_000));
  const devices: DeviceTour[] = [];
  for (const name of opts.hddProfiles ?? ['hdd-2005', 'hdd-2015']) {
    devices.push(tourHdd(hddProfile(requireOneOf('hddProfiles', name, HDD_PROFILE_NAMES)), pageBytes, pairs, rng.fork()));
  }
  const ssdName = opts.ssdProfile === undefined ? 'nvme-ssd' : opts.ssdProfile;
  if (ssdName !== null) {
    requireOneOf('ssdProfileName', ssdName, SSD_PROFILE_NAMES);
    const s = ssdProfile(ssdName);
    const pc = ssdPageCost(s, pageBytes);
    const distancePages = logDistances(1e7);
    devices.push({ name: s.name, model: s.model, kind: 'ssd', g0Ms: pc.g0Ms, distancePages, fMs: distancePages.map((d) => pc.f(0, d)) });
  }
  return { pageBytes, devices };
}
