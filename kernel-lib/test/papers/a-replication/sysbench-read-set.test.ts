import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sysbenchReadSet, loadSysbenchLayouts } from '../../../src/papers/a-replication/sysbench-read-set.js';

const layouts = loadSysbenchLayouts();
const used = (l: (typeof layouts)[number]) => l.primaryLeafPages + l.primaryInteriorPages;

test('leave-one-out: each measured layout of 32 MiB or more, predicted from the others, within 0.5 % plus one file growth step (4 extents) of its PRIMARY pages', () => {
  const big = layouts.filter((l) => l.tablespacePages >= 2048);
  assert.ok(big.length >= 4, 'at least four measured layouts to cross-check');
  for (const l of big) {
    const others = big.filter((o) => o !== l);
    const r = sysbenchReadSet(l.tablespacePages, 16384, others);
    const err = Math.abs(r.readPages - used(l)) / used(l);
    // the free pages at the end of a load lie anywhere within one growth step of FSP_FREE_ADD = 4 extents
    const tol = 0.005 + (4 * 64) / l.tablespacePages;
    assert.ok(err <= tol, `${l.rows} rows: predicted ${r.readPages} PRIMARY pages, measured ${used(l)} (${(100 * err).toFixed(2)} %)`);
  }
});

test('the paper\'s 17 GiB: the read set is PRIMARY, about 15.9 GiB; k_1 is the main part not read', () => {
  const pages = (17 * 1024 ** 3) / 16384;
  const r = sysbenchReadSet(pages);
  assert.ok(r.share > 0.93 && r.share < 0.945, `share ${r.share}`);
  assert.equal(r.tablespacePages, pages);
  assert.ok(r.k1ReservedPages > 10 * (r.freePages + r.systemPages + r.primarySlackPages));
  // the parts add up to the file (rounding of each part)
  assert.ok(Math.abs(r.readPages + r.k1ReservedPages + r.primarySlackPages + r.freePages + r.systemPages - pages) <= 3);
});

test('property: the read set grows with the file, never exceeds it, and its share rises toward 1/(1 + k_1 per PRIMARY page)', () => {
  const limit = 1 / (1 + sysbenchReadSet(1e6).basis.k1ReservedPerPrimary);
  fc.assert(
    fc.property(fc.integer({ min: 2048, max: 50_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (t, d) => {
      const a = sysbenchReadSet(t);
      const b = sysbenchReadSet(t + d);
      assert.ok(b.readPages >= a.readPages, `${t} → ${t + d}`);
      assert.ok(a.readPages < t);
      assert.ok(b.share >= a.share - 1e-4 && a.share < limit, `${a.share} ${b.share} ${limit}`);
    }),
    { seed: 13, numRuns: 200 },
  );
});

test('bad input names the parameter, value, unit and range', () => {
  assert.throws(() => sysbenchReadSet(100), /tablespacePages = 100 pages/);
  assert.throws(() => sysbenchReadSet(5000.5), /tablespacePages = 5000.5 pages/);
  assert.throws(() => sysbenchReadSet(1e6, 1000), /pageBytes = 1000/);
  assert.throws(() => sysbenchReadSet(1e6, 8192), /layouts = .*8192-byte pages/);
});
