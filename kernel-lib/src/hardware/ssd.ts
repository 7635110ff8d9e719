/**
 * NVMe SSD page cost for paper B's f and G0. Flash has no moving parts, so f has no distance
 * term: a read that does not continue the previous one costs the datasheet's queue-depth-1
 * 4 KiB random-read latency, plus the rest of the page at the sequential rate; a read of the
 * next page costs the page at the sequential rate (the controller's read-ahead keeps a
 * sequential stream at full bandwidth).
 * Simpler than a real SSD: no channel/die parallelism model, no FTL mapping misses, no
 * read-disturb or garbage-collection stalls. Profile data: data/disk/nvme-ssd.json.
 */
import { loadJson } from '../core/data-path.js';
import { ParameterError, requireInteger, requireOneOf, requirePositive } from '../core/validate.js';
import type { PageCost } from './page-cost.js';

export type SsdProfileName = 'nvme-ssd';
export const SSD_PROFILE_NAMES: readonly SsdProfileName[] = ['nvme-ssd'];

export interface SsdProfile {
  name: string;
  model: string;
  /** 4 KiB random reads per second at queue depth 1 (datasheet). */
  randomRead4KiBIops: number;
  /** Sequential read bandwidth (MB/s, datasheet). */
  sequentialReadMBps: number;
  source: Record<string, string>;
}

/**
 * The named SSD profile, read from data/disk/<name>.json.
 * @throws ParameterError for an unknown name.
 */
export function ssdProfile(name: string): SsdProfile {
  const n = requireOneOf('profile', name, SSD_PROFILE_NAMES);
  const p = loadJson<SsdProfile>('disk', `${n}.json`);
  requirePositive('randomRead4KiBIops', p.randomRead4KiBIops, 'IOPS');
  requirePositive('sequentialReadMBps', p.sequentialReadMBps, 'MB/s');
  return p;
}

/** Mean latency (ms) of one random read of `bytes` at queue depth 1. */
export function ssdRandomReadMs(profile: SsdProfile, bytes: number): number {
  requirePositive('bytes', bytes, 'bytes');
  const base = 1000 / profile.randomRead4KiBIops;
  return base + (Math.max(0, bytes - 4096) / (profile.sequentialReadMBps * 1e6)) * 1000;
}

/** f and G0 of paper B for an SSD (see the file comment). */
export function ssdPageCost(profile: SsdProfile, pageBytes: number): PageCost {
  requireInteger('pageBytes', pageBytes, 'bytes', 1);
  const seqMs = (pageBytes / (profile.sequentialReadMBps * 1e6)) * 1000;
  const randMs = ssdRandomReadMs(profile, pageBytes);
  const f = (prevPage: number, page: number): number => {
    if (!(Number.isInteger(prevPage) && prevPage >= 0)) throw new ParameterError('prevPage', prevPage, 'pages', 'an integer ≥ 0');
    if (!(Number.isInteger(page) && page >= 0)) throw new ParameterError('page', page, 'pages', 'an integer ≥ 0');
    return page === prevPage + 1 || page === prevPage ? seqMs : Math.max(randMs, seqMs);
  };
  return { f, g0Ms: seqMs, pageBytes, name: profile.name };
}
