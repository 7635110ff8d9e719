// Hostile input for the InnoDB reader: every failure is an InnodbFormatError naming the file and
// the page, nothing hangs, and the file read is never changed. The victims are copies of a real
// tablespace written by MariaDB; links are rewritten with a valid full_crc32 checksum so that the
// structure checks, not the checksum, must catch them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pageFullCrc32 } from '../../src/innodb/innodb-checksum.js';
import { readClusteredIndex } from '../../src/innodb/innodb-clustered-index.js';
import { InnodbFormatError, type InnodbFormatProblem } from '../../src/innodb/innodb-format-error.js';
import { readInnodbTablespace } from '../../src/innodb/innodb-tablespace.js';
import { buildFixtures, type FixtureSet } from './innodb-fixtures.js';

let set: FixtureSet;
let good: string;
let pageBytes: number;
let leaves: number[];
before(async () => {
  set = await buildFixtures({}, 6_000);
  good = set.fixtures[0].path;
  pageBytes = set.fixtures[0].pageBytes;
  leaves = readClusteredIndex(good).leaves.map((l) => l.pageNo);
});
after(() => set.cleanup());

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

let n = 0;
/** A copy of the good file, changed by `edit` (on the whole buffer). */
function victim(edit: (b: Buffer) => void): string {
  const path = join(set.dir, `victim-${n++}.ibd`);
  const b = readFileSync(good);
  edit(b);
  writeFileSync(path, b);
  return path;
}

/** Rewrites one page's full_crc32 checksum after an edit. */
function reseal(b: Buffer, page: number): void {
  const p = b.subarray(page * pageBytes, (page + 1) * pageBytes);
  p.writeUInt32BE(pageFullCrc32(p), pageBytes - 4);
}

function expectError(path: string, problem: InnodbFormatProblem, page: number | null): void {
  const before = sha(path);
  const mtime = statSync(path).mtimeMs;
  assert.throws(
    () => readClusteredIndex(path),
    (e: unknown) => {
      assert.ok(e instanceof InnodbFormatError, `not an InnodbFormatError: ${e}`);
      assert.equal(e.problem, problem, e.message);
      assert.equal(e.file, path);
      assert.equal(e.page, page, e.message);
      assert.ok(e.message.startsWith(path));
      return true;
    },
  );
  assert.equal(sha(path), before, 'the reader changed the file');
  assert.equal(statSync(path).mtimeMs, mtime);
}

test('the good copy reads, and reading leaves it unchanged', () => {
  const h = sha(good);
  assert.ok(leaves.length > 20);
  readClusteredIndex(good);
  assert.equal(sha(good), h);
});

test('a directory, a FIFO and a missing file fail at once with the path', () => {
  const d = join(set.dir, 'adir.ibd');
  mkdirSync(d);
  assert.throws(() => readInnodbTablespace(d), (e: unknown) => e instanceof InnodbFormatError && e.problem === 'not-a-file' && /directory/.test(e.message));
  const fifo = join(set.dir, 'fifo.ibd');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const t0 = Date.now();
  assert.throws(() => readInnodbTablespace(fifo), (e: unknown) => e instanceof InnodbFormatError && e.problem === 'not-a-file' && /FIFO/.test(e.message));
  assert.ok(Date.now() - t0 < 2_000, 'opening a FIFO must not wait for a writer');
  assert.throws(() => readInnodbTablespace(join(set.dir, 'nope.ibd')), (e: unknown) => e instanceof InnodbFormatError && e.problem === 'io' && e.page === null);
});

test('truncated files name the first missing or cut page', () => {
  const size = statSync(good).size;
  const cut = victim(() => {});
  truncateSync(cut, size - pageBytes / 2);
  expectError(cut, 'truncated', size / pageBytes - 1);
  const short = victim(() => {});
  truncateSync(short, 3 * pageBytes);
  expectError(short, 'truncated', 3);
  const tiny = victim(() => {});
  truncateSync(tiny, 100);
  expectError(tiny, 'truncated', 0);
});

test('a zeroed page 0, a zeroed leaf in the chain', () => {
  expectError(victim((b) => b.fill(0, 0, pageBytes)), 'zeroed', 0);
  const leaf = leaves[5];
  expectError(victim((b) => b.fill(0, leaf * pageBytes, (leaf + 1) * pageBytes)), 'zeroed', leaf);
});

test('a flipped byte is a checksum error on that page', () => {
  const leaf = leaves[7];
  expectError(victim((b) => (b[leaf * pageBytes + 1000] ^= 0x40)), 'checksum', leaf);
  expectError(victim((b) => (b[pageBytes * 2 + 200] ^= 1)), 'checksum', 2);
});

test('a wrong FIL page number, even with a valid checksum', () => {
  const leaf = leaves[3];
  expectError(victim((b) => { b.writeUInt32BE(leaf + 1, leaf * pageBytes + 4); reseal(b, leaf); }), 'page-number', leaf);
});

test('a next link back to an earlier leaf is a cycle, not a hang', () => {
  const at = leaves[10];
  expectError(victim((b) => { b.writeUInt32BE(leaves[4], at * pageBytes + 12); reseal(b, at); }), 'cycle', at);
  // A self-loop.
  expectError(victim((b) => { b.writeUInt32BE(at, at * pageBytes + 12); reseal(b, at); }), 'cycle', at);
});

test('a next link to a page of another type names that page', () => {
  const at = leaves[10];
  expectError(victim((b) => { b.writeUInt32BE(2, at * pageBytes + 12); reseal(b, at); }), 'wrong-type', 2);
});

test('a next link past the end of the file, and a leaf cut out of the chain', () => {
  const at = leaves[10];
  expectError(victim((b) => { b.writeUInt32BE(1_000_000, at * pageBytes + 12); reseal(b, at); }), 'structure', at);
  const last = leaves.length - 1;
  // The second-to-last leaf ends the chain early: the last leaf is left over.
  const cutAt = leaves[last - 1];
  expectError(victim((b) => { b.writeUInt32BE(0xffffffff, cutAt * pageBytes + 12); reseal(b, cutAt); }), 'structure', leaves[0]);
});

test('a record count that disagrees with the record list', () => {
  const leaf = leaves[6];
  expectError(victim((b) => { const o = leaf * pageBytes + 38 + 16; b.writeUInt16BE(b.readUInt16BE(o) + 1, o); reseal(b, leaf); }), 'structure', leaf);
});
