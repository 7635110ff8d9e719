/**
 * The recompute-from-scratch reference for the deterioration monitor: walk the B+Tree's leaf
 * chain, take the physical page numbers in key order and evaluate eq. (1) and (2) directly.
 * O(n) per call; the monitor (deterioration-monitor.ts) answers the same in O(log n).
 */
import type { PageCost } from '../../hardware/page-cost.js';
import type { ClusteredBtree } from '../../dbms/btree.js';
import { gSequence } from './deterioration.js';
import { ParameterError, requireInteger } from '../../core/validate.js';

export interface RecomputedDeterioration {
  pages: Int32Array;
  lowKeys: Int32Array;
  G: Float64Array;
}

export function recomputeDeterioration(tree: ClusteredBtree, cost: PageCost): RecomputedDeterioration {
  const pages = tree.leafPagesInKeyOrder();
  return { pages, lowKeys: tree.leafLowKeysInKeyOrder(), G: gSequence(pages, cost) };
}

/** C_R of the key range [fromKey, toKey) by scanning the recomputed G. */
export function recomputedRangeCostMs(r: RecomputedDeterioration, fromKey: number, toKey: number): number {
  requireInteger('fromKey', fromKey, 'key', -2147483648, 2147483647);
  requireInteger('toKey', toKey, 'key', -2147483647, 2147483648);
  if (!(fromKey < toKey)) throw new ParameterError('key range', [fromKey, toKey], 'key', 'a non-empty range [fromKey, toKey) with fromKey < toKey');
  let s = 0;
  const n = r.lowKeys.length;
  for (let i = 0; i < n; i++) {
    const hi = i + 1 < n ? r.lowKeys[i + 1] : Infinity; // leaf i holds keys [low_i, low_{i+1})
    if (hi > fromKey && r.lowKeys[i] < toKey) s += r.G[i];
  }
  return s;
}
