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
  paperCIntervalsMin,
  paperCLogDeviceComparison,
  paperCInputs,
  simulateTpcDirtyPages,
  accountPagesTouched,
  type PaperCOptions,
  type PaperCRunOptions,
} from '../../../src/papers/c-flash-backup/flash-backup-experiment.js';
import { paperCChecks } from '../../../src/papers/c-flash-backup/checks.js';
import { paperCCalibration } from '../../../src/papers/c-flash-backup/setup.js';
import { PAPER_C } from '../../../src/papers/c-flash-backup/checks.js';

test('stored calibration equals the fit (C2 → backup units, C3 → apply time)', () => {
  const fit = fitPaperCCalibration();
  const stored = paperCCalibration();
  assert.equal(stored.backupUnitsAt1000Tps.value, fit.backupUnitsAt1000Tps);
  assert.equal(stored.backupUnitsAt1000Tps.calibratedTo, 'C2');
  assert.ok(Math.abs(stored.applyUsPerTxn.value / fit.applyUsPerTxn - 1) < 1e-9);
  assert.equal(stored.applyUsPerTxn.calibratedTo, 'C3');
});

const r = runPaperC({ intervalsMin: [1, 5, 10, 30, 60], seed: 3 });

test('paper C checks: C1 under a minute, C2 about a minute, C3 and C4 ± 20 %, C5 within 10 % (paper §1, §4; numbers from checks.ts)', () => {
  const c = r.checks;
  assert.ok(c.c1BackupS < PAPER_C.C1.backupS, `C1 ${c.c1BackupS}`);
  assert.ok(c.c2BackupS >= 45 && c.c2BackupS <= 80, `C2 ${c.c2BackupS}`);
  assert.ok(Math.abs(c.c3WorstS - PAPER_C.C3.worstRecoveryS) <= 0.2 * PAPER_C.C3.worstRecoveryS);
  assert.ok(Math.abs(c.c4MeanS - PAPER_C.C4.meanRecoveryS) <= 0.2 * PAPER_C.C4.meanRecoveryS, `C4 ${c.c4MeanS}`);
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
  assert.throws(() => runPaperC({ intervalsMin: [0, 30], simulate: true }), /intervalsMin\[0\] = 0 min is out of range: must be in \(0, 10080\] min/);
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
  assert.ok(Math.abs(s[10].recoveryS - PAPER_C.C3.worstRecoveryS) < 0.01); // calibrated to C3
});

test('other profiles run end to end (modern flash, disk log)', () => {
  const m = runPaperC({ flashProfile: 'modern-tlc-2022', simulate: false, intervalsMin: [30] });
  assert.ok(m.fig3[0].backupS > 0 && Number.isNaN(m.fig3[0].backupSimS));
  const d = runPaperC({ logDevice: 'scsi1-disk', simulate: false, intervalsMin: [30] });
  assert.ok(d.fig4[0].worstLogReadS >= 18 - 1e-9); // 90 MB at 5 MB/s
});

// ---------------------------------------------------------------------------------------
// Recovery hardware is explicit (issue 10, item 4)

const logPart = (res: ReturnType<typeof runPaperC>) => res.fig4[0].worstS - res.model.hotReloadS;
const at30: PaperCRunOptions = { intervalsMin: [30], simulate: false };

test('metamorphic: doubling tps on the same hardware doubles the log part of the worst recovery (was 1.00 with groups = round(tps/1000))', () => {
  const one = runPaperC({ ...at30, tps: 1000, backupUnits: 13 });
  const two = runPaperC({ ...at30, tps: 2000, backupUnits: 13 });
  assert.equal(two.model.recoveryGroups, 1);
  assert.equal(two.model.logDevices, 1);
  assert.ok(Math.abs(logPart(two) / logPart(one) - 2) < 1e-12, `ratio ${logPart(two) / logPart(one)}`);
  // the same with every part of the hardware given explicitly, on the slow log device too
  for (const logDevice of ['stable-ram-vme', 'scsi1-disk']) {
    const hw = { backupUnits: 7, logDevices: 3, recoveryGroups: 2, logDevice };
    const a = runPaperC({ ...at30, ...hw, tps: 1500 });
    const b = runPaperC({ ...at30, ...hw, tps: 3000 });
    assert.ok(Math.abs(logPart(b) / logPart(a) - 2) < 1e-12, logDevice);
  }
});

