import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stablePeak } from '../../src/metrics/stable-peak.js';

test('a step from 0 to 100 at t = 200 s: stable peak once the 30-s average passes 90 (closed form: at t = 226 s the window 197..226 holds 27 samples of 100)', () => {
  const s = new Float64Array(1000);
  for (let i = 200; i < 1000; i++) s[i] = 100;
  const r = stablePeak(s, 1, 0, 1000);
  assert.equal(r.peak, 100);
  assert.equal(r.timeToPeakS, 226); // the trailing mean reaches 90 when 27 of its 30 samples are 100
});

test('a dip late in the window moves the stable peak after the dip; never reaching it gives NaN', () => {
  const s = new Float64Array(1000).fill(100);
  for (let i = 500; i < 540; i++) s[i] = 0;
  assert.ok(stablePeak(s, 1, 0, 1000).timeToPeakS > 540);
  const ramp = Float64Array.from({ length: 100 }, (_, i) => i);
  assert.ok(Number.isNaN(stablePeak(ramp, 1, 0, 100, { peakTailS: 1 }).timeToPeakS));
});

test('bad input', () => {
  assert.throws(() => stablePeak([1, 2], -1, 0, 2), /stepS = -1 s/);
  assert.throws(() => stablePeak([1, 2], 1, 5, 2), /window/);
});
