import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValidationTrace } from '../../src/hardware/disk-trace.js';
import { diskSimDriveTrace } from '../../src/papers/disk/disk-validation.js';

const hpC2247aTrace = () => diskSimDriveTrace('hp_c2247a');

test('parses the validation format (first two lines of hp_c2247a.trace)', () => {
  const t = parseValidationTrace('R Miss  564347     2     14095.370     13876.270\nW Doub 1194877    15     17221.000     21894.380\n');
  assert.equal(t.length, 2);
  assert.deepEqual([...t.isRead], [1, 0]);
  assert.deepEqual([...t.action], [1, 2]); // Miss, Doub
  assert.deepEqual([...t.blockNumber], [564347, 1194877]);
  assert.deepEqual([...t.blockCount], [2, 15]);
  assert.ok(Math.abs(t.measuredServiceMs[0] - 14.09537) < 1e-12);
  assert.ok(Math.abs(t.interarrivalMs[1] - 21.89438) < 1e-12);
});

test('the HP C2247A trace: counts per class as stated in the data README', () => {
  const t = hpC2247aTrace();
  const count = (r: number, a: number) => t.isRead.reduce((n, x, i) => n + (x === r && t.action[i] === a ? 1 : 0), 0);
  assert.deepEqual([count(1, 1), count(1, 0), count(0, 2), count(0, 3)], [3556, 1559, 3224, 1660]);
  let m = 0;
  for (let i = 0; i < t.length; i++) if (t.isRead[i] && t.action[i] === 1) m += t.measuredServiceMs[i];
  assert.ok(Math.abs(m / 3556 - 19.36) < 0.005); // README: R Miss mean 19.36 ms
});

test('malformed lines name the line and the problem', () => {
  assert.throws(() => parseValidationTrace('R Miss 1 2 3\n'), /trace line 1 .*expected 6 fields/);
  assert.throws(() => parseValidationTrace('X Miss 1 2 3 4\n'), /trace line 1 .*R or W/);
  assert.throws(() => parseValidationTrace('R Miss 1 2 3 4\nR Bogus 1 2 3 4'), /trace line 2 .*unknown buffer action Bogus/);
  assert.throws(() => parseValidationTrace('R Miss 1 0 3 4\n'), /block count/);
});
