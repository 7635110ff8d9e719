import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/rng.js';
import { SysbenchPageSampler, sysbenchRandMass, SYSBENCH_RAND_TYPES } from '../../src/workloads/sysbench-page-sampler.js';
import { SYSBENCH_05_SPECIAL } from '../../src/workloads/sysbench-oltp-read-only.js';

test('uniform: every sampled page has mass 1/dataPages; the sum is the sampled fraction', () => {
  const s = new SysbenchPageSampler(1000, 10, 'uniform', SYSBENCH_05_SPECIAL);
  assert.equal(s.pages, 100);
  assert.ok(Math.abs(s.massSum - 0.1) < 1e-12);
});

test('alias draws follow the masses (seeded; 200,000 draws, within 5 standard errors)', () => {
  const s = new SysbenchPageSampler(20_000, 100, 'special', SYSBENCH_05_SPECIAL);
  const rng = new Rng(11);
  const n = 200_000;
  const counts = new Float64Array(s.pages);
  for (let k = 0; k < n; k++) counts[s.draw(rng)]++;
  for (let j = 0; j < s.pages; j++) {
    const p = s.mass[j] / s.massSum;
    const se = Math.sqrt((n * p * (1 - p)) || 1);
    assert.ok(Math.abs(counts[j] - n * p) <= 5 * se + 1, `page ${j}: ${counts[j]} vs ${n * p}`);
  }
});

test('bad input: unknown rand type, zero stride', () => {
  assert.throws(() => new SysbenchPageSampler(100, 1, 'zipfian', SYSBENCH_05_SPECIAL), /randType = "zipfian"/);
  assert.throws(() => new SysbenchPageSampler(100, 0, 'uniform', SYSBENCH_05_SPECIAL), /stride = 0 pages/);
});

test('every sysbench 0.5 rand type: masses of a partition sum to 1 and are non-negative (closed forms)', () => {
  for (const rt of SYSBENCH_RAND_TYPES) {
    let sum = 0;
    for (let k = 0; k < 100; k++) {
      const m = sysbenchRandMass(rt, k / 100, (k + 1) / 100, SYSBENCH_05_SPECIAL);
      assert.ok(m >= -1e-15, `${rt} ${k}`);
      sum += m;
    }
    assert.ok(Math.abs(sum - 1) < 1e-9, `${rt}: ${sum}`);
  }
});

test('pareto (h = 0.2): F(x) = x^(ln 0.8 / ln 0.2), so the lowest 1 % of ids gets 0.01^0.1386 ≈ 53 % of draws (sysbench.c sb_rand_pareto)', () => {
  const m = sysbenchRandMass('pareto', 0, 0.01, SYSBENCH_05_SPECIAL);
  assert.ok(Math.abs(m - Math.pow(0.01, Math.log(0.8) / Math.log(0.2))) < 1e-12);
  assert.ok(m > 0.5 && m < 0.56);
});

test('gaussian: symmetric about the middle; the central 10 % holds more than the special part outside the hot 1 %', () => {
  const g = (a: number, b: number) => sysbenchRandMass('gaussian', a, b, SYSBENCH_05_SPECIAL);
  assert.ok(Math.abs(g(0, 0.3) - g(0.7, 1)) < 1e-12);
  assert.ok(g(0.45, 0.55) > 0.3);
});

test('read pages: pages beyond the read set have mass 0 and are never drawn; the read set carries the whole distribution', () => {
  for (const rt of SYSBENCH_RAND_TYPES) {
    const s = new SysbenchPageSampler(10_000, 7, rt, SYSBENCH_05_SPECIAL, 9_000);
    const all = new SysbenchPageSampler(9_000, 7, rt, SYSBENCH_05_SPECIAL);
    for (let j = 0; j < s.pages; j++) {
      if (j * 7 >= 9_000) assert.equal(s.mass[j], 0, `${rt} page ${j * 7}`);
      else assert.equal(s.mass[j], all.mass[j], `${rt} page ${j * 7}: the same id range as a file of 9,000 pages`);
    }
    const rng = new Rng(3);
    for (let k = 0; k < 50_000; k++) assert.ok(s.draw(rng) * 7 < 9_000, `${rt}: drew a page beyond the read set`);
  }
  assert.throws(() => new SysbenchPageSampler(100, 1, 'uniform', SYSBENCH_05_SPECIAL, 101), /readPages = 101 pages/);
  assert.throws(() => new SysbenchPageSampler(100, 1, 'uniform', SYSBENCH_05_SPECIAL, 0), /readPages = 0 pages/);
});
