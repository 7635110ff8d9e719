import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localPayloadBytes } from '../../src/sqlite/sqlite-btree-page.js';

// Expected values worked by hand from fileformat2 §1.6 for U = 4096:
// table leaf X = 4061; index X = floor(4084·64/255) − 23 = 1002; M = floor(4084·32/255) − 23 = 489.
test('payloads that fit are stored whole on the page', () => {
  assert.equal(localPayloadBytes(4061, 4096, true), 4061);
  assert.equal(localPayloadBytes(1002, 4096, false), 1002);
});

test('spilled payloads keep K = M + (P − M) mod (U − 4) when K ≤ X, else M', () => {
  // table leaf, P = 5000: K = 489 + (4511 mod 4092) = 489 + 419 = 908 ≤ 4061 → 908
  assert.equal(localPayloadBytes(5000, 4096, true), 908);
  // index, P = 1003: K = 489 + 514 = 1003 > 1002 → M = 489
  assert.equal(localPayloadBytes(1003, 4096, false), 489);
  // index, P = 5000: K = 908 ≤ 1002 → 908
  assert.equal(localPayloadBytes(5000, 4096, false), 908);
  // table leaf, P = 4062: K = 489 + 3573 = 4062 > 4061 → M = 489
  assert.equal(localPayloadBytes(4062, 4096, true), 489);
});
