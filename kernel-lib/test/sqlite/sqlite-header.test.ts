import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSqliteHeader, SQLITE_MAGIC } from '../../src/sqlite/sqlite-header.js';
import { SqliteFormatError } from '../../src/sqlite/sqlite-format-error.js';

/** A header as SQLite writes it for a new database (fileformat2 §1.3 field offsets). */
function header(pageField: number, reserved = 0): Uint8Array {
  const b = new Uint8Array(100);
  for (let i = 0; i < 16; i++) b[i] = SQLITE_MAGIC.charCodeAt(i);
  const v = new DataView(b.buffer);
  v.setUint16(16, pageField);
  b[18] = 1;
  b[19] = 1;
  b[20] = reserved;
  b[21] = 64;
  b[22] = 32;
  b[23] = 32;
  v.setUint32(24, 7); // change counter
  v.setUint32(28, 42); // in-header size
  v.setUint32(92, 7); // version-valid-for = change counter: size is valid
  v.setUint32(44, 4);
  v.setUint32(56, 1);
  return b;
}

test('page size field 1 means 65536 (fileformat2 §1.3.2)', () => {
  const h = parseSqliteHeader('x.db', header(1));
  assert.equal(h.pageBytes, 65536);
  assert.equal(h.usableBytes, 65536);
  assert.equal(h.headerPageCount, 42);
  assert.equal(h.headerPageCountValid, true);
});

test('reserved bytes reduce the usable size', () => {
  const h = parseSqliteHeader('x.db', header(4096, 32));
  assert.equal(h.usableBytes, 4064);
});

test('the in-header size is invalid when the change counter differs from version-valid-for (§1.3.7)', () => {
  const b = header(1024);
  new DataView(b.buffer).setUint32(92, 6);
  assert.equal(parseSqliteHeader('x.db', b).headerPageCountValid, false);
});

test('bad headers throw SqliteFormatError naming the file, page 1 and the field', () => {
  const cases: Array<[Uint8Array, RegExp]> = [
    [header(4096).subarray(0, 50), /x\.db: page 1: file is 50 bytes, shorter than the 100-byte SQLite header/],
    [Uint8Array.from({ length: 100 }, () => 65), /not an SQLite database/],
    [header(1000), /page size field \(offset 16\) = 1000/],
    [header(256), /page size field \(offset 16\) = 256/],
    [header(512, 40), /usable page size 472 bytes/],
  ];
  for (const [bytes, msg] of cases) {
    assert.throws(() => parseSqliteHeader('x.db', bytes), (e: unknown) => e instanceof SqliteFormatError && e.page === 1 && e.file === 'x.db' && msg.test(e.message));
  }
  const fractions = header(4096);
  fractions[21] = 60;
  assert.throws(() => parseSqliteHeader('x.db', fractions), /payload fractions \(offsets 21–23\) = 60, 32, 32/);
});
