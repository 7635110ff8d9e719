/**
 * A random page read on a drive whose data occupies only its first `occupiedBytes` (outer edge,
 * where a fresh file system allocates): the mean seek over that span, from the drive's fitted
 * seek curve (hardware/seek-curve.ts, Ruemmler & Wilkes 1994), + half a revolution + the
 * transfer at the mean media rate.
 *
 * For two independent uniform positions on a span of S cylinders a seek of n cylinders occurs in
 * proportion to (S + 1 − n) — the weighting drive makers use for the datasheet average over the
 * whole stroke — so the mean over the span is that weighted mean restricted to 1..S.
 * Paper A's images (17 GB each, §5.1) striped over eight 1 TB drives occupy about 0.2–2 % of each
 * drive; the datasheet average seek (8.5 ms, a full-stroke average) overprices their reads by 4–6×.
 * Simpler than a drive: the interleaving of several VMs' images is taken as uniform over the span.
 */
import { requireNonNegative, requirePositive } from '../../core/validate.js';
import { hddAvgRotationalLatencyMs, hddSequentialMBps, type HddProfile } from '../../hardware/hdd.js';
import { seekTimeMs } from '../../hardware/seek-curve.js';
import { lbaToCylinder } from '../../hardware/zones.js';

/** Cylinders spanned by the first `bytes` of the drive (at least 1). */
export function occupiedCylinders(disk: HddProfile, bytes: number): number {
  requireNonNegative('bytes', bytes, 'bytes');
  const zt = disk.zones;
  const lastLba = Math.min(Math.floor(zt.totalSectors - 1), Math.max(0, Math.ceil(bytes / zt.sectorBytes) - 1));
  return Math.max(1, lbaToCylinder(zt, lastLba) + 1);
}

/** Mean seek (ms) between two independent uniform positions on a span of `spanCyl` cylinders (0 for one cylinder). */
export function meanSeekOverSpanMs(disk: HddProfile, spanCyl: number): number {
  requirePositive('spanCyl', spanCyl, 'cylinders');
  const S = Math.min(Math.floor(spanCyl), disk.seek.maxDistanceCyl + 1) - 1; // largest distance
  if (S < 1) return 0;
  const stride = Math.max(1, Math.floor(S / 200_000));
  let num = 0;
  let den = 0;
  for (let n = 1; n <= S; n += stride) {
    const w = S + 1 - n;
    num += w * seekTimeMs(disk.seek, n);
    den += w;
  }
  // ordered pairs of positions on cylinders 0..S: distance n ≥ 1 occurs 2(S + 1 − n) times,
  // distance 0 (no seek) S + 1 times
  return (2 * num) / (2 * den + (S + 1) / stride);
}

/**
 * Mean service time (ms) of a random read of `bytes` on a drive whose data occupies its first
 * `occupiedBytes`.
 * @example spanRandomReadMs(hddProfile('hdd-2015'), 2.2e9, 16384) // ≈ 1.3 + 4.17 + 0.1 ms
 */
export function spanRandomReadMs(disk: HddProfile, occupiedBytes: number, bytes: number): number {
  requirePositive('bytes', bytes, 'bytes');
  const seek = meanSeekOverSpanMs(disk, occupiedCylinders(disk, occupiedBytes));
  return seek + hddAvgRotationalLatencyMs(disk) + (bytes / (hddSequentialMBps(disk) * 1e6)) * 1000;
}
