import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fitPaperCCalibration,
  paperCModel,
  paperCPageSizeSensitivity,
  runPaperC,
  simulateTwoPlaneCycle,
  paperCMultiBufferSweep,
  paperCRecoverySawtooth,
} from '../../../src/papers/c-flash-backup/flash-backup-experiment.js';
import { paperCCalibration } from '../../../src/papers/c-flash-backup/setup.js';

test('stored calibration equals the fit (C2 → backup units, C3 → apply time)', () => {
  const fit = fitPaperCCalibration();
  const stored = paperCCalibration();
  assert.equal(stored.backupUnitsAt1000Tps.value, fit.backupUnitsAt1000Tps);
  assert.equal(stored.backupUnitsAt1000Tps.calibratedTo, 'C2');
  assert.ok(Math.abs(stored.applyUsPerTxn.value / fit.applyUsPerTxn - 1) < 1e-9);
  assert.equal(stored.applyUsPerTxn.calibratedTo, 'C3');
});

const r = runPaperC({ intervalsMin: [1, 5, 10, 30, 60], seed: 3 });

test('paper C checks: C1 < 60 s, C2 in 45–80 s, C3 9.2 s ± 20 %, C4 4.6 s ± 20 %, C5 within 10 % (paper §1, §4)', () => {
  const c = r.checks;
  assert.ok(c.c1BackupS < 60, `C1 ${c.c1BackupS}`);
  assert.ok(c.c2BackupS >= 45 && c.c2BackupS <= 80, `C2 ${c.c2BackupS}`);
  assert.ok(Math.abs(c.c3WorstS - 9.2) <= 0.2 * 9.2);
  assert.ok(Math.abs(c.c4MeanS - 4.6) <= 0.2 * 4.6, `C4 ${c.c4MeanS}`);
  assert.ok(c.c5.maxRelDiff <= 0.1, `C5 ${c.c5.maxRelDiff}`);
});

test('Fig. 3: backup grows with the interval and stays under the full-memory line; single buffer is slower', () => {
  for (let i = 1; i < r.fig3.length; i++) assert.ok(r.fig3[i].backupS > r.fig3[i - 1].backupS);
  for (const row of r.fig3) {
    assert.ok(row.backupS < row.fullBackupS);
    assert.ok(row.singleBufferS > 5 * row.backupS);
    // multi-buffer: within 1 % of the sum of transfer times (paper §3.2)
    assert.ok(row.backupS / row.transferOnlyS < 1.01);
    // simulated dirty pages agree with the closed form (4 σ of a Bernoulli sum)
    assert.ok(Math.abs(row.dirtyPagesSim - row.dirtyPages) <= 4 * Math.sqrt(row.dirtyPages), `${row.intervalMin} min`);
  }
});

test('Fig. 4: worst is linear in the interval, mean is about half of worst', () => {
  const [a, b] = [r.fig4[3], r.fig4[4]]; // 30 and 60 min
  assert.ok(Math.abs((b.worstS - r.model.hotReloadS) / (a.worstS - r.model.hotReloadS) - 2) < 1e-9);
  assert.ok(Math.abs(a.meanS - (a.worstS + r.model.hotReloadS) / 2) < 1e-9);
});

test('2-plane cycle: pages re-synchronised after the backup match the occupancy closed form', () => {
  const tp = r.twoPlane!;
  assert.ok(tp.txnsDuringBackup > 0);
  assert.ok(Math.abs(tp.resyncPages - tp.resyncPagesExpected) <= 4 * Math.sqrt(tp.resyncPagesExpected) + 1);
});

test('deterministic: the same seed gives the same simulation', () => {
  const m = paperCModel();
  const a = simulateTwoPlaneCycle(m, 2, 9);
  const b = simulateTwoPlaneCycle(m, 2, 9);
  assert.deepEqual(a, b);
});

test('page-size sensitivity: an 8 KiB page does not fit the era flash block', () => {
  const s = paperCPageSizeSensitivity([1024, 4096, 8192]);
  assert.equal(s[2].fits, false);
  assert.ok(s[0].ratio60to30 > s[1].ratio60to30);
});

test('bad input: non-positive tps, page larger than a flash block, unknown profile or log device', () => {
  assert.throws(() => paperCModel({ tps: 0 }), /tps = 0 is out of range: must be an integer ≥ 1 tps/);
  assert.throws(() => paperCModel({ pageBytes: 8192 }), /pageBytes = 8192 B is out of range: must be ≤ 4096 B \(one erase block of flash profile "era-nand-1992"\)/);
  assert.throws(() => paperCModel({ flashProfile: 'bubble-memory' }), /flashProfile = "bubble-memory" .*must be one of/);
  assert.throws(() => paperCModel({ logDevice: 'tape' }), /logDevice = "tape" .*must be one of "stable-ram-vme", "scsi1-disk"/);
  assert.throws(() => runPaperC({ intervalsMin: [0, 30], simulate: true }), /intervalMin = 0 min is out of range: must be > 0 min/);
});

test('Fig. 2 sweep: exact schedule and closed form agree once the bus is the bottleneck; single buffer ≈ 30× slower', () => {
  const s = paperCMultiBufferSweep([1, 31, 62], 20_000);
  assert.ok(Math.abs(s[0].exactMs / s[0].closedFormMs - 1) < 1e-3);
  assert.ok(Math.abs(s[2].exactMs / s[2].transferOnlyMs - 1) < 1e-3);
  // (25.6 + 125 + 10000/16) / 25.6 = 30.3 (datasheet arithmetic)
  assert.ok(Math.abs(s[0].exactMs / s[2].exactMs - 30.3) < 0.1);
});

test('saw-tooth: recovery restarts at each checkpoint; 0 with the BMP intact right after one', () => {
  const s = paperCRecoverySawtooth(30, 2, 11);
  assert.equal(s[0].recoveryBmpIntactS, 0);
  assert.ok(s[11].recoveryS < s[10].recoveryS);
  assert.ok(Math.abs(s[10].recoveryS - 9.2) < 0.01);
});

test('other profiles run end to end (modern flash, disk log)', () => {
  const m = runPaperC({ flashProfile: 'modern-tlc-2022', simulate: false, intervalsMin: [30] });
  assert.ok(m.fig3[0].backupS > 0 && Number.isNaN(m.fig3[0].backupSimS));
  const d = runPaperC({ logDevice: 'scsi1-disk', simulate: false, intervalsMin: [30] });
  assert.ok(d.fig4[0].worstLogReadS >= 18 - 1e-9); // 90 MB at 5 MB/s
});
