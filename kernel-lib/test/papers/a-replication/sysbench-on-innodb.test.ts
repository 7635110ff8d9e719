// The sysbench-on-innodb model (fast, no engine): the tree shape, sysbench 1.0.20's id
// distributions against the sysbench binary's own draws, the replay's closed forms; then one
// short engine run (tiny table, 2 s per rand-type) through the whole measurement pipeline,
// after which no mariadbd and no server folder may be left.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { Rng } from '../../../src/core/rng.js';
import { ParameterError } from '../../../src/core/validate.js';
import { livePrivateServers } from '../../../src/engines/private-server.js';
import { SysbenchPageSampler, type SysbenchRandType } from '../../../src/workloads/sysbench-page-sampler.js';
import { SYSBENCH_05_SPECIAL } from '../../../src/workloads/sysbench-oltp-read-only.js';
import { modelSysbenchReads, regularTreeShape, Sysbench10Ids, treeShapeFromLevels } from '../../../src/papers/a-replication/sysbench-on-innodb-model.js';
import { measureSysbenchTableLayout, runSysbenchOnInnodb, sysbenchCurveGap, sysbenchMissRatio, sysbenchPagesRead } from '../../../src/papers/a-replication/sysbench-on-innodb.js';
import { sysbenchOnInnodbChecks } from '../../../src/papers/a-replication/sysbench-on-innodb-checks.js';
import { check } from '../../../src/notebook/checks.js';
import { alive } from '../../engines/process-helpers.js';

test('tree shape: leaves own consecutive rows, interior pages own consecutive children (a literal 3-level tree)', () => {
  const levels = [
    [{ pageNo: 10, nRecs: 3 }, { pageNo: 11, nRecs: 2 }, { pageNo: 12, nRecs: 4 }, { pageNo: 13, nRecs: 1 }],
    [{ pageNo: 20, nRecs: 3 }, { pageNo: 21, nRecs: 1 }],
    [{ pageNo: 30, nRecs: 2 }],
  ];
  const s = treeShapeFromLevels(levels, 10);
  assert.deepEqual([...s.leafFirstRow], [0, 3, 5, 9, 10]);
  assert.deepEqual([...s.leafPage], [10, 11, 12, 13]);
  assert.deepEqual([...s.ancestors[0]], [20, 20, 20, 21]);
  assert.deepEqual([...s.ancestors[1]], [30, 30, 30, 30]);
  assert.equal(s.treePages, 7);
  assert.throws(() => treeShapeFromLevels(levels, 11), /rows = 11 is out of range.*equal to the leaves' records \(10\)/);
  assert.throws(() => treeShapeFromLevels([levels[0], [{ pageNo: 20, nRecs: 3 }], [{ pageNo: 30, nRecs: 1 }]], 10), /levels\[1\] = 3 node pointers/);
  const r = regularTreeShape(1000, 73, 50);
  assert.equal(r.leafPage.length, 14);
  assert.equal(r.treePages, 14 + 1);
});

/** sysbench 1.0.20's own sb_rand_default(1, n) draws, histogrammed in `bins` (a Lua script run by the binary). */
function sysbenchHistogram(randType: SysbenchRandType, n: number, draws: number, bins: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'sb-hist-'));
  try {
    const script = join(dir, 'hist.lua');
    writeFileSync(
      script,
      `function event()
  local bins = {}
  for i = 0, ${bins - 1} do bins[i] = 0 end
  for i = 1, ${draws} do
    local b = math.floor((sysbench.rand.default(1, ${n}) - 1) * ${bins} / ${n})
    bins[b] = bins[b] + 1
  end
  local s = {}
  for i = 0, ${bins - 1} do s[#s + 1] = bins[i] end
  print("HIST " .. table.concat(s, ","))
end
`,
    );
    const r = spawnSync('sysbench', [`--rand-type=${randType}`, '--rand-seed=7', '--events=1', '--threads=1', script, 'run'], { encoding: 'utf8', timeout: 60_000 });
    const line = /HIST ([0-9,]+)/.exec(r.stdout ?? '');
    assert.ok(line, `sysbench ran the histogram script: ${r.error?.message ?? ''} ${r.stderr ?? ''}`);
    return line[1].split(',').map(Number);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two-sample chi-square per degree of freedom between two histograms of equal totals. */
function chi2PerDf(a: number[], b: number[]): number {
  let chi = 0;
  let df = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] + b[i] > 0) {
      chi += (a[i] - b[i]) ** 2 / (a[i] + b[i]);
      df++;
    }
  }
  return chi / Math.max(1, df - 1);
}

