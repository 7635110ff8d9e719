import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cdfDemerit, empiricalCdf, sortedQuantile } from '../../src/metrics/cdf-demerit.js';

test('a constant shift d gives demerit d (closed form)', () => {
  assert.ok(Math.abs(cdfDemerit([1, 2, 3], [2, 3, 4]) - 1) < 1e-12);
});

test('identical samples give 0; demerit is symmetric and ≥ 0 (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), (a, b) => {
      return cdfDemerit(a, a) === 0 && Math.abs(cdfDemerit(a, b) - cdfDemerit(b, a)) < 1e-9 && cdfDemerit(a, b) >= 0;
    }),
    { numRuns: 100 },
  );
});

test('quantiles: smallest x with F(x) ≥ p', () => {
  assert.equal(sortedQuantile([1, 2, 3, 4], 0.25), 1);
  assert.equal(sortedQuantile([1, 2, 3, 4], 0.2501), 2);
  assert.equal(sortedQuantile([1, 2, 3, 4], 1), 4);
  const c = empiricalCdf([3, 1, 2]);
  assert.deepEqual([...c.x], [1, 2, 3]);
  assert.deepEqual([...c.p], [1 / 3, 2 / 3, 1]);
  const d = empiricalCdf([4, 3, 2, 1], 2); // quantiles at p = 0.5, 1
  assert.deepEqual([...d.x], [2, 4]);
});

test('bad input', () => {
  assert.throws(() => cdfDemerit([], [1]), /a = 0 samples/);
  assert.throws(() => cdfDemerit([1], [1], 0), /step = 0/);
});
