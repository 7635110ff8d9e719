import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyChunkServiceMs, copyStreamRate } from '../../../src/papers/a-replication/xtrabackup.js';

test('chunk service: a read and a write, each a repositioning plus the striped transfer (closed form)', () => {
  // 8 MB over 8 disks at 100 MB/s: 10 ms of transfer per disk; + 10 ms repositioning; ×2
  assert.ok(Math.abs(copyChunkServiceMs(8e6, 10, 100, 8) - 40) < 1e-9);
});

test('rate on idle disks = chunk / service; random I/O of others slows it by 1/(1 − u); a cap binds', () => {
  const idle = copyStreamRate({ chunkBytes: 8e6, repositionMs: 10, seqMBps: 100, otherUtil: 0, capMBps: Infinity }, 8);
  assert.ok(Math.abs(idle.MBps - 200) < 1e-9); // 8 MB / 40 ms
  assert.ok(Math.abs(idle.diskUtil - 1) < 1e-9);
  const busy = copyStreamRate({ chunkBytes: 8e6, repositionMs: 10, seqMBps: 100, otherUtil: 0.5, capMBps: Infinity }, 8);
  assert.ok(Math.abs(busy.MBps - 100) < 1e-9);
  const capped = copyStreamRate({ chunkBytes: 8e6, repositionMs: 10, seqMBps: 100, otherUtil: 0, capMBps: 20 }, 8);
  assert.equal(capped.MBps, 20);
  assert.ok(Math.abs(capped.diskUtil - 0.1) < 1e-9);
});

test('closed random requests queued at the disks delay each of the chunk\'s two requests by their wait (closed form)', () => {
  // 40 ms of service + 2 × 5 ms of waiting: 8 MB / 50 ms = 160 MB/s
  const r = copyStreamRate({ chunkBytes: 8e6, repositionMs: 10, seqMBps: 100, otherUtil: 0, otherWaitMs: 5, capMBps: Infinity }, 8);
  assert.ok(Math.abs(r.MBps - 160) < 1e-9, `${r.MBps}`);
  // the copy's own utilization is its service share of the time: 40 / 50
  assert.ok(Math.abs(r.diskUtil - 0.8) < 1e-9, `${r.diskUtil}`);
  assert.throws(() => copyStreamRate({ chunkBytes: 8e6, repositionMs: 10, seqMBps: 100, otherUtil: 0, otherWaitMs: -1, capMBps: Infinity }, 8), /otherWaitMs = -1 ms/);
});

test('bad input', () => {
  assert.throws(() => copyChunkServiceMs(-5, 10, 100), /chunkBytes = -5 bytes/);
  assert.throws(() => copyStreamRate({ chunkBytes: 1, repositionMs: 1, seqMBps: 1, otherUtil: 2, capMBps: 1 }, 8), /otherUtil = 2/);
});
