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