test("the model's ids follow sysbench 1.0.20's own draws for every --rand-type (the binary, 400 bins); the shared 0.5 'special' does not", () => {
  const n = 100_000;
  const draws = 400_000;
  const bins = 400;
  for (const t of ['uniform', 'gaussian', 'special', 'pareto'] as const) {
    const real = sysbenchHistogram(t, n, draws, bins);
    const ids = new Sysbench10Ids(n, t);
    const rng = new Rng(3);
    const mine = new Array(bins).fill(0);
    for (let i = 0; i < draws; i++) mine[Math.floor((ids.draw(rng) * bins) / n)]++;
    const x = chi2PerDf(real, mine);
    assert.ok(x < 1.6, `${t}: chi-square per degree of freedom ${x.toFixed(2)} (same distribution: about 1)`);
    if (t === 'special') {
      // sysbench 0.5's special (the shared sampler) spreads its hot 3/4 over the whole central 1 %
      const old = new SysbenchPageSampler(n, 1, 'special', SYSBENCH_05_SPECIAL);
      const r2 = new Rng(3);
      const h = new Array(bins).fill(0);
      for (let i = 0; i < draws; i++) h[Math.floor((old.draw(r2) * bins) / n)]++;
      assert.ok(chi2PerDf(real, h) > 50, `sysbench 0.5's special differs from 1.0.20's: ${chi2PerDf(real, h).toFixed(1)}`);
    }
  }
});

test('uniform point selects: distinct leaves read = the occupancy formula L(1 − (1 − 1/L)^(10N)) (closed form)', () => {
  const shape = regularTreeShape(200_000, 73, 400);
  const L = shape.leafPage.length;
  const txns = [20, 100, 400];
  const m = modelSysbenchReads(shape, { poolPages: 10_000, randType: 'uniform', txnsAt: txns, seed: 5, mix: { pointSelects: 10, rangeQueries: 0, rangeRows: 100 } });
  const interior = shape.treePages - L;
  txns.forEach((n, i) => {
    const expected = L * (1 - Math.pow(1 - 1 / L, 10 * n)) + interior; // interior pages: all read within the first transactions
    assert.ok(Math.abs(m.missesAt[i] - expected) / expected < 0.03, `${n} txns: ${m.missesAt[i]} vs ${expected.toFixed(0)}`);
  });
  // accesses per transaction: 10 descents of height 3 (root, interior, leaf)
  assert.equal(m.accessesPerTxn, 30);
});

test('ranges of 100 rows: 1 + 99/rowsPerLeaf leaves on average after the descent (closed form)', () => {
  const shape = regularTreeShape(1_000_000, 73, 1000);
  const m = modelSysbenchReads(shape, { poolPages: 100_000, randType: 'uniform', txnsAt: [5000], seed: 2, mix: { pointSelects: 0, rangeQueries: 4, rangeRows: 100 } });
  const height = shape.ancestors.length + 1;
  const expected = 4 * (height - 1 + 1 + 99 / 73);
  assert.ok(Math.abs(m.accessesPerTxn - expected) / expected < 0.01, `${m.accessesPerTxn} vs ${expected}`);
});

test('replay invariants: misses never decrease, never exceed accesses, same seed same result; a small pool evicts', () => {
  const shape = regularTreeShape(30_000, 70, 300);
  fc.assert(
    fc.property(fc.constantFrom<SysbenchRandType>('uniform', 'special', 'gaussian', 'pareto'), fc.integer({ min: 1, max: 1000 }), (t, seed) => {
      const txnsAt = [1, 5, 20, 60];
      const a = modelSysbenchReads(shape, { poolPages: 5000, randType: t, txnsAt, seed });
      const b = modelSysbenchReads(shape, { poolPages: 5000, randType: t, txnsAt, seed });
      assert.deepEqual(a, b);
      for (let i = 0; i < txnsAt.length; i++) {
        assert.ok(a.missesAt[i] <= a.accessesAt[i]);
        if (i > 0) assert.ok(a.missesAt[i] >= a.missesAt[i - 1]);
      }
      // no eviction: misses = distinct pages touched
      assert.equal(a.missesAt[3], a.distinctLeaves + a.distinctInterior);
    }),
    { numRuns: 20 },
  );
  const big = modelSysbenchReads(shape, { poolPages: 5000, randType: 'uniform', txnsAt: [300], seed: 1 });
  const small = modelSysbenchReads(shape, { poolPages: 100, randType: 'uniform', txnsAt: [300], seed: 1 });
  assert.ok(small.missesAt[0] > big.missesAt[0], 'a pool smaller than the read set re-reads pages');
});

test('bad input names the parameter', () => {
  const shape = regularTreeShape(1000, 50, 10);
  assert.throws(() => modelSysbenchReads(shape, { poolPages: 0, randType: 'uniform', txnsAt: [1], seed: 1 }), /poolPages = 0 pages/);
  assert.throws(() => modelSysbenchReads(shape, { poolPages: 10, randType: 'zipf' as never, txnsAt: [1], seed: 1 }), /randType = "zipf"/);
  assert.throws(() => modelSysbenchReads(shape, { poolPages: 10, randType: 'uniform', txnsAt: [5, 2], seed: 1 }), /txnsAt\[1\] = 2 transactions/);
  assert.throws(() => new Sysbench10Ids(1, 'uniform'), /rows = 1 is out of range/);
});

