import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  hddAvgRotationalLatencyMs,
  hddPageCost,
  hddProfile,
  hddRandomReadMs,
  hddSequentialMBps,
} from '../../src/hardware/hdd.js';
import { weightedMeanSeekMs } from '../../src/hardware/seek-curve.js';

for (const name of ['hdd-2005', 'hdd-2015'] as const) {
  const p = hddProfile(name);
  const pc = hddPageCost(p, 16384);
  const maxPage = Math.floor(p.zones.totalSectors / 32) - 1;

  test(`${name}: f ≥ G0 for all page pairs (property)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxPage }), fc.integer({ min: 0, max: maxPage }), (a, b) => pc.f(a, b) >= pc.g0Ms),
      { numRuns: 2000 },
    );
    // and for near neighbours, where read-ahead matters
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxPage - 1000 }), fc.integer({ min: -500, max: 1000 }), (a, k) => pc.f(a, Math.max(0, a + k)) >= pc.g0Ms),
      { numRuns: 2000 },
    );
  });

  // zone 0 holds the rate at its middle cylinder, 1/60 of the way in, so within 2 % of the outer rate;
  // a track switch (track-to-track time) per revolution is spread over the track's pages
  test(`${name}: G0 = sequential cost in the outer zone ≈ page / outer media rate × (1 + switch/rev) (datasheet)`, () => {
    assert.equal(pc.f(0, 1), pc.g0Ms);
    const expected = (16384 / (p.outerMediaMBps * 1e6)) * 1000 * (1 + p.trackToTrackMs / p.revolutionMs);
    assert.ok(Math.abs(pc.g0Ms - expected) / pc.g0Ms < 0.02);
  });

  test(`${name}: mean rotational latency = half a revolution (closed form 30000/rpm ms)`, () => {
    assert.equal(hddAvgRotationalLatencyMs(p), 30_000 / p.rpm);
    // the datasheets' 4.16 ms for 7200 rpm
    assert.ok(Math.abs(hddAvgRotationalLatencyMs(p) - 4.1667) < 0.001);
  });

  test(`${name}: seek curve reproduces the datasheet average seek (weighted as the makers define it)`, () => {
    assert.ok(Math.abs(weightedMeanSeekMs(p.seek) - p.avgSeekMs) < 1e-3);
  });

  test(`${name}: random read = avg seek + half revolution + transfer; sequential = mean zone rate (datasheet)`, () => {
    const r = hddRandomReadMs(p, 16384);
    assert.ok(Math.abs(r - (p.avgSeekMs + 30_000 / p.rpm + (16384 / (p.meanMediaMBps * 1e6)) * 1000)) < 0.01);
    assert.ok(Math.abs(hddSequentialMBps(p) - p.meanMediaMBps) / p.meanMediaMBps < 0.01);
  });

  test(`${name}: a far page costs about seek + half revolution; a page within read-ahead only streams`, () => {
    assert.ok(pc.f(0, maxPage) > 15);
    assert.ok(Math.abs(pc.f(0, 3) - 3 * pc.g0Ms) < 1e-12);
  });
}

test('zones: outer zones are faster than inner ones', () => {
  const z = hddProfile('hdd-2005').zones;
  for (let i = 1; i < z.sectorsPerTrack.length; i++) assert.ok(z.sectorsPerTrack[i] <= z.sectorsPerTrack[i - 1]);
});

test('bad input: unknown profile, negative or odd sizes, page larger than a track, page out of range', () => {
  assert.throws(() => hddProfile('hdd-1999'), /profile = "hdd-1999" .*one of "hdd-2005", "hdd-2015"/);
  const p = hddProfile('hdd-2005');
  assert.throws(() => hddPageCost(p, -16384), /pageBytes = -16384 bytes/);
  assert.throws(() => hddPageCost(p, 1000), /pageBytes = 1000 bytes .*512-byte sector/);
  assert.throws(() => hddPageCost(p, 1024 * 1024), /pageBytes = 1048576 bytes .*one track of the innermost zone/);
  assert.throws(() => hddRandomReadMs(p, -1), /bytes = -1/);
  const pc = hddPageCost(p, 16384);
  assert.throws(() => pc.f(-1, 0), /prevPage = -1 pages/);
  assert.throws(() => pc.f(0, 1e12), /page = 1000000000000 pages/);
});
