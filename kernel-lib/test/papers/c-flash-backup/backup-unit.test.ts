import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { multiBufferChips, multiBufferReadUs, multiBufferWriteUs, simulateMultiBufferWrite } from '../../../src/papers/c-flash-backup/backup-unit.js';
import { flashProfile } from '../../../src/papers/c-flash-backup/flash-profiles.js';
import { flashPageProgramUs, flashTransferUs } from '../../../src/hardware/flash-chip.js';

const era = flashProfile('era-nand-1992');
const modern = flashProfile('modern-tlc-2022');

test('multi-buffer depth: ⌈(P(t_x+t_b)+t_e)/(P t_x)⌉ (closed form from the datasheet times)', () => {
  // era: (16·(25.6+125) + 10000) / (16·25.6) = 30.3 → 31
  assert.equal(multiBufferChips(era), 31);
  // modern: (2304·(24.576+1900) + 15000) / (2304·24.576) = 78.6 → 79
  assert.equal(multiBufferChips(modern), 79);
});

test('with the derived depth the backup time approaches the sum of transfer times (paper §3.2 claim)', () => {
  const n = 200_000;
  const s = simulateMultiBufferWrite(era, multiBufferChips(era), n);
  assert.ok(s.busUtilisation > 0.98, `bus utilisation ${s.busUtilisation}`);
  assert.ok(s.totalUs >= s.transferUs);
});

test('single buffer: every page costs transfer + program + verify + erase/P (recomputed by hand)', () => {
  const n = 1600; // 100 blocks
  const s = simulateMultiBufferWrite(era, 1, n);
  const expected = n * flashPageProgramUs(era) + 100 * era.eraseMs * 1000;
  assert.ok(Math.abs(s.totalUs - expected) < 1e-6 * expected, `${s.totalUs} vs ${expected}`);
  assert.equal(s.erases, 100);
});

test('closed form agrees with the exact schedule for long writes (within 2 %)', () => {
  for (const p of [era, modern]) {
    for (const chips of [1, 3, 8, multiBufferChips(p), 2 * multiBufferChips(p)]) {
      const n = 200_000;
      const exact = simulateMultiBufferWrite(p, chips, n).totalUs;
      const cf = multiBufferWriteUs(p, chips, n);
      assert.ok(Math.abs(cf / exact - 1) < 0.02, `${p.name} chips=${chips} n=${n}: ${cf} vs ${exact}`);
    }
  }
});

test('property: exact schedule ≥ transfer lower bound and ≥ one page program; more chips never slower', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3000 }), (chips, n) => {
      const a = simulateMultiBufferWrite(era, chips, n);
      assert.ok(a.totalUs + 1e-9 >= n * flashTransferUs(era));
      assert.ok(a.totalUs + 1e-9 >= flashPageProgramUs(era));
      const cfA = multiBufferWriteUs(era, chips, n);
      const cfB = multiBufferWriteUs(era, chips + 1, n);
      assert.ok(cfB <= cfA + 1e-9);
    }),
    { numRuns: 60 },
  );
});

test('read closed form: bus-bound with enough chips', () => {
  const n = 10_000;
  assert.ok(Math.abs(multiBufferReadUs(era, 31, n) - (n * 25.6 + 25)) < 1e-6);
  assert.ok(Math.abs(multiBufferReadUs(era, 1, n) - (n * 50.6 + 25)) < 1e-6);
});

test('bad input: zero chips, negative pages', () => {
  assert.throws(() => simulateMultiBufferWrite(era, 0, 10), /chips = 0 is out of range: must be an integer ≥ 1 chips/);
  assert.throws(() => multiBufferWriteUs(era, 4, -1), /flashPages = -1 pages is out of range/);
});
