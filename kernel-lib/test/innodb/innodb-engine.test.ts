// The reader against the engine's own view of the same table (MariaDB 10.11, real files):
// every clustered-index page with its record count equals information_schema.INNODB_BUFFER_PAGE
// for index PRIMARY, and the leaf count equals mysql.innodb_index_stats n_leaf_pages after
// ANALYZE TABLE — at 16 KiB (full_crc32 and crc32 checksums), 8 KiB and 4 KiB pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readClusteredIndex } from '../../src/innodb/innodb-clustered-index.js';
import { readInnodbTablespace } from '../../src/innodb/innodb-tablespace.js';
import { buildFixtures, type FixtureSet } from './innodb-fixtures.js';

const cases = [
  { name: '16 KiB, full_crc32', options: {}, rows: 30_000, checksum: 'full_crc32' },
  { name: '16 KiB, crc32', options: { extraArgs: ['--innodb-checksum-algorithm=crc32'] as string[] }, rows: 20_000, checksum: 'crc32' },
  { name: '8 KiB, full_crc32', options: { pageSizeKiB: 8 }, rows: 15_000, checksum: 'full_crc32' },
  { name: '4 KiB, full_crc32', options: { pageSizeKiB: 4, bufferPoolMiB: 64 }, rows: 8_000, checksum: 'full_crc32' },
] as const;

const sets = new Map<string, FixtureSet>();
before(async () => {
  for (const c of cases) sets.set(c.name, await buildFixtures(c.options, c.rows));
});
after(() => {
  for (const s of sets.values()) s.cleanup();
});

for (const c of cases) {
  test(`${c.name}: the clustered index read from the .ibd equals INNODB_BUFFER_PAGE and innodb_index_stats`, () => {
    const [f] = sets.get(c.name)!.fixtures;
    const ts = readInnodbTablespace(f.path);
    assert.equal(ts.pageBytes, f.pageBytes);
    assert.equal(ts.flags.fullCrc32, c.checksum === 'full_crc32');
    const ix = readClusteredIndex(ts);
    assert.ok(ix.height >= 2, 'a multi-level tree');
    assert.deepEqual(ix.pages, f.bufferPool);
    assert.equal(ix.leaves.length, f.leafPages);
    assert.equal(ix.leaves.reduce((s, p) => s + p.nRecs, 0), f.rows);
    // Every non-zero page verified with the algorithm this file was written with.
    for (const p of ix.pages) assert.equal(ts.page(p.pageNo).checksum, c.checksum);
    // Leaves in key order: first keys (T1's INT id) strictly increase along the chain, from 1.
    assert.equal(ix.leaves[0].firstKeyInt32, 1);
    for (let i = 1; i < ix.leaves.length; i++) assert.ok(ix.leaves[i].firstKeyInt32 > ix.leaves[i - 1].firstKeyInt32, `leaf ${i}`);
    // The chain links both ways.
    for (let i = 1; i < ix.leaves.length; i++) assert.equal(ts.page(ix.leaves[i].pageNo).prev, ix.leaves[i - 1].pageNo);
  });
}
