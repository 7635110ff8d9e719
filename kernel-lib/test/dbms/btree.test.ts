import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusteredBtree } from '../../src/dbms/btree.js';
import { leafPageLayout, T1_COLUMNS, compactClusteredRecordBytes } from '../../src/dbms/innodb-row-format.js';
import { RecordingSniffer } from '../../src/dbms/update-sniffer.js';
import { Rng } from '../../src/core/rng.js';

const t1 = leafPageLayout(16384, compactClusteredRecordBytes(T1_COLUMNS));

test('ascending load: 53 rows per leaf, root on page 3, leaves on pages 4..35 (fragments) then whole extents (btr0cur.cc, btr0btr.cc, fsp0fsp.cc)', () => {
  const tree = new ClusteredBtree({ layout: t1, rootPage: true });
  assert.equal(tree.rootPage, 3);
  const rows = 53 * 100;
  for (let k = 0; k < rows; k++) assert.ok(tree.insert(k));
  tree.checkInvariants();
  // The root raise splits the first leaf in the middle (26 records in the leftmost leaf, as
  // MariaDB 10.11 wrote T1 here: kernel-lib/test/innodb/ and notebooks/reorg-on-innodb.ipynb);
  // after it, sequential inserts fill leaves to 15/16 (53 records).
  assert.equal(tree.leafCount, 101);
  const pages = tree.leafPagesInKeyOrder();
  assert.deepEqual([...pages.slice(0, 32)], Array.from({ length: 32 }, (_, i) => 4 + i));
  assert.deepEqual([...pages.slice(32)], Array.from({ length: 69 }, (_, i) => 64 + i));
  const recs = [...pages].map((p) => tree.leafRecordCount(p));
  assert.equal(recs[0], 26);
  assert.ok(recs.slice(1, -1).every((n) => n === 53));
  assert.equal(tree.stats.splitsMiddle, 1);
  assert.equal(tree.stats.splitsUp, 99);
  assert.equal(tree.insert(10), false, 'duplicate key');
  // without the root page (the default): leaves from page 3, no raise
  const flat = new ClusteredBtree({ layout: t1 });
  for (let k = 0; k < rows; k++) flat.insert(k);
  assert.equal(flat.leafCount, 100);
  assert.equal(flat.leafPagesInKeyOrder()[0], 3);
});

test('descending inserts split to the left (FSP_DOWN): new pages enter before the old one', () => {
  const sniffer = new RecordingSniffer();
  const tree = new ClusteredBtree({ layout: t1, sniffer });
  for (let k = 5000; k > 0; k--) tree.insert(k);
  tree.checkInvariants();
  assert.ok(tree.stats.splitsDown > 50);
  assert.ok(sniffer.events.some((e) => e.kind === 'insert' && e.nextNewLowKey === e.nextNewLowKey));
});

test('random inserts split in the middle; deletes merge under-filled pages and free them', () => {
  const sniffer = new RecordingSniffer();
  const tree = new ClusteredBtree({ layout: t1, sniffer });
  const rng = new Rng(5);
  const keys = rng.shuffle(Array.from({ length: 20_000 }, (_, i) => i));
  for (const k of keys) tree.insert(k);
  tree.checkInvariants();
  assert.ok(tree.stats.splitsMiddle > 100);
  // after random inserts pages hold between ~half and 57 rows
  const fill = tree.rowCount / tree.leafCount;
  assert.ok(fill > 28 && fill < 57, `mean fill ${fill}`);
  for (const k of keys.slice(0, 15_000)) assert.ok(tree.delete(k));
  tree.checkInvariants();
  assert.ok(tree.stats.merges + tree.stats.discards > 100);
  assert.equal(tree.delete(keys[0]), false);
  // every structure change was reported: leaves = inserts − removes
  const ins = sniffer.events.filter((e) => e.kind === 'insert').length;
  const rem = sniffer.events.length - ins;
  assert.equal(ins - rem, tree.leafCount);
  // freed pages are reused: the file did not grow while deleting
  assert.ok(tree.fsp.usedPages === tree.leafCount);
});

test('the tree runs without a sniffer and builds the same pages', () => {
  const a = new ClusteredBtree({ layout: t1 });
  const b = new ClusteredBtree({ layout: t1, sniffer: new RecordingSniffer() });
  const rng = new Rng(9);
  for (let i = 0; i < 30_000; i++) {
    const k = rng.int(0, 10_000);
    const ins = rng.float() < 0.6;
    assert.equal(ins ? a.insert(k) : a.delete(k), ins ? b.insert(k) : b.delete(k));
  }
  assert.deepEqual(a.leafPagesInKeyOrder(), b.leafPagesInKeyOrder());
});

test('bad input: non-integer keys, a layout too small for two rows', () => {
  const tree = new ClusteredBtree({ layout: t1 });
  assert.throws(() => tree.insert(1.5), /key = 1.5 is out of range/);
  assert.throws(() => tree.insert(2 ** 31), /key = 2147483648/);
  assert.throws(() => new ClusteredBtree({ layout: { ...t1, maxRecords: 1 } }), /layout.maxRecords = 1 records/);
});

