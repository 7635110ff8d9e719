import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiskSim, simulatePageReadsMs, type DiskSimSpec } from '../../src/hardware/disk-sim.js';
import { hddPageCost, hddProfile } from '../../src/hardware/hdd.js';
import { diskSimDriveSpec, diskSimDriveTrace, replayValidationTrace } from '../../src/papers/disk/disk-validation.js';

const hpC2247aSpec = () => diskSimDriveSpec('hp_c2247a');
const hpC2247aTrace = () => diskSimDriveTrace('hp_c2247a');
import { Rng } from '../../src/core/rng.js';

/** A bare drive: one zone, no overheads, no read-ahead, 1 head. */
function bare(o: Partial<DiskSimSpec> = {}): DiskSimSpec {
  return {
    name: 'bare',
    rpm: 6000, // 10 ms per revolution
    surfaces: 1,
    zones: [{ firstCyl: 0, lastCyl: 99, sectorsPerTrack: 100, firstBlockOffset: 0, deadSpaceBlocks: 0, trackSkew: 0, cylSkew: 0, spares: 0, slips: [] }],
    seek: { first10Ms: null, aMs: 1, bMsPerSqrtCyl: 0.1, cutoffCyl: 50, cMs: 1 + 0.1 * Math.sqrt(50) / 2, eMsPerCyl: 0.1 / (2 * Math.sqrt(50)), headSwitchMs: 0.5, writeSettleMs: 0 },
    cache: { segmentBlocks: 1, maxReadAheadBlocks: 0, readHitsOnWriteData: false, readWatermarkFrac: 1, serveAheadOfStream: false },
    overheads: { readHitMs: 0, readMissMs: 0, writeMs: 0, readCompletionMs: 0, writeCompletionMs: 0, dataPrepMs: 0, reselectMs: 0, extraWriteDisconnect: null },
    bus: { readBlockMs: 0, writeBlockMs: 0 },
    immediateWriteReport: false,
    source: 'test',
    ...o,
  };
}

test('rotational position is tracked: reading sector 0 at time t waits until the platter brings it back (closed form)', () => {
  const sim = new DiskSim(bare());
  // at t = 2.5 ms the platter is at angle 0.25; sector 0 starts at angle 0 → wait 7.5 ms, read 0.1 ms
  assert.ok(Math.abs(sim.read(0, 1, 2.5) - (2.5 + 7.5 + 0.1)) < 1e-9);
  // the next sector follows without waiting
  assert.ok(Math.abs(sim.read(1, 1, 10.1) - 10.2) < 1e-9);
});

test('mean rotational wait over random request times = half a revolution (property, closed form 5 ms)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
      const rng = new Rng(seed % 2 ** 31);
      const sim = new DiskSim(bare());
      let t = 0;
      let sum = 0;
      const n = 4000;
      for (let i = 0; i < n; i++) {
        t += 20 + rng.float() * 30;
        // alternate two sectors of the same track, so the one-block segment never holds the next one
        sum += sim.read((i % 2) * 50, 1, t) - t - 0.1;
      }
      return Math.abs(sum / n - 5) < 0.25;
    }),
    { numRuns: 5 },
  );
});

test('a seek takes the Ruemmler–Wilkes time before the rotational wait', () => {
  const sim = new DiskSim(bare());
  // cylinder 4 (lbn 400): seek 1 + 0.1·2 = 1.2 ms, then wait for angle 0
  const done = sim.read(400, 1, 0);
  assert.ok(Math.abs(done - 10.1) < 1e-9);
  assert.ok(Math.abs(sim.positionMs(0, 0, 4, 0, false) - 1.2) < 1e-12);
});

test('disk-sim is deterministic: two replays of the validation trace agree bit for bit', () => {
  const spec = hpC2247aSpec();
  const tr = hpC2247aTrace();
  const a = replayValidationTrace(spec, tr).simulatedServiceMs;
  const b = replayValidationTrace(spec, tr).simulatedServiceMs;
  assert.deepEqual(a, b);
});

test('read-ahead: a request for the blocks right after a read is served from the drive cache', () => {
  const sim = new DiskSim(hpC2247aSpec());
  const miss = sim.read(564347, 2, 0);
  assert.equal(sim.lastOutcome, 'miss');
  const t = miss + 18.7; // the trace's second request, 18.7 ms later
  const hit = sim.read(564349, 2, t) - t;
  assert.equal(sim.lastOutcome, 'hit');
  // hit = command overhead 0.95343 + data prep 0.02519 + 2 × 0.1701 bus + completion 0.05665 (hp_c2247a.diskspecs/.parv)
  assert.ok(Math.abs(hit - (0.95343 + 0.02519 + 2 * 0.1701 + 0.05665)) < 1e-9);
});

test('simulatePageReadsMs agrees with the analytic C_R on a sequential scan and on random pages (within 3 %)', () => {
  for (const name of ['hdd-2005', 'hdd-2015']) {
    const p = hddProfile(name);
    const pc = hddPageCost(p, 16384);
    const rng = new Rng(7);
    for (const pages of [Array.from({ length: 3000 }, (_, i) => i), Array.from({ length: 1000 }, () => rng.int(0, 100_000))]) {
      let est = pc.g0Ms;
      for (let i = 1; i < pages.length; i++) est += pc.f(pages[i - 1], pages[i]);
      const sim = simulatePageReadsMs(p, pages, 16384);
      assert.ok(Math.abs(sim.totalMs / est - 1) < 0.03, `${name}: simulated ${sim.totalMs} vs C_R ${est}`);
      assert.equal(sim.perPageMs.length, pages.length);
    }
  }
});

test('bad input: page size, pages outside the drive, requests outside the disk, negative time', () => {
  const p = hddProfile('hdd-2005');
  assert.throws(() => simulatePageReadsMs(p, [0], 1000), /pageBytes = 1000 bytes .*multiple of 512/);
  assert.throws(() => simulatePageReadsMs(p, [0], 0), /pageBytes = 0 bytes/);
  assert.throws(() => simulatePageReadsMs(p, [-1], 16384), /physicalPages\[0\] = -1 pages/);
  const sim = new DiskSim(bare());
  assert.throws(() => sim.read(9_999, 2, 0), /lbn = 9999 blocks .*capacity/);
  assert.throws(() => sim.read(0, 0, 0), /blocks = 0/);
  assert.throws(() => sim.read(0, 1, -1), /tMs = -1 ms/);
  assert.throws(() => new DiskSim(bare({ rpm: 0 })), /rpm = 0/);
});
