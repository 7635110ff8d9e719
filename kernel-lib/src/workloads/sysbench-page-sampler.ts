/**
 * Draws SysBench's page accesses restricted to a spatial sample of the data pages (every
 * `stride`-th leaf page): each sampled page's access probability is the mass of its id range under
 * SysBench's distribution (sysbench-oltp-read-only.ts), and pages are drawn by Walker's alias
 * method (Vose's construction, O(1) per draw) with the caller's seeded Rng.
 */
import type { Rng } from '../core/rng.js';
import { ParameterError, requireInteger, requireOneOf } from '../core/validate.js';
import { irwinHallMeanCdf, sysbenchSpecialMass, type SysbenchSpecialParams } from './sysbench-oltp-read-only.js';

/** sysbench 0.5 --rand-type values (sysbench/sysbench.c general_args: {uniform,gaussian,special,pareto}). */
export type SysbenchRandType = 'special' | 'uniform' | 'gaussian' | 'pareto';
export const SYSBENCH_RAND_TYPES: readonly SysbenchRandType[] = ['special', 'uniform', 'gaussian', 'pareto'];
/** sysbench 0.5 default --rand-pareto-h = 0.2 (sysbench/sysbench.c general_args). */
export const SYSBENCH_05_PARETO_H = 0.2;

/**
 * Probability that one sb_rand() draw of `randType` falls in the fraction interval [x0, x1) of the
 * id range (sysbench 0.5 sysbench/sysbench.c, continuous form):
 *   - uniform: x1 − x0;
 *   - gaussian (sb_rand_gaussian): the mean of rand-spec-iter uniforms — Irwin–Hall over the whole range;
 *   - special (sb_rand_special): sysbenchSpecialMass;
 *   - pareto (sb_rand_pareto): a + t·u^p with p = ln h / ln(1 − h), so F(x) = x^(1/p).
 */
export function sysbenchRandMass(randType: SysbenchRandType, x0: number, x1: number, special: SysbenchSpecialParams, paretoH = SYSBENCH_05_PARETO_H): number {
  switch (randType) {
    case 'uniform':
      return x1 - x0;
    case 'gaussian':
      return irwinHallMeanCdf(x1, special.randSpecIter) - irwinHallMeanCdf(x0, special.randSpecIter);
    case 'pareto': {
      const inv = Math.log(1 - paretoH) / Math.log(paretoH);
      return Math.pow(x1, inv) - Math.pow(x0, inv);
    }
    default:
      return sysbenchSpecialMass(x0, x1, special);
  }
}

export class SysbenchPageSampler {
  /** Access probability of each sampled page (sums to `massSum` ≈ 1/stride of the read pages' mass; 0 beyond the read pages). */
  readonly mass: Float64Array;
  readonly massSum: number;
  private readonly table: AliasTable;

  /**
   * @param dataPages pages of the file the sample is taken over @param stride sample every stride-th page
   * @param randType sysbench --rand-type @param special the special distribution's options
   * @param readPages the pages SysBench reads: the first `readPages` of the file hold the primary
   *   key's leaves in id order (sysbench loads the rows in id order, then builds its secondary
   *   index behind them); the pages beyond are never drawn (mass 0). Default: all `dataPages`.
   */
  constructor(dataPages: number, stride: number, randType: SysbenchRandType | string, special: SysbenchSpecialParams, readPages = dataPages) {
    requireInteger('dataPages', dataPages, 'pages', 1);
    requireInteger('stride', stride, 'pages', 1);
    requireInteger('readPages', readPages, 'pages', 1, dataPages);
    const rt = requireOneOf('randType', randType, SYSBENCH_RAND_TYPES);
    const ns = Math.ceil(dataPages / stride);
    this.mass = new Float64Array(ns);
    let sum = 0;
    for (let j = 0; j < ns && j * stride < readPages; j++) {
      const x0 = (j * stride) / readPages;
      const x1 = Math.min(1, (j * stride + 1) / readPages);
      this.mass[j] = sysbenchRandMass(rt, x0, x1, special);
      sum += this.mass[j];
    }
    if (!(sum > 0)) throw new ParameterError('sampled access mass', sum, '', '> 0');
    this.massSum = sum;
    this.table = new AliasTable(this.mass);
  }

  /** Number of sampled pages. */
  get pages(): number {
    return this.mass.length;
  }

  /** A sampled page index, drawn with probability mass[j] / massSum. */
  draw(rng: Rng): number {
    return this.table.draw(rng);
  }
}

/**
 * Walker's alias method, Vose's construction: O(n) to build, O(1) per draw of index i with
 * probability weights[i] / Σ weights, one uniform from the caller's seeded Rng per draw.
 * @throws ParameterError when the weights are empty, negative or sum to 0.
 */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const ns = weights.length;
    let sum = 0;
    for (let i = 0; i < ns; i++) {
      if (!(weights[i] >= 0)) throw new ParameterError(`weights[${i}]`, weights[i], '', '≥ 0');
      sum += weights[i];
    }
    if (!(ns > 0 && sum > 0)) throw new ParameterError('weights', sum, '', 'a non-empty list with a positive sum');
    this.prob = new Float64Array(ns);
    this.alias = new Int32Array(ns);
    const scaled = new Float64Array(ns);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < ns; i++) {
      scaled[i] = (weights[i] * ns) / sum;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    // what rounding leaves in the lists has scaled weight ≈ 1 (the columns are conserved); a zero
    // weight left there would still never be drawn
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = weights[i] > 0 ? 1 : 0;
  }

  /** An index, drawn with probability weights[i] / Σ weights. */
  draw(rng: Rng): number {
    const n = this.prob.length;
    const u = rng.float() * n;
    const i = Math.floor(u);
    return u - i < this.prob[i] ? i : this.alias[i];
  }
}