test('the engine run rejects bad options before it starts a server', async () => {
  await assert.rejects(runSysbenchOnInnodb({ tableRows: 4999 }), (e: unknown) => e instanceof ParameterError && /tableRows = 4999 rows/.test((e as Error).message));
  await assert.rejects(runSysbenchOnInnodb({ durationS: 11 }), /durationS = 11 s/);
  await assert.rejects(runSysbenchOnInnodb({ randTypes: ['uniform', 'uniform'] as never }), /randTypes/);
  await assert.rejects(runSysbenchOnInnodb({ bufferPoolMiB: 300 }), /bufferPoolMiB = 300 MiB/);
});


test('engine: a tiny table, 2 s per rand-type, through the whole pipeline; nothing left afterwards', async () => {
  const r = await runSysbenchOnInnodb({ tableRows: 5000, bufferPoolMiB: 64, durationS: 2, sampleMs: 200, seed: 3 });
  const L = r.layout;
  assert.equal(L.rows, 5000);
  assert.ok(L.primaryLeafPages >= 50 && L.primaryLeafPages <= 90, `${L.primaryLeafPages} leaves for 5000 rows of ~200 B`);
  assert.equal(L.primaryLeafPages + L.primaryInteriorPages + L.k1Pages + L.systemPages + L.unusedPages, L.tablespacePages);
  assert.equal(r.runs.length, 4);
  for (const run of r.runs) {
    const last = run.samples[run.samples.length - 1];
    assert.ok(last.txns > 0, `${run.randType}: transactions ran`);
    assert.equal(last.txns, run.sysbenchTxns, "Com_commit counts sysbench's transactions");
    assert.equal(run.poolPagesBefore, 0, 'the restart left a cold pool');
    assert.equal(run.poolPagesByIndex.k_1 ?? 0, 0, 'k_1 unread');
    assert.equal(run.poolPrimaryLeaves + run.poolPrimaryInterior, run.poolPagesByIndex.PRIMARY);
    assert.ok(sysbenchPagesRead(run) <= last.reads, 'pages of sbtest1 read ≤ all pages read');
    assert.ok(last.readRequests / last.txns > 30, 'read requests per transaction');
    assert.equal(run.modelMisses.length, run.samples.length);
    assert.ok(Number.isFinite(sysbenchCurveGap(run)));
    assert.ok(sysbenchMissRatio(run).every((p) => p.measured >= 0 && p.measured <= 1));
  }
  const uniform = r.runs.find((x) => x.randType === 'uniform')!;
  // a few hundred transactions over ~70 leaves read the whole B-tree, in the engine and in the model
  assert.equal(uniform.poolPrimaryLeaves, L.primaryLeafPages);
  assert.equal(uniform.modelDistinctLeaves, L.primaryLeafPages);
  const results = sysbenchOnInnodbChecks(r).map(check);
  assert.equal(results.length, 12);
  for (const c of results.filter((x) => x.id.startsWith('SB1') || x.id.startsWith('SB3'))) assert.ok(c.pass, `${c.id}: ${c.paper} vs ${c.ours}`);
  assert.equal(existsSync(r.serverDir), false, 'server folder removed');
  assert.equal(r.serverPids.length, 1 + r.runs.length, 'one server start plus one restart per rand-type');
  assert.deepEqual(r.serverPids.filter(alive), [], 'no mariadbd left');
  assert.equal(livePrivateServers(), 0);
});

test('layout only: sysbench prepare at 150,000 rows, the parts add up to the file, k_1 per PRIMARY page as recorded; nothing left afterwards', async () => {
  await assert.rejects(measureSysbenchTableLayout({ tableRows: 5_000_001 }), (e: unknown) => e instanceof ParameterError && /tableRows = 5000001 rows/.test((e as Error).message));
  await assert.rejects(measureSysbenchTableLayout(null as never), /opts/);
  const L = await measureSysbenchTableLayout({ tableRows: 150_000 });
  assert.equal(L.primaryLeafPages + L.primaryInteriorPages + L.k1Pages + L.systemPages + L.unusedPages, L.tablespacePages);
  assert.ok(L.primaryReservedPages >= L.primaryLeafPages + L.primaryInteriorPages && L.k1ReservedPages >= L.k1Pages);
  // both indexes grow with the rows: k_1's pages per PRIMARY page at this scale are within 10 % of the recorded 5,000,000-row ratio
  const k1PerPrimary = L.k1Pages / (L.primaryLeafPages + L.primaryInteriorPages);
  assert.ok(Math.abs(k1PerPrimary / 0.0607 - 1) < 0.1, `k_1 per PRIMARY page ${k1PerPrimary}`);
  assert.equal(livePrivateServers(), 0);
});
