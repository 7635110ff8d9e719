import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ParameterError,
  requireFinite,
  requireInRange,
  requireInteger,
  requireNonNegative,
  requireOneOf,
  requirePositive,
  requireRange,
} from '../../src/core/validate.js';

test('errors name the parameter, the value, the unit and the valid range', () => {
  try {
    requirePositive('rpm', -5, 'rpm');
    assert.fail('expected a throw');
  } catch (err) {
    assert.ok(err instanceof ParameterError);
    assert.equal(err.message, 'rpm = -5 is out of range: must be > 0 rpm (finite)');
    assert.equal(err.param, 'rpm');
    assert.equal(err.value, -5);
    assert.equal(err.unit, 'rpm');
  }
});

test('each helper accepts valid values and rejects invalid ones', () => {
  assert.equal(requireFinite('x', 1.5), 1.5);
  assert.throws(() => requireFinite('x', NaN), /x = NaN is out of range: must be a finite number/);
  assert.equal(requirePositive('t', 1e-9, 's'), 1e-9);
  assert.throws(() => requirePositive('t', 0, 's'), /t = 0 s .* > 0 s/);
  assert.throws(() => requirePositive('t', Infinity, 's'), /t = Infinity s/);
  assert.equal(requireNonNegative('n', 0, 'pages'), 0);
  assert.throws(() => requireNonNegative('n', -1, 'pages'), /n = -1 pages .* ≥ 0 pages/);
  assert.equal(requireInteger('k', 3, 'chips', 1, 64), 3);
  assert.throws(() => requireInteger('k', 65, 'chips', 1, 64), /k = 65 chips .* integer ≥ 1 chips and ≤ 64 chips/);
  assert.throws(() => requireInteger('k', 2.5, 'chips', 1), /k = 2.5 chips/);
  assert.equal(requireInRange('x', 1, '', 1, 2, { lowOpen: false }), 1);
  assert.throws(() => requireInRange('X', 1, '×', 1, 100, { lowOpen: true }), /X = 1 × .* in \(1, 100\] ×/);
  assert.equal(requireOneOf('profile', 'a', ['a', 'b'] as const), 'a');
  assert.throws(() => requireOneOf('profile', 'c', ['a', 'b']), /profile = "c" is out of range: must be one of "a", "b"/);
  requireRange('keys', 0, 10, 'keys');
  assert.throws(() => requireRange('keys', 10, 10, 'keys'), /keys = \[10,10\] is out of range: .* low < high/);
});

test('the unit is not repeated after the value when it is the parameter\'s own name (issue 16)', () => {
  assert.throws(() => requirePositive('tps', -5, 'tps'), { message: 'tps = -5 is out of range: must be > 0 tps (finite)' });
  assert.throws(() => requirePositive('load.tps', -5, 'tps'), { message: 'load.tps = -5 is out of range: must be > 0 tps (finite)' });
  assert.throws(() => requirePositive('rateTps', -5, 'tps'), { message: 'rateTps = -5 tps is out of range: must be > 0 tps (finite)' });
});

test('printed with console.error in a tslab kernel, the error is its message alone', async () => {
  const { inspect } = await import('node:util');
  const err = new ParameterError('tps', -5, 'tps', 'in [100, 20000] tps');
  const g = globalThis as { __tslab__?: unknown };
  const plain = inspect(err);
  assert.match(plain, /^ParameterError: tps = -5 is out of range: must be in \[100, 20000\] tps\n\s+at /, 'outside a kernel: message, then the stack');
  assert.doesNotMatch(plain, /param: |unit: '|\{\s*$/m, 'no property dump');
  g.__tslab__ = { exports: {} };
  try {
    assert.equal(inspect(err), 'ParameterError: tps = -5 is out of range: must be in [100, 20000] tps');
  } finally {
    delete g.__tslab__;
  }
  assert.equal(err.param, 'tps');
  assert.equal(err.unit, 'tps');
  assert.ok(err instanceof RangeError);
});
