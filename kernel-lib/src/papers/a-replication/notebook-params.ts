/**
 * The parameters cell of paper A's two notebooks: the one place their ranges are written (the
 * cells' trailing comments state the same ranges, in the harness's `range [lo, hi]` form). The
 * ranges are what every call of the notebooks runs at in well under a minute (the replayed
 * accesses grow with the replicas × the simulated time, about newVms² × replicaIntervalS) and what
 * all four configurations accept (without sharing the 256-GiB host holds the source and at most 15
 * replicas); below ~3,000 s the default pipeline's copy under TPC-C does not finish within its
 * interval. `paperANotebookRunOptions` is the first call of each notebook, so a value outside its
 * range fails there, naming the notebook's parameter.
 */
import { requireInRange, requireInteger } from '../../core/validate.js';
import type { PaperAParams } from './replication-inputs.js';

export interface PaperANotebookParams {
  seed: number;
  samplingStride: number;
  stepS: number;
  newVms: number;
  replicaIntervalS: number;
}

/** [lo, hi] and unit of each notebook parameter. */
export const PAPER_A_NOTEBOOK_RANGES: Readonly<Record<keyof PaperANotebookParams, { range: readonly [number, number]; unit: string; integer: boolean }>> = {
  seed: { range: [1, 1_000_000], unit: '', integer: true },
  samplingStride: { range: [256, 4096], unit: 'pages', integer: true },
  stepS: { range: [0.5, 5], unit: 's', integer: false },
  newVms: { range: [1, 10], unit: 'VMs', integer: true },
  replicaIntervalS: { range: [3000, 5000], unit: 's', integer: false },
};

/** Validates the notebook's parameters against PAPER_A_NOTEBOOK_RANGES and returns the run options they stand for. */
export function paperANotebookRunOptions(p: PaperANotebookParams): Required<Pick<PaperAParams, 'seed' | 'samplingStride' | 'stepS' | 'newVms' | 'replicaIntervalS'>> {
  for (const [name, spec] of Object.entries(PAPER_A_NOTEBOOK_RANGES) as Array<[keyof PaperANotebookParams, (typeof PAPER_A_NOTEBOOK_RANGES)['seed']]>) {
    const v = p?.[name];
    const [lo, hi] = spec.range;
    requireInRange(name, v, spec.unit, lo, hi);
    if (spec.integer) requireInteger(name, v, spec.unit, lo, hi);
  }
  return { seed: p.seed, samplingStride: p.samplingStride, stepS: p.stepS, newVms: p.newVms, replicaIntervalS: p.replicaIntervalS };
}
