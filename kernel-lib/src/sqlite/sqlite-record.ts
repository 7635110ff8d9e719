/**
 * The record format (fileformat2 §2.1): a varint header size, one serial-type varint per
 * column, then the column values. Serial types: 0 NULL; 1–6 big-endian signed integers of
 * 1, 2, 3, 4, 6, 8 bytes; 7 IEEE-754 double; 8 and 9 the constants 0 and 1; 10, 11 reserved;
 * even N ≥ 12 a BLOB of (N−12)/2 bytes; odd N ≥ 13 a string of (N−13)/2 bytes.
 *
 * Simpler than SQLite: 8-byte integers become JavaScript numbers (exact up to 2^53).
 */
import { SqliteFormatError } from './sqlite-format-error.js';
import type { SqliteFile } from './sqlite-file.js';
import type { SqliteTextEncoding } from './sqlite-header.js';
import { readVarint, type VarintOut } from './sqlite-varint.js';

export type SqliteValue = null | number | string | Uint8Array;

/** Bytes a value of serial type `t` occupies, or −1 for the reserved types 10 and 11. */
export function serialTypeBytes(t: number): number {
  if (t <= 4) return t;
  if (t === 5) return 6;
  if (t === 6 || t === 7) return 8;
  if (t === 8 || t === 9) return 0;
  if (t === 10 || t === 11) return -1;
  return Math.floor((t - 12) / 2);
}

/** Big-endian two's-complement integer of `n` bytes (1–8) at `off`. */
function readInt(bytes: Uint8Array, off: number, n: number): number {
  let u = 0;
  for (let i = 0; i < n; i++) u = u * 256 + bytes[off + i];
  return bytes[off] & 0x80 ? u - 2 ** (8 * n) : u;
}

const decoders: Record<SqliteTextEncoding, TextDecoder> = {
  utf8: new TextDecoder('utf-8'),
  utf16le: new TextDecoder('utf-16le'),
  utf16be: new TextDecoder('utf-16be'),
};

/**
 * Decodes the first `maxColumns` columns of a record held in `bytes` (a payload prefix long
 * enough for them). Columns past the end of the record are returned as null, as SQLite does.
 * @throws SqliteFormatError naming `page` when the record is malformed.
 */
export function decodeRecord(file: SqliteFile, page: number, bytes: Uint8Array, maxColumns: number, encoding: SqliteTextEncoding): SqliteValue[] {
  const v: VarintOut = { value: 0, bytes: 0 };
  const bad = (what: string): never => {
    throw new SqliteFormatError(file.path, page, `malformed record: ${what}`);
  };
  if (!readVarint(bytes, 0, bytes.length, v)) bad('header size varint runs past the payload');
  const headerBytes = v.value;
  if (headerBytes > bytes.length || headerBytes < v.bytes) bad(`header size ${headerBytes} does not fit the ${bytes.length}-byte payload`);
  let hp = v.bytes;
  let dp = headerBytes;
  const out: SqliteValue[] = [];
  while (hp < headerBytes && out.length < maxColumns) {
    if (!readVarint(bytes, hp, headerBytes, v)) bad('serial type varint runs past the record header');
    hp += v.bytes;
    const t = v.value;
    const n = serialTypeBytes(t);
    if (n < 0) bad(`reserved serial type ${t}`);
    if (dp + n > bytes.length) bad(`column ${out.length} (serial type ${t}, ${n} bytes) runs past the payload`);
    if (t === 0) out.push(null);
    else if (t <= 6) out.push(readInt(bytes, dp, n));
    else if (t === 7) out.push(new DataView(bytes.buffer, bytes.byteOffset + dp, 8).getFloat64(0));
    else if (t === 8) out.push(0);
    else if (t === 9) out.push(1);
    else if (t % 2 === 0) out.push(bytes.slice(dp, dp + n));
    else out.push(decoders[encoding].decode(bytes.subarray(dp, dp + n)));
    dp += n;
  }
  while (out.length < maxColumns) out.push(null);
  return out;
}

/** The first column of a record as a number (integer or real), else NaN. */
export function firstColumnAsNumber(file: SqliteFile, page: number, bytes: Uint8Array): number {
  const v: VarintOut = { value: 0, bytes: 0 };
  if (!readVarint(bytes, 0, bytes.length, v)) throw new SqliteFormatError(file.path, page, 'malformed record: header size varint runs past the payload');
  const headerBytes = v.value;
  const at = v.bytes;
  if (headerBytes <= at) return NaN;
  if (!readVarint(bytes, at, Math.min(headerBytes, bytes.length), v)) return NaN;
  const t = v.value;
  if (t === 8) return 0;
  if (t === 9) return 1;
  if ((t >= 1 && t <= 6) || t === 7) {
    const n = serialTypeBytes(t);
    if (headerBytes + n > bytes.length) return NaN;
    if (t === 7) return new DataView(bytes.buffer, bytes.byteOffset + headerBytes, 8).getFloat64(0);
    return readInt(bytes, headerBytes, n);
  }
  return NaN;
}
