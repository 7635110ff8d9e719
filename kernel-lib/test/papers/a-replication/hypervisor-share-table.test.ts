import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HypervisorShareTable } from '../../../src/papers/a-replication/hypervisor-share-table.js';

test('read registers, another VM shares without I/O, a write un-shares and drops the entry (paper §4.2.2)', () => {
  const t = new HypervisorShareTable(10, 3);
  assert.equal(t.isRegistered(4), false);
  assert.equal(t.share(1, 4), false); // nothing to share yet
  t.registerRead(0, 4);
  assert.equal(t.isRegistered(4), true);
  assert.equal(t.share(1, 4), true);
  assert.equal(t.share(2, 4), true);
  assert.equal(t.savedPages, 2);
  assert.ok(t.isSharedFrame(1, 4));
  // the owner's frame is rewritten: entry dropped, VMs 1 and 2 still share the old machine page
  assert.equal(t.release(0, 4), true);
  assert.equal(t.isRegistered(4), false);
  assert.equal(t.savedPages, 1);
  t.release(1, 4);
  assert.equal(t.savedPages, 0);
  t.release(2, 4);
  assert.equal(t.savedPages, 0);
});

test('property: saved pages never negative and zero once every frame is released', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 })), { maxLength: 150 }), (ops) => {
      const t = new HypervisorShareTable(6, 4);
      const holds = new Set<string>();
      for (const [op, vm, page] of ops) {
        const key = `${vm}:${page}`;
        if (op === 0 && !holds.has(key)) {
          if (!t.share(vm, page)) t.registerRead(vm, page);
          holds.add(key);
        } else if (op === 1 && holds.has(key)) {
          t.release(vm, page);
          holds.delete(key);
        }
        assert.ok(t.savedPages >= 0);
        assert.ok(t.savedPages <= holds.size);
      }
      for (const key of holds) {
        const [vm, page] = key.split(':').map(Number);
        t.release(vm, page);
      }
      assert.equal(t.savedPages, 0);
    }),
  );
});

test('bad VM or page index names the parameter', () => {
  const t = new HypervisorShareTable(10, 2);
  assert.throws(() => t.registerRead(5, 1), /vm = 5/);
  assert.throws(() => t.share(0, 10), /page = 10 pages/);
});
