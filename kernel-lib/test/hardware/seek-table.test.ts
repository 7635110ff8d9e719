import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSeekTable, seekTableMs } from '../../src/hardware/seek-table.js';

const FILE = 'Seek distances measured: 4\n1,\t1.0\n2,\t1.5\n10,\t3.5\n12,\t3.1\n';

test('a measured distance takes its measured time; between two, linear interpolation; beyond the last, extrapolation (DiskSim dm_mech_g1_seek_extracted)', () => {
  const t = parseSeekTable(FILE, 'x.seek');
  assert.equal(seekTableMs(t, 0), 0);
  assert.equal(seekTableMs(t, 2), 1.5);
  assert.equal(seekTableMs(t, -2), 1.5); // direction does not matter
  assert.ok(Math.abs(seekTableMs(t, 6) - 2.5) < 1e-12); // 1.5 + 4·(3.5 − 1.5)/8
  assert.ok(Math.abs(seekTableMs(t, 11) - 3.3) < 1e-12); // a falling segment, as in the Atlas 10K's table
  assert.ok(Math.abs(seekTableMs(t, 14) - 2.7) < 1e-12); // 3.1 + 2·(3.1 − 3.5)/2
});

test('malformed seek files fail with the file and line', () => {
  assert.throws(() => parseSeekTable('Seek distances: 2\n1, 1\n', 'a.seek'), /a\.seek:1/);
  assert.throws(() => parseSeekTable('Seek distances measured: 2\n1, 1\n1, 2\n', 'b.seek'), /b\.seek:3.*ascending/);
  assert.throws(() => parseSeekTable('Seek distances measured: 2\n1, 1\nx\n', 'c.seek'), /c\.seek:3/);
  assert.throws(() => parseSeekTable('Seek distances measured: 3\n1, 1\n2, 2\n', 'd.seek'), /d\.seek.*3 \(as the first line says\)/);
});
