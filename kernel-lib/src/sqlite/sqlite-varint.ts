/**
 * SQLite's variable-length integer (fileformat2 §1.6 "varint"): 1–9 bytes, big-endian, the high
 * bit of each of the first 8 bytes says "more follows", the 9th byte contributes all 8 bits.
 *
 * Simpler than SQLite: values are returned as JavaScript numbers, so integers above 2^53 lose
 * precision (they only occur as huge rowids; page numbers and payload sizes stay far below).
 */

/** Result slot reused by `readVarint` to avoid an allocation per call. */
export interface VarintOut {
  value: number;
  /** Number of bytes the varint occupied (1–9). */
  bytes: number;
}

/**
 * Decodes the varint at `buf[offset]`, stopping at `limit` (exclusive). Returns false (and
 * leaves `out` unspecified) when the varint would run past `limit`.
 */
export function readVarint(buf: Uint8Array, offset: number, limit: number, out: VarintOut): boolean {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const at = offset + i;
    if (at >= limit) return false;
    const b = buf[at];
    if (i === 8) {
      value = value * 256 + b;
      out.value = value;
      out.bytes = 9;
      return true;
    }
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      out.value = value;
      out.bytes = i + 1;
      return true;
    }
  }
  /* c8 ignore next */
  return false;
}
