import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rng } from '../../src/core/rng.js';
import { TwoPlaneMemory } from '../../src/papers/c-flash-backup/two-plane-memory.js';
import {
  expectedDirtyPages,
  expectedDistinctPages,
  historyPagesTouched,
  tpcAbLayout,
  TpcAbGenerator,
  tpcTxnsIn,
  type TpcAbSpec,
} from '../../src/workloads/tpc-ab.js';
import { paperCSetup } from '../../src/papers/c-flash-backup/setup.js';

const spec: TpcAbSpec = paperCSetup().tpc;

test('layout at 1000 tps and 4 KiB pages (Benchmark Handbook scaling, recomputed by hand)', () => {
  const L = tpcAbLayout(1000, 4096, spec);
  assert.equal(L.branches, 1000);
  assert.equal(L.tellers, 10_000);
  assert.equal(L.accounts, 100_000_000);
  assert.equal(L.accountsPerPage, 40); // ⌊4096/100⌋
  assert.equal(L.historyPerPage, 81); // ⌊4096/50⌋
  assert.equal(L.accountPages, 2_500_000);
  assert.equal(L.tellerPages, 250);
  assert.equal(L.branchPages, 25);
});

test('occupancy closed form: limits and a hand-computed value', () => {
  assert.equal(expectedDistinctPages(100, 10, 0), 0);
  // a single partial page (10 records, 40 per page) is touched by any draw
  assert.equal(expectedDistinctPages(10, 40, 5), 1);
  // one draw touches exactly one page
  assert.ok(Math.abs(expectedDistinctPages(100, 10, 1) - 1) < 1e-12);
  // 10 pages of 10 records, 10 draws: 10·(1 − 0.9^10)
  assert.ok(Math.abs(expectedDistinctPages(100, 10, 10) - 10 * (1 - 0.9 ** 10)) < 1e-12);
  // saturates at the page count
  assert.ok(Math.abs(expectedDistinctPages(100, 10, 1e6) - 10) < 1e-9);
  // partial last page: 25 records, 10 per page → pages of 10, 10, 5
  const e = expectedDistinctPages(25, 10, 3);
  assert.ok(Math.abs(e - (2 * (1 - 0.6 ** 3) + (1 - 0.8 ** 3))) < 1e-12);
});

test('history pages are appended sequentially', () => {
  const L = tpcAbLayout(1, 4096, spec);
  assert.equal(historyPagesTouched(L, 0), 0);
  assert.equal(historyPagesTouched(L, 81), 1);
  assert.equal(historyPagesTouched(L, 82), 2);
  assert.equal(historyPagesTouched(L, 2, 80), 2);
  assert.throws(() => historyPagesTouched(L, -1), /txns = -1 transactions/);
  assert.throws(() => historyPagesTouched(L, 2, -3), /cursor = -3 records/);
});

test('simulated dirty pages agree with the closed form (per table, 3 seeds, 10 tps, 4 KiB and 1 KiB pages)', () => {
  for (const pageBytes of [4096, 1024]) {
    const L = tpcAbLayout(10, pageBytes, spec);
    for (const seed of [1, 2, 3]) {
      for (const txns of [2_000, 20_000, 100_000]) {
        const mem = new TwoPlaneMemory(L.fixedPages + Math.ceil(txns / L.historyPerPage) + 1);
        new TpcAbGenerator(L, new Rng(seed)).run(txns, mem);
        const e = expectedDirtyPages(L, txns);
        const acc = mem.dirtyInRange(L.accountBase, L.historyBase);
        // binomial-like spread: allow 4 standard deviations of a sum of Bernoullis (≤ √E)
        assert.ok(Math.abs(acc - e.account) <= 4 * Math.sqrt(e.account) + 1, `account ${acc} vs ${e.account}`);
        assert.equal(mem.dirtyInRange(L.historyBase, mem.pages), e.history);
        assert.ok(Math.abs(mem.dirtyInRange(L.tellerBase, L.accountBase) - e.teller) <= 4 * Math.sqrt(e.teller) + 1);
        assert.ok(Math.abs(mem.dirtyInRange(0, L.tellerBase) - e.branch) <= 4 * Math.sqrt(e.branch) + 1);
      }
    }
  }
});

test('account choice: 85 % from the teller’s own branch (TPC-A clause), marginal uniform over branches', () => {
  // one record per page (100-byte pages), so a page number identifies the record
  const L = tpcAbLayout(20, 100, spec);
  const n = 100_000;
  const perBranch = new Float64Array(20);
  let local = 0;
  const sink = {
    k: 0,
    account: 0,
    write(page: number) {
      const slot = this.k++ % 4; // order per transaction: account, teller, branch, history
      if (slot === 0) this.account = page - L.accountBase;
      if (slot === 2) {
        const accountBranch = Math.floor(this.account / spec.accountsPerBranch);
        if (accountBranch === page - L.branchBase) local++;
        perBranch[accountBranch]++;
      }
    },
  };
  new TpcAbGenerator(L, new Rng(7)).run(n, sink);
  // remote draws never pick the own branch, so the local fraction is 0.85 exactly in expectation
  assert.ok(Math.abs(local / n - 0.85) < 0.005, `local fraction ${local / n}`);
  for (let b = 0; b < 20; b++) assert.ok(Math.abs(perBranch[b] / n - 0.05) < 0.004);
});

test('property: same seed, same pages; dirty count ≤ min(pages, 4·txns)', () => {
  const L = tpcAbLayout(2, 1024, spec);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 3000 }), (seed, txns) => {
      const a = new TwoPlaneMemory(L.fixedPages + 200);
      const b = new TwoPlaneMemory(L.fixedPages + 200);
      new TpcAbGenerator(L, new Rng(seed)).run(txns, a);
      new TpcAbGenerator(L, new Rng(seed)).run(txns, b);
      assert.equal(a.dirtyCount, b.dirtyCount);
      assert.ok(a.dirtyCount <= Math.min(a.pages, 4 * txns));
    }),
    { numRuns: 30 },
  );
});

test('bad input: non-positive tps, page smaller than a record, negative seconds', () => {
  assert.throws(() => tpcAbLayout(0, 4096, spec), /tps = 0 is out of range: must be an integer ≥ 1 tps/);
  assert.throws(() => tpcAbLayout(-5, 4096, spec), /tps = -5 is out of range/);
  assert.throws(() => tpcAbLayout(10, 64, spec), /pageBytes = 64 B is out of range: must be ≥ 100 B/);
  assert.throws(() => tpcTxnsIn(0, 10), /tps = 0 is out of range: must be > 0 tps/);
  assert.throws(() => tpcTxnsIn(1000, -1), /seconds = -1 s/);
});
