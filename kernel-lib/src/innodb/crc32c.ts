/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum InnoDB computes with
 * ut_crc32 / my_crc32c (MariaDB 10.11 mysys/crc32/crc32c.cc; RFC 3720 §B.4). Slice-by-8 tables.
 * Check value: crc32c("123456789") = 0xE3069283 (RFC 3720, iSCSI).
 */
const TABLES: Uint32Array[] = (() => {
  const t: Uint32Array[] = [];
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t0[n] = c >>> 0;
  }
  t.push(t0);
  for (let s = 1; s < 8; s++) {
    const ts = new Uint32Array(256);
    for (let n = 0; n < 256; n++) ts[n] = (t[s - 1][n] >>> 8) ^ t0[t[s - 1][n] & 0xff];
    t.push(ts);
  }
  return t;
})();

/** CRC-32C of bytes [start, end) of `buf`. */
export function crc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let crc = 0xffffffff;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const a = crc ^ (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24));
    crc =
      t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^
      t3[buf[i + 4]] ^ t2[buf[i + 5]] ^ t1[buf[i + 6]] ^ t0[buf[i + 7]];
  }
  for (; i < end; i++) crc = (crc >>> 8) ^ t0[(crc ^ buf[i]) & 0xff];
  return (crc ^ 0xffffffff) >>> 0;
}
