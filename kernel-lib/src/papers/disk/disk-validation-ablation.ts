/**
 * Which parts of the detailed disk simulation matter against the real HP C2247A? Each variant
 * removes one feature from the validated configuration and replays the same trace (beyond the
 * paper: it shows why the "measured" side of Fig. 7 needs a simulation and not the mean-value f).
 */
import type { DiskSimSpec } from '../../hardware/disk-sim.js';
import { cdfDemerit } from '../../metrics/cdf-demerit.js';
import { hpC2247aSpec, hpC2247aTrace, replayValidationTrace } from './disk-validation.js';

export interface AblationRow {
  variant: string;
  description: string;
  readMissMeanErrorPct: number;
  readMissDemeritMs: number;
  readHitDemeritMs: number;
  writeDemeritMs: number;
  allDemeritMs: number;
}

const VARIANTS: Array<{ variant: string; description: string; edit: (s: DiskSimSpec) => DiskSimSpec }> = [
  { variant: 'full', description: 'as validated (all features)', edit: (s) => s },
  { variant: 'mean rotation', description: 'every non-continuing access waits half a revolution (as f assumes)', edit: (s) => ({ ...s, rotation: 'mean' }) },
  { variant: 'no cache', description: 'no read-ahead, no hits on written data', edit: (s) => ({ ...s, cache: { ...s.cache, segmentBlocks: 1, maxReadAheadBlocks: 0, readHitsOnWriteData: false } }) },
  {
    variant: 'no overheads',
    description: 'controller overheads and bus time set to 0',
    edit: (s) => ({
      ...s,
      overheads: { readHitMs: 0, readMissMs: 0, writeMs: 0, readCompletionMs: 0, writeCompletionMs: 0, dataPrepMs: 0, reselectMs: 0, extraWriteDisconnect: null },
      bus: { readBlockMs: 0, writeBlockMs: 0 },
    }),
  },
  { variant: 'no skew', description: 'track and cylinder skew 0', edit: (s) => ({ ...s, zones: s.zones.map((z) => ({ ...z, trackSkew: 0, cylSkew: 0 })) }) },
  { variant: 'seek curve only', description: 'no explicit seek times for 1–10 cylinders', edit: (s) => ({ ...s, seek: { ...s.seek, first10Ms: null } }) },
];

export function runDiskValidationAblation(): AblationRow[] {
  const base = hpC2247aSpec();
  const trace = hpC2247aTrace();
  const idx = (f: (i: number) => boolean): number[] => Array.from({ length: trace.length }, (_, i) => i).filter(f);
  const miss = idx((i) => trace.isRead[i] === 1 && trace.action[i] === 1);
  const hit = idx((i) => trace.isRead[i] === 1 && trace.action[i] === 0);
  const wr = idx((i) => trace.isRead[i] === 0);
  const all = idx(() => true);
  const pick = (a: Float64Array, ix: number[]): Float64Array => Float64Array.from(ix, (i) => a[i]);
  const meas = trace.measuredServiceMs;
  return VARIANTS.map(({ variant, description, edit }) => {
    const sim = replayValidationTrace(edit(base), trace).simulatedServiceMs;
    const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;
    const sm = pick(sim, miss);
    const mm = pick(meas, miss);
    return {
      variant,
      description,
      readMissMeanErrorPct: (100 * (mean(sm) - mean(mm))) / mean(mm),
      readMissDemeritMs: cdfDemerit(sm, mm),
      readHitDemeritMs: cdfDemerit(pick(sim, hit), pick(meas, hit)),
      writeDemeritMs: cdfDemerit(pick(sim, wr), pick(meas, wr)),
      allDemeritMs: cdfDemerit(pick(sim, all), pick(meas, all)),
    };
  });
}
