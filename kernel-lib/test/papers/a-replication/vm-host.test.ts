import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReplicationSetup, validateVmSetup } from '../../../src/papers/a-replication/vm-host.js';

test('the paper setup (9 VMs) is valid with and without sharing', () => {
  const s = loadReplicationSetup();
  assert.equal(s.host.memoryGiB, 256); // paper A §5.1
  validateVmSetup(s, 9, false);
  validateVmSetup(s, 9, true);
});

test('buffer pool larger than the VM memory is rejected with parameter, value, unit and range', () => {
  const s = loadReplicationSetup();
  s.mysql.bufferPoolGiB = 20;
  assert.throws(() => validateVmSetup(s, 1, false), /mysql\.bufferPoolGiB = 20 GiB is out of range: must be ≤ 15\.4 GiB/);
});

test('more VMs than host memory allows without sharing: rejected; with sharing: allowed', () => {
  const s = loadReplicationSetup();
  assert.throws(() => validateVmSetup(s, 17, false), /vmCount = 17 VMs is out of range: must be ≤ 16 VMs without cache sharing/);
  validateVmSetup(s, 17, true);
});

test('negative sizes are rejected', () => {
  const s = loadReplicationSetup();
  s.mysql.dataGiB = -1;
  assert.throws(() => validateVmSetup(s, 1, false), /mysql\.dataGiB = -1 GiB/);
});

test('negative measured times are rejected', () => {
  const s = loadReplicationSetup();
  s.measuredTimes['lazy'].bootS = -54;
  assert.throws(() => validateVmSetup(s, 2, false), /measuredTimes\["lazy"\]\.bootS = -54 s/);
});
