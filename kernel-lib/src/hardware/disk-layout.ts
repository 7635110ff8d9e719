/**
 * Logical-block ↔ physical-sector mapping of a zoned disk: track and cylinder skew, dead space at a
 * zone's front, spare space, slipped defects and remapped defects, under the sparing schemes and
 * surface orders of DiskSim's diskmodel layout "g1" (Ganger, Worthington, Patt, Bucy; CMU PDL /
 * University of Michigan; diskmodel/layout_g1.c, layout_g1_load.c, DiskSim 4.0):
 *
 * Within a zone, number the physical sectors q = (cylInZone·surfaces + surface)·spt + sector, where
 * `surface` is the position of the head in the zone's surface order (mapping 0: head 0, 1, …;
 * mapping 1 "cylinder switch on surface": on every odd cylinder of the zone the order is reversed;
 * mapping 2: on every odd cylinder of the disk). A logical block's index in its zone, counted from
 * the zone's first sector (dead space included), is placed into q by the sparing scheme:
 * - 0 no sparing: q = index;
 * - 1 track sparing: whole tracks; slips and defects are track numbers; spare tracks at the zone's end;
 * - 2 sectors per cylinder: the last `spares` sectors of each cylinder are spare; slips (sector
 *   numbers in the zone) shift the rest of their cylinder;
 * - 3 sectors per track: the last `spares` sectors of each track are spare; slips shift their track;
 * - 8 sectors per range of `rangeSize` cylinders: the last `spares` sectors of each range are spare;
 * - 9 sectors per zone: the last `spares` sectors of the zone are spare; slips shift the zone.
 * Slips are skipped in ascending order (a slip at or before the current position pushes it one
 * unit on). A defect pair [d, r] sends the unit d to r. The angle of a sector is
 * (firstBlockOffset + switches·trackSkew + cylInZone·cylSkew + slipsBefore + sector) / spt
 * revolutions, where switches = surface + (surfaces − 1)·cylInZone and slipsBefore counts, for the
 * sector-per-cylinder and sector-per-track schemes only, the zone's slips before the sector's
 * cylinder (track) (DiskSim's g1_map_pbn_skew).
 * Not modeled (an error): schemes 4–7 and 10 (slip to end, spares at the front, spares at the
 * disk's end), mappings 3 and 4.
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
  /** Spare units of the zone: tracks (track sparing) or sectors per track / cylinder / range / zone. */
  spares: number;
  /** Slipped units within the zone (tracks for track sparing, sectors otherwise), ascending. */
  slips: number[];
  /** Remapped defects: pairs [defective unit, replacement unit] (same units as `slips`). */
  defects?: Array<[number, number]>;
}

/** DiskSim's "Sparing scheme used" values that the layout models. */
export const SPARING_SCHEMES = [0, 1, 2, 3, 8, 9] as const;
export type SparingScheme = (typeof SPARING_SCHEMES)[number];

export interface DiskLayoutOptions {
  /** DiskSim "Sparing scheme used"; default 1 (track sparing). */
  sparing?: number;
  /** DiskSim "LBN-to-PBN mapping scheme" (0, 1 or 2); default 0. */
  mapping?: number;
  /** DiskSim "Rangesize for sparing" (cylinders per range, scheme 8); default 1. */
  rangeSize?: number;
}

/** Physical location of a block, filled in by `DiskLayout.locate` (reused to avoid allocation). */
export interface PhysicalSector {
  cyl: number;
  head: number;
  /** Start angle of the sector, in revolutions [0, 1). */
  angle: number;
  /** Sectors per track of its zone. */
  sectorsPerTrack: number;
  /** Physical sector number on its track (0 … spt − 1). */
  sector?: number;
}

/** `lbnAt` result for a sector that holds no logical block (spare, slipped or dead space). */
export const NO_LBN = -1;
/** `lbnAt` result for a defective sector whose block was remapped elsewhere. */
export const REMAPPED = -2;

export class DiskLayout {
  readonly surfaces: number;
  readonly zones: readonly DiskZone[];
  readonly sparing: SparingScheme;
  readonly mapping: number;
  readonly rangeSize: number;
  /** First logical block of each zone. */
  readonly zoneFirstLbn: Float64Array;
  /** Logical blocks of each zone. */
  readonly zoneBlocks: Float64Array;
  readonly totalBlocks: number;
  readonly cylinders: number;

