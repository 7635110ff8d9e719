import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { argminLogGrid, dalyIntervalS, lostPerFailureS, youngIntervalS } from '../../../src/papers/c-flash-backup/checkpoint-interval.js';

test('Young: √(2δM) (Young 1974), e.g. δ = 60 s, M = 1 day → 3219.9 s', () => {
  assert.ok(Math.abs(youngIntervalS(60, 86400) - Math.sqrt(2 * 60 * 86400)) < 1e-9);
  assert.ok(Math.abs(youngIntervalS(60, 86400) - 3219.94) < 0.01);
});

test('Daly: higher-order correction (Daly 2006 eq. 37), recomputed by hand; M when δ ≥ 2M', () => {
  const d = 60;
  const M = 86400;
  const r = d / (2 * M);
  assert.ok(Math.abs(dalyIntervalS(d, M) - (Math.sqrt(2 * d * M) * (1 + Math.sqrt(r) / 3 + r / 9) - d)) < 1e-9);
  assert.equal(dalyIntervalS(300, 100), 100);
});

test('property: Young’s T minimises the classical loss δM/T + (T+δ)/2', () => {
  fc.assert(
    fc.property(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1e3, max: 1e7, noNaN: true }), (d, M) => {
      const f = (T: number) => lostPerFailureS(T, M, d);
      const t = argminLogGrid(f, 1, 1e8);
      assert.ok(Math.abs(t / youngIntervalS(d, M) - 1) < 1e-3);
    }),
    { numRuns: 50 },
  );
});

test('bad input: non-positive checkpoint time, MTBF or interval', () => {
  assert.throws(() => youngIntervalS(0, 100), /checkpointS = 0 s is out of range: must be > 0 s/);
  assert.throws(() => dalyIntervalS(10, -1), /mtbfS = -1 s is out of range/);
  assert.throws(() => lostPerFailureS(0, 100, 10), /intervalS = 0 s is out of range/);
});

test('bad input: argminLogGrid refuses an empty range, too few points, a non-function', () => {
  assert.throws(() => argminLogGrid((x) => x, 10, 10), /\[lo, hi\] = \[10,10\] is out of range: must be a non-empty range/);
  assert.throws(() => argminLogGrid((x) => x, 1, 10, 1), /points = 1 is out of range/);
  assert.throws(() => argminLogGrid(5 as unknown as (x: number) => number, 1, 10), /f = 5 is out of range: must be a function/);
});
