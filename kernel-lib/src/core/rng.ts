/**
 * Seeded random numbers. Every simulation takes an `Rng` explicitly; there is no global
 * generator. Built on pure-rand's xoroshiro128+ (Blackman & Vigna), so the same seed
 * gives the same sequence, bit for bit, on every machine.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { requireInteger, requirePositive, ParameterError } from './validate.js';

export class Rng {
  private readonly gen: RandomGenerator;
  readonly seed: number;

  /** @param seed an integer; the same seed gives the same numbers. */
  constructor(seed: number, gen?: RandomGenerator) {
    requireInteger('seed', seed, '', -(2 ** 31), 2 ** 31 - 1);
    this.seed = seed;
    this.gen = gen ?? xoroshiro128plus(seed);
    // xoroshiro128+ seeded from a small integer starts in a low-entropy state (its first
    // outputs are near 0 or 1); discarding a few outputs mixes the state.
    if (!gen) for (let i = 0; i < 16; i++) this.gen.next();
  }

  /** Uniform in [0, 1), 53 random bits. */
  float(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to)) {
      throw new ParameterError('int range', [from, to], '', 'integers with from ≤ to');
    }
    return uniformInt(this.gen, from, to);
  }

  /** Exponential variate with the given mean (inverse-CDF method). */
  exponential(mean: number): number {
    requirePositive('mean', mean);
    return -mean * Math.log(1 - this.float());
  }

  /** Index drawn with probability proportional to `weights[i]` (weights ≥ 0, not all 0). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new ParameterError('weights', weights, '', 'finite numbers ≥ 0');
      total += w;
    }
    if (total <= 0) throw new ParameterError('weights', weights, '', 'a sum > 0');
    let u = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** An independent generator whose stream is derived from this one (for sub-simulations). */
  fork(): Rng {
    return new Rng(this.int(-(2 ** 31), 2 ** 31 - 1));
  }
}

/** Shorthand: `rng(42)`. */
export function rng(seed: number): Rng {
  return new Rng(seed);
}
