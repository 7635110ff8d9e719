import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tpccTxShape, tpccDistinctPagesTouched, tpccWarehouses, TPCC_MIX, nurandDistribution, TpccWritePageSampler, tpccRandomWriteShares } from '../../src/workloads/tpcc.js';

test('TPC-C mix-weighted shape (closed form from the mix table)', () => {
  const s = tpccTxShape();
  assert.ok(Math.abs(s.randomPagesDirtiedPerTx - (0.45 * 10 + 0.43 * 1 + 0.04 * 10)) < 1e-12);
  const stm = TPCC_MIX.reduce((a, t) => a + t.share * t.statements, 0);
  assert.ok(Math.abs(s.statementsPerTx - stm) < 1e-12);
  assert.ok(s.redoBytesPerTx > 1000 && s.redoBytesPerTx < 5000);
});

test('distinct pages touched: occupancy closed form and limits', () => {
  assert.equal(tpccDistinctPagesTouched(0, 100), 0);
  assert.ok(Math.abs(tpccDistinctPagesTouched(100, 100) - 100 * (1 - Math.exp(-1))) < 1e-9);
  assert.ok(tpccDistinctPagesTouched(1e9, 100) <= 100);
  assert.ok(Math.abs(tpccDistinctPagesTouched(1, 1e9) - 1) < 1e-6);
});

test('warehouses for 17 GiB at 100 MB each', () => {
  assert.equal(tpccWarehouses(17, 100), Math.round((17 * 1024 ** 3) / 1e8));
  assert.throws(() => tpccWarehouses(-1, 100), /dataGiB = -1 GiB/);
});

test('NURand: the exact distribution equals a brute-force count over every (a, b) pair (small A), and sums to 1', () => {
  for (const [A, x, y, C] of [[7, 1, 20, 0], [15, 0, 37, 5], [255, 1, 300, 17]] as const) {
    const p = nurandDistribution(A, x, y, C);
    const n = y - x + 1;
    const count = new Float64Array(n);
    for (let a = 0; a <= A; a++) for (let b = x; b <= y; b++) count[((a | b) + C) % n] += 1;
    for (let i = 0; i < n; i++) assert.ok(Math.abs(p[i] - count[i] / ((A + 1) * n)) < 1e-15, `A=${A} i=${i}`);
  }
  const stock = nurandDistribution(8191, 1, 100000);
  assert.ok(Math.abs(stock.reduce((s, v) => s + v, 0) - 1) < 1e-9);
  // skewed: the most likely item is drawn far more often than 1/100000
  assert.ok(Math.max(...stock) > 5 / 100000);
  assert.throws(() => nurandDistribution(1000, 1, 10), /A = 1000/);
});

test('TPC-C write pages: writes fall on stock and customer pages only, ~1/stride of them on sampled pages, fewer distinct pages than uniform', () => {
  const dataPages = 1 << 20;
  const stride = 64;
  const s = new TpccWritePageSampler(dataPages, stride, 170);
  assert.ok(Math.abs(s.massSum * stride - 1) < 0.05, `${s.massSum * stride}`);
  // the other tables (orders, order lines, history, item) get no random writes
  const zero = Array.from(s.mass).filter((m) => m === 0).length;
  assert.ok(zero > 0.2 * s.mass.length && zero < 0.5 * s.mass.length, `${zero} of ${s.mass.length}`);
  const writes = 2e6;
  assert.ok(s.distinctPages(writes, stride) < tpccDistinctPagesTouched(writes, dataPages));
  assert.equal(s.distinctPages(0, stride), 0);
  const shares = tpccRandomWriteShares();
  assert.ok(Math.abs(shares.stock - 4.5) < 1e-12 && Math.abs(shares.customer - (0.43 + 0.4)) < 1e-12);
  assert.throws(() => new TpccWritePageSampler(0, 1, 1), /dataPages = 0 pages/);
});
