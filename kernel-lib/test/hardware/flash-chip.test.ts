import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FlashChip,
  flashBlockBytes,
  flashPageProgramUs,
  flashPageReadUs,
  flashTransferUs,
  validateFlashProfile,
  type FlashProfile,
} from '../../src/hardware/flash-chip.js';
import { flashProfile, flashProfileSources, FLASH_PROFILE_NAMES } from '../../src/papers/c-flash-backup/flash-profiles.js';

const era = () => flashProfile('era-nand-1992');

test('era profile lies inside the ranges paper C §2 states', () => {
  const p = era();
  // paper §2: access cycle tens to 100 µs, transfer tens of µs, erase about 10 ms
  assert.ok(p.readUs >= 10 && p.readUs <= 100);
  assert.ok(p.programUs >= 10 && p.programUs <= 100);
  const tx = flashTransferUs(p);
  assert.ok(tx >= 10 && tx < 100, `transfer ${tx} µs`);
  assert.equal(p.eraseMs, 10);
});

test('page program = register load + program + verify; read = tR + unload (datasheet arithmetic)', () => {
  const p = era();
  // 256 B × 100 ns = 25.6 µs; + 100 µs program + 25 µs verify
  assert.equal(flashTransferUs(p), 25.6);
  assert.equal(flashPageProgramUs(p), 25.6 + 100 + 25);
  assert.equal(flashPageReadUs(p), 25 + 25.6);
  assert.equal(flashBlockBytes(p), 4096);
});

test('modern profile: 16 KiB page over a 667 MT/s x8 bus takes about 24.6 µs (datasheet arithmetic)', () => {
  const p = flashProfile('modern-tlc-2022');
  assert.equal(p.pageBytes, 16384);
  assert.ok(Math.abs(flashTransferUs(p) - 24.576) < 1e-9);
});

test('every profile field has a source', () => {
  for (const name of FLASH_PROFILE_NAMES) {
    const src = flashProfileSources(name);
    for (const k of ['pageBytes', 'pagesPerBlock', 'readUs', 'ioCycleNs', 'programUs', 'eraseMs', 'enduranceCycles']) {
      assert.ok(src[k] && src[k].length > 10, `${name}.${k} has no source`);
    }
  }
});

test('FlashChip counts P/E cycles per block and refuses to program a full block', () => {
  const chip = new FlashChip(era());
  for (let i = 0; i < 16; i++) chip.programNextPage(3);
  assert.equal(chip.freePages(3), 0);
  assert.throws(() => chip.programNextPage(3), /block = 3 .*erase it first/);
  assert.equal(chip.eraseBlock(3), 10_000);
  assert.equal(chip.eraseCounts[3], 1);
  assert.equal(chip.freePages(3), 16);
  chip.eraseBlock(3);
  assert.equal(chip.maxEraseCount(), 2);
});

test('bad input: unknown profile, non-positive bus cycle, block out of range', () => {
  assert.throws(() => flashProfile('sony-1991'), /flashProfile = "sony-1991" .*one of "era-nand-1992", "modern-tlc-2022"/);
  const bad: FlashProfile = { ...era(), ioCycleNs: 0 };
  assert.throws(() => validateFlashProfile(bad), /ioCycleNs = 0 ns is out of range: must be > 0 ns/);
  const chip = new FlashChip(era());
  assert.throws(() => chip.eraseBlock(512), /block = 512 .*≤ 511/);
});
