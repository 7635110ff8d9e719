import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
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
  logDevices: 1,
  recoveryGroups: 1,
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

test('log devices split the read, recovery groups the apply; one shared log device does not scale', () => {
  const two = { ...p, tps: 2000, logDevices: 2, recoveryGroups: 2 };
  assert.ok(Math.abs(worstHotSpotRecoveryS(two, 1800) - worstHotSpotRecoveryS(p, 1800)) < 1e-9);
  const shared = { ...two, logDevices: 1 };
  assert.ok(Math.abs(worstHotSpotRecoveryS(shared, 1800) - (0.01 + 4.5 + 7.2)) < 1e-9);
});

test('metamorphic: doubling tps on the same hardware doubles the log part of the worst case, for any hardware', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 20_000 }), fc.double({ min: 1, max: 7200, noNaN: true }), (L, G, tps, T) => {
      const a = { ...p, tps, logDevices: L, recoveryGroups: G };
      const b = { ...a, tps: 2 * tps };
      const logA = worstHotSpotRecoveryS(a, T) - a.hotReloadS;
      const logB = worstHotSpotRecoveryS(b, T) - b.hotReloadS;
      return Math.abs(logB / logA - 2) < 1e-9;
    }),
  );
});

test('bad input: log devices and recovery groups are positive integers, named as passed', () => {
  assert.throws(() => worstHotSpotRecoveryS({ ...p, logDevices: 0 }, 1800), /logDevices = 0 devices is out of range: must be an integer ≥ 1 devices/);
  assert.throws(() => worstHotSpotRecoveryS({ ...p, recoveryGroups: 1.5 }, 1800), /recoveryGroups = 1.5 groups/);
});

test('fitApplyUsPerTxn inverts the worst case', () => {
  const { applyUsPerTxn: _a, ...rest } = p;
  const c = fitApplyUsPerTxn(rest, 1800, 9.5);
  assert.ok(Math.abs(worstHotSpotRecoveryS({ ...p, applyUsPerTxn: c }, 1800) - 9.5) < 1e-9);
  // reading alone exceeds the target on a slow log device: no fit
  assert.throws(() => fitApplyUsPerTxn({ ...rest, logBandwidthMBps: 5 }, 1800, 9.5), /cannot fit applyUsPerTxn/);
});

test('bad input: non-positive tps, bandwidth or interval', () => {
  assert.throws(() => worstHotSpotRecoveryS({ ...p, tps: 0 }, 1800), /tps = 0 is out of range: must be > 0 tps/);
  assert.throws(() => worstHotSpotRecoveryS({ ...p, logBandwidthMBps: -1 }, 1800), /logBandwidthMBps = -1 MB\/s is out of range: must be > 0 MB\/s/);
  assert.throws(() => worstHotSpotRecoveryS(p, 0), /intervalS = 0 s is out of range: must be > 0 s/);
  assert.throws(() => meanHotSpotRecoveryS(p, -60), /intervalS = -60 s/);
});
