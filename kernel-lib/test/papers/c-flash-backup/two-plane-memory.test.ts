import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TwoPlaneMemory } from '../../../src/papers/c-flash-backup/two-plane-memory.js';

test('checkpoint hands over the dirty pages and resets the 1-bit flags (paper §3.2)', () => {
  const m = new TwoPlaneMemory(10);
  for (const p of [1, 3, 3, 7]) m.write(p);
  assert.equal(m.dirtyCount, 3);
  const image = m.startBackup();
  assert.deepEqual([...image], [1, 3, 7]);
  assert.equal(m.dirtyCount, 0);
  assert.equal(m.state, 'backup');
});

test('writes during the backup go to the MMP, count for the next interval and are re-synchronised', () => {
  const m = new TwoPlaneMemory(10);
  m.write(1);
  m.startBackup();
  m.write(1);
  m.write(2);
  m.write(2);
  assert.equal(m.changedDuringBackup, 2);
  assert.equal(m.dirtyCount, 2);
  assert.equal(m.finishBackup(), 2);
  assert.equal(m.state, 'normal');
  assert.equal(m.changedDuringBackup, 0);
  assert.ok(m.isDirty(1) && m.isDirty(2));
});

test('property: dirty count = number of distinct pages written (recomputed with a Set)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 300 }), (writes) => {
      const m = new TwoPlaneMemory(100);
      for (const w of writes) m.write(w);
      assert.equal(m.dirtyCount, new Set(writes).size);
      assert.equal(m.dirtyInRange(0, 100), new Set(writes).size);
    }),
  );
});

test('bad input: page out of range, double start, finish without start', () => {
  const m = new TwoPlaneMemory(4);
  assert.throws(() => m.write(4), /page = 4 .*\[0, 3\]/);
  assert.throws(() => m.write(1.5), /page = 1.5/);
  assert.throws(() => m.finishBackup(), /state = "normal"/);
  m.startBackup();
  assert.throws(() => m.startBackup(), /state = "backup"/);
  assert.throws(() => new TwoPlaneMemory(0), /pages = 0 is out of range/);
});
