/**
 * Properties that must hold on every DiskSim-validated drive (fast-check): the mean rotational
 * latency of read misses is half a revolution, the seek-table interpolation passes through the
 * measured points and stays between neighbouring ones, and every logical block maps to a physical
 * sector that maps back to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import { DiskLayout, type PhysicalSector } from '../../src/hardware/disk-layout.js';
import { DiskSim } from '../../src/hardware/disk-sim.js';
import { seekTableMs } from '../../src/hardware/seek-table.js';
import { diskSimDrives, diskSimDriveSpec } from '../../src/papers/disk/disk-validation.js';

const drives = diskSimDrives();
const specs = new Map(drives.map((d) => [d, diskSimDriveSpec(d)]));
const ps = (): PhysicalSector => ({ cyl: 0, head: 0, angle: 0, sectorsPerTrack: 1 });

test('every drive: LBN → physical → LBN round-trips, and distinct blocks never share a sector', () => {
  for (const d of drives) {
    const s = specs.get(d)!;
    const l = new DiskLayout(s.surfaces, s.zones, s.layout);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: l.totalBlocks - 2 }), (lbn) => {
        const p = l.locate(lbn, ps());
        const q = l.locate(lbn + 1, ps());
        const same = p.cyl === q.cyl && p.head === q.head && p.sector === q.sector;
        return l.lbnAt(p.cyl, p.head, p.sector!) === lbn && !same && p.angle >= 0 && p.angle < 1;
      }),
      { numRuns: 2000, seed: 11 },
    );
    // the blocks around every zone boundary, slip and defect too
    for (let z = 0; z < s.zones.length; z++) {
      const first = l.zoneFirstLbn[z];
      for (const lbn of [first, first + 1, first + l.zoneBlocks[z] - 1]) {
        const p = l.locate(lbn, ps());
        assert.equal(l.lbnAt(p.cyl, p.head, p.sector!), lbn, `${d} zone ${z} lbn ${lbn}`);
      }
    }
  }
});

test('every drive: physical → LBN → physical round-trips for sectors that hold a block', () => {
  for (const d of drives) {
    const s = specs.get(d)!;
    const l = new DiskLayout(s.surfaces, s.zones, s.layout);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: s.zones.length - 1 }), fc.nat(), fc.nat(), fc.nat(), (z, c, h, k) => {
        const zn = s.zones[z];
        const cyl = zn.firstCyl + (c % (zn.lastCyl - zn.firstCyl + 1));
        const head = h % s.surfaces;
        const sector = k % zn.sectorsPerTrack;
        const lbn = l.lbnAt(cyl, head, sector);
        if (lbn < 0) return true; // spare, slipped, dead space or remapped
        const p = l.locate(lbn, ps());
        return p.cyl === cyl && p.head === head && p.sector === sector;
      }),
      { numRuns: 2000, seed: 11 },
    );
  }
});

test('every drive with a measured seek table: the interpolation passes through the points and stays between neighbours', () => {
  let tables = 0;
  for (const d of drives) {
    const t = specs.get(d)!.seek.table;
    if (!t) continue;
    tables++;
    const n = t.distanceCyl.length;
    for (let i = 0; i < n; i++) assert.equal(seekTableMs(t, t.distanceCyl[i]), t.seekMs[i]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, f) => {
        const d1 = t.distanceCyl[i];
        const d2 = t.distanceCyl[i + 1];
        const dist = Math.round(d1 + f * (d2 - d1));
        const v = seekTableMs(t, dist);
        const lo = Math.min(t.seekMs[i], t.seekMs[i + 1]);
        const hi = Math.max(t.seekMs[i], t.seekMs[i + 1]);
        return v >= lo - 1e-12 && v <= hi + 1e-12;
      }),
      { numRuns: 500, seed: 12 },
    );
  }
  assert.equal(tables, 6); // all but the HP C2247A (Ruemmler–Wilkes curve with the first ten distances)
});

test('every drive: the mean rotational wait of read misses at random blocks and times is half a revolution (±5 %)', () => {
  for (const d of drives) {
    const spec = specs.get(d)!;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const rng = new Rng(seed);
        const sim = new DiskSim(spec);
        const n = 3000; // standard error of the mean wait ≈ 0.29·rev/√n ≈ 1 % of half a revolution
        let t = 0;
        let sum = 0;
        let misses = 0;
        for (let i = 0; i < n; i++) {
          const lbn = rng.int(0, sim.layout.totalBlocks - 8);
          const done = sim.read(lbn, 1, t);
          if (sim.lastOutcome === 'miss') {
            sum += sim.lastMissRotationMs;
            misses++;
          }
          t = done + 5 + 20 * rng.float();
        }
        const mean = sum / misses;
        return misses > n * 0.9 && Math.abs(mean / (sim.revMs / 2) - 1) < 0.05;
      }),
      { numRuns: 3, seed: 13 },
    );
  }
});

test('every drive: reads of the last blocks work and the read-ahead stops at the end of the disk (found by the property above)', () => {
  for (const d of drives) {
    const sim = new DiskSim(specs.get(d)!);
    const last = sim.layout.totalBlocks - 1;
    const t = sim.read(last - 3, 4, 0);
    assert.ok(t > 0);
    assert.ok(sim.read(last, 1, t + 50) > t + 50); // the stream ran out at the disk's end without error
  }
});
