import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stablePeak, tailMean, windowMean } from '../../src/metrics/stable-peak.js';

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

test('windowMean / tailMean: closed-form means on a ramp, at 1-s and 0.5-s steps (the same seconds give the same mean)', () => {
  const ramp1 = Float64Array.from({ length: 1000 }, (_, i) => i); // value = t (s)
  // mean of t over [100, 400) on a 1-s grid = (100 + 399) / 2
  assert.equal(windowMean(ramp1, 1, 100, 400), 249.5);
  assert.equal(tailMean(ramp1, 1, 1000, 300), (700 + 999) / 2);
  const ramp05 = Float64Array.from({ length: 2000 }, (_, i) => Math.floor(i / 2)); // the same signal at 0.5-s steps
  assert.equal(windowMean(ramp05, 0.5, 100, 400), 249.5);
  assert.equal(tailMean(ramp05, 0.5, 1000, 300), (700 + 999) / 2);
  // a grid that is not exact in binary (0.1 s): 3,000 steps of 0.1 s cover 300 s
  const flat = new Float64Array(10000).fill(2);
  for (let i = 7000; i < 10000; i++) flat[i] = 5;
  assert.equal(tailMean(flat, 0.1, 1000, 300), 5);
  assert.equal(windowMean(flat, 0.1, 699.9, 700.1), 3.5);
});

test('windowMean / tailMean: clipped to the series and to fromS; an empty window is NaN; bad input names the parameter', () => {
  assert.equal(tailMean([1, 2, 3], 1, 3, 300), 2); // only 3 s exist
  assert.equal(tailMean([1, 2, 3, 10], 1, 4, 300, 3), 10); // never before fromS
  assert.ok(Number.isNaN(windowMean([1, 2, 3], 1, 5, 9)));
  assert.ok(Number.isNaN(tailMean([1, 2, 3], 1, 0.5, 10))); // no whole step before 0.5 s
  assert.throws(() => windowMean([1], 0, 0, 1), /stepS = 0 s/);
  assert.throws(() => tailMean([1], 1, 1, -3), /tailS = -3 s/);
  assert.throws(() => windowMean([1], 1, 2, 1), /window/);
});
