/**
 * Zoned recording: cylinders are grouped into zones; outer zones hold more sectors per track,
 * so they transfer faster at a constant RPM (zoned bit recording; Ruemmler & Wilkes 1994 §"Data
 * layout"). A zone table maps logical block addresses (512-byte sectors) to cylinders.
 *
 * `buildLinearZones` makes the table of a desktop drive from two datasheet rates: the media
 * rate at the outer diameter and the mean rate over the disk. With constant linear bit density the
 * per-track capacity is proportional to the radius, and cylinders are evenly spaced in radius, so
 * the rate falls linearly with the cylinder number; reading the whole disk spends the same time on
 * every cylinder, so the mean rate is (outer + inner) / 2, which fixes the inner rate.
 * Simpler than a real drive: no spare sectors, no slipped defects, equal cylinder counts per zone.
 */
import { ParameterError, requireInteger, requirePositive } from '../core/validate.js';

export interface ZoneTable {
  /** Recording surfaces (heads). */
  readonly surfaces: number;
  /** Total cylinders. */
  readonly cylinders: number;
  /** Bytes per sector (LBA unit). */
  readonly sectorBytes: number;
  /** Per zone: first cylinder. */
  readonly firstCyl: Int32Array;
  /** Per zone: number of cylinders. */
  readonly cylCount: Int32Array;
  /** Per zone: sectors per track. */
  readonly sectorsPerTrack: Int32Array;
  /** Per zone: first LBA (sectors). */
  readonly firstLba: Float64Array;
  /** Total addressable sectors. */
  readonly totalSectors: number;
}

export interface LinearZoneInput {
  /** Capacity the zones must hold (bytes). */
  capacityBytes: number;
  /** Recording surfaces. */
  surfaces: number;
  /** Spindle speed (rpm). */
  rpm: number;
  /** Media transfer rate at the outer diameter (MB/s, 10^6 bytes). */
  outerMBps: number;
  /** Mean media rate over the disk (MB/s). Must be ≤ outer and > outer/2. */
  meanMBps: number;
  /** Number of zones. */
  zoneCount: number;
  /** Bytes per sector; default 512. */
  sectorBytes?: number;
}

/** Zone table whose per-track capacity falls linearly from the outer to the inner diameter (see file comment). */
export function buildLinearZones(input: LinearZoneInput): ZoneTable {
  const capacityBytes = requirePositive('capacityBytes', input.capacityBytes, 'bytes');
  const surfaces = requireInteger('surfaces', input.surfaces, 'heads', 1, 64);
  const rpm = requirePositive('rpm', input.rpm, 'rpm');
  const outer = requirePositive('outerMBps', input.outerMBps, 'MB/s');
  const mean = requirePositive('meanMBps', input.meanMBps, 'MB/s');
  const zoneCount = requireInteger('zoneCount', input.zoneCount, 'zones', 1, 1000);
  const sectorBytes = requireInteger('sectorBytes', input.sectorBytes ?? 512, 'bytes', 1);
  if (!(mean <= outer && mean > outer / 2)) {
    throw new ParameterError('meanMBps', mean, 'MB/s', `in (${outer / 2}, ${outer}] MB/s (half to all of outerMBps)`);
  }
  const inner = 2 * mean - outer;
  const revSec = 60 / rpm;
  const sptAt = (frac: number): number => Math.max(1, Math.round(((outer + (inner - outer) * frac) * 1e6 * revSec) / sectorBytes));
  const spt = new Int32Array(zoneCount);
  for (let z = 0; z < zoneCount; z++) spt[z] = sptAt((z + 0.5) / zoneCount);
  let sptSum = 0;
  for (let z = 0; z < zoneCount; z++) sptSum += spt[z];
  const capacitySectors = Math.ceil(capacityBytes / sectorBytes);
  // cylinders per zone so that the zones hold the capacity
  const perZone = Math.ceil(capacitySectors / (surfaces * sptSum));
  const firstCyl = new Int32Array(zoneCount);
  const cylCount = new Int32Array(zoneCount).fill(perZone);
  const firstLba = new Float64Array(zoneCount);
  let lba = 0;
  for (let z = 0; z < zoneCount; z++) {
    firstCyl[z] = z * perZone;
    firstLba[z] = lba;
    lba += perZone * surfaces * spt[z];
  }
  return { surfaces, cylinders: perZone * zoneCount, sectorBytes, firstCyl, cylCount, sectorsPerTrack: spt, firstLba, totalSectors: lba };
}

/** Index of the zone holding `lba` (binary search). */
export function zoneOfLba(zt: ZoneTable, lba: number): number {
  let lo = 0;
  let hi = zt.firstLba.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (zt.firstLba[mid] <= lba) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cylinder holding `lba`. */
export function lbaToCylinder(zt: ZoneTable, lba: number): number {
  const z = zoneOfLba(zt, lba);
  const perCyl = zt.surfaces * zt.sectorsPerTrack[z];
  return zt.firstCyl[z] + Math.floor((lba - zt.firstLba[z]) / perCyl);
}

/** Media transfer rate (MB/s) of zone `z` at `rpm`. */
export function zoneMediaMBps(zt: ZoneTable, z: number, rpm: number): number {
  return (zt.sectorsPerTrack[z] * zt.sectorBytes * (rpm / 60)) / 1e6;
}

/** Mean media rate (MB/s) over all cylinders: total bytes / time to read every track once. */
export function meanMediaMBps(zt: ZoneTable, rpm: number): number {
  let bytes = 0;
  let cyls = 0;
  for (let z = 0; z < zt.firstCyl.length; z++) {
    bytes += zt.cylCount[z] * zt.sectorsPerTrack[z] * zt.sectorBytes;
    cyls += zt.cylCount[z];
  }
  return (bytes * (rpm / 60)) / cyls / 1e6;
}
