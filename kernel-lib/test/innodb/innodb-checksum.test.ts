// Checksum primitives and FSP_SPACE_FLAGS decoding, with values confirmed elsewhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { crc32c } from '../../src/innodb/crc32c.js';
import { checkPageChecksum, pageCrc32Legacy, pageFullCrc32 } from '../../src/innodb/innodb-checksum.js';
import { decodeSpaceFlags } from '../../src/innodb/innodb-space-flags.js';

test('CRC-32C check values (RFC 3720 §B.4 and the iSCSI test vectors)', () => {
  assert.equal(crc32c(new TextEncoder().encode('123456789')), 0xe3069283);
  assert.equal(crc32c(new Uint8Array(32)), 0x8a9136aa);
  assert.equal(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43);
  assert.equal(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i)), 0x46dd794e);
});

test('crc32c over a range equals crc32c of the slice (slice-by-8 and the byte tail agree)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 100 }), fc.nat(100), fc.nat(100), (b, x, y) => {
      const s = Math.min(x, b.length);
      const e = Math.max(s, Math.min(y, b.length));
      assert.equal(crc32c(b, s, e), crc32c(b.slice(s, e)));
    }),
  );
});

test('FSP_SPACE_FLAGS: full_crc32 and the older layout, page sizes 4..64 KiB', () => {
  // 0x15 is what MariaDB 10.11 wrote for a 16 KiB full_crc32 file here (page 0, FSP header + 16).
  assert.deepEqual(decodeSpaceFlags(0x15), { raw: 0x15, fullCrc32: true, pageBytes: 16384, zipBytes: 0, pageCompressed: false });
  assert.equal(decodeSpaceFlags(0x13)!.pageBytes, 4096);
  assert.equal(decodeSpaceFlags(0x17)!.pageBytes, 65536);
  assert.equal(decodeSpaceFlags(0)!.pageBytes, 16384); // old layout, ssize 0 = 16 KiB
  assert.equal(decodeSpaceFlags(4 << 6)!.pageBytes, 8192);
  assert.equal(decodeSpaceFlags(0x21)!.fullCrc32, false);
  assert.equal(decodeSpaceFlags(0x10 | 9), null);
  assert.equal(decodeSpaceFlags(1 << 6), null);
});

function page(bytes: number, fill: (p: Uint8Array) => void): Uint8Array {
  const p = new Uint8Array(bytes);
  fill(p);
  return p;
}

test('zero pages are not corrupt; a sealed page verifies and any flipped byte fails it', () => {
  assert.equal(checkPageChecksum(new Uint8Array(16384), true), 'zero');
  assert.equal(checkPageChecksum(new Uint8Array(8192), false), 'zero');
  fc.assert(
    fc.property(fc.nat(16383), fc.integer({ min: 1, max: 255 }), (at, x) => {
      const p = page(16384, (q) => {
        for (let i = 0; i < q.length; i++) q[i] = (i * 31) & 0xff;
        const dv = new DataView(q.buffer);
        dv.setUint32(0, 0); // key version 0: unencrypted
        dv.setUint32(q.length - 8, dv.getUint32(20));
        dv.setUint32(q.length - 4, pageFullCrc32(q));
      });
      assert.equal(checkPageChecksum(p, true), 'full_crc32');
      p[at] ^= x;
      assert.equal(checkPageChecksum(p, true), 'bad');
    }),
    { numRuns: 200 },
  );
});

test('the crc32 algorithm: both fields hold CRC-32C(4..26) ^ CRC-32C(38..size-8); none: 0xDEADBEEF', () => {
  const p = page(16384, (q) => {
    for (let i = 0; i < q.length; i++) q[i] = (i * 7 + 3) & 0xff;
    const dv = new DataView(q.buffer);
    dv.setUint32(q.length - 4, dv.getUint32(20)); // LSN low bytes repeated in the trailer
    const c = pageCrc32Legacy(q);
    dv.setUint32(0, c);
    dv.setUint32(q.length - 8, c);
  });
  assert.equal(checkPageChecksum(p, false), 'crc32');
  const none = Uint8Array.from(p);
  new DataView(none.buffer).setUint32(0, 0xdeadbeef);
  new DataView(none.buffer).setUint32(none.length - 8, 0xdeadbeef);
  assert.equal(checkPageChecksum(none, false), 'none');
  p[5000] ^= 1;
  assert.equal(checkPageChecksum(p, false), 'bad');
});
