import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abs, atLeast, atMost, below, check, checks, describeTolerance, equal, rel, verdictOf, within } from '../../src/notebook/checks.js';

const base = { id: 'X1', claim: 'a claim', paper: 10 };

test('relative tolerance passes inside the band and fails outside', () => {
  assert.equal(check({ ...base, ours: 11.9, tolerance: rel(0.2) }).pass, true);
  assert.equal(check({ ...base, ours: 12.1, tolerance: rel(0.2) }).pass, false);
  assert.equal(check({ ...base, ours: 8, tolerance: rel(0.2) }).pass, true);
});

test('absolute, range, one-sided and equality tolerances', () => {
  assert.equal(check({ ...base, ours: 10.5, tolerance: abs(0.5) }).pass, true);
  assert.equal(check({ ...base, ours: 10.6, tolerance: abs(0.5) }).pass, false);
  assert.equal(check({ ...base, ours: 45, tolerance: within(45, 80) }).pass, true);
  assert.equal(check({ ...base, ours: 81, tolerance: within(45, 80) }).pass, false);
  assert.equal(check({ ...base, ours: 0.8, tolerance: atLeast(0.8) }).pass, true);
  assert.equal(check({ ...base, ours: 0.79, tolerance: atLeast(0.8) }).pass, false);
  assert.equal(check({ ...base, ours: 3.5, tolerance: atMost(3.5) }).pass, true);
  assert.equal(check({ ...base, ours: 60, tolerance: below(60) }).pass, false);
  assert.equal(check({ ...base, paper: 'non-empty', ours: true, tolerance: equal() }).pass, true);
  assert.equal(check({ ...base, paper: 'non-empty', ours: false, tolerance: equal() }).pass, false);
});

test('the result carries kind (default predicted), the tolerance text and the unit', () => {
  const r = check({ ...base, ours: 9, tolerance: rel(0.2), kind: 'calibrated', unit: 's' });
  assert.deepEqual(r, { id: 'X1', claim: 'a claim', paper: 10, ours: 9, tolerance: '±20 %', kind: 'calibrated', pass: true, unit: 's' });
  assert.equal(checks([{ ...base, ours: 10, tolerance: rel(0.1) }])[0].kind, 'predicted');
  assert.equal(describeTolerance(within(45, 80), 's'), '45–80 s');
  assert.equal(describeTolerance(atLeast(0.8)), '≥ 0.8');
});

test('a numeric tolerance on a non-number is an error naming the check', () => {
  assert.throws(() => check({ ...base, ours: 'many', tolerance: rel(0.1) }), /X1\.ours = "many" .* a number/);
  assert.throws(() => check({ ...base, ours: NaN, tolerance: atLeast(1) }), /X1\.ours = NaN/);
});

test('a known deviation is still evaluated honestly and labelled', () => {
  const r = check({ ...base, ours: 40, tolerance: rel(0.3), knownDeviation: 'the hot set is smaller in the model' });
  assert.equal(r.pass, false);
  assert.equal(r.knownDeviation, 'the hot set is smaller in the model');
  assert.equal(verdictOf(r), 'FAIL (known deviation)');
  assert.equal(verdictOf(check({ ...base, ours: 10, tolerance: rel(0.3) })), 'PASS');
  assert.equal(verdictOf(check({ ...base, ours: 40, tolerance: rel(0.3) })), 'FAIL');
  assert.equal('knownDeviation' in check({ ...base, ours: 10, tolerance: rel(0.3) }), false);
});
