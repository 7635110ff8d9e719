/**
 * Builds a DiskSimSpec (disk-sim.ts) from DiskSim's own description of a validated drive:
 * the `.model` file (geometry, zones, skews, spares, slips, seek curve, head switch, rpm),
 * the `.diskspecs` file (controller overheads, cache segments, read-ahead) and the `.parv`
 * file (bus transfer time per block). Every number is read from those files; nothing is fitted.
 * Source: DiskSim (Ganger, Worthington, Patt), westerndigitalcorporation/DiskSim,
 * EXPERIMENTAL/Linux_64bit_LBA_20130807_Generic/valid/, copied to data/disk/disksim-hp-c2247a/.
 */
import { ParameterError } from '../core/validate.js';
import type { DiskZone } from './disk-layout.js';
import type { DiskSimSpec } from './disk-sim.js';
import { diskSimNumber, findDiskSimBlock, parseDiskSimParams, type DiskSimBlock, type DiskSimValue } from './disksim-params.js';

function block(v: DiskSimValue | undefined, what: string): DiskSimBlock {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  throw new ParameterError(what, v, '', 'a parameter block');
}
function list(v: DiskSimValue | undefined, what: string): DiskSimValue[] {
  if (Array.isArray(v)) return v;
  throw new ParameterError(what, v, '', 'a list');
}
function nums(v: DiskSimValue | undefined, what: string): number[] {
  return list(v, what).map((x, i) => {
    if (typeof x !== 'number') throw new ParameterError(`${what}[${i}]`, x, '', 'a number');
    return x;
  });
}

export interface DiskSimFiles {
  /** Text of the .model file. */
  model: string;
  /** Text of the .diskspecs file. */
  diskspecs: string;
  /** Text of the .parv file. */
  parv: string;
  /** Name for the spec. */
  name: string;
}

export function diskSimSpecFromFiles(files: DiskSimFiles): DiskSimSpec {
  const model = findDiskSimBlock(parseDiskSimParams(files.model, 'model'), 'dm_disk');
  const disk = findDiskSimBlock(parseDiskSimParams(files.diskspecs, 'diskspecs'), 'disksim_disk');
  const parv = parseDiskSimParams(files.parv, 'parv');
  const layout = block(model.params['Layout Model'], 'Layout Model');
  if (diskSimNumber(layout, 'Sparing scheme used') !== 1) {
    throw new ParameterError('Sparing scheme used', layout.params['Sparing scheme used'], '', '1 (track sparing; the only scheme modeled)');
  }
  const zones: DiskZone[] = list(layout.params['Zones'], 'Zones').map((zv, i) => {
    const z = block(zv, `Zones[${i}]`);
    return {
      firstCyl: diskSimNumber(z, 'First cylinder number'),
      lastCyl: diskSimNumber(z, 'Last cylinder number'),
      sectorsPerTrack: diskSimNumber(z, 'Blocks per track'),
      firstBlockOffset: diskSimNumber(z, 'Offset of first block'),
      deadSpaceBlocks: diskSimNumber(z, 'Empty space at zone front'),
      trackSkew: diskSimNumber(z, 'Skew for track switch'),
      cylSkew: diskSimNumber(z, 'Skew for cylinder switch'),
      spareTracks: diskSimNumber(z, 'Number of spares'),
      slippedTracks: nums(z.params['slips'], 'slips').sort((a, b) => a - b),
    };
  });
  const mech = block(model.params['Mechanical Model'], 'Mechanical Model');
  const seekType = mech.params['Seek type'];
  if (seekType !== 'hplplus10' && seekType !== 'hpl') {
    throw new ParameterError('Seek type', seekType, '', '"hpl" or "hplplus10" (the Ruemmler–Wilkes forms)');
  }
  // DiskSim mech_g1_seektime.c: hpseek = [cutoff, a, b, c, e, single-cylinder flag]
  const hpl = nums(mech.params['HPL seek equation values'], 'HPL seek equation values');
  const first10 = seekType === 'hplplus10' ? nums(mech.params['First ten seek times'], 'First ten seek times') : null;
  const bus1 = findDiskSimBlock(parv, 'disksim_bus', 'BUS1');
  const yes = (k: string): boolean => diskSimNumber(disk, k) !== 0;
  const extra = yes('Extra write disconnect');
  const blocksTotal = diskSimNumber(model, 'Block count');
  const spec: DiskSimSpec = {
    name: files.name,
    rpm: diskSimNumber(mech, 'Rotation speed (in rpms)'),
    surfaces: diskSimNumber(model, 'Number of data surfaces'),
    zones,
    seek: {
      first10Ms: first10,
      cutoffCyl: hpl[0],
      aMs: hpl[1],
      bMsPerSqrtCyl: hpl[2],
      cMs: hpl[3],
      eMsPerCyl: hpl[4],
      headSwitchMs: diskSimNumber(mech, 'Head switch time'),
      writeSettleMs: diskSimNumber(mech, 'Add. write settling delay'),
    },
    cache: {
      segmentBlocks: diskSimNumber(disk, 'Segment size (in blks)'),
      maxReadAheadBlocks: diskSimNumber(disk, 'Maximum read-ahead (blks)'),
      readHitsOnWriteData: yes('Allow read hits on write data'),
      readWatermarkFrac: diskSimNumber(disk, 'High (read) water mark'),
      serveAheadOfStream: yes('Allow almost read hits'),
    },
    overheads: {
      readHitMs: diskSimNumber(disk, 'Read hit over. after read'),
      readMissMs: diskSimNumber(disk, 'Read miss over. after read'),
      writeMs: diskSimNumber(disk, 'Write miss over. after write'),
      readCompletionMs: diskSimNumber(disk, 'Read completion overhead'),
      writeCompletionMs: diskSimNumber(disk, 'Write completion overhead'),
      dataPrepMs: diskSimNumber(disk, 'Data preparation overhead'),
      reselectMs: diskSimNumber(disk, 'First reselect overhead'),
      extraWriteDisconnect: extra
        ? {
            commandMs: diskSimNumber(disk, 'Extradisc command overhead'),
            disconnect1Ms: diskSimNumber(disk, 'Extradisc disconnect overhead'),
            interDisconnectMs: diskSimNumber(disk, 'Extradisc inter-disconnect delay'),
            disconnect2Ms: diskSimNumber(disk, 'Extradisc 2nd disconnect overhead'),
            seekDeltaMs: diskSimNumber(disk, 'Extradisc seek delta'),
          }
        : null,
    },
    bus: {
      readBlockMs: diskSimNumber(bus1, 'Read block transfer time'),
      writeBlockMs: diskSimNumber(bus1, 'Write block transfer time'),
    },
    immediateWriteReport: diskSimNumber(disk, 'Fast write level') !== 0 || diskSimNumber(disk, 'Immediate buffer write') !== 0,
    source: `DiskSim validation files (${files.name}): .model, .diskspecs, .parv; declared block count ${blocksTotal}`,
  };
  return spec;
}
