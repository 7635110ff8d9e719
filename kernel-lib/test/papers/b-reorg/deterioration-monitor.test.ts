import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClusteredBtree } from '../../../src/dbms/btree.js';
import { leafPageLayout } from '../../../src/dbms/innodb-row-format.js';
import { DeteriorationMonitor } from '../../../src/papers/b-reorg/deterioration-monitor.js';
import { recomputeDeterioration, recomputedRangeCostMs } from '../../../src/papers/b-reorg/deterioration-recompute.js';
import { Rng } from '../../../src/core/rng.js';
import { toyCost } from './toy-cost.js';
import type { PageCost } from '../../../src/hardware/page-cost.js';
import { rangeCostMs, tMin } from '../../../src/papers/b-reorg/deterioration.js';
import { reorgPageCost } from '../../../src/papers/b-reorg/reorg-experiment.js';
import { compactClusteredRecordBytes, T1_COLUMNS } from '../../../src/dbms/innodb-row-format.js';
import { BulkUpdateWorkload, loadBulkUpdateProfile, scaleBulkUpdateProfile } from '../../../src/workloads/bulk-updates.js';

// small pages (9 rows of 400 bytes on 4 KiB) so that 10^5 operations make thousands of splits and merges
const layout = leafPageLayout(4096, 400);
const TOL_MS = 1e-6;
/** Relative error allowed between two orders of summing the same positive G values (~n·ε). */
const REL_SUM = 1e-12;

/**
 * A page cost whose values are exact multiples of a G0 that is not a power of two (like the drive
 * models: skipping one page costs exactly 2·G0), so that G lands exactly on X·G0 for integer X.
 */
const quantumCost: PageCost = {
  f: (a: number, b: number) => (b === a + 1 ? 0.2 : (2 + Math.floor(Math.abs(b - a) / 40)) * 0.2),
  g0Ms: 0.2,
  pageBytes: 16384,
  name: 'quantum',
};

function build(seed: number, keySpace: number, ops: number, insertShare: number, cost: PageCost = toyCost) {
  const monitor = new DeteriorationMonitor({ cost });
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

/** Leaf indices of the monitor's T_min runs. */
function tMinLeaves(monitor: DeteriorationMonitor, x: number): number[] {
  return monitor.tMinRuns(x).flatMap((r) => Array.from({ length: r.toLeaf - r.fromLeaf }, (_, k) => r.fromLeaf + k));
}

/**
 * The monitor against a recompute from the leaf chain: G exactly, T_min as sets at thresholds X
 * that G values actually hit (X·G0 equal to some leaf's G, the boundary of eq. 3's ≥), and C_R of
 * every single-leaf range (exactly: it is that leaf's G), of every prefix of tenths and of random
 * ranges (to summation order).
 */
function assertMonitorMatchesRecompute(tree: ClusteredBtree, monitor: DeteriorationMonitor, cost: PageCost, rng: Rng): void {
  const ref = recomputeDeterioration(tree, cost);
  assert.deepEqual(monitor.pagesInKeyOrder(), ref.pages);
  assert.deepEqual(monitor.lowKeysInKeyOrder(), ref.lowKeys);
  const G = monitor.gDistribution();
  assert.deepEqual(G, ref.G, 'G per leaf, exactly as f returned it');
  const n = G.length;
  // thresholds hit by G: X = G[i]/G0 where X·G0 gives G[i] back
  const hit = [...new Set(Array.from(ref.G))].filter((g) => g > cost.g0Ms && (g / cost.g0Ms) * cost.g0Ms === g).sort((a, b) => a - b);
  assert.ok(hit.length >= 3, `thresholds hit by G: ${hit.length}`);
  const picks = [hit[0], hit[1], hit[Math.floor(hit.length / 2)], hit[hit.length - 1], ...Array.from({ length: 6 }, () => hit[rng.int(0, hit.length - 1)])];
  for (const g of picks) {
    const x = g / cost.g0Ms;
    const want = Array.from(tMin(ref.G, x, cost.g0Ms));
    const got = tMinLeaves(monitor, x);
    assert.deepEqual(got, want, `T_min at X = ${x}`);
    assert.ok(want.some((i) => ref.G[i] === x * cost.g0Ms), `a leaf sits exactly on X·G0 = ${x * cost.g0Ms}`);
  }
  const keyEnd = (i: number) => (i + 1 < n ? ref.lowKeys[i + 1] : 2147483647);
  for (let i = 0; i < n; i++) {
    assert.equal(monitor.rangeCostMs(ref.lowKeys[i], keyEnd(i)), ref.G[i], `C_R of leaf ${i}'s key range`);
    assert.equal(monitor.rangeCostByLeafMs(i, i + 1), ref.G[i], `C_R of leaf position ${i}`);
  }
  const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= REL_SUM * Math.max(1, b), `${what}: ${a} vs ${b}`);
  for (let k = 1; k <= 10; k++) {
    const j = Math.floor((k * n) / 10);
    if (j > 0) near(monitor.rangeCostByLeafMs(0, j), rangeCostMs(ref.G, 0, j), `C_R of leaves [0, ${j})`);
  }
  for (let q = 0; q < 200; q++) {
    const a = rng.int(0, n - 1);
    const b = rng.int(a + 1, n);
    near(monitor.rangeCostByLeafMs(a, b), rangeCostMs(ref.G, a, b), `C_R of leaves [${a}, ${b})`);
    near(monitor.rangeCostMs(ref.lowKeys[a], keyEnd(b - 1)), rangeCostMs(ref.G, a, b), `C_R of keys [${ref.lowKeys[a]}, ${keyEnd(b - 1)})`);
    const ka = rng.int(-10, 50_000);
    const kb = rng.int(ka + 1, 50_010);
    near(monitor.rangeCostMs(ka, kb), recomputedRangeCostMs(ref, ka, kb), `C_R of keys [${ka}, ${kb})`);
  }
  near(monitor.totalCostMs, rangeCostMs(ref.G, 0, n), 'total');
}

