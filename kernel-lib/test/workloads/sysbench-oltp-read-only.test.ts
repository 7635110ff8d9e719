import { test } from 'node:test';
import assert from 'node:assert/strict';
import { irwinHallMeanCdf, sysbenchSpecialMass, innodbRowsPerPage, sysbenchTxShape, SYSBENCH_05_SPECIAL } from '../../src/workloads/sysbench-oltp-read-only.js';

test('Irwin–Hall mean CDF: closed forms for n = 1 and n = 2, symmetry for n = 12', () => {
  assert.ok(Math.abs(irwinHallMeanCdf(0.3, 1) - 0.3) < 1e-12); // uniform
  assert.ok(Math.abs(irwinHallMeanCdf(0.25, 2) - 0.125) < 1e-12); // 2x² for x ≤ 1/2 (closed form)
  assert.ok(Math.abs(irwinHallMeanCdf(0.5, 12) - 0.5) < 1e-12);
  assert.ok(Math.abs(irwinHallMeanCdf(0.4, 12) + irwinHallMeanCdf(0.6, 12) - 1) < 1e-12);
  // sd of the mean of 12 uniforms = 1/12: P(|x − 0.5| < 1/12) ≈ 0.683 (normal approximation)
  const p = irwinHallMeanCdf(0.5 + 1 / 12, 12) - irwinHallMeanCdf(0.5 - 1 / 12, 12);
  assert.ok(Math.abs(p - 0.683) < 0.01, String(p));
});

test('special distribution (sysbench 0.5 defaults): total mass 1; 3/4 + the Irwin–Hall share on the central 1 %', () => {
  assert.ok(Math.abs(sysbenchSpecialMass(0, 1) - 1) < 1e-12);
  const central = sysbenchSpecialMass(0.495, 0.505, SYSBENCH_05_SPECIAL);
  const ih = 0.25 * (irwinHallMeanCdf(0.505, 12) - irwinHallMeanCdf(0.495, 12));
  assert.ok(Math.abs(central - (0.75 + ih)) < 1e-12);
  // the outer fifth of the ids on each side gets almost nothing
  assert.ok(sysbenchSpecialMass(0, 0.2) < 1e-3);
});

test('rows per page and pages per transaction', () => {
  assert.equal(innodbRowsPerPage(206, 16384), Math.floor(((16384 - 128) * 15) / 16 / 206.5));
  const s = sysbenchTxShape({ pointSelects: 10, rangeQueries: 4, rangeRows: 100, rowsPerPage: 73, statementsPerTx: 16 });
  assert.ok(Math.abs(s.pageAccessesPerTx - (10 + 4 * (1 + 99 / 73))) < 1e-12); // closed form
  assert.equal(s.statementsPerTx, 16);
});

test('bad input names the parameter and unit', () => {
  assert.throws(() => sysbenchSpecialMass(0.6, 0.5), /x1 = 0.5 fraction of ids/);
  assert.throws(() => innodbRowsPerPage(-1, 16384), /rowBytes = -1 bytes/);
  assert.throws(() => sysbenchTxShape({ pointSelects: -1, rangeQueries: 4, rangeRows: 100, rowsPerPage: 70, statementsPerTx: 16 }), /pointSelects = -1 queries/);
});
