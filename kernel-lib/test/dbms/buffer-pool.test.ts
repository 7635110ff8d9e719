import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LruBufferPool, NO_EVICTION } from '../../src/dbms/buffer-pool.js';

test('LRU evicts the least recently used page', () => {
  const pool = new LruBufferPool({ capacityPages: 2 });
  assert.equal(pool.access(1), false);
  assert.equal(pool.access(2), false);
  assert.equal(pool.access(1), true); // 2 is now LRU
  assert.equal(pool.access(3), false); // evicts 2
  assert.equal(pool.lastEvictedPage, 2);
  assert.equal(pool.contains(2), false);
  pool.access(1);
  assert.equal(pool.lastEvictedPage, NO_EVICTION);
  assert.equal(pool.contains(1), true);
  assert.deepEqual(pool.stats, { hits: 2, misses: 3, evictions: 1, dirtyEvictions: 0 });
});

test('dirty evictions are counted', () => {
  const pool = new LruBufferPool({ capacityPages: 1 });
  pool.access(1, true);
  pool.access(2);
  pool.access(3);
  assert.equal(pool.stats.dirtyEvictions, 1);
  assert.equal(pool.stats.evictions, 2);
});

test('matches a reference LRU (array model) on random access sequences', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 600 }), (cap, seq) => {
      const pool = new LruBufferPool({ capacityPages: cap });
      const ref: number[] = []; // most recent first
      for (const p of seq) {
        const i = ref.indexOf(p);
        const expectHit = i >= 0;
        if (expectHit) ref.splice(i, 1);
        ref.unshift(p);
        const evicted = ref.length > cap ? ref.pop()! : NO_EVICTION;
        assert.equal(pool.access(p), expectHit);
        assert.equal(pool.lastEvictedPage, evicted);
      }
      assert.equal(pool.sizePages, ref.length);
      for (const p of ref) assert.ok(pool.contains(p));
    }),
    { numRuns: 200 },
  );
});

test('rejects a non-positive or fractional capacity, naming parameter and unit', () => {
  assert.throws(() => new LruBufferPool({ capacityPages: 0 }), /capacityPages = 0 pages .*integer ≥ 1 pages/);
  assert.throws(() => new LruBufferPool({ capacityPages: 1.5 }), /capacityPages = 1.5 pages/);
  assert.throws(() => new LruBufferPool({ capacityPages: 2 ** 29 }), /capacityPages = 536870912 pages .* ≤ 268435456 pages/);
});
