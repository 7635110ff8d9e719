/**
 * Logical-block to physical-sector mapping of a zoned disk, with track and cylinder skew,
 * dead space at a zone's front, spare tracks and slipped (skipped) defective tracks.
 *
 * Follows DiskSim's diskmodel layout "g1" with track sparing (diskmodel/layout_g1.c,
 * layout_g1_load.c; Ganger, Worthington, Patt, CMU PDL / University of Michigan):
 * - a zone's logical blocks start `deadSpaceBlocks` into its first track;
 * - logical track k of a zone is physical track k plus the number of slipped tracks ≤ it;
 * - spare tracks at the zone's end hold no logical blocks;
 * - sector s of the track with `t` head switches and `c` cylinder switches since the zone's start
 *   begins at angle (firstBlockOffset + t·trackSkew + c·cylSkew + s) / sectorsPerTrack revolutions.
 * Simpler than DiskSim: only the normal mapping (no alternating surface order), no remapped defects.
 */
import { ParameterError, requireInteger } from '../core/validate.js';

export interface DiskZone {
  /** First cylinder of the zone. */
  firstCyl: number;
  /** Last cylinder of the zone (inclusive). */
  lastCyl: number;
  /** Sectors (blocks) per track. */
  sectorsPerTrack: number;
  /** Angle of the zone's first block, in sectors from the index. */
  firstBlockOffset: number;
  /** Unused blocks at the zone's front. */
  deadSpaceBlocks: number;
  /** Skew between consecutive tracks of a cylinder (sectors). */
  trackSkew: number;
  /** Extra skew at a cylinder switch (sectors). */
  cylSkew: number;
  /** Spare tracks in the zone (hold no logical blocks). */
  spareTracks: number;
  /** Slipped (skipped) tracks, as track numbers within the zone, ascending. */
  slippedTracks: number[];
}

/** Physical location of a block, filled in by `DiskLayout.locate` (reused to avoid allocation). */
export interface PhysicalSector {
  cyl: number;
  head: number;
  /** Start angle of the sector, in revolutions [0, 1). */
  angle: number;
  /** Sectors per track of its zone. */
  sectorsPerTrack: number;
}

export class DiskLayout {
  readonly surfaces: number;
  readonly zones: readonly DiskZone[];
  /** First logical block of each zone. */
  readonly zoneFirstLbn: Float64Array;
  /** Logical blocks of each zone. */
  readonly zoneBlocks: Float64Array;
  readonly totalBlocks: number;
  readonly cylinders: number;

  constructor(surfaces: number, zones: readonly DiskZone[]) {
    this.surfaces = requireInteger('surfaces', surfaces, 'heads', 1, 256);
    if (zones.length === 0) throw new ParameterError('zones', zones.length, 'zones', '≥ 1');
    this.zones = zones;
    this.zoneFirstLbn = new Float64Array(zones.length);
    this.zoneBlocks = new Float64Array(zones.length);
    let lbn = 0;
    for (let z = 0; z < zones.length; z++) {
      const zn = zones[z];
      requireInteger(`zones[${z}].sectorsPerTrack`, zn.sectorsPerTrack, 'sectors', 1);
      if (!(zn.lastCyl >= zn.firstCyl)) throw new ParameterError(`zones[${z}].lastCyl`, zn.lastCyl, 'cylinders', `≥ firstCyl = ${zn.firstCyl}`);
      const cyls = zn.lastCyl - zn.firstCyl + 1;
      // DiskSim layout_g1_load.c, track sparing: cyls·spt·surfaces − dead space − spares·spt
      const blocks = cyls * zn.sectorsPerTrack * surfaces - zn.deadSpaceBlocks - zn.spareTracks * zn.sectorsPerTrack;
      if (!(blocks > 0)) throw new ParameterError(`zones[${z}]`, blocks, 'blocks', '> 0 logical blocks after dead space and spares');
      this.zoneFirstLbn[z] = lbn;
      this.zoneBlocks[z] = blocks;
      lbn += blocks;
    }
    this.totalBlocks = lbn;
    this.cylinders = zones[zones.length - 1].lastCyl + 1;
  }

  /** Zone index holding logical block `lbn`. */
  zoneOf(lbn: number): number {
    const f = this.zoneFirstLbn;
    let lo = 0;
    let hi = f.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f[mid] <= lbn) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Writes the physical location of `lbn` into `out`. */
  locate(lbn: number, out: PhysicalSector): PhysicalSector {
    if (!(lbn >= 0 && lbn < this.totalBlocks)) {
      throw new ParameterError('lbn', lbn, 'blocks', `in [0, ${this.totalBlocks - 1}]`);
    }
    const z = this.zoneOf(lbn);
    const zn = this.zones[z];
    const spt = zn.sectorsPerTrack;
    const rel = lbn - this.zoneFirstLbn[z] + zn.deadSpaceBlocks;
    let track = Math.floor(rel / spt);
    const sector = rel - track * spt;
    const slips = zn.slippedTracks;
    for (let i = 0; i < slips.length; i++) if (slips[i] <= track) track++;
    const cylInZone = Math.floor(track / this.surfaces);
    const head = track - cylInZone * this.surfaces;
    const switches = head + (this.surfaces - 1) * cylInZone;
    const pos = zn.firstBlockOffset + switches * zn.trackSkew + cylInZone * zn.cylSkew + sector;
    out.cyl = zn.firstCyl + cylInZone;
    out.head = head;
    out.angle = (pos % spt) / spt;
    out.sectorsPerTrack = spt;
    return out;
  }
}
