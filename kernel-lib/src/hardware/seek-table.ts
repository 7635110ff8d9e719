/**
 * A measured seek curve: seek time (ms) at a list of seek distances (cylinders), as DiskSim reads
 * it for `Seek type = extracted` (diskmodel/mech_g1_seektime.c, dm_mech_g1_seek_extracted;
 * the file format of diskmodel/mech_g1_load.c: a line "Seek distances measured: N", then N lines
 * "distance, time"). Between two measured distances the time is interpolated linearly; beyond the
 * last one it is extrapolated from the last two points; distance 0 takes 0 ms. The measured curve
 * need not be monotone (the Atlas 10K's is not), and neither is the interpolation.
 */
import { ParameterError } from '../core/validate.js';

export interface SeekTable {
  /** Measured distances (cylinders), strictly ascending, ≥ 1. */
  readonly distanceCyl: Float64Array;
  /** Seek time at each distance (ms). */
  readonly seekMs: Float64Array;
}

/**
 * Parses a DiskSim seek file.
 * @throws ParameterError naming the file and line of a malformed line, a count that does not match,
 *   or distances that are not ascending.
 */
export function parseSeekTable(text: string, file = 'seek file'): SeekTable {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const head = /^\s*Seek distances measured:\s*(\d+)\s*$/.exec(lines[i] ?? '');
  if (!head) throw new ParameterError('seek file', `${file}:${i + 1}`, '', "a first line 'Seek distances measured: N'", lines[i] ?? '(empty)');
  const n = Number(head[1]);
  const d: number[] = [];
  const t: number[] = [];
  for (i = i + 1; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '') continue;
    const m = /^(\d+)\s*,\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)$/.exec(l);
    if (!m) throw new ParameterError('seek file', `${file}:${i + 1}`, '', "lines 'distance, time'", l);
    const dist = Number(m[1]);
    if (!(dist >= 1) || (d.length > 0 && dist <= d[d.length - 1])) {
      throw new ParameterError('seek file', `${file}:${i + 1}`, 'cylinders', 'distances ≥ 1 in strictly ascending order', l);
    }
    d.push(dist);
    t.push(Number(m[2]));
  }
  if (d.length !== n || n < 2) {
    throw new ParameterError('seek file', file, 'lines', `${n} (as the first line says) and ≥ 2`, `found ${d.length} distance lines`);
  }
  return { distanceCyl: Float64Array.from(d), seekMs: Float64Array.from(t) };
}

/** Seek time (ms) for a seek of `distanceCyl` cylinders, interpolated as DiskSim does (see the file comment). */
export function seekTableMs(table: SeekTable, distanceCyl: number): number {
  const dist = distanceCyl < 0 ? -distanceCyl : distanceCyl;
  if (dist === 0) return 0;
  const D = table.distanceCyl;
  const T = table.seekMs;
  const n = D.length;
  // binary search: first index with D[i] >= dist (or the last index)
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (D[mid] >= dist) hi = mid;
    else lo = mid + 1;
  }
  if (D[lo] === dist) return T[lo];
  // below the first distance DiskSim would read before the table; use the first segment
  const i = lo === 0 ? 1 : lo;
  const d1 = D[i - 1];
  const d2 = D[i];
  return T[i - 1] + ((dist - d1) * (T[i] - T[i - 1])) / (d2 - d1);
}
