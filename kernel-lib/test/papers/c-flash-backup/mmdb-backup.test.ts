import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backupTimeS, flashPagesPerUnit, reloadTimeS, validateMmdbBackup } from '../../../src/papers/c-flash-backup/mmdb-backup.js';
import { flashProfile } from '../../../src/papers/c-flash-backup/flash-profiles.js';

const era = flashProfile('era-nand-1992');
const cfg = { pageBytes: 4096, profile: era, units: 4, chipsPerUnit: 31 };

test('flash pages per unit: 4 KiB DB page = 16 flash pages of 256 B, split over the units', () => {
  assert.equal(flashPagesPerUnit(cfg, 100), 400); // 100·16/4
  assert.equal(flashPagesPerUnit(cfg, 1), 4); // ⌈16/4⌉
  // modern 16 KiB flash pages pack four 4 KiB DB pages
  assert.equal(flashPagesPerUnit({ ...cfg, profile: flashProfile('modern-tlc-2022'), units: 1 }, 8), 2);
});

test('backup time is bus-bound with the derived depth: ≈ pages · t_x (closed form)', () => {
  const n = 100_000;
  const t = backupTimeS(cfg, n);
  const transfer = (n * 16 / 4) * 25.6e-6;
  assert.ok(t >= transfer && t < transfer * 1.01, `${t} vs ${transfer}`);
  assert.ok(backupTimeS({ ...cfg, units: 8 }, n) < t);
  assert.ok(reloadTimeS(cfg, n) >= transfer);
});

test('bad input: a DB page larger than a flash block, zero units', () => {
  assert.throws(() => validateMmdbBackup({ ...cfg, pageBytes: 8192 }), /pageBytes = 8192 B is out of range: must be ≤ 4096 B/);
  assert.throws(() => backupTimeS({ ...cfg, units: 0 }, 10), /units = 0 is out of range: must be an integer ≥ 1 units/);
});
