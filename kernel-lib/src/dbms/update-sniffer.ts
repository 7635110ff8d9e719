/**
 * Paper B §3 (Fig. 2): the B+Tree update sniffer, inside the DB engine, emits every structure
 * change of the leaf chain to the deterioration monitor. The paper passes them through shared
 * memory; here the tree calls the sniffer's methods directly (no allocation per event).
 *
 * A leaf is identified by its physical page number and by its low key: the separator key its
 * parent's node pointer holds (the smallest key that can live in the leaf; −2^31 for the leftmost
 * leaf). Low keys are stable between structure changes (deleting a leaf's first row does not
 * change its node pointer), so the leaves in key order are the leaves in low-key order.
 *
 * A tree with `sniffer = null` pays nothing for it.
 */

/** Low key of the leftmost leaf (−∞ of an `int` key). */
export const LEFTMOST_LOW_KEY = -2147483648;
/** Marker "the neighbour's low key did not change". */
export const LOW_KEY_UNCHANGED = Number.NaN;

export interface UpdateSniffer {
  /**
   * A page entered the leaf chain (page split; or the first leaf) between `prevPage` and
   * `nextPage` (−1 = none), with low key `lowKey`. When the page was split off to the left of
   * `nextPage` (FSP_DOWN), `nextPage`'s low key changed to `nextNewLowKey` (else NaN).
   */
  leafInserted(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void;
  /**
   * A page left the leaf chain (merge, or discard of an empty page); it lay between `prevPage`
   * and `nextPage` with low key `lowKey`. When it was merged into `nextPage` (no left
   * sibling), `nextPage` took its low key: `nextNewLowKey` (else NaN).
   */
  leafRemoved(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void;
}

/** One recorded event (for tests and notebooks; allocation per event is fine there). */
export interface SnifferEvent {
  kind: 'insert' | 'remove';
  page: number;
  lowKey: number;
  prevPage: number;
  nextPage: number;
  nextNewLowKey: number;
}

/** A sniffer that keeps the events in an array. */
export class RecordingSniffer implements UpdateSniffer {
  readonly events: SnifferEvent[] = [];
  leafInserted(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    this.events.push({ kind: 'insert', page, lowKey, prevPage, nextPage, nextNewLowKey });
  }
  leafRemoved(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    this.events.push({ kind: 'remove', page, lowKey, prevPage, nextPage, nextNewLowKey });
  }
}

/** Forwards every event to several sniffers (e.g. a monitor and a recorder). */
export class TeeSniffer implements UpdateSniffer {
  constructor(private readonly targets: readonly UpdateSniffer[]) {}
  leafInserted(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    for (const t of this.targets) t.leafInserted(page, lowKey, prevPage, nextPage, nextNewLowKey);
  }
  leafRemoved(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    for (const t of this.targets) t.leafRemoved(page, lowKey, prevPage, nextPage, nextNewLowKey);
  }
}
