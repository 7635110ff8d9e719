import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TypedList } from '../../src/core/typed-list.js';

test('keeps every pushed value in order across growth', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 500 }), (xs) => {
      const l = new TypedList(Uint32Array, 1);
      for (const x of xs) l.push(x);
      assert.equal(l.length, xs.length);
      assert.deepEqual(Array.from(l.toArray()), xs);
    }),
  );
  const f = new TypedList(Float64Array);
  f.push(0.5);
  assert.ok(f.toArray() instanceof Float64Array);
});