test('property: monitor == recompute from the leaf chain after ≥ 100,000 random inserts and deletes (G, T_min at hit thresholds, every leaf\'s C_R)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2_000, max: 40_000 }),
      fc.double({ min: 0.3, max: 0.7, noNaN: true }),
      fc.boolean(),
      (seed, keySpace, insertShare, quantum) => {
        const cost = quantum ? quantumCost : toyCost;
        const { tree, monitor, rng } = build(seed, keySpace, 100_000, insertShare, cost);
        tree.checkInvariants();
        assertMonitorMatchesRecompute(tree, monitor, cost, rng);
        return true;
      },
    ),
    { seed: 20240607, numRuns: 4 },
  );
});

test('paper B\'s workload with the hdd-2005 drive: T_min at X = 2, 3, 5, 10 is the recompute\'s, leaf for leaf (issue 10, item 1)', () => {
  // G values of the drive model land exactly on X·G0 (skipping k pages costs (k + 1)·G0)
  const cost = reorgPageCost('hdd-2005');
  const profile = { ...scaleBulkUpdateProfile(loadBulkUpdateProfile(), 0.02), updates: 150 };
  const monitor = new DeteriorationMonitor({ cost });
  const tree = new ClusteredBtree({ layout: leafPageLayout(16384, compactClusteredRecordBytes(T1_COLUMNS)), sniffer: monitor });
  const w = new BulkUpdateWorkload(profile, new Rng(profile.seed));
  w.load(tree);
  for (let u = 0; u < profile.updates; u++) w.runUpdate(tree);
  const ref = recomputeDeterioration(tree, cost);
  for (const x of [2, 3, 5, 10]) {
    const want = Array.from(tMin(ref.G, x, cost.g0Ms));
    assert.deepEqual(tMinLeaves(monitor, x), want, `T_min at X = ${x}`);
  }
  assert.ok(Array.from(ref.G).some((g) => g === 2 * cost.g0Ms), 'some leaf has G exactly 2·G0');
  assertMonitorMatchesRecompute(tree, monitor, cost, new Rng(3));
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
