/**
 * Paper B on SQLite, at a reduced scale so the test stays fast. Expected values come from the
 * paper's claims (G follows the updates, §4 Figs. 5-6; reorganization restores G0) and from
 * SQLite's own dbstat; nothing is fitted.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/core/rng.js';
import { ParameterError } from '../../src/core/validate.js';
import { runSqliteReorg, sqliteReorgCheckSpecs } from '../../src/experiments/sqlite-reorg.js';
import { sqliteReorgSetup } from '../../src/experiments/sqlite-reorg-setup.js';
import { planSqliteBulkUpdate, sqliteRegionStartId } from '../../src/experiments/sqlite-bulk-updates.js';
import { check } from '../../src/notebook/checks.js';
import { mixedDb, tempDir } from '../storage/sqlite-fixtures.js';

const small = { rows: 20000, updates: 300, snapshotEvery: 100, bulkRows: 60 };

test('synthetic run: G rises only where the updates go, VACUUM restores G0, the reader agrees with dbstat', async () => {
  const r = await runSqliteReorg({ seed: 3, ...small });
  assert.equal(r.mode, 'synthetic');
  assert.deepEqual(r.snapshots.map((s) => s.updates), [0, 100, 200, 300]);
  // Fresh load in key order: nearly sequential (interior pages interleave: a few 2·G0 steps).
  assert.ok(r.snapshots[0].cROverSG0 < 1.1, `initial C_R/(|S|G0) = ${r.snapshots[0].cROverSG0}`);
  assert.ok(r.snapshots[3].cROverSG0 > 1.5, `after updates C_R/(|S|G0) = ${r.snapshots[3].cROverSG0}`);
  const updated = r.regions.filter((g) => g.weight > 0);
  const untouched = r.regions.filter((g) => g.weight === 0);
  for (const g of untouched) assert.equal(g.meanUpdatesPerRow, 0);
  const minUpdatedG = Math.min(...updated.map((g) => g.meanGOverG0));
  const maxUntouchedG = Math.max(...untouched.map((g) => g.meanGOverG0));
  assert.ok(minUpdatedG > maxUntouchedG, `updated regions' mean G/G0 (min ${minUpdatedG}) above untouched ones (max ${maxUntouchedG})`);
  assert.ok(r.spearman !== null && r.spearman > 0.7, `Spearman ${r.spearman}`);
  assert.ok('snapshot' in r.vacuum && r.vacuum.snapshot.cROverSG0 <= 1.05);
  assert.ok(r.dbstat.compared && r.dbstat.agrees);
  // Per-row update counts add up to the rows re-inserted (each update re-inserts ~deleteFraction·bulkRows).
  const totalUpdates = Array.from(r.updateDistribution!.meanUpdatesPerRow).reduce((a, b) => a + b, 0) * (r.setup.rows / r.updateDistribution!.meanUpdatesPerRow.length);
  const expected = small.updates * small.bulkRows * r.setup.deleteFraction;
  assert.ok(Math.abs(totalUpdates - expected) / expected < 0.1, `${totalUpdates} row updates ≈ ${expected}`);
  // The notebook's checks, from the same result.
  for (const c of sqliteReorgCheckSpecs(r)) if (c.id !== 'B5') assert.ok(check(c).pass, c.id);
});

test('the same seed gives the same layout, bit for bit', async () => {
  const opts = { seed: 5, rows: 5000, updates: 60, snapshotEvery: 30, bulkRows: 40 };
  const a = await runSqliteReorg(opts);
  const b = await runSqliteReorg(opts);
  assert.deepEqual(Array.from(a.final.leafPages), Array.from(b.final.leafPages));
  assert.deepEqual(a.snapshots, b.snapshots);
});

test('bulk updates stay inside a region with a non-zero weight and are seeded', () => {
  const setup = sqliteReorgSetup({ rows: 10000 });
  const rng = new Rng(9);
  for (let k = 0; k < 200; k++) {
    const u = planSqliteBulkUpdate(setup, rng);
    assert.ok(setup.regionWeights[u.region] > 0);
    const lo = sqliteRegionStartId(setup, u.region);
    const hi = sqliteRegionStartId(setup, u.region + 1);
    for (const id of u.ids) assert.ok(id >= lo && id < hi);
    assert.ok(u.ids.length <= setup.bulkRows);
  }
  const a = planSqliteBulkUpdate(setup, new Rng(4));
  const b = planSqliteBulkUpdate(setup, new Rng(4));
  assert.deepEqual(a, b);
});

test('bad setup parameters name the parameter and its range', () => {
  assert.throws(() => sqliteReorgSetup({ regionWeights: [1, 2] }), (e: unknown) => e instanceof ParameterError && /regionWeights/.test(e.message) && /10 weights/.test(e.message));
  assert.throws(() => sqliteReorgSetup({ deleteFraction: 0 }), (e: unknown) => e instanceof ParameterError && /deleteFraction = 0/.test(e.message));
  assert.throws(() => sqliteReorgSetup({ pageBytes: 3000 }), (e: unknown) => e instanceof ParameterError && /pageBytes = 3000 bytes/.test(e.message));
  assert.throws(() => sqliteReorgSetup({ x: 1 }), (e: unknown) => e instanceof ParameterError && /x = 1/.test(e.message));
});

const { dir, cleanup } = tempDir('sqlite-byo-');
after(cleanup);

test('bring your own database: read only, G and VACUUM INTO a copy, file unchanged', async () => {
  const f = mixedDb(dir, 4096, 6000, 77);
  const before = createHash('sha256').update(readFileSync(f.path)).digest('hex');
  const r = await runSqliteReorg({ dbPath: f.path, tableName: 'w' });
  assert.equal(r.mode, 'own-file');
  assert.equal(r.tableName, 'w');
  assert.equal(r.spearman, null);
  assert.equal(r.updateDistribution, null);
  assert.ok(r.dbstat.compared && r.dbstat.agrees);
  // Random-order inserts scatter the leaves; VACUUM INTO rebuilds them in order.
  assert.ok(r.snapshots[0].cROverSG0 > 2, `own file C_R/(|S|G0) = ${r.snapshots[0].cROverSG0}`);
  assert.ok('snapshot' in r.vacuum && r.vacuum.snapshot.cROverSG0 < 1.1);
  assert.equal(r.regions.length, 10);
  assert.equal(createHash('sha256').update(readFileSync(f.path)).digest('hex'), before, 'the file is unchanged');
  await assert.rejects(runSqliteReorg({ dbPath: f.path, tableName: 'missing' }), /no table or index named "missing"/);
});
