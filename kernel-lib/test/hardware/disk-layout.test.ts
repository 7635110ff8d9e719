import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiskLayout, type DiskZone } from '../../src/hardware/disk-layout.js';
import { diskSimDriveSpec } from '../../src/papers/disk/disk-validation.js';

const hpC2247aSpec = () => diskSimDriveSpec('hp_c2247a');

const zone = (o: Partial<DiskZone>): DiskZone => ({
  firstCyl: 0,
  lastCyl: 9,
  sectorsPerTrack: 10,
  firstBlockOffset: 0,
  deadSpaceBlocks: 0,
  trackSkew: 0,
  cylSkew: 0,
  spares: 0,
  slips: [],
  ...o,
});
const ps = () => ({ cyl: 0, head: 0, angle: 0, sectorsPerTrack: 1 });

test('HP C2247A zones hold exactly the block count the .model file declares (2,054,864)', () => {
  const spec = hpC2247aSpec();
  const layout = new DiskLayout(spec.surfaces, spec.zones, spec.layout);
  assert.equal(layout.totalBlocks, 2054864); // hp_c2247a_validate.model "Block count"
  assert.equal(layout.cylinders, 2051);
});

test('dead space at the zone front: lbn 0 of the HP drive is on track 17 (1632 / 96), i.e. cylinder 1, head 4', () => {
  const spec = hpC2247aSpec();
  const p = new DiskLayout(spec.surfaces, spec.zones, spec.layout).locate(0, ps());
  assert.equal(p.cyl, 1);
  assert.equal(p.head, 4);
});

test('slipped tracks are skipped (track sparing)', () => {
  const l = new DiskLayout(2, [zone({ slips: [1], spares: 1 })]);
  assert.equal(l.totalBlocks, 10 * 10 * 2 - 10);
  assert.deepEqual([l.locate(9, ps()).head, l.locate(10, ps()).cyl, l.locate(10, ps()).head], [0, 1, 0]); // track 1 slipped → lbn 10 on track 2
});

test('skews: sector angle = (offset + switches·trackSkew + cylinders·cylSkew + sector) / spt (closed form)', () => {
  const l = new DiskLayout(2, [zone({ firstBlockOffset: 1, trackSkew: 3, cylSkew: 2 })]);
  assert.equal(l.locate(0, ps()).angle, 0.1); // offset 1
  assert.equal(l.locate(10, ps()).angle, 0.4); // head 1: 1 + 3
  const p = l.locate(20, ps()); // cyl 1, head 0: 1 + (2−1)·1·3 + 1·2 = 6
  assert.deepEqual([p.cyl, p.head, p.angle], [1, 0, 0.6]);
});

test('bad input: lbn outside the disk, empty zone', () => {
  const l = new DiskLayout(1, [zone({})]);
  assert.throws(() => l.locate(100, ps()), /lbn = 100 blocks .*\[0, 99\]/);
  assert.throws(() => l.locate(-1, ps()), /lbn = -1 blocks/);
  assert.throws(() => new DiskLayout(1, []), /zones = 0/);
  assert.throws(() => new DiskLayout(1, [zone({ sectorsPerTrack: 0 })]), /sectorsPerTrack = 0 sectors/);
});
