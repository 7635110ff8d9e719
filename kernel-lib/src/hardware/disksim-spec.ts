/**
 * Builds a DiskSimSpec (disk-sim.ts) from DiskSim's own description of a validated drive, as
 * DiskSim 4.0 reads it: the `.parv` file (top level: iodriver, buses, controller, and `source` of
 * the `.diskspecs`), the `.diskspecs` (disk block: controller overheads, cache, bus; `Model =
 * source` of the `.model`), the `.model` (dm_disk: geometry, zones, sparing, mechanics) and, for
 * `Seek type = extracted`, the seek file it names. Every number is read from those files; nothing is
 * fitted. Parameter meanings: DiskSim's disk.modspec and the code that uses them
 * (disksim_diskctlr.c, disksim_diskcache.c, diskmodel/layout_g1*.c, mech_g1*.c).
 *
 * Every parameter of the disk, model, bus, controller and driver blocks is accounted for: read into
 * the spec, checked to hold a value whose effect the simulation reproduces (e.g. "Preseeking level
 * = 0"), or declared without effect on one-request-at-a-time service times (statistics switches,
 * scheduler settings of a queue that never holds two requests, "Avg sectors per cylinder", which
 * only external schedulers read). Anything else — an unknown parameter, or a value of a known one
 * that is not modeled — is a ParameterError naming the parameter, its file and line.
 */
import { ParameterError } from '../core/validate.js';
import type { DiskZone } from './disk-layout.js';
import type { DiskSimPrefetch, DiskSimSpec } from './disk-sim.js';
import { parseDiskSimParams, type DiskSimBlock, type DiskSimValue } from './disksim-params.js';
import { parseSeekTable, type SeekTable } from './seek-table.js';

/** Reads a file of the drive's folder by name (e.g. "hp_c2247a.diskspecs"). */
export type DiskSimFileReader = (name: string) => string;

/** Tracks which parameters of each block were used. */
class Params {
  private readonly used = new Set<string>();
  constructor(readonly b: DiskSimBlock) {}
  where(key: string): string {
    const line = this.b.lines?.[key];
    return line ? `${this.b.file}:${line}` : this.b.file;
  }
  private bad(key: string, v: unknown, expected: string, why?: string): never {
    throw new ParameterError(`${this.b.type}."${key}" (${this.where(key)})`, Array.isArray(v) ? `[${v.length} items]` : (v as string | number), '', expected, why);
  }
  has(key: string): boolean {
    return key in this.b.params;
  }
  raw(key: string): DiskSimValue {
    this.used.add(key);
    const v = this.b.params[key];
    if (v === undefined) throw new ParameterError(`${this.b.type}."${key}"`, 'missing', '', `present in ${this.b.file}`);
    return v;
  }
  num(key: string): number {
    const v = this.raw(key);
    if (typeof v !== 'number') this.bad(key, v, 'a number');
    return v;
  }
  int(key: string, allowed?: readonly number[], what?: string): number {
    const v = this.num(key);
    if (!Number.isInteger(v)) this.bad(key, v, 'an integer');
    if (allowed && !allowed.includes(v)) this.bad(key, v, `one of ${allowed.join(', ')}${what ? ` (${what})` : ''}`, 'a value this simulation does not model');
    return v;
  }
  /** A number that must equal `value` (its effect for other values is not modeled). */
  exactly(key: string, value: number, what: string): void {
    const v = this.num(key);
    if (v !== value) this.bad(key, v, `${value} (${what})`, 'a value this simulation does not model');
  }
  str(key: string, allowed?: readonly string[]): string {
    const v = this.raw(key);
    if (typeof v !== 'string') this.bad(key, v, 'a word');
    if (allowed && !allowed.includes(v)) this.bad(key, v, `one of ${allowed.join(', ')}`, 'a value this simulation does not model');
    return v;
  }
  block(key: string, type?: string): DiskSimBlock {
    const v = this.raw(key);
    if (!v || typeof v !== 'object' || Array.isArray(v) || (type && v.type !== type)) this.bad(key, v as string, type ? `a ${type} block` : 'a block');
    return v as DiskSimBlock;
  }
  list(key: string): DiskSimValue[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) this.bad(key, v, 'a list');
    return v;
  }
  nums(key: string): number[] {
    return this.list(key).map((x, i) => {
      if (typeof x !== 'number' || !Number.isInteger(x)) this.bad(`${key}[${i}]`, x, 'an integer');
      return x as number;
    });
  }
  /** Declares parameters that cannot change a service time here (see the file comment). */
  noEffect(...keys: string[]): void {
    for (const k of keys) if (this.has(k)) this.used.add(k);
  }
  /** Every parameter must have been used. */
  done(): void {
    for (const k of Object.keys(this.b.params)) {
      if (!this.used.has(k)) {
        throw new ParameterError(`${this.b.type}."${k}" (${this.where(k)})`, 'present', '', 'a DiskSim parameter this loader models', 'unknown or unmodeled parameter');
      }
    }
  }
}

