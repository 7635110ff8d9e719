import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BulkUpdateWorkload, loadBulkUpdateProfile, scaleBulkUpdateProfile, type BulkUpdateProfile } from '../../src/workloads/bulk-updates.js';
import { Rng } from '../../src/core/rng.js';

/** A set-backed target that checks the workload never inserts a present key nor deletes an absent one. */
function setTarget() {
  const s = new Set<number>();
  return {
    s,
    insert(k: number) { assert.ok(!s.has(k), `insert of present key ${k}`); s.add(k); return true; },
    delete(k: number) { assert.ok(s.has(k), `delete of absent key ${k}`); s.delete(k); return true; },
  };
}

const small: BulkUpdateProfile = { rows: 20_000, updates: 200, regionCount: 4, regionWeights: [0.7, 0.3, 0, 0], windowKeys: 1_000, bulkRows: 100, seed: 3 };

test('paper profile: 6,000,000 rows, 1,000 updates, weights over 20 regions (paper B §4, data/b-reorg)', () => {
  const p = loadBulkUpdateProfile();
  assert.equal(p.rows, 6_000_000);
  assert.equal(p.updates, 1000);
  assert.equal(p.regionWeights.length, p.regionCount);
  assert.ok(p.source && p.source.regionWeights.length > 20);
});

test('updates keep the row count, only touch regions with weight > 0, and are seeded', () => {
  const run = () => {
    const t = setTarget();
    const w = new BulkUpdateWorkload(small, new Rng(11));
    w.load(t);
    const recs = [];
    for (let u = 0; u < small.updates; u++) recs.push(w.runUpdate(t));
    return { t, w, recs };
  };
  const a = run();
  assert.equal(a.t.s.size, small.rows);
  assert.equal(a.w.presentRows(), small.rows);
  assert.equal(a.w.updatesPerRegion[2] + a.w.updatesPerRegion[3], 0);
  for (let k = 10_000; k < 20_000; k++) assert.equal(a.w.updateCountPerKey[k], 0);
  for (const r of a.recs) {
    assert.ok(r.toKey - r.fromKey === small.windowKeys && r.deleted === small.bulkRows && r.inserted === small.bulkRows);
    assert.ok(r.fromKey >= r.region * 5_000 && r.toKey <= (r.region + 1) * 5_000);
  }
  const b = run();
  assert.deepEqual(a.recs, b.recs);
  assert.ok(a.w.updatedRowShare() > 0 && a.w.updatedRowShare() < 0.5);
});

test('scaling keeps the shape; bad profiles are rejected with parameter and unit', () => {
  const p = scaleBulkUpdateProfile(loadBulkUpdateProfile(), 0.1);
  assert.equal(p.rows, 600_000);
  assert.throws(() => scaleBulkUpdateProfile(p, 0), /scale = 0/);
  assert.throws(() => new BulkUpdateWorkload({ ...small, rows: -5 }), /rows = -5/);
  assert.throws(() => new BulkUpdateWorkload({ ...small, regionWeights: [1, 1] }), /regionWeights .*regionCount = 4/);
  assert.throws(() => new BulkUpdateWorkload({ ...small, regionWeights: [0, 0, 0, 0] }), /a sum > 0/);
  assert.throws(() => new BulkUpdateWorkload({ ...small, windowKeys: 6_000 }), /windowKeys = 6000 keys/);
  assert.throws(() => new BulkUpdateWorkload({ ...small, bulkRows: 2_000 }), /bulkRows = 2000 rows/);
});
