import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';

test('same seed, same numbers, bit for bit', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  for (let i = 0; i < 1000; i++) assert.equal(a.float(), b.float());
  assert.notEqual(new Rng(1).float(), new Rng(2).float());
});

test('float is in [0, 1) and int in [from, to]', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, from, span) => {
      const r = new Rng(seed);
      for (let i = 0; i < 20; i++) {
        const x = r.float();
        assert.ok(x >= 0 && x < 1);
        const k = r.int(from, from + span);
        assert.ok(Number.isInteger(k) && k >= from && k <= from + span);
      }
    }),
  );
});

test('the first draws of small seeds are not stuck near 0 or 1', () => {
  const firsts = Array.from({ length: 100 }, (_, s) => new Rng(s).float());
  const mean = firsts.reduce((s, x) => s + x, 0) / firsts.length;
  assert.ok(mean > 0.35 && mean < 0.65, `mean of first draws ${mean}`);
});

test('exponential has the requested mean (law of large numbers, 200k draws, ±2 %)', () => {
  const r = new Rng(7);
  let s = 0;
  const n = 200_000;
  for (let i = 0; i < n; i++) s += r.exponential(3);
  assert.ok(Math.abs(s / n - 3) < 0.06, `mean ${s / n}`);
});

test('weighted draws follow the weights (chi-square-style bound)', () => {
  const r = new Rng(9);
  const w = [1, 2, 7];
  const counts = [0, 0, 0];
  const n = 100_000;
  for (let i = 0; i < n; i++) counts[r.weighted(w)]++;
  counts.forEach((c, i) => assert.ok(Math.abs(c / n - w[i] / 10) < 0.01, `bucket ${i}: ${c / n}`));
  assert.throws(() => r.weighted([0, 0]), /weights .* a sum > 0/);
  assert.throws(() => r.weighted([1, -1]), /weights .* finite numbers ≥ 0/);
});

test('shuffle is a permutation and deterministic', () => {
  const a = new Rng(3).shuffle([...Array(50).keys()]);
  const b = new Rng(3).shuffle([...Array(50).keys()]);
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort((x, y) => x - y), [...Array(50).keys()]);
});

test('bad seeds and ranges are rejected', () => {
  assert.throws(() => new Rng(1.5), /seed = 1.5 .* integer/);
  assert.throws(() => new Rng(2 ** 40), /seed = /);
  assert.throws(() => new Rng(1).int(5, 4), /int range/);
  assert.throws(() => new Rng(1).exponential(0), /mean = 0/);
});
