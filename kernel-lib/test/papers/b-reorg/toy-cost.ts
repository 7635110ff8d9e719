import type { PageCost } from '../../../src/hardware/page-cost.js';

/** A tiny PageCost for unit tests: 1 ms for the physically next page, else 2 + |distance|/100 ms. */
export const toyCost: PageCost = {
  f: (a: number, b: number) => (b === a + 1 ? 1 : 2 + Math.abs(b - a) / 100),
  g0Ms: 1,
  pageBytes: 16384,
  name: 'toy',
};
