import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresLeafFragmentationPct, sqlServerFragmentation } from '../../../src/papers/b-reorg/fragmentation.js';

test('contiguous leaves: no fragmentation, one fragment (definition)', () => {
  assert.equal(postgresLeafFragmentationPct([5, 6, 7, 8]), 0);
  assert.deepEqual(sqlServerFragmentation([5, 6, 7, 8]), { avgFragmentationPct: 0, fragmentCount: 1 });
});

test('pgstatindex counts only next links to a lower block; SQL Server every break (hand-counted)', () => {
  // 1→2 ok, 2→10 forward jump, 10→3 backwards, 3→4 ok
  const pages = [1, 2, 10, 3, 4];
  assert.equal(postgresLeafFragmentationPct(pages), 20); // 1 of 5
  assert.deepEqual(sqlServerFragmentation(pages), { avgFragmentationPct: 40, fragmentCount: 3 });
});

test('empty input and bad page numbers', () => {
  assert.equal(postgresLeafFragmentationPct([]), 0);
  assert.deepEqual(sqlServerFragmentation([]), { avgFragmentationPct: 0, fragmentCount: 0 });
  assert.throws(() => postgresLeafFragmentationPct([1, -2]), /physicalPages\[1\] = -2 page number/);
  assert.throws(() => sqlServerFragmentation([1.5]), /page number/);
});
