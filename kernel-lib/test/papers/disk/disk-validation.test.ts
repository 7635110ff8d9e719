import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDiskValidation } from '../../../src/papers/disk/disk-validation.js';

// Targets from issue 3 item 4; DiskSim's own model scores about 0.09 ms on this drive (data README).
test('simulated vs measured HP C2247A: read misses within the targets, all requests reported', () => {
  const r = runDiskValidation();
  assert.equal(r.readMiss.count, 3556);
  assert.ok(Math.abs(r.readMiss.meanErrorFrac) <= 0.1, `read-miss mean error ${r.readMiss.meanErrorFrac}`);
  assert.ok(r.readMiss.demeritMs <= 1.5, `read-miss demerit ${r.readMiss.demeritMs} ms`);
  // all requests: no stated target; bound it by the same 1.5 ms
  assert.ok(r.all.demeritMs <= 1.5, `all-request demerit ${r.all.demeritMs} ms`);
  assert.equal(r.all.count, 9999);
});

test('ablation: the full variant reproduces the validation; removing overheads or skew makes read misses worse', async () => {
  const { runDiskValidationAblation } = await import('../../../src/papers/disk/disk-validation-ablation.js');
  const rows = runDiskValidationAblation();
  const full = rows.find((r) => r.variant === 'full')!;
  const v = runDiskValidation();
  assert.equal(full.readMissDemeritMs, v.readMiss.demeritMs);
  assert.equal(full.allDemeritMs, v.all.demeritMs);
  for (const name of ['no overheads', 'no skew', 'mean rotation']) {
    assert.ok(rows.find((r) => r.variant === name)!.readMissDemeritMs > full.readMissDemeritMs, name);
  }
});
