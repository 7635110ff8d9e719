import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ssdPageCost, ssdProfile, ssdRandomReadMs } from '../../src/hardware/ssd.js';

test('SSD: f has no distance term beyond adjacency and f ≥ G0 (property)', () => {
  const pc = ssdPageCost(ssdProfile('nvme-ssd'), 16384);
  const far = pc.f(0, 10);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 2, max: 1e9 }), (a, k) => pc.f(a, a + k) === far && pc.f(a, a + 1) === pc.g0Ms && far >= pc.g0Ms),
  );
});

test('SSD: 4 KiB random read = 1 / datasheet QD1 IOPS (closed form: 1000/14000 ms)', () => {
  assert.ok(Math.abs(ssdRandomReadMs(ssdProfile('nvme-ssd'), 4096) - 1000 / 14000) < 1e-12);
});

test('SSD: bad input', () => {
  assert.throws(() => ssdProfile('sata-ssd'), /profile = "sata-ssd"/);
  assert.throws(() => ssdPageCost(ssdProfile('nvme-ssd'), 0), /pageBytes = 0 bytes/);
});