test('reorganizeRange moves the range to contiguous pages and reports each move; the event log replays exactly', async () => {
  const { SnifferEventLog } = await import('../../src/dbms/update-sniffer.js');
  const log = new SnifferEventLog();
  const rec = new RecordingSniffer();
  const tree = new ClusteredBtree({ layout: t1, sniffer: log });
  const rng = new Rng(4);
  for (const k of rng.shuffle(Array.from({ length: 10_000 }, (_, i) => i))) tree.insert(k);
  const moved = tree.reorganizeRange(2_000, 6_000);
  tree.checkInvariants();
  const pages = tree.leafPagesInKeyOrder();
  const lows = tree.leafLowKeysInKeyOrder();
  const inRange: number[] = [];
  for (let i = 0; i < pages.length; i++) {
    const hi = i + 1 < lows.length ? lows[i + 1] : Infinity;
    if (hi > 2_000 && lows[i] < 6_000) inRange.push(pages[i]);
  }
  assert.equal(inRange.length, moved);
  for (let i = 1; i < inRange.length; i++) assert.equal(inRange[i], inRange[i - 1] + 1);
  log.replay(rec);
  assert.equal(rec.events.length, log.length);
  assert.equal(rec.events.filter((e) => e.kind === 'remove').length >= moved, true);
  assert.throws(() => tree.reorganizeRange(5, 5), /key range/);
});

test('delete-marking: a re-inserted key reuses its delete-marked record (no split); purge at commit merges', () => {
  const tree = new ClusteredBtree({ layout: t1, deleteMarking: true });
  for (let k = 0; k < 5_000; k++) tree.insert(k);
  const leaves = tree.leafCount;
  const pages = Array.from(tree.leafPagesInKeyOrder());
  // one bulk update: delete 300 consecutive rows, insert the same keys in random order
  const keys = Array.from({ length: 300 }, (_, i) => 2_000 + i);
  for (const k of keys) assert.ok(tree.delete(k));
  assert.equal(tree.has(2_100), false);
  assert.equal(tree.rowCount, 4_700);
  for (const k of new Rng(3).shuffle(keys.slice())) assert.ok(tree.insert(k));
  tree.commit();
  tree.checkInvariants();
  assert.equal(tree.rowCount, 5_000);
  assert.equal(tree.leafCount, leaves);
  assert.deepEqual(Array.from(tree.leafPagesInKeyOrder()), pages);
  assert.equal(tree.stats.splitsMiddle + tree.stats.splitsUp + tree.stats.splitsDown, leaves - 1);
  // the same update without marking: merges, then splits elsewhere
  const eager = new ClusteredBtree({ layout: t1, deleteMarking: false });
  for (let k = 0; k < 5_000; k++) eager.insert(k);
  for (const k of keys) eager.delete(k);
  for (const k of new Rng(3).shuffle(keys.slice())) eager.insert(k);
  eager.checkInvariants();
  assert.ok(eager.stats.merges + eager.stats.discards > 0);
  assert.notDeepEqual(Array.from(eager.leafPagesInKeyOrder()), pages);
  // a delete after inserts commits the previous update: its marks are purged first
  for (const k of keys) tree.delete(k);
  tree.insert(2_000);
  tree.delete(4_000);
  assert.equal(tree.delMarkedRecords, 1);
  tree.checkInvariants();
  // delete-marked records keep their space: pages do not merge before purge
  const marking = new ClusteredBtree({ layout: t1, deleteMarking: true });
  for (let k = 0; k < 5_000; k++) marking.insert(k);
  for (let k = 1_000; k < 3_000; k++) marking.delete(k);
  assert.equal(marking.stats.merges + marking.stats.discards, 0);
  assert.equal(marking.delMarkedRecords, 2_000);
  marking.commit();
  assert.ok(marking.stats.merges + marking.stats.discards > 10);
  marking.checkInvariants();
});

test('btr_insert_into_right_sibling: an insert after the last record of a full leaf goes to the right sibling when it fits', () => {
  const make = (rightSibling: boolean) => {
    const t = new ClusteredBtree({ layout: t1, insertIntoRightSibling: rightSibling });
    // full leaves of even keys, then free room in the second leaf by deleting some of its rows
    for (let k = 0; k < 4_000; k += 2) t.insert(k);
    const [first, second] = Array.from(t.leafPagesInKeyOrder());
    const lowSecond = t.leafLowKey(second);
    // fill the first leaf to capacity with odd keys from its start (no sequential pattern)
    for (let k = 1; t.leafRecordCount(first) < t1.maxRecords; k += 2) t.insert(k);
    assert.equal(t.leafPagesInKeyOrder()[1], second);
    for (let i = 0; i < 3; i++) t.delete(lowSecond + 2 * (i + 1));
    // an odd key just below the second leaf's first key: after the first leaf's last record
    return { t, second, key: lowSecond - 1 };
  };
  const a = make(true);
  const leaves = a.t.leafCount;
  a.t.insert(a.key);
  assert.equal(a.t.stats.rightSiblingInserts, 1);
  assert.equal(a.t.leafCount, leaves);
  assert.equal(a.t.leafOf(a.key), a.second);
  assert.equal(a.t.leafLowKey(a.second), a.key);
  a.t.checkInvariants();
  const b = make(false);
  b.t.insert(b.key);
  assert.equal(b.t.stats.rightSiblingInserts, 0);
  assert.equal(b.t.leafCount, leaves + 1);
  b.t.checkInvariants();
});
