import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactClusteredRecordBytes, leafPageLayout, T1_COLUMNS, pageUsableBytes } from '../../src/dbms/innodb-row-format.js';

test('T1 record in COMPACT: 5 header + 1 null bitmap + 4 id + 6 trx + 7 roll + 4 id2 + 255 str = 282 bytes (closed form)', () => {
  assert.equal(compactClusteredRecordBytes(T1_COLUMNS), 282);
});

test('16 KiB page: 16,256 usable bytes; 57 rows max, 53 on an ascending load (1/16 kept free), merge below 30 (closed form)', () => {
  assert.equal(pageUsableBytes(16384), 16384 - 38 - 36 - 20 - 26 - 8);
  const l = leafPageLayout(16384, 282);
  // 57·282 + ⌈2·58/4⌉ = 16,103 ≤ 16,256 < 58·282
  assert.equal(l.maxRecords, 57);
  // the 54th insert would leave 16,256 − 53·282 − ⌈2·54/4⌉ = 1,283 < 1,024 + 282 bytes
  assert.equal(l.sequentialFillRecords, 53);
  // 29·282 = 8,178 < 8,192 ≤ 30·282
  assert.equal(l.compressBelowRecords, 30);
  // 6,000,000 rows at 53 per page ≈ 1.85 GB, "about 2 GB" (paper B §4)
  assert.ok(Math.abs((Math.ceil(6e6 / 53) * 16384) / 1e9 - 1.85) < 0.01);
});

test('bad input: a page too small for two rows, unknown page sizes, negative sizes', () => {
  assert.throws(() => leafPageLayout(4096, 3000), /recordBytes = 3000 bytes is out of range: must be ≤ \d+ bytes so that a 4096-byte page holds at least 2 records/);
  assert.throws(() => leafPageLayout(10000, 282), /pageBytes = 10000 bytes .*innodb_page_size/);
  assert.throws(() => leafPageLayout(16384, -5), /recordBytes = -5 bytes/);
  assert.throws(() => leafPageLayout(-16384, 282), /pageBytes = -16384 bytes/);
  assert.throws(() => compactClusteredRecordBytes([{ name: 'x', bytes: -1, nullable: false }]), /columns.x.bytes = -1 is out of range/);
});
