import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readVarint, type VarintOut } from '../../src/sqlite/sqlite-varint.js';

/** Encoder written from fileformat2 §1.6 (reference for the round trip). */
function encode(v: bigint): Uint8Array {
  if (v > 0x00ffffffffffffffn) {
    const out = new Uint8Array(9);
    out[8] = Number(v & 0xffn);
    let x = v >> 8n;
    for (let i = 7; i >= 0; i--) {
      out[i] = Number(x & 0x7fn) | 0x80;
      x >>= 7n;
    }
    return out;
  }
  const bytes: number[] = [];
  let x = v;
  do {
    bytes.unshift(Number(x & 0x7fn));
    x >>= 7n;
  } while (x > 0n);
  for (let i = 0; i < bytes.length - 1; i++) bytes[i] |= 0x80;
  return Uint8Array.from(bytes);
}

test('varint examples (fileformat2 §1.6)', () => {
  const out: VarintOut = { value: 0, bytes: 0 };
  assert.ok(readVarint(Uint8Array.of(0x7f), 0, 1, out));
  assert.deepEqual(out, { value: 127, bytes: 1 });
  assert.ok(readVarint(Uint8Array.of(0x81, 0x00), 0, 2, out));
  assert.deepEqual(out, { value: 128, bytes: 2 });
  // 9-byte form: the last byte contributes 8 bits.
  assert.ok(readVarint(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0xff), 0, 9, out));
  assert.deepEqual(out, { value: 255, bytes: 9 });
});

test('a varint running past the limit is reported, not read', () => {
  const out: VarintOut = { value: 0, bytes: 0 };
  assert.equal(readVarint(Uint8Array.of(0x81, 0x81), 0, 2, out), false);
  assert.equal(readVarint(Uint8Array.of(0x81, 0x01), 0, 1, out), false);
});

test('round trip for values up to 2^53 (property)', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n }), (v) => {
      const b = encode(v);
      const out: VarintOut = { value: 0, bytes: 0 };
      assert.ok(readVarint(b, 0, b.length, out));
      assert.equal(out.value, Number(v));
      assert.equal(out.bytes, b.length);
    }),
  );
});
