/**
 * Paper B on SQLite, at a reduced scale so the test stays fast. Expected values come from the
 * paper's claims (G follows the updates, §4 Figs. 5-6; reorganization restores G0) and from
 * SQLite's own dbstat; nothing is fitted.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../../src/core/rng.js';
import { SqliteFormatError } from '../../../src/sqlite/sqlite-format-error.js';
import { Sqlite3ShellError } from '../../../src/sqlite/sqlite3-shell-error.js';
import { runSqlite3 } from '../../../src/sqlite/sqlite-dbstat.js';
import { ParameterError } from '../../../src/core/validate.js';
import { runSqliteReorg } from '../../../src/papers/b-reorg/sqlite-reorg.js';
import { sqliteReorgCheckSpecs } from '../../../src/papers/b-reorg/checks.js';
import { sqliteReorgSetup } from '../../../src/papers/b-reorg/sqlite-reorg-setup.js';
import { sqliteBulkUpdateProfile } from '../../../src/papers/b-reorg/sqlite-bulk-updates.js';
import { loadBulkUpdateProfile } from '../../../src/workloads/bulk-updates.js';
import { check } from '../../../src/notebook/checks.js';
import { buildDb, mixedDb, tempDir } from '../../sqlite/sqlite-fixtures.js';

test('the notebook\'s default run: G rises only where the updates go, VACUUM restores G0, the reader agrees with dbstat', async () => {
  // The default scale of data/b-reorg/reorg-on-sqlite.json (100,000 rows, 1,000 updates): a few seconds.
  const r = await runSqliteReorg({ snapshotEvery: 250 });
  assert.equal(r.mode, 'synthetic');
  assert.deepEqual(r.snapshots.map((s) => s.updates), [0, 250, 500, 750, 1000]);
  for (let i = 1; i < r.snapshots.length; i++) assert.ok(r.snapshots[i].cROverSG0 > r.snapshots[i - 1].cROverSG0, 'deterioration grows with the updates');
  // Paper §4: about 40 % of the data is updated (the workload profile was chosen for it).
  assert.ok(Math.abs(r.updatedRowShare - 0.4) < 0.05, `updated share ${r.updatedRowShare}`);
  // Fresh load in key order: nearly sequential (interior pages interleave: a few 2·G0 steps).
  assert.ok(r.snapshots[0].cROverSG0 < 1.1, `initial C_R/(|S|G0) = ${r.snapshots[0].cROverSG0}`);
  assert.ok(r.snapshots[4].cROverSG0 > 2, `after updates C_R/(|S|G0) = ${r.snapshots[4].cROverSG0}`);
  const updated = r.regions.filter((g) => g.weight > 0);
  const untouched = r.regions.filter((g) => g.weight === 0);
  for (const g of untouched) assert.equal(g.meanUpdatesPerRow, 0);
  const minUpdatedG = Math.min(...updated.map((g) => g.meanGOverG0));
  const maxUntouchedG = Math.max(...untouched.map((g) => g.meanGOverG0));
  assert.ok(minUpdatedG > maxUntouchedG, `updated regions' mean G/G0 (min ${minUpdatedG}) above untouched ones (max ${maxUntouchedG})`);
  assert.ok(r.spearman !== null && r.spearman >= 0.8, `Spearman ${r.spearman}`);
  assert.ok('snapshot' in r.vacuum && r.vacuum.snapshot.cROverSG0 <= 1.05);
  assert.ok(r.dbstat.compared && r.dbstat.agrees);
  // Per-row update counts add up to the rows re-inserted: bulkRows per update (the workload's profile, scaled).
  const bins = r.updateDistribution!.meanUpdatesPerRow;
  const totalUpdates = Array.from(bins).reduce((a, b) => a + b, 0) * (r.setup.rows / bins.length);
  const expected = r.setup.updates * sqliteBulkUpdateProfile(r.setup).bulkRows;
  assert.ok(Math.abs(totalUpdates - expected) / expected < 0.02, `${totalUpdates} row updates ≈ ${expected}`);
  // The notebook's checks, from the same result.
  for (const c of sqliteReorgCheckSpecs(r)) assert.ok(check(c).pass, c.id);
});

test('the same seed gives the same layout, bit for bit', async () => {
  const opts = { seed: 5, rows: 5000, updates: 60, snapshotEvery: 30 };
  const a = await runSqliteReorg(opts);
  const b = await runSqliteReorg(opts);
  assert.deepEqual(Array.from(a.final.leafPages), Array.from(b.final.leafPages));
  assert.deepEqual(a.snapshots, b.snapshots);
});

test('the workload profile is the reorg area\'s, scaled to the rows of the run', () => {
  const setup = sqliteReorgSetup({ rows: 60000 });
  const p = sqliteBulkUpdateProfile(setup);
  const paper = loadBulkUpdateProfile();
  assert.equal(p.rows, 60000);
  assert.deepEqual(p.regionWeights, paper.regionWeights);
  // scale 1/100 of data/b-reorg/bulk-updates.json's window and bulk (scaleBulkUpdateProfile)
  assert.equal(p.windowKeys, Math.round(paper.windowKeys / 100));
  assert.equal(p.bulkRows, Math.round(paper.bulkRows / 100));
});

test('bad setup parameters name the parameter and its range', () => {
  assert.throws(() => sqliteReorgSetup({ rows: 10 }), (e: unknown) => e instanceof ParameterError && /rows = 10/.test(e.message));
  assert.throws(() => sqliteReorgSetup({ snapshotEvery: 0 }), (e: unknown) => e instanceof ParameterError && /snapshotEvery = 0 updates/.test(e.message));
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
  assert.equal(r.regions.length, 10, 'tenths of the leaf sequence');
  assert.equal(createHash('sha256').update(readFileSync(f.path)).digest('hex'), before, 'the file is unchanged');
  await assert.rejects(runSqliteReorg({ dbPath: f.path, tableName: 'missing' }), /no table or index named "missing"/);
});

test('bring your own database: a name typed in another ASCII case (TP) is resolved to the stored one (tp) for dbstat and VACUUM', async () => {
  const p = join(dir, 'tp.db');
  const ids = new Rng(3).shuffle(Array.from({ length: 3000 }, (_, i) => i));
  buildDb(p, ['PRAGMA page_size=1024;', 'CREATE TABLE tp(id INTEGER PRIMARY KEY, s TEXT);', `INSERT INTO tp VALUES ${ids.map((i) => `(${i},'${'p'.repeat(50)}')`).join(',')};`].join('\n'));
  const r = await runSqliteReorg({ dbPath: p, tableName: 'TP' });
  assert.equal(r.tableName, 'tp');
  assert.ok(r.dbstat.compared && r.dbstat.agrees && r.dbstat.dbstatLeaves === r.scale.leaves, JSON.stringify(r.dbstat));
  assert.ok('snapshot' in r.vacuum && r.vacuum.snapshot.leafCount > 0);
});

test('bring your own database: a file SQLite rejects is a SqliteFormatError; a failing sqlite3 shell names the database and the command', async () => {
  const f = mixedDb(dir, 1024, 3000, 78);
  const bad = join(dir, 'zero-cell-root.db');
  copyFileSync(f.path, bad);
  const root = Number(runSqlite3(bad, "SELECT rootpage FROM sqlite_schema WHERE name='t';")[0]);
  const fd = openSync(bad, 'r+');
  writeSync(fd, Uint8Array.of(0, 0), 0, 2, (root - 1) * 1024 + 3); // the interior root's cell count → 0
  closeSync(fd);
  await assert.rejects(runSqliteReorg({ dbPath: bad, tableName: 't' }), (e: unknown) => e instanceof SqliteFormatError && e.file === bad && e.page === root);
  // VACUUM INTO a folder that does not exist: the shell fails, and says where and what.
  await assert.rejects(runSqliteReorg({ dbPath: f.path, tableName: 't', workDir: join(dir, 'no-such-dir') }), (e: unknown) => {
    assert.ok(e instanceof Sqlite3ShellError, String(e));
    assert.equal(e.dbPath, f.path);
    assert.match(e.message, /VACUUM INTO '.*no-such-dir\/vacuumed\.db'/);
    assert.match(e.stderr, /unable to open database/);
    return true;
  });
});
