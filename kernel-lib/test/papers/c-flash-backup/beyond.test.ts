import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperCCheckpointOptimum, paperCModernScenario, paperCWear } from '../../../src/papers/c-flash-backup/beyond.js';
import { youngIntervalS } from '../../../src/papers/c-flash-backup/checkpoint-interval.js';

test('checkpoint optimum: Young/Daly from δ(T*) and the numeric optimum; longer MTBF, longer interval', () => {
  const r = paperCCheckpointOptimum([24, 720], { intervalsMin: [1, 10, 100] });
  assert.equal(r.rows.length, 2);
  for (const row of r.rows) {
    assert.ok(Math.abs(row.youngMin * 60 - youngIntervalS(row.deltaS, row.mtbfH * 3600)) < 1e-6);
    assert.ok(row.dalyMin < row.youngMin + 1e-9 || row.deltaS / (row.mtbfH * 3600) > 0.1);
    // the numeric optimum is no worse than Young's interval under the same loss
    assert.ok(row.lostAtOptimumS > 0);
  }
  assert.ok(r.rows[1].optimumMin > r.rows[0].optimumMin);
  assert.equal(r.curves[0].lostS.length, 3);
});

test('wear: the 1-bit dirty map never writes more than a full backup; lifetime = endurance / cycles per day / 365', () => {
  const rows = paperCWear([5, 60]);
  for (const w of rows) {
    assert.ok(w.dirtyGBPerDay <= w.fullGBPerDay);
    assert.ok(w.lifetimeYearsDirty >= w.lifetimeYearsFull);
    const endurance = w.flashProfile === 'era-nand-1992' ? 100_000 : 3000; // flash-profiles.json
    assert.ok(Math.abs(w.lifetimeYearsDirty - endurance / w.cyclesPerDayDirty / 365) < 1e-9);
  }
  assert.throws(() => paperCWear([0]), /intervalsMin\[0\] = 0 min is out of range/);
});

test('modern scenario: dirty fraction is scale-free; 8 dies per channel is program-bound', () => {
  const r = paperCModernScenario({ intervalsMin: [30, 60] });
  // occupancy depends on λT / (records) only through updates per page: same at 1000 and 100,000 tps
  assert.ok(Math.abs(r.dirtyFraction30Era - r.dirtyFraction30Modern) < 1e-6);
  assert.equal(r.diesNeededForBusBound, 79);
  for (const row of r.rows) assert.ok(row.backupS > 5 * row.busBoundBackupS);
  assert.ok(r.ssdsFor60sAt60Min > 1);
  assert.throws(() => paperCModernScenario({ ssds: 0 }), /ssds = 0 is out of range/);
});
