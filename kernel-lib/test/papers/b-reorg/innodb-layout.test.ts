// The SQL form of the bulk updates and the layout measures of the InnoDB experiment, on small
// literal inputs whose answers are worked out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hddPageCost, hddProfile } from '../../../src/hardware/hdd.js';
import { deleteRuns, RecordingTarget, updateStatements } from '../../../src/papers/b-reorg/innodb-bulk-updates.js';
import { jumpDistances, ksDistance, layoutMetrics } from '../../../src/papers/b-reorg/innodb-layout-metrics.js';

test('deleted keys become BETWEEN runs, split where the window wraps', () => {
  assert.deepEqual(deleteRuns([5, 6, 8, 9]), [[5, 9]]);
  assert.deepEqual(deleteRuns([97, 98, 99, 10, 11]), [[97, 99], [10, 11]]);
  assert.deepEqual(deleteRuns([]), []);
});

test('one update: DELETE ranges with their row counts, then one INSERT in the workload order', () => {
  const t = new RecordingTarget();
  [97, 99, 10].forEach((k) => t.delete(k));
  [12, 3, 98].forEach((k) => t.insert(k));
  const s = updateStatements(t, 7);
  assert.deepEqual(s.deletes, [
    { sql: 'DELETE FROM t1 WHERE id BETWEEN 97 AND 99', rows: 2 },
    { sql: 'DELETE FROM t1 WHERE id BETWEEN 10 AND 10', rows: 1 },
  ]);
  assert.deepEqual(s.inserts, [{ sql: "INSERT INTO t1 (id, id2, str) VALUES (12,7,'u'),(3,7,'u'),(98,7,'u')", rows: 3 }]);
});

test('KS distance: 0 for equal samples, 1 for disjoint ones, symmetric', () => {
  assert.equal(ksDistance([1, 2, 3], [3, 1, 2]), 0);
  assert.equal(ksDistance([1, 2], [5, 6]), 1);
  assert.equal(ksDistance([1, 2, 3, 4], [3, 4, 5, 6]), 0.5);
  fc.assert(fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.array(fc.integer(), { minLength: 1 }), (a, b) => {
    const d = ksDistance(a, b);
    assert.ok(d >= 0 && d <= 1);
    assert.equal(d, ksDistance(b, a));
  }));
});

test('layout measures of a sequential run and of one with a backward jump', () => {
  const cost = hddPageCost(hddProfile('hdd-2005'), 16384);
  const seq = { pages: Int32Array.from([3, 4, 5, 6]), lowKeys: Int32Array.from([0, 10, 20, 30]), records: Int32Array.from([10, 10, 10, 10]) };
  const m = layoutMetrics(seq, cost, 2, 40, 2, 0);
  assert.equal(m.leaves, 4);
  assert.equal(m.rowsPerLeaf, 10);
  assert.equal(m.outOfOrderShare, 0);
  assert.ok(Math.abs(m.costRatio - 1) < 1e-9);
  assert.deepEqual(Array.from(jumpDistances(seq.pages)), [1, 1, 1]);
  const back = { ...seq, pages: Int32Array.from([3, 4, 900, 5]) };
  const b = layoutMetrics(back, cost, 2, 40, 2, 0);
  assert.equal(b.backwardShare, 0.25);
  assert.equal(b.outOfOrderShare, 0.5);
  assert.equal(b.tMinLeaves, 2); // the jump to 900 and the one back
  assert.equal(b.rangeCostRatios[0], 1); // keys 0–19: leaves 3, 4
  assert.ok(b.rangeCostRatios[1] > 2);
});
