import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/rng.js';
import { SysbenchPageSampler } from '../../src/workloads/sysbench-page-sampler.js';
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
  assert.throws(() => new SysbenchPageSampler(100, 1, 'pareto', SYSBENCH_05_SPECIAL), /randType = "pareto"/);
  assert.throws(() => new SysbenchPageSampler(100, 0, 'uniform', SYSBENCH_05_SPECIAL), /stride = 0 pages/);
});