test('hardware sized for the load (hardwareTps = tps) keeps the log part; one shared log device does not', () => {
  const one = runPaperC({ ...at30, tps: 1000, hardwareTps: 1000 });
  const two = runPaperC({ ...at30, tps: 2000, hardwareTps: 2000 });
  assert.deepEqual([two.model.backupUnits, two.model.logDevices, two.model.recoveryGroups], [26, 2, 2]);
  assert.ok(Math.abs(logPart(two) / logPart(one) - 1) < 1e-12);
  // log devices held at one: the read part doubles, the apply part does not
  const shared = runPaperC({ ...at30, tps: 2000, hardwareTps: 2000, logDevices: 1 });
  const read1 = one.fig4[0].worstLogReadS;
  assert.ok(Math.abs(shared.fig4[0].worstLogReadS / read1 - 2) < 1e-12);
  assert.ok(Math.abs(logPart(shared) - (logPart(one) + read1)) < 1e-9);
});

test('tps alone moves Figs. 3–4 (the hardware is held fixed by default); hardwareTps = tps keeps them', () => {
  const base = runPaperC({ intervalsMin: [10, 60], simulate: false });
  const more = runPaperC({ intervalsMin: [10, 60], simulate: false, tps: 2000 });
  const scaled = runPaperC({ intervalsMin: [10, 60], simulate: false, tps: 2000, hardwareTps: 2000 });
  for (let i = 0; i < 2; i++) {
    assert.ok(more.fig3[i].backupS > 1.5 * base.fig3[i].backupS);
    assert.ok(more.fig4[i].worstS > 1.5 * base.fig4[i].worstS);
    assert.ok(Math.abs(scaled.fig3[i].backupS / base.fig3[i].backupS - 1) < 0.01);
    assert.ok(Math.abs(scaled.fig4[i].worstS / base.fig4[i].worstS - 1) < 0.01);
  }
});

test('C5 says which hardware scales; its control (unscaled hardware) doubles the log part', () => {
  const c5 = r.checks.c5;
  assert.deepEqual(c5.hardware2000, { ...c5.hardware1000, backupUnits: 2 * c5.hardware1000.backupUnits, logDevices: 2 * c5.hardware1000.logDevices, recoveryGroups: 2 * c5.hardware1000.recoveryGroups });
  assert.ok(Math.abs(c5.logPartRatioFixedHardware - 2) < 1e-9);
  assert.ok(c5.backup2000FixedHardwareS > 1.5 * c5.backup1000S);
  const spec = paperCChecks(r).find((s) => s.id === 'C5')!;
  assert.match(spec.claim, /26 backup units, 2 log devices, 2 recovery groups/);
  assert.match(spec.claim, /13 backup units, 1 log device, 1 recovery group/);
});

test('C1–C4 are the configured hardware at the paper\'s load: more backup units make C1/C2 faster, tps alone does not change them', () => {
  const more = runPaperC({ ...at30, backupUnits: 26 });
  assert.ok(more.checks.c2BackupS < 0.6 * r.checks.c2BackupS);
  const load = runPaperC({ ...at30, tps: 3000 });
  assert.equal(load.checks.c1BackupS, runPaperC(at30).checks.c1BackupS);
});

// ---------------------------------------------------------------------------------------
// Bad input at the public boundary, in the user's terms (issue 10, item 5)

