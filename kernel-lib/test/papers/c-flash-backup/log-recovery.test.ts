import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fitApplyUsPerTxn,
  hotSpotRecoveryS,
  logReadS,
  meanHotSpotRecoveryS,
  worstHotSpotRecoveryS,
  type HotSpotRecoveryParams,
} from '../../../src/papers/c-flash-backup/log-recovery.js';

const p: HotSpotRecoveryParams = {
  tps: 1000,
  logBytesPerTxn: 50,
  logBandwidthMBps: 40,
  applyUsPerTxn: 4,
  hotReloadS: 0.01,
  parallelUnits: 1,
};

test('worst case = reload + log read + apply for a whole interval (recomputed by hand)', () => {
  // 1,800,000 txns: read 90 MB at 40 MB/s = 2.25 s; apply 1.8e6 × 4 µs = 7.2 s
  assert.ok(Math.abs(worstHotSpotRecoveryS(p, 1800) - (0.01 + 2.25 + 7.2)) < 1e-9);
  assert.ok(Math.abs(logReadS(p, 1800) - 2.25) < 1e-12);
});

test('mean over a uniform failure time = recovery at T/2; 0 right after a checkpoint with the BMP intact', () => {
  assert.ok(Math.abs(meanHotSpotRecoveryS(p, 1800) - (0.01 + (2.25 + 7.2) / 2)) < 1e-9);
  assert.equal(hotSpotRecoveryS(p, 0, true), 0);
  assert.equal(hotSpotRecoveryS(p, 0, false), 0.01);
});

test('parallel units split the log; a shared log device does not scale', () => {
  const two = { ...p, tps: 2000, parallelUnits: 2 };
  assert.ok(Math.abs(worstHotSpotRecoveryS(two, 1800) - worstHotSpotRecoveryS(p, 1800)) < 1e-9);
  const shared = { ...two, sharedLogDevice: true };
  assert.ok(Math.abs(worstHotSpotRecoveryS(shared, 1800) - (0.01 + 4.5 + 7.2)) < 1e-9);
});

test('fitApplyUsPerTxn inverts the worst case', () => {
  const { applyUsPerTxn: _a, ...rest } = p;
  const c = fitApplyUsPerTxn(rest, 1800, 9.2);
  assert.ok(Math.abs(worstHotSpotRecoveryS({ ...p, applyUsPerTxn: c }, 1800) - 9.2) < 1e-9);
  // reading alone exceeds the target on a slow log device: no fit
  assert.throws(() => fitApplyUsPerTxn({ ...rest, logBandwidthMBps: 5 }, 1800, 9.2), /cannot fit applyUsPerTxn/);
});

test('bad input: non-positive tps, bandwidth or interval', () => {
  assert.throws(() => worstHotSpotRecoveryS({ ...p, tps: 0 }, 1800), /tps = 0 is out of range: must be > 0 tps/);
  assert.throws(() => worstHotSpotRecoveryS({ ...p, logBandwidthMBps: -1 }, 1800), /logBandwidthMBps = -1 MB\/s is out of range: must be > 0 MB\/s/);
  assert.throws(() => worstHotSpotRecoveryS(p, 0), /intervalS = 0 s is out of range: must be > 0 s/);
  assert.throws(() => meanHotSpotRecoveryS(p, -60), /intervalS = -60 s/);
});
