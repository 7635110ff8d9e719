import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tpccTxShape, tpccDistinctPagesTouched, tpccWarehouses, TPCC_MIX } from '../../src/workloads/tpcc.js';

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