test('runPaperC names the option as passed, with its unit', () => {
  assert.throws(() => runPaperC({ backupUnits: 2.5 }), /^ParameterError: backupUnits = 2.5 units is out of range: must be an integer ≥ 1 units/);
  assert.throws(() => runPaperC({ intervalsMin: [-5] }), /intervalsMin\[0\] = -5 min is out of range: must be in \(0, 10080\] min/);
  assert.throws(() => runPaperC({ intervalsMin: [30, NaN] }), /intervalsMin\[1\] = NaN min/);
  assert.throws(() => runPaperC({ intervalsMin: [] }), /intervalsMin = \[\] min is out of range: must be a non-empty array of numbers in \(0, 10080\] min/);
  assert.throws(() => runPaperC({ intervalsMin: 30 as unknown as number[] }), /intervalsMin = 30 min .*non-empty array/);
  assert.throws(() => runPaperC({ logDevices: 0 }), /logDevices = 0 devices/);
  assert.throws(() => runPaperC({ recoveryGroups: -1 }), /recoveryGroups = -1 groups/);
  assert.throws(() => runPaperC({ chipsPerUnit: 0 }), /chipsPerUnit = 0 chips/);
  assert.throws(() => runPaperC({ hardwareTps: 0.5 }), /hardwareTps = 0.5 tps/);
  assert.throws(() => runPaperC({ tps: 1e7 }), /tps = 10000000 is out of range: must be an integer ≥ 1 tps and ≤ 1000000 tps/);
  assert.throws(() => runPaperC({ applyUsPerTxn: -1 }), /applyUsPerTxn = -1 µs/);
  assert.throws(() => runPaperC({ seed: 1.5 }), /seed = 1.5 is out of range/);
  assert.throws(() => runPaperC({ simulate: 'yes' as unknown as boolean }), /simulate = "yes" is out of range: must be true or false/);
  assert.throws(() => runPaperC({ backupunits: 2 } as unknown as PaperCRunOptions), /backupunits = 2 is out of range: must be an option of runPaperC: one of tps, hardwareTps/);
  assert.throws(() => runPaperC({ sharedLogDevice: true } as unknown as PaperCRunOptions), /sharedLogDevice = true .*unknown option/);
  // an image too large to simulate names tps and says what to do
  assert.throws(() => runPaperC({ tps: 1_000_000, intervalsMin: [1] }), /tps = 1000000 is out of range.*simulate: false/);
});

test('the other public functions of paper C validate their own arguments, named as passed', () => {
  const m = paperCModel();
  assert.throws(() => simulateTpcDirtyPages(m, [], 1), /intervalsMin = \[\] min .*non-empty array/);
  assert.throws(() => simulateTwoPlaneCycle(m, -1, 1), /intervalMin = -1 min/);
  assert.throws(() => simulateTwoPlaneCycle(m, 1, 0.5), /seed = 0.5/);
  assert.throws(() => paperCIntervalsMin(0), /maxIntervalMin = 0 min is out of range: must be an integer ≥ 1 min and ≤ 1440 min/);
  assert.throws(() => paperCIntervalsMin(20.5), /maxIntervalMin = 20.5 min/);
  assert.throws(() => paperCMultiBufferSweep([]), /chips = \[\] is out of range.*non-empty array/);
  assert.throws(() => paperCMultiBufferSweep([0]), /chips\[0\] = 0 chips/);
  assert.throws(() => paperCMultiBufferSweep([4], -1), /flashPages = -1 pages/);
  assert.throws(() => paperCPageSizeSensitivity([]), /pageSizes = \[\] B .*non-empty array/);
  assert.throws(() => paperCPageSizeSensitivity([4096.5]), /pageSizes\[0\] = 4096.5 B/);
  assert.throws(() => paperCPageSizeSensitivity([4096], { seed: 1 } as unknown as PaperCOptions), /seed = 1 .*an option of paperCPageSizeSensitivity/);
  assert.throws(() => paperCRecoverySawtooth(0), /intervalMin = 0 min/);
  assert.throws(() => paperCRecoverySawtooth(30, 2, 1), /pointsPerCycle = 1 points/);
  assert.throws(() => paperCLogDeviceComparison(-30), /intervalMin = -30 min/);
  assert.throws(() => paperCInputs({ backupUnits: 0 }), /backupUnits = 0 units/);
  assert.throws(() => paperCModel({ pageBytes: 50 }), /pageBytes = 50 B .*≥ 100 B/);
  assert.throws(() => accountPagesTouched(m.layout, -1), /txns = -1 transactions/);
});

test('2-plane cycle on little hardware under much load: the backup outlasts the interval, the simulation still has room (was: page out of range)', () => {
  const m = paperCModel({ tps: 4000, hardwareTps: 100 }); // one backup unit
  const tp = simulateTwoPlaneCycle(m, 10, 1);
  assert.equal(tp.backupOverrunsInterval, true);
  assert.ok(tp.txnsDuringBackup > 4000 * 10 * 60);
  assert.ok(Math.abs(tp.resyncPages - tp.resyncPagesExpected) <= 4 * Math.sqrt(tp.resyncPagesExpected) + 1);
  assert.equal(simulateTwoPlaneCycle(paperCModel(), 30, 1).backupOverrunsInterval, false);
});
