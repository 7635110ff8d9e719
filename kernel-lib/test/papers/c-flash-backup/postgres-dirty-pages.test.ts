// The PostgreSQL-layout dirty-page model: closed-form relations, not engine measurements.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { pgDirtyPages, pgWalBytes, type PgbenchLayout } from '../../../src/papers/c-flash-backup/postgres-dirty-pages.js';
import { expectedDistinctPages } from '../../../src/workloads/tpc-ab.js';

const layout = (fillfactor: number): PgbenchLayout => ({
  pageBytes: 8192,
  fillfactor,
  accounts: { rows: 400000, pages: 6558 },
  tellers: { rows: 40, pages: 1 },
  branches: { rows: 4, pages: 1 },
  historyRowsPerPage: 154,
  accountsPkeyLeafPages: 1093,
});

test('in place, accounts follow the occupancy formula and nothing touches the index', () => {
  const d = pgDirtyPages(layout(100), 2000, 'in-place');
  assert.equal(d.accounts, expectedDistinctPages(400000, 61, 2000));
  assert.equal(d.accountsPkey, 0);
  assert.equal(d.history, Math.ceil(2000 / 154));
});

test('new version at fillfactor 100: first updates are non-HOT, add versions at the end and index entries', () => {
  const inPlace = pgDirtyPages(layout(100), 2000, 'in-place');
  const nv = pgDirtyPages(layout(100), 2000, 'new-version');
  assert.equal(nv.accountsNonHot, inPlace.accounts);
  assert.equal(nv.accounts, inPlace.accounts + Math.ceil(nv.accountsNonHot / 61));
  assert.ok(nv.accountsPkey > 0 && nv.accountsPkey <= 1093);
});

test('new version with room reserved (fillfactor 80): updates are HOT, no index page is dirtied', () => {
  const nv = pgDirtyPages(layout(80), 2000, 'new-version');
  assert.equal(nv.accountsNonHot, 0);
  assert.equal(nv.accountsPkey, 0);
});

test('dirty pages never decrease with more transactions and never exceed the pages there are', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 200000 }), fc.integer({ min: 1, max: 5000 }), (n, k) => {
      const a = pgDirtyPages(layout(100), n, 'new-version');
      const b = pgDirtyPages(layout(100), n + k, 'new-version');
      return b.total >= a.total - 1e-9 && a.accountsPkey <= 1093 + 1e-9 && a.accountsNonHot <= 6558 + 1e-9;
    }),
  );
});

test('WAL: full-page images add one page per dirty page; bad input names the parameter', () => {
  assert.equal(pgWalBytes(100, 1000, 500, 8192, true) - pgWalBytes(100, 1000, 500, 8192, false), 100 * 8192);
  assert.throws(() => pgWalBytes(1, 1, -5, 8192, true), /recordBytesPerTxn = -5 B/);
  assert.throws(() => pgDirtyPages(layout(100), -1, 'in-place'), /txns = -1 transactions/);
  assert.throws(() => pgDirtyPages(layout(100), 1, 'sideways' as never), /updateLayout/);
});