function sourceName(v: DiskSimValue, what: string): string {
  if (typeof v === 'string' && v.startsWith('source ')) return v.slice(7);
  throw new ParameterError(what, String(v), '', "'source <file>'");
}

function readFile(read: DiskSimFileReader, name: string): string {
  try {
    return read(name);
  } catch (e) {
    throw new ParameterError('DiskSim file', name, '', 'a file in the drive folder', (e as Error).message);
  }
}

/** The top-level blocks of a file and of the files it `source`s. */
function loadAll(read: DiskSimFileReader, name: string, out: DiskSimBlock[], depth = 0): void {
  if (depth > 8) throw new ParameterError('DiskSim file', name, '', 'sources nested ≤ 8 deep');
  for (const it of parseDiskSimParams(readFile(read, name), name)) {
    if (typeof it === 'string') loadAll(read, sourceName(it, name), out, depth + 1);
    else out.push(it);
  }
}

/** Instance name → type name, and the bus that holds the disk, from the .parv's instantiate/topology statements. */
function topology(parvText: string, parvName: string): { busType: string | null; diskType: string } {
  const inst = new Map<string, string>();
  for (const m of parvText.matchAll(/instantiate\s*\[([^\]]*)\]\s*as\s+([A-Za-z0-9_.+\-]+)/g)) {
    for (const n of m[1].split(',').map((x) => x.trim()).filter((x) => x !== '')) inst.set(n, m[2]);
  }
  const topo = /topology([\s\S]*)$/.exec(parvText.replace(/#[^\n]*/g, ''));
  if (!topo) throw new ParameterError('topology', parvName, '', 'a topology statement in the .parv file');
  // the innermost bus that encloses the (single) disk
  const stack: string[] = [];
  let bus: string | null = null;
  let disk: string | null = null;
  let pending: { kind: string; name: string } | null = null;
  for (const tok of topo[1].matchAll(/disksim_(\w+)\s+([A-Za-z0-9_.+\-]+)\s*\[|\[|\]/g)) {
    if (tok[1]) {
      pending = { kind: tok[1], name: tok[2] };
      if (pending.kind === 'disk') {
        if (disk) throw new ParameterError('topology', parvName, 'disks', 'exactly one disk (a validation run)');
        disk = pending.name;
        for (let i = stack.length - 1; i >= 0; i--) {
          const [k, n] = stack[i].split(' ');
          if (k === 'bus') {
            bus = n;
            break;
          }
        }
      }
      stack.push(`${pending.kind} ${pending.name}`);
    } else if (tok[0] === '[') stack.push('- -');
    else stack.pop();
  }
  if (!disk) throw new ParameterError('topology', parvName, 'disks', 'one disk');
  const diskType = inst.get(disk);
  if (!diskType) throw new ParameterError('instantiate', disk, '', `an instantiate statement for the disk in ${parvName}`);
  return { busType: bus ? (inst.get(bus) ?? null) : null, diskType };
}

const PREFETCH: Record<number, DiskSimPrefetch> = { 0: 'none', 1: 'track', 2: 'cylinder', 3: 'segment', 4: 'next-track-if-sequential' };

/**
 * Loads a DiskSim-validated drive from its folder: `read(name)` returns a file's text; `parvName`
 * is the top-level file (e.g. "hp_c2247a.parv"); `name` names the spec.
 * @throws ParameterError naming the parameter, file and line for anything not modeled.
 */
export function diskSimSpecFromFolder(read: DiskSimFileReader, parvName: string, name: string): DiskSimSpec {
  const blocks: DiskSimBlock[] = [];
  loadAll(read, parvName, blocks);
  const { busType, diskType } = topology(readFile(read, parvName), parvName);
  const byName = (type: string, n?: string | null): DiskSimBlock | undefined => blocks.find((b) => b.type === type && (n == null || b.name === n));
  const diskBlock = byName('disksim_disk', diskType);
  if (!diskBlock) throw new ParameterError('disksim_disk', diskType, '', `a disksim_disk block named ${diskType} (the instantiated disk)`);

  // --- top level: output-only blocks, driver, controller, bus
  for (const b of blocks) {
    if (b.type === 'disksim_global' || b.type === 'disksim_stats') continue; // seeds, statistics and output files only
    if (b.type === 'disksim_disk' && b !== diskBlock) continue; // not instantiated
    if (b.type === 'disksim_bus' && b.name !== busType) {
      // a bus between driver and controller: its block time adds nothing in pass-through validation runs
      const p = new Params(b);
      p.int('type', [1], 'exclusive bus');
      p.int('Arbitration type', [1], 'slot-priority arbitration');
      p.exactly('Arbitration time', 0, 'no arbitration delay');
      p.exactly('Read block transfer time', 0, 'only the disk\'s own bus transfers data in this model');
      p.exactly('Write block transfer time', 0, 'only the disk\'s own bus transfers data in this model');
      p.noEffect('Print stats');
      p.done();
    }
    if (b.type === 'disksim_iodriver') {
      const p = new Params(b);
      p.int('type', [1], 'a standalone device driver');
      p.exactly('Constant access time', 0, 'the device is simulated, not a constant');
      p.block('Scheduler', 'disksim_ioqueue');
      p.noEffect('Use queueing in subsystem'); // one request outstanding at a time
      p.done();
    }
    if (b.type === 'disksim_ctlr') {
      const p = new Params(b);
      p.int('type', [1], 'pass-through controller');
      p.exactly('Scale for delays', 0, 'no controller delays');
      p.exactly('Bulk sector transfer time', 0, 'the disk and bus set the block time');
      p.noEffect('Maximum queue length', 'Print stats');
      p.done();
    }
  }
  let busRead = 0;
  let busWrite = 0;
  if (busType) {
    const bb = byName('disksim_bus', busType);
    if (!bb) throw new ParameterError('disksim_bus', busType, '', 'a disksim_bus block for the disk\'s bus');
    const p = new Params(bb);
    p.int('type', [1], 'exclusive bus');
    p.int('Arbitration type', [1], 'slot-priority arbitration');
    p.exactly('Arbitration time', 0, 'no arbitration delay');
    busRead = p.num('Read block transfer time');
    busWrite = p.num('Write block transfer time');
    p.noEffect('Print stats');
    p.done();
  }

  // --- disk block (disksim_diskctlr.c, disksim_diskcache.c)
  const d = new Params(diskBlock);
  const modelBlocks: DiskSimBlock[] = [];
  const modelRef = d.raw('Model');
  if (typeof modelRef === 'string') loadAll(read, sourceName(modelRef, 'Model'), modelBlocks);
  else if (typeof modelRef === 'object' && !Array.isArray(modelRef)) modelBlocks.push(modelRef);
  const modelBlock = modelBlocks.find((b) => b.type === 'dm_disk');
  if (!modelBlock) throw new ParameterError('Model', String(modelRef), '', 'a dm_disk block');
  const scale = d.num('Time scale for overheads');
  const ov = (k: string): number => {
    const v = d.num(k);
    if (!(v >= 0)) throw new ParameterError(`disksim_disk."${k}" (${d.where(k)})`, v, 'ms', '≥ 0');
    return v * scale;
  };
  const bulk = d.num('Bulk sector transfer time');
  d.int('Hold bus entire read xfer', [0, 1]);
  d.int('Hold bus entire write xfer', [0, 1]);
  // The bus is paced by the media (a transfer waits for each sector); a disconnect in the middle of a
  // read transfer would add "Other reselect overhead", which we only accept where it is 0 or the bus is held.
  const holdRead = d.num('Hold bus entire read xfer') === 1;
  const almost = d.int('Allow almost read hits', [0, 1]) === 1;
  d.exactly('Allow sneaky full read hits', 0, 'no hits while another request is active; one request at a time');
  d.exactly('Allow sneaky partial read hits', 0, 'as above');
  d.exactly('Allow sneaky intermediate read hits', 0, 'as above');
  const hitsOnWrite = d.int('Allow read hits on write data', [0, 1]) === 1;
  d.exactly('Allow write prebuffering', 0, 'needs a queue of writes');
  d.exactly('Preseeking level', 0, 'the actuator starts with the next request');
  const neverDisconnect = d.int('Never disconnect', [0, 1]) === 1;
  d.noEffect('Print stats', 'Avg sectors per cylinder'); // statistics; exported to external schedulers only
  const maxq = d.num('Max queue length');
  if (!(maxq >= 1)) throw new ParameterError(`disksim_disk."Max queue length" (${d.where('Max queue length')})`, maxq, 'requests', '≥ 1');
  d.block('Scheduler', 'disksim_ioqueue'); // never chooses between two requests: the replay issues one at a time
  const segments = d.int('Number of buffer segments');
  d.exactly('Maximum number of write segments', 1, 'one segment holds write data');
  const segBlocks = d.int('Segment size (in blks)');
  const separateWrite = d.int('Use separate write segment', [0, 1]) === 1;
  const writeWater = d.num('Low (write) water mark');
  const readWater = d.num('High (read) water mark');
  d.exactly('Set watermark by reqsize', 1, 'watermarks as fractions of the request');
  d.noEffect('Calc sector by sector'); // the manual: no effect on accuracy
  const enableCache = d.int('Enable caching in buffer', [0, 1, 2]) !== 0; // DiskSim tests it as a boolean
  const contread = d.int('Buffer continuous read', [0, 1, 2, 3, 4]);
  d.exactly('Minimum read-ahead (blks)', 0, 'no forced read-ahead before the next request');
  const maxRA = d.int('Maximum read-ahead (blks)');
  const overReq = d.int('Read-ahead over requested', [-1, 0, 1]);
  const raOnHit = d.int('Read-ahead on idle hit', [0, 1]) === 1;
  const anyFree = d.int('Read any free blocks', [0, 1]) === 1;
  const fast = d.int('Fast write level', [0, 1, 2]);
  const immRead = d.int('Immediate buffer read', [0, 1]) === 1;
  const immWrite = d.int('Immediate buffer write', [0, 1]) === 1;
  d.exactly('Combine seq writes', 1, 'sequential writes share a segment');
  const stopInSector = d.int('Stop prefetch in sector', [0, 1]) === 1;
  d.exactly('Disconnect write if seek', 0, 'the write transfer does not wait for the seek');
  d.exactly('Write hit stop prefetch', 1, 'a write stops the read-ahead');
  d.exactly('Read directly to buffer', 1, 'sectors go straight into the segment');
  d.exactly('Immed transfer partial hit', 1, 'cached data of a partial hit is sent at once');
  const o = {
    readHitAfterRead: ov('Read hit over. after read'),
    readHitAfterWrite: ov('Read hit over. after write'),
    readMissAfterRead: ov('Read miss over. after read'),
    readMissAfterWrite: ov('Read miss over. after write'),
    writeHitAfterRead: ov('Write hit over. after read'),
    writeHitAfterWrite: ov('Write hit over. after write'),
    writeMissAfterRead: ov('Write miss over. after read'),
    writeMissAfterWrite: ov('Write miss over. after write'),
  };
  const readCompletion = ov('Read completion overhead');
  const writeCompletion = ov('Write completion overhead');
  const dataPrep = ov('Data preparation overhead');
  const reselect = ov('First reselect overhead');
  const otherReselect = ov('Other reselect overhead');
  if (otherReselect > 0 && !holdRead && !neverDisconnect) {
    throw new ParameterError(`disksim_disk."Other reselect overhead" (${d.where('Other reselect overhead')})`, otherReselect, 'ms', '0 unless the bus is held for the whole read', 'mid-transfer reconnections are not modeled');
  }
  // disconnect overheads run in parallel with the seek / media write (disksim_diskctlr.c): no effect on service time here
  ov('Read disconnect afterread');
  ov('Read disconnect afterwrite');
  ov('Write disconnect overhead');
  const extra = d.int('Extra write disconnect', [0, 1]) === 1;
  const xd = {
    commandMs: ov('Extradisc command overhead'),
    disconnect1Ms: ov('Extradisc disconnect overhead'),
    interDisconnectMs: ov('Extradisc inter-disconnect delay'),
    disconnect2Ms: ov('Extradisc 2nd disconnect overhead'),
    seekDeltaMs: ov('Extradisc seek delta'),
  };
  const minSeekDelay = ov('Minimum seek delay');
  const perRequest = ov('Per-request overhead time');
  d.done();
  if (!enableCache && (anyFree || fast !== 0)) {
    throw new ParameterError(`disksim_disk."Enable caching in buffer" (${d.where('Enable caching in buffer')})`, 0, '', '≠ 0 with read-any-free-blocks or fast writes (DiskSim refuses this too)');
  }

  // --- model (diskmodel)
  const m = new Params(modelBlock);
  const surfaces = m.int('Number of data surfaces');
  m.int('Number of cylinders');
  const blockCount = m.num('Block count'); // DiskSim replaces it by the zones' sum (layout_g1_load.c, checknumblocks)
  const lay = new Params(m.block('Layout Model', 'dm_layout_g1'));
  const mapping = lay.int('LBN-to-PBN mapping scheme', [0, 1, 2], 'normal or cylinder switch on surface');
  const sparing = lay.int('Sparing scheme used', [0, 1, 2, 3, 8, 9], 'none, track, sectors per cylinder / track / range / zone');
  const rangeSize = lay.int('Rangesize for sparing');
  const zones: DiskZone[] = lay.list('Zones').map((zv, i) => {
    if (!zv || typeof zv !== 'object' || Array.isArray(zv) || zv.type !== 'dm_layout_g1_zone') {
      throw new ParameterError(`Zones[${i}] (${lay.where('Zones')})`, String(zv), '', 'a dm_layout_g1_zone block');
    }
    const z = new Params(zv);
    const defects = z.nums('defects');
    if (defects.length % 2 !== 0) throw new ParameterError(`Zones[${i}].defects (${z.where('defects')})`, defects.length, 'numbers', 'an even count (pairs of defect, replacement)');
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < defects.length; k += 2) pairs.push([defects[k], defects[k + 1]]);
    const zone: DiskZone = {
      firstCyl: z.int('First cylinder number'),
      lastCyl: z.int('Last cylinder number'),
      sectorsPerTrack: z.int('Blocks per track'),
      firstBlockOffset: z.num('Offset of first block'),
      deadSpaceBlocks: z.int('Empty space at zone front'),
      trackSkew: z.num('Skew for track switch'),
      cylSkew: z.num('Skew for cylinder switch'),
      spares: z.int('Number of spares'),
      slips: [...new Set(z.nums('slips'))].sort((a, b) => a - b),
      defects: pairs,
    };
    z.done();
    return zone;
  });
  lay.done();
  const mech = new Params(m.block('Mechanical Model', 'dm_mech_g1'));
  mech.str('Access time type', ['trackSwitchPlusRotation']);
  const seekType = mech.str('Seek type', ['hpl', 'hplplus10', 'extracted']);
  let table: SeekTable | null = null;
  let hpl = [0, 0, 0, 0, 0, -1];
  let first10: number[] | null = null;
  const singleCyl = mech.num('Single cylinder seek time');
  if (seekType === 'extracted') {
    const f = mech.str('Full seek curve');
    table = parseSeekTable(readFile(read, f), f);
    mech.noEffect('HPL seek equation values', 'First ten seek times', 'Full strobe seek time', 'Average seek time'); // unused by the extracted curve (mech_g1_seektime.c)
  } else {
    hpl = mech.list('HPL seek equation values').map((x) => Number(x));
    if (hpl.length !== 6 || hpl.some((x) => !Number.isFinite(x))) {
      throw new ParameterError(`HPL seek equation values (${mech.where('HPL seek equation values')})`, hpl.length, 'numbers', '6 numbers');
    }
    if (seekType === 'hplplus10') first10 = mech.list('First ten seek times').map((x) => Number(x));
    mech.noEffect('Full seek curve', 'Full strobe seek time', 'Average seek time'); // used by the 3-point curves only
  }
  const writeSettle = mech.num('Add. write settling delay');
  const headSwitch = mech.num('Head switch time');
  const rpm = mech.num('Rotation speed (in rpms)');
  mech.exactly('Percent error in rpms', 0, 'every disk spins at the stated speed');
  mech.done();
  m.done();

  const blockMs = (bus: number): number => Math.max(bus, bulk); // disk_get_blktranstime: the larger of bus and disk
  const writeMiss = fast === 0;
  return {
    name,
    rpm,
    surfaces,
    zones,
    layout: { sparing, mapping, rangeSize },
    seek: {
      first10Ms: first10,
      table,
      singleCylMs: seekType === 'hpl' && hpl[5] !== -1 ? singleCyl : null,
      cutoffCyl: hpl[0],
      aMs: hpl[1],
      bMsPerSqrtCyl: hpl[2],
      cMs: hpl[3],
      eMsPerCyl: hpl[4],
      headSwitchMs: headSwitch,
      writeSettleMs: writeSettle,
      minWriteDelayMs: minSeekDelay,
    },
    cache: {
      segmentBlocks: enableCache ? segBlocks : 1,
      maxReadAheadBlocks: enableCache && contread !== 0 ? maxRA : 0,
      readHitsOnWriteData: enableCache && hitsOnWrite,
      readWatermarkFrac: readWater,
      writeWatermarkFrac: writeWater,
      serveAheadOfStream: almost,
      segments: enableCache ? segments : separateWrite ? 2 : 1,
      separateWriteSegment: separateWrite,
      prefetch: enableCache ? PREFETCH[contread] : 'none',
      requestData: overReq === -1 ? 'erase' : overReq === 1 ? 'overwrite' : 'keep',
      readAheadOnHit: raOnHit,
      stopInSector,
      readAnyFreeBlocks: anyFree,
    },
    overheads: {
      readHitMs: o.readHitAfterRead,
      readHitAfterWriteMs: o.readHitAfterWrite,
      readMissMs: o.readMissAfterRead,
      readMissAfterWriteMs: o.readMissAfterWrite,
      // DiskSim uses the write-hit overheads whenever fast writes are on (disk_write_arrive)
      writeMs: writeMiss ? o.writeMissAfterWrite : o.writeHitAfterWrite,
      writeAfterReadMs: writeMiss ? o.writeMissAfterRead : o.writeHitAfterRead,
      perRequestMs: perRequest,
      readCompletionMs: readCompletion,
      writeCompletionMs: writeCompletion,
      dataPrepMs: dataPrep,
      reselectMs: neverDisconnect ? 0 : reselect,
      extraWriteDisconnect: extra ? xd : null,
    },
    bus: { readBlockMs: blockMs(busRead), writeBlockMs: blockMs(busWrite) },
    immediateWriteReport: fast !== 0,
    fastWritesAppendOnly: fast === 1,
    immediateRead: immRead,
    immediateWrite: immWrite,
    source: `DiskSim validation files (${name}): ${parvName} and the files it sources; declared block count ${blockCount}`,
  };
}
