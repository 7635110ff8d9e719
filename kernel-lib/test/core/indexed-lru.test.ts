import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IndexedLru } from '../../src/core/indexed-lru.js';

test('LRU order: touch moves to MRU, popLru returns the oldest', () => {
  const l = new IndexedLru(10);
  for (const i of [1, 2, 3]) l.touch(i);
  l.touch(1);
  assert.deepEqual(l.toArray(), [1, 3, 2]);
  assert.equal(l.popLru(), 2);
  assert.equal(l.remove(3), true);
  assert.equal(l.remove(3), false);
  assert.deepEqual(l.toArray(), [1]);
  assert.equal(l.size, 1);
});

test('property: behaves like a reference array model', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 15 })), { maxLength: 200 }), (ops) => {
      const l = new IndexedLru(16);
      let ref: number[] = []; // MRU first
      for (const [op, id] of ops) {
        if (op === 0) {
          l.touch(id);
          ref = [id, ...ref.filter((x) => x !== id)];
        } else if (op === 1) {
          assert.equal(l.remove(id), ref.includes(id));
          ref = ref.filter((x) => x !== id);
        } else {
          const got = l.popLru();
          assert.equal(got, ref.length ? ref[ref.length - 1] : -1);
          ref = ref.slice(0, -1);
        }
      }
      assert.deepEqual(l.toArray(), ref);
    }),
  );
});

test('bad universe', () => {
  assert.throws(() => new IndexedLru(0), /universe = 0 ids/);
});
