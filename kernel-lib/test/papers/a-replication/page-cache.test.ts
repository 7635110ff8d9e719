import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GuestPageCache } from '../../../src/papers/a-replication/page-cache.js';

test('the page cache shrinks LRU-first when the buffer pool takes its memory', () => {
  const pc = new GuestPageCache(100, 5);
  for (let p = 0; p < 5; p++) pc.touch(p);
  pc.touch(0); // 0 becomes the most recent
  const evicted: number[] = [];
  pc.setCapacity(2, (p) => evicted.push(p));
  assert.deepEqual(evicted, [1, 2, 3]);
  assert.equal(pc.sizePages, 2);
  assert.ok(pc.has(0) && pc.has(4));
});

test('capacity 0 caches nothing; negative capacity is rejected', () => {
  const pc = new GuestPageCache(10, 0);
  pc.touch(3);
  assert.equal(pc.sizePages, 0);
  assert.throws(() => pc.setCapacity(-1), /capacityPages = -1 pages/);
});
