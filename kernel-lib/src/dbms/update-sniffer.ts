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

/**
 * A sniffer that appends events to typed arrays (the "shared memory" of paper B's Fig. 2): no
 * allocation per event once grown. `replay` feeds a range of the log to another sniffer.
 */
export class SnifferEventLog implements UpdateSniffer {
  private kind = new Uint8Array(1024);
  private ints = new Int32Array(4 * 1024);
  private nextLow = new Float64Array(1024);
  private n = 0;

  get length(): number {
    return this.n;
  }
  leafInserted(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    this.push(0, page, lowKey, prevPage, nextPage, nextNewLowKey);
  }
  leafRemoved(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    this.push(1, page, lowKey, prevPage, nextPage, nextNewLowKey);
  }
  /** Feeds events [from, to) to `target` in order. */
  replay(target: UpdateSniffer, from = 0, to = this.n): void {
    const k = this.kind, a = this.ints, nl = this.nextLow;
    for (let i = from; i < to; i++) {
      const j = 4 * i;
      if (k[i] === 0) target.leafInserted(a[j], a[j + 1], a[j + 2], a[j + 3], nl[i]);
      else target.leafRemoved(a[j], a[j + 1], a[j + 2], a[j + 3], nl[i]);
    }
  }
  private push(kind: number, page: number, lowKey: number, prev: number, next: number, nextLow: number): void {
    if (this.n === this.kind.length) {
      const cap = this.n * 2;
      const k = new Uint8Array(cap); k.set(this.kind); this.kind = k;
      const a = new Int32Array(4 * cap); a.set(this.ints); this.ints = a;
      const f = new Float64Array(cap); f.set(this.nextLow); this.nextLow = f;
    }
    const j = 4 * this.n;
    this.kind[this.n] = kind;
    this.ints[j] = page;
    this.ints[j + 1] = lowKey;
    this.ints[j + 2] = prev;
    this.ints[j + 3] = next;
    this.nextLow[this.n] = nextLow;
    this.n++;
  }
}