  constructor(surfaces: number, zones: readonly DiskZone[], opts: DiskLayoutOptions = {}) {
    this.surfaces = requireInteger('surfaces', surfaces, 'heads', 1, 256);
    if (zones.length === 0) throw new ParameterError('zones', zones.length, 'zones', '≥ 1');
    const sparing = opts.sparing ?? 1;
    if (!(SPARING_SCHEMES as readonly number[]).includes(sparing)) {
      throw new ParameterError('sparing', sparing, '', `one of ${SPARING_SCHEMES.join(', ')} (DiskSim "Sparing scheme used" values modeled)`);
    }
    this.sparing = sparing as SparingScheme;
    const mapping = opts.mapping ?? 0;
    if (mapping !== 0 && mapping !== 1 && mapping !== 2) {
      throw new ParameterError('mapping', mapping, '', '0, 1 or 2 (DiskSim "LBN-to-PBN mapping scheme" values modeled)');
    }
    this.mapping = mapping;
    this.rangeSize = requireInteger('rangeSize', opts.rangeSize ?? 1, 'cylinders', 1);
    this.zones = zones;
    this.zoneFirstLbn = new Float64Array(zones.length);
    this.zoneBlocks = new Float64Array(zones.length);
    let lbn = 0;
    for (let z = 0; z < zones.length; z++) {
      const zn = zones[z];
      requireInteger(`zones[${z}].sectorsPerTrack`, zn.sectorsPerTrack, 'sectors', 1);
      if (!(zn.lastCyl >= zn.firstCyl)) throw new ParameterError(`zones[${z}].lastCyl`, zn.lastCyl, 'cylinders', `≥ firstCyl = ${zn.firstCyl}`);
      if (z > 0 && !(zn.firstCyl > zones[z - 1].lastCyl)) {
        throw new ParameterError(`zones[${z}].firstCyl`, zn.firstCyl, 'cylinders', `> zones[${z - 1}].lastCyl = ${zones[z - 1].lastCyl}`);
      }
      for (let i = 1; i < zn.slips.length; i++) {
        if (!(zn.slips[i] > zn.slips[i - 1])) throw new ParameterError(`zones[${z}].slips`, zn.slips.join(','), '', 'strictly ascending');
      }
      const blocks = this.blocksInZone(zn);
      if (!(blocks > 0)) throw new ParameterError(`zones[${z}]`, blocks, 'blocks', '> 0 logical blocks after dead space and spares');
      this.zoneFirstLbn[z] = lbn;
      this.zoneBlocks[z] = blocks;
      lbn += blocks;
    }
    this.totalBlocks = lbn;
    this.cylinders = zones[zones.length - 1].lastCyl + 1;
  }

  /** DiskSim dm_layout_g1_compute_blksinband. */
  private blocksInZone(zn: DiskZone): number {
    const cyls = zn.lastCyl - zn.firstCyl + 1;
    let b = cyls * zn.sectorsPerTrack * this.surfaces - zn.deadSpaceBlocks;
    switch (this.sparing) {
      case 0:
        break;
      case 1:
        b -= zn.spares * zn.sectorsPerTrack;
        break;
      case 2:
        b -= zn.spares * cyls;
        break;
      case 3:
        b -= zn.spares * cyls * this.surfaces;
        break;
      case 8:
        b -= zn.spares * Math.floor(cyls / this.rangeSize);
        break;
      case 9:
        b -= zn.spares;
        break;
    }
    return b;
  }

