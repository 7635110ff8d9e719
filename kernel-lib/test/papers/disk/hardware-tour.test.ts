import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runHardwareTour } from '../../../src/papers/disk/hardware-tour.js';

test('hardware tour: G0 is f of the next page, f never below G0, datasheet checks within tolerance', () => {
  const r = runHardwareTour({ randomPairs: 3000, seed: 2 });
  assert.deepEqual(r.devices.map((d) => d.name), ['hdd-2005', 'hdd-2015', 'nvme-ssd']);
  for (const d of r.devices) {
    assert.equal(d.distancePages[0], 1);
    assert.equal(d.fMs[0], d.g0Ms);
    assert.ok(d.fMs.every((f) => f >= d.g0Ms));
    if (d.hdd) {
      // datasheet average seek ± 10 % (the curve is fitted to it over cylinder pairs; pages weigh outer cylinders more)
      assert.ok(Math.abs(d.hdd.randomPairMeanSeekMs / d.hdd.datasheetAvgSeekMs - 1) < 0.1);
      // simulated rotational wait: half a revolution (closed form 30000/rpm) ± 5 %
      assert.ok(Math.abs(d.hdd.simulatedMeanRotationalLatencyMs / d.hdd.halfRevolutionMs - 1) < 0.05);
      assert.ok(d.seekCurve!.fullStrokeMs > d.hdd.datasheetAvgSeekMs);
    }
  }
});

test('hardware tour: bad input', () => {
  assert.throws(() => runHardwareTour({ pageBytes: 100 }), /pageBytes = 100 bytes/);
  assert.throws(() => runHardwareTour({ pageBytes: 131072 }), /pageBytes = 131072 bytes/);
  assert.throws(() => runHardwareTour({ pageBytes: 1000 }), /pageBytes = 1000 bytes .*multiple of 512/);
  assert.throws(() => runHardwareTour({ hddProfiles: ['hdd-1990'] }), /hddProfiles = "hdd-1990"/);
  assert.throws(() => runHardwareTour({ ssdProfile: 'sata-ssd' }), /ssdProfileName = "sata-ssd"/);
  assert.throws(() => runHardwareTour({ randomPairs: 0 }), /randomPairs = 0 pairs/);
  assert.throws(() => runHardwareTour({ seed: 0 }), /seed = 0/);
});
