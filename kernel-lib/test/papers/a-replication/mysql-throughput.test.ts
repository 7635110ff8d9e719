import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mvaThroughput } from '../../../src/papers/a-replication/mysql-throughput.js';

test('one thread: X = 1 / (CPU + disk demand) (closed form)', () => {
  const r = mvaThroughput({ threads: 1, cpuMs: 2, diskMs: 8, disks: 8 });
  assert.ok(Math.abs(r.xPerS - 100) < 1e-9);
  assert.ok(Math.abs(r.responseMs - 10) < 1e-9);
});

test('property: X grows with threads and never exceeds the bottleneck bounds 1/Dcpu and disks/Ddisk', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 64 }), (c, d, n) => {
      const a = mvaThroughput({ threads: n, cpuMs: c, diskMs: d, disks: 8 });
      const b = mvaThroughput({ threads: n + 1, cpuMs: c, diskMs: d, disks: 8 });
      assert.ok(b.xPerS >= a.xPerS - 1e-9);
      assert.ok(a.xPerS <= 1000 / c + 1e-6);
      if (d > 0) assert.ok(a.xPerS <= (8 * 1000) / d + 1e-6);
    }),
  );
});

test('other load on the vCPU lowers throughput', () => {
  const a = mvaThroughput({ threads: 4, cpuMs: 5, diskMs: 1, disks: 8 });
  const b = mvaThroughput({ threads: 4, cpuMs: 5, diskMs: 1, disks: 8, cpuOtherQueue: 2 });
  assert.ok(b.xPerS < a.xPerS);
});

test('bad input', () => {
  assert.throws(() => mvaThroughput({ threads: 0, cpuMs: 1, diskMs: 1, disks: 8 }), /threads = 0/);
  assert.throws(() => mvaThroughput({ threads: 1, cpuMs: -1, diskMs: 1, disks: 8 }), /cpuMs = -1 ms/);
});

test('a bulk copy queued ahead of every disk visit (diskOtherQueue): one thread waits exactly that much more per visit; more of it never helps', () => {
  // one thread, no CPU: response = disks × (per-disk demand × (1 + other queue))
  const one = mvaThroughput({ threads: 1, cpuMs: 0.001, diskMs: 8, disks: 8, diskOtherQueue: 0.5 });
  assert.ok(Math.abs(one.responseMs - (0.001 + 8 * 1 * 1.5)) < 1e-9, `${one.responseMs}`);
  assert.equal(mvaThroughput({ threads: 4, cpuMs: 1, diskMs: 8, disks: 8, diskOtherQueue: 0 }).xPerS, mvaThroughput({ threads: 4, cpuMs: 1, diskMs: 8, disks: 8 }).xPerS);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 64 }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (n, q, dq) => {
      const a = mvaThroughput({ threads: n, cpuMs: 1, diskMs: 20, disks: 8, diskOtherQueue: q });
      const b = mvaThroughput({ threads: n, cpuMs: 1, diskMs: 20, disks: 8, diskOtherQueue: q + dq });
      assert.ok(b.xPerS <= a.xPerS + 1e-9);
      assert.ok(a.diskQueue >= 0 && a.diskQueue <= n);
    }),
    { seed: 5 },
  );
  assert.throws(() => mvaThroughput({ threads: 1, cpuMs: 1, diskMs: 1, disks: 8, diskOtherQueue: -1 }), /diskOtherQueue = -1 requests/);
});