  /** Sectors of one sparing unit and the logical blocks it holds (sector schemes). */
  private unit(zn: DiskZone): { unitSectors: number; unitBlocks: number } {
    const spt = zn.sectorsPerTrack;
    switch (this.sparing) {
      case 2:
        return { unitSectors: spt * this.surfaces, unitBlocks: spt * this.surfaces - zn.spares };
      case 3:
        return { unitSectors: spt, unitBlocks: spt - zn.spares };
      case 8:
        return { unitSectors: spt * this.surfaces * this.rangeSize, unitBlocks: spt * this.surfaces * this.rangeSize - zn.spares };
      default:
        return { unitSectors: Infinity, unitBlocks: Infinity };
    }
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

  /** Head of the physical surface at position `surface` of the zone's surface order on `cylInZone`. */
  private headFor(zn: DiskZone, cylInZone: number, surface: number): number {
    const flip = this.mapping === 1 ? cylInZone % 2 === 1 : this.mapping === 2 ? (zn.firstCyl + cylInZone) % 2 === 1 : false;
    return flip ? this.surfaces - 1 - surface : surface;
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
    const slips = zn.slips;
    let q: number;
    if (this.sparing === 1) {
      let track = Math.floor(rel / spt);
      for (let i = 0; i < slips.length; i++) if (slips[i] <= track) track++;
      track = remap(zn, track);
      q = track * spt + (rel - Math.floor(rel / spt) * spt);
    } else if (this.sparing === 0 || this.sparing === 9) {
      q = rel;
      for (let i = 0; i < slips.length; i++) if (slips[i] <= q) q++;
      q = remap(zn, q);
    } else {
      const { unitSectors, unitBlocks } = this.unit(zn);
      const u = Math.floor(rel / unitBlocks);
      q = u * unitSectors + (rel - u * unitBlocks);
      for (let i = 0; i < slips.length; i++) if (slips[i] <= q && Math.floor(slips[i] / unitSectors) === u) q++;
      q = remap(zn, q);
    }
    const track = Math.floor(q / spt);
    const sector = q - track * spt;
    const cylInZone = Math.floor(track / this.surfaces);
    const surface = track - cylInZone * this.surfaces;
    let slipsBefore = 0;
    if (this.sparing === 2 || this.sparing === 3) {
      const cutoff = (cylInZone * this.surfaces + (this.sparing === 3 ? surface : 0)) * spt;
      for (let i = 0; i < slips.length; i++) if (slips[i] < cutoff) slipsBefore++;
    }
    const switches = surface + (this.surfaces - 1) * cylInZone;
    const pos = zn.firstBlockOffset + switches * zn.trackSkew + cylInZone * zn.cylSkew + slipsBefore + sector;
    out.cyl = zn.firstCyl + cylInZone;
    out.head = this.headFor(zn, cylInZone, surface);
    out.angle = (pos % spt) / spt;
    out.sectorsPerTrack = spt;
    out.sector = sector;
    return out;
  }

  /**
   * The logical block stored in physical sector `sector` of track (cyl, head): a block number, or
   * NO_LBN (spare, slipped, dead space, or a cylinder outside every zone) or REMAPPED (a defect whose
   * block lives elsewhere). The inverse of `locate` (DiskSim's g1_ptol_* functions).
   */
  lbnAt(cyl: number, head: number, sector: number): number {
    let z = -1;
    for (let i = 0; i < this.zones.length; i++) if (cyl >= this.zones[i].firstCyl && cyl <= this.zones[i].lastCyl) z = i;
    if (z < 0) return NO_LBN;
    const zn = this.zones[z];
    const spt = zn.sectorsPerTrack;
    if (!(head >= 0 && head < this.surfaces && sector >= 0 && sector < spt)) {
      throw new ParameterError('sector', `${cyl}/${head}/${sector}`, '', `head in [0, ${this.surfaces - 1}], sector in [0, ${spt - 1}]`);
    }
    const cylInZone = cyl - zn.firstCyl;
    const surface = this.headFor(zn, cylInZone, head); // the surface order is an involution
    const slips = zn.slips;
    let rel: number;
    if (this.sparing === 1) {
      let track = cylInZone * this.surfaces + surface;
      const t = unmap(zn, track);
      if (t === null) return REMAPPED;
      track = t;
      for (let i = slips.length - 1; i >= 0; i--) {
        if (track === slips[i]) return NO_LBN;
        if (track > slips[i]) track--;
      }
      rel = track * spt + sector;
    } else {
      const q0 = (cylInZone * this.surfaces + surface) * spt + sector;
      const t = unmap(zn, q0);
      if (t === null) return REMAPPED;
      let q = t;
      if (this.sparing === 0 || this.sparing === 9) {
        for (let i = slips.length - 1; i >= 0; i--) {
          if (q === slips[i]) return NO_LBN;
          if (q > slips[i]) q--;
        }
        rel = q;
      } else {
        const { unitSectors, unitBlocks } = this.unit(zn);
        const u = Math.floor(q / unitSectors);
        for (let i = slips.length - 1; i >= 0; i--) {
          if (q === slips[i]) return NO_LBN;
          if (q > slips[i] && Math.floor(slips[i] / unitSectors) === u) q--;
        }
        const within = q - u * unitSectors;
        if (within >= unitBlocks) return NO_LBN;
        rel = u * unitBlocks + within;
      }
    }
    const idx = rel - zn.deadSpaceBlocks;
    if (idx < 0 || idx >= this.zoneBlocks[z]) return NO_LBN;
    return this.zoneFirstLbn[z] + idx;
  }
}

/** Unit after remapping: a defective unit goes to its replacement. */
function remap(zn: DiskZone, u: number): number {
  const d = zn.defects;
  if (d) for (let i = 0; i < d.length; i++) if (d[i][0] === u) return d[i][1];
  return u;
}

/** Inverse of `remap`: the unit whose data a physical unit holds, or null for a defect remapped away. */
function unmap(zn: DiskZone, u: number): number | null {
  const d = zn.defects;
  if (!d) return u;
  for (let i = 0; i < d.length; i++) if (d[i][1] === u) return d[i][0];
  for (let i = 0; i < d.length; i++) if (d[i][0] === u) return null;
  return u;
}
