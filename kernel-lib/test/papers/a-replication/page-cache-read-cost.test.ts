import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageCacheReadCost } from '../../../src/papers/a-replication/page-cache-read-cost.js';

test('parts add up: 16 KiB at 5 GB/s = 3.28 µs copy; 2 cycles/B at 3 GHz = 10.9 µs checksum (closed form)', () => {
  const c = pageCacheReadCost({ pageBytes: 16384, syscallUs: 2, copyGBps: 5, checksumCyclesPerByte: 2, cpuGHz: 3, completionUs: 2 });
  assert.ok(Math.abs(c.parts.copyUs - 16384 / 5000) < 1e-12);
  assert.ok(Math.abs(c.parts.checksumUs - (16384 * 2) / 3000) < 1e-12);
  assert.ok(Math.abs(c.pageCacheHitUs - (2 + 3.2768 + 10.9227 + 2)) < 1e-3);
  assert.ok(Math.abs(c.innodbPageReadCpuUs - (c.parts.checksumUs + 2)) < 1e-12);
});

test('bad input names parameter and unit', () => {
  assert.throws(() => pageCacheReadCost({ pageBytes: 16384, syscallUs: 2, copyGBps: 0, checksumCyclesPerByte: 2, cpuGHz: 3, completionUs: 2 }), /copyGBps.*GB\/s/);
  assert.throws(() => pageCacheReadCost({ pageBytes: 16384, syscallUs: -1, copyGBps: 5, checksumCyclesPerByte: 2, cpuGHz: 3, completionUs: 2 }), /syscallUs.*µs/);
});
