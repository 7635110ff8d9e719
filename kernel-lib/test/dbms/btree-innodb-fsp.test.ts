import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InnodbTablespace, FSP_EXTENT_PAGES } from '../../src/dbms/innodb-fsp.js';

test('first 32 pages are fragment pages from page 3, then whole 64-page extents (fsp0fsp.cc)', () => {
  const s = new InnodbTablespace();
  const got: number[] = [];
  let p = s.allocPage(-1, 'none');
  got.push(p);
  for (let i = 1; i < 40; i++) {
    p = s.allocPage(p + 1, 'up');
    got.push(p);
  }
  assert.deepEqual(got.slice(0, 32), Array.from({ length: 32 }, (_, i) => 3 + i));
  assert.equal(s.stats.fragmentPage, 32);
  // 33rd page: a new extent for the FSP_UP direction, its first page
  assert.equal(got[32] % FSP_EXTENT_PAGES, 0);
  assert.deepEqual(got.slice(32), Array.from({ length: 8 }, (_, i) => got[32] + i));
  assert.equal(s.reservedPages, 32 + 64);
  assert.equal(s.usedPages, 40);
});

test('FSP_DOWN takes the last page of a new extent; a freed hint page is reused', () => {
  const s = new InnodbTablespace();
  let p = s.allocPage(-1);
  for (let i = 1; i < 32; i++) p = s.allocPage(p + 1, 'up');
  const down = s.allocPage(3 - 1, 'down');
  assert.equal(down % FSP_EXTENT_PAGES, FSP_EXTENT_PAGES - 1);
  const up = s.allocPage(down - 1, 'down'); // hint page free in our extent: taken
  assert.equal(up, down - 1);
  s.freePage(up);
  assert.equal(s.isUsed(up), false);
  assert.equal(s.allocPage(up, 'up'), up);
});

test('an extent emptied by frees returns to the space and is reused', () => {
  const s = new InnodbTablespace();
  let p = s.allocPage(-1);
  for (let i = 1; i < 32; i++) p = s.allocPage(p + 1, 'up');
  const ext: number[] = [];
  let q = s.allocPage(p + 1, 'up');
  ext.push(q);
  for (let i = 1; i < 64; i++) ext.push((q = s.allocPage(q + 1, 'up')));
  const size = s.sizePages;
  for (const x of ext) s.freePage(x);
  assert.equal(s.reservedPages, 32);
  // the extent is FREE in the space again: a hint into it takes it back (step 2)
  assert.equal(s.allocPage(ext[5], 'up'), ext[5]);
  assert.equal(s.reservedPages, 32 + 64);
  assert.equal(s.sizePages, size);
});

test('bad input: freeing a free page, unknown direction, negative hint', () => {
  const s = new InnodbTablespace();
  assert.throws(() => s.freePage(10), /page = 10 page number .*in use/);
  assert.throws(() => s.allocPage(-5), /hintPage = -5 page number/);
  assert.throws(() => s.allocPage(3, 'sideways' as never), /direction = "sideways"/);
});
