import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitSeekCurve, seekTimeMs, weightedMeanSeekMs } from '../../src/hardware/seek-curve.js';

const arbFit = fc
  .record({
    cylinders: fc.integer({ min: 1000, max: 200_000 }),
    t1: fc.double({ min: 0.2, max: 2, noNaN: true }),
    avgOverT1: fc.double({ min: 2, max: 12, noNaN: true }),
  })
  .map(({ cylinders, t1, avgOverT1 }) => fitSeekCurve({ cylinders, trackToTrackMs: t1, avgSeekMs: t1 * avgOverT1 }));

test('seek curve is continuous at the cutoff (property)', () => {
  fc.assert(
    fc.property(arbFit, (c) => {
      const D = c.cutoffCyl;
      const below = c.aMs + c.bMsPerSqrtCyl * Math.sqrt(D);
      const above = c.cMs + c.eMsPerCyl * D;
      return Math.abs(below - above) < 1e-9 * Math.max(1, above);
    }),
    { numRuns: 50 },
  );
});

test('seek curve is non-decreasing in distance (property)', () => {
  fc.assert(
    fc.property(arbFit, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, x, y) => {
      const d1 = Math.round(Math.min(x, y) * c.maxDistanceCyl);
      const d2 = Math.round(Math.max(x, y) * c.maxDistanceCyl);
      return seekTimeMs(c, d1) <= seekTimeMs(c, d2) + 1e-12;
    }),
    { numRuns: 200 },
  );
});

test('fit reproduces the datasheet points it was given (closed form: a + b = t1, weighted mean = avg)', () => {
  const c = fitSeekCurve({ cylinders: 100_000, trackToTrackMs: 1, avgSeekMs: 8 });
  assert.ok(Math.abs(seekTimeMs(c, 1) - 1) < 1e-9);
  assert.ok(Math.abs(weightedMeanSeekMs(c) - 8) < 1e-6);
  assert.equal(seekTimeMs(c, 0), 0);
});

test('with a full-stroke time the three points fix the curve, cutoff included', () => {
  // HP C2247A figures from DiskSim's hp_c2247a_validate.model: 2051 cylinders, ~ single 2.89, avg ~ 10, full ~ 20
  const c = fitSeekCurve({ cylinders: 2051, trackToTrackMs: 2.89, avgSeekMs: 10, fullStrokeMs: 20 });
  assert.ok(Math.abs(seekTimeMs(c, 1) - 2.89) < 1e-9);
  assert.ok(Math.abs(seekTimeMs(c, 2050) - 20) < 1e-6);
  assert.ok(Math.abs(weightedMeanSeekMs(c) - 10) < 1e-6);
  assert.ok(c.cutoffCyl > 1 && c.cutoffCyl < 2050);
});

test('bad input names parameter and unit', () => {
  assert.throws(() => fitSeekCurve({ cylinders: 1000, trackToTrackMs: -1, avgSeekMs: 8 }), /trackToTrackMs = -1 ms/);
  assert.throws(() => fitSeekCurve({ cylinders: 1000, trackToTrackMs: 2, avgSeekMs: 1 }), /avgSeekMs = 1 ms .*trackToTrackMs/);
  assert.throws(() => fitSeekCurve({ cylinders: 2, trackToTrackMs: 1, avgSeekMs: 8 }), /cylinders = 2/);
  assert.throws(() => fitSeekCurve({ cylinders: 1000, trackToTrackMs: 1, avgSeekMs: 8, fullStrokeMs: 7 }), /fullStrokeMs = 7 ms/);
  // three points no smooth curve of this form passes through (average almost at full stroke)
  assert.throws(() => fitSeekCurve({ cylinders: 1000, trackToTrackMs: 1, avgSeekMs: 19.9, fullStrokeMs: 20 }), /avgSeekMs/);
});
