import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClusteredBtree } from '../../../src/dbms/btree.js';
import { leafPageLayout } from '../../../src/dbms/innodb-row-format.js';
import { DeteriorationMonitor } from '../../../src/papers/b-reorg/deterioration-monitor.js';
import { recomputeDeterioration, recomputedRangeCostMs } from '../../../src/papers/b-reorg/deterioration-recompute.js';
import { Rng } from '../../../src/core/rng.js';
import { toyCost } from './toy-cost.js';

// small pages (9 rows of 400 bytes on 4 KiB) so that 10^5 operations make thousands of splits and merges
const layout = leafPageLayout(4096, 400);
const TOL_MS = 1e-6;

function build(seed: number, keySpace: number, ops: number, insertShare: number) {
  const monitor = new DeteriorationMonitor({ cost: toyCost });
  const tree = new ClusteredBtree({ layout, sniffer: monitor });
  const rng = new Rng(seed);
  for (let k = 0; k < keySpace; k += 2) tree.insert(k);
  for (let i = 0; i < ops; i++) {
    const k = rng.int(0, keySpace - 1);
    if (rng.float() < insertShare) tree.insert(k);
    else tree.delete(k);
  }
  return { tree, monitor, rng };
}

test('property: monitor == recompute from the leaf chain after ≥ 100,000 random inserts and deletes', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2_000, max: 40_000 }),
      fc.double({ min: 0.3, max: 0.7, noNaN: true }),
      (seed, keySpace, insertShare) => {
        const { tree, monitor, rng } = build(seed, keySpace, 100_000, insertShare);
        tree.checkInvariants();
        const ref = recomputeDeterioration(tree, toyCost);
        assert.deepEqual(monitor.pagesInKeyOrder(), ref.pages);
        assert.deepEqual(monitor.lowKeysInKeyOrder(), ref.lowKeys);
        const G = monitor.gDistribution();
        for (let i = 0; i < G.length; i++) assert.ok(Math.abs(G[i] - ref.G[i]) < TOL_MS, `G[${i}]`);
        for (let q = 0; q < 50; q++) {
          const a = rng.int(-10, keySpace);
          const b = rng.int(a + 1, keySpace + 10);
          assert.ok(Math.abs(monitor.rangeCostMs(a, b) - recomputedRangeCostMs(ref, a, b)) < TOL_MS);
        }
        return true;
      },
    ),
    { seed: 20240607, numRuns: 4 },
  );
});

test('by-position C_R, leaf counts and eq. (3) agree with the recomputed G', () => {
  const { tree, monitor } = build(7, 20_000, 30_000, 0.6);
  const ref = recomputeDeterioration(tree, toyCost);
  const n = ref.G.length;
  let s = 0;
  for (let i = 10; i < n - 10; i++) s += ref.G[i];
  assert.ok(Math.abs(monitor.rangeCostByLeafMs(10, n - 10) - s) < TOL_MS);
  assert.equal(monitor.rangeLeafCount(-2147483648, 2147483647), n);
  const total = ref.G.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(monitor.totalCostMs - total) < TOL_MS);
  const x = 1.5;
  assert.equal(monitor.slaHolds(0, 20_000, x), total < x * n * toyCost.g0Ms);
  // T_min runs cover exactly the leaves with G ≥ X·G0 (§3.2)
  const runs = monitor.tMinRuns(x);
  const marked = new Uint8Array(n);
  for (const r of runs) for (let i = r.fromLeaf; i < r.toLeaf; i++) marked[i] = 1;
  for (let i = 0; i < n; i++) assert.equal(marked[i] === 1, ref.G[i] >= x * toyCost.g0Ms);
});

test('a contiguous ascending load has G = G0 everywhere except at extent jumps', () => {
  const monitor = new DeteriorationMonitor({ cost: toyCost });
  const tree = new ClusteredBtree({ layout: leafPageLayout(16384, 282), sniffer: monitor });
  for (let k = 0; k < 53 * 30; k++) tree.insert(k); // 30 leaves: all fragment pages 3..32
  assert.deepEqual([...monitor.gDistribution()], new Array(30).fill(1));
  assert.equal(monitor.rangeCostMs(0, 53 * 30), 30);
});

test('bad input: X ≤ 1, empty or inverted key ranges, an empty monitor', () => {
  const { monitor } = build(1, 2_000, 1_000, 0.5);
  assert.throws(() => monitor.tMinRuns(1), /X = 1 × G0 is out of range: must be > 1/);
  assert.throws(() => monitor.slaHolds(0, 10, 0.9), /X = 0.9/);
  assert.throws(() => monitor.rangeCostMs(10, 10), /key range = \[10,10\] key .*fromKey < toKey/);
  assert.throws(() => monitor.rangeCostMs(10, 5), /key range/);
  assert.throws(() => monitor.rangeCostByLeafMs(3, 2), /leaf range/);
  assert.throws(() => new DeteriorationMonitor({ cost: { ...toyCost, g0Ms: -1 } }), /cost.g0Ms = -1 ms/);
  assert.throws(() => new DeteriorationMonitor({ cost: toyCost }).rangeCostMs(0, 1), /leafCount = 0 leaf pages/);
});
