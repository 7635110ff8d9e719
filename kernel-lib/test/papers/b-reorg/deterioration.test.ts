import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gSequence, rangeCostMs, tMin, slaHolds } from '../../../src/papers/b-reorg/deterioration.js';
import type { PageCost } from '../../../src/hardware/page-cost.js';

/** 1 ms for the next page, 1 + |distance| ms otherwise. */
const toyCost: PageCost = {
  f: (a, b) => (b === a + 1 ? 1 : 1 + Math.abs(b - a)),
  g0Ms: 1,
  pageBytes: 16384,
  name: 'toy',
};

test('gSequence: G[0] = G0, G[i] = f(p[i-1], p[i]) (eq. 1, closed form)', () => {
  assert.deepEqual([...gSequence([10, 11, 12, 20, 13], toyCost)], [1, 1, 1, 9, 8]);
  assert.equal(gSequence([], toyCost).length, 0);
});

test('rangeCostMs sums G over [from, to) (eq. 2)', () => {
  const G = [1, 1, 1, 9, 8];
  assert.equal(rangeCostMs(G, 0, 5), 20);
  assert.equal(rangeCostMs(G, 3, 4), 9);
});

test('rangeCostMs rejects empty, inverted and out-of-bounds ranges', () => {
  const G = [1, 2, 3];
  assert.throws(() => rangeCostMs(G, 2, 2), /leaf range.*from < to/);
  assert.throws(() => rangeCostMs(G, 2, 1), /leaf range/);
  assert.throws(() => rangeCostMs(G, 0, 4), /to = 4 leaf index/);
  assert.throws(() => rangeCostMs(G, -1, 2), /from = -1 leaf index/);
});

test('tMin: indices with G ≥ X·G0; X ≤ 1 rejected with unit and range', () => {
  assert.deepEqual([...tMin([1, 1, 2, 9, 1.5], 2, 1)], [2, 3]);
  assert.throws(() => tMin([1], 1, 1), /X = 1 × G0 is out of range: must be > 1/);
  assert.throws(() => tMin([1], 0.5, 1), /X = 0.5/);
  assert.throws(() => tMin([1], 2, 0), /g0Ms = 0 ms/);
});

test('slaHolds is eq. (3): C_R < X·|S|·G0', () => {
  assert.equal(slaHolds([1, 1, 1, 9, 8], 0, 3, 2, 1), true);
  assert.equal(slaHolds([1, 1, 1, 9, 8], 0, 5, 2, 1), false); // 20 ≥ 2·5·1
  assert.equal(slaHolds([1, 1, 1, 9, 8], 0, 5, 5, 1), true); // 20 < 25
});
