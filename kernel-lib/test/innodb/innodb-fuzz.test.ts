// Fuzzing the reader with fast-check on a real MariaDB tablespace: random byte changes (some
// resealed with a valid full_crc32 checksum, so that they reach the structure checks) must end
// in a result or an InnodbFormatError naming the file — never another exception, never a hang —
// and a result must still be a consistent tree.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { pageFullCrc32 } from '../../src/innodb/innodb-checksum.js';
import { readClusteredIndex } from '../../src/innodb/innodb-clustered-index.js';
import { InnodbFormatError } from '../../src/innodb/innodb-format-error.js';
import { buildFixtures, type FixtureSet } from './innodb-fixtures.js';

let set: FixtureSet;
let original: Buffer;
let pageBytes: number;
let pages: number;
before(async () => {
  set = await buildFixtures({}, 4_000);
  original = readFileSync(set.fixtures[0].path);
  pageBytes = set.fixtures[0].pageBytes;
  pages = original.length / pageBytes;
});
after(() => set.cleanup());

const mutation = () =>
  fc.record({
    page: fc.integer({ min: 0, max: 40 }),
    // Header fields (links, type, page header) are the interesting part; anywhere else too.
    offset: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 16383 })),
    value: fc.integer({ min: 0, max: 255 }),
    reseal: fc.boolean(),
  });

test('mutated tablespaces give a consistent result or an InnodbFormatError, quickly', () => {
  const path = join(set.dir, 'fuzz.ibd');
  fc.assert(
    fc.property(fc.array(mutation(), { minLength: 1, maxLength: 6 }), (muts) => {
      const b = Buffer.from(original);
      for (const m of muts) {
        const page = Math.min(m.page, pages - 1);
        b[page * pageBytes + Math.min(m.offset, pageBytes - 1)] = m.value;
        if (m.reseal) {
          const p = b.subarray(page * pageBytes, (page + 1) * pageBytes);
          p.writeUInt32BE(pageFullCrc32(p), pageBytes - 4);
        }
      }
      writeFileSync(path, b);
      const t0 = Date.now();
      try {
        const ix = readClusteredIndex(path);
        assert.equal(ix.levels[ix.height - 1].length, 1);
        assert.equal(ix.levels[ix.height - 1][0].pageNo, ix.rootPage);
        assert.equal(new Set(ix.pages.map((p) => p.pageNo)).size, ix.pages.length);
        assert.equal(ix.pages.length, ix.levels.reduce((s, l) => s + l.length, 0));
      } catch (e) {
        if (!(e instanceof InnodbFormatError)) throw e;
        assert.equal(e.file, path);
        assert.ok(e.page === null || (Number.isInteger(e.page) && e.page >= 0), `page ${e.page}`);
      }
      assert.ok(Date.now() - t0 < 2_000, 'a read took over 2 s');
    }),
    { numRuns: 150, seed: 20261201 },
  );
});
