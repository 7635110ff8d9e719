import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hddProfile, hddRandomReadMs } from '../../../src/hardware/hdd.js';
import { seekTimeMs, weightedMeanSeekMs } from '../../../src/hardware/seek-curve.js';
import { meanSeekOverSpanMs, occupiedCylinders, spanRandomReadMs } from '../../../src/papers/a-replication/occupied-span-read.js';

const disk = hddProfile('hdd-2015');

test('the whole stroke gives back the datasheet average seek (8.5 ms, the fitted curve\'s own mean)', () => {
  const all = meanSeekOverSpanMs(disk, disk.seek.maxDistanceCyl + 1);
  assert.ok(Math.abs(all - weightedMeanSeekMs(disk.seek)) < 0.01, `${all}`);
  assert.ok(Math.abs(all - 8.5) < 0.02);
  // full span + rotation + transfer = the datasheet random read
  assert.ok(Math.abs(spanRandomReadMs(disk, disk.capacityBytes, 16384) - hddRandomReadMs(disk, 16384)) < 0.02);
});

test('closed form on a short span of the √d part: E[a + b√|X−Y|] recomputed by brute force over all position pairs', () => {
  const S = 300; // cylinders 0..299
  let sum = 0;
  for (let x = 0; x < S; x++) for (let y = 0; y < S; y++) sum += seekTimeMs(disk.seek, Math.abs(x - y));
  assert.ok(Math.abs(meanSeekOverSpanMs(disk, S) - sum / (S * S)) < 1e-9);
  assert.equal(meanSeekOverSpanMs(disk, 1), 0);
});

test('paper A: nine 17-GiB images striped over 8 drives occupy ~2 % of each 1 TB drive; seeks there are ~1.8 ms, not 8.5', () => {
  const bytes = (9 * 17 * 1024 ** 3) / 8;
  assert.ok(bytes / disk.capacityBytes > 0.019 && bytes / disk.capacityBytes < 0.022);
  const seek = meanSeekOverSpanMs(disk, occupiedCylinders(disk, bytes));
  assert.ok(seek > 1.5 && seek < 2.2, `${seek}`);
  // more data, longer seeks (monotone)
  assert.ok(meanSeekOverSpanMs(disk, occupiedCylinders(disk, bytes / 9)) < seek);
  assert.throws(() => spanRandomReadMs(disk, -1, 16384), /bytes = -1 is out of range/);
});
