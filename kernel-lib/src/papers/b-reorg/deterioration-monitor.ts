/**
 * Paper B §3.1 (Table 2): the structural-deterioration monitor, fed only by the B+Tree update
 * sniffer's events, keeping G (eq. 1) for the whole key space so that C_R (eq. 2) of any key
 * range is read in O(log n) without scanning.
 *
 * The leaf sequence is kept in an implicit treap (randomized balanced binary search tree)
 * ordered by the leaves' low keys, each node augmented with its subtree's leaf count and
 * Σ G. Positions shift on every insert, so an array indexed by position (a plain Fenwick
 * tree) would need O(n) rebuilds; the treap keeps every operation O(log n) expected.
 * Each node stores its own G exactly as f returned it, beside its subtree's Σ G: a node is 36
 * bytes (left, right, size, page, low key: Int32; G, Σ: Float64). G is never derived by
 * subtracting subtree sums (Σ(node) − Σ(left) − Σ(right) of sums of ~10^5 ms loses the last bits,
 * so a G of exactly X·G0 fell below the threshold and T_min missed it), and C_R of a range adds
 * the G and Σ of the nodes inside it (no difference of two large prefix sums). A changed G
 * rewrites the Σ of the nodes on its path from their children (no running deltas that drift).
 * This is exact for any page-cost function f: T_min compares the very value f returned.
 *
 * Table 2's six cases are the insert/remove of a page p_i at the start, middle or end of a
 * range, boundaries included: an insert sets G[i] = f(p_{i−1}, p_i) (G0 at the start of the
 * key space) and changes its successor's G[i+1] to f(p_i, p_{i+1}) (nothing at the end); a
 * remove drops G[i] and sets the successor's G to f(p_{i−1}, p_{i+1}) (G0 if p_i was the
 * start). Which range a change falls in does not matter here, since G is kept for the whole
 * key space and a range's C_R is a prefix-sum difference.
 *
 * Node priorities are a hash of the node id (deterministic; no random generator needed).
 */
import type { PageCost } from '../../hardware/page-cost.js';
import type { UpdateSniffer } from '../../dbms/update-sniffer.js';
import { ParameterError, requireInteger, requirePositive } from '../../core/validate.js';
import { requireTolerance } from './deterioration.js';

/** A run of consecutive leaves (in key order) with G ≥ X·G0: part of T_min. */
export interface TminRun {
  /** Leaf index (position in key order) of the run's first leaf. */
  fromLeaf: number;
  /** One past the run's last leaf index. */
  toLeaf: number;
  /** Low key of the first leaf of the run. */
  fromKey: number;
  /** Low key of the leaf after the run (2^31 − 1 at the end of the key space). */
  toKey: number;
}

function priority(i: number): number {
  // 32-bit integer hash (lowbias32, C. Wellons' hash prospector)
  let x = i | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface DeteriorationMonitorOptions {
  /** f and G0 of the storage device (eq. 1). */
  cost: PageCost;
  /** Nodes to allocate up front (grows by doubling). Default 1024. */
  initialCapacity?: number;
}

export class DeteriorationMonitor implements UpdateSniffer {
  readonly cost: PageCost;
  readonly g0Ms: number;
  private L: Int32Array;
  private R: Int32Array;
  private SZ: Int32Array;
  private PG: Int32Array;
  private KEY: Int32Array;
  private GV: Float64Array;
  private SUM: Float64Array;
  private root = 0;
  private nextId = 1; // node 0 = null
  private freeHead = 0;
  private capacity: number;
  private ra = 0; // split result registers
  private rb = 0;
  /** Sniffer events handled. */
  events = 0;

  constructor(opts: DeteriorationMonitorOptions) {
    this.cost = opts.cost;
    this.g0Ms = requirePositive('cost.g0Ms', opts.cost.g0Ms, 'ms');
    const cap = requireInteger('initialCapacity', opts.initialCapacity ?? 1024, 'leaf pages', 1, 2 ** 30);
    this.capacity = cap + 1;
    this.L = new Int32Array(this.capacity);
    this.R = new Int32Array(this.capacity);
    this.SZ = new Int32Array(this.capacity);
    this.PG = new Int32Array(this.capacity);
    this.KEY = new Int32Array(this.capacity);
    this.GV = new Float64Array(this.capacity);
    this.SUM = new Float64Array(this.capacity);
  }

  /** Leaves monitored (|S| of the whole key space). */
  get leafCount(): number {
    return this.SZ[this.root];
  }
  /** C_R of the whole key space (ms). */
  get totalCostMs(): number {
    return this.SUM[this.root];
  }
  /** Bytes held by the node arrays (allocated capacity). */
  get memoryBytes(): number {
    return this.capacity * DeteriorationMonitor.bytesPerLeaf;
  }
  /** Bytes per leaf page of the layout (36: five Int32 and two Float64 per node). */
  static readonly bytesPerLeaf = 5 * 4 + 2 * 8;

  // ------------------------------------------------------------ sniffer events (Table 2)
  leafInserted(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    this.events++;
    if (nextNewLowKey === nextNewLowKey) {
      // split to the left: the next page's node moves up to its new low key
      this.setKeyOf(lowKey, nextNewLowKey);
    }
    const g = prevPage >= 0 ? this.cost.f(prevPage, page) : this.g0Ms;
    const id = this.newNode(page, lowKey, g);
    this.split(this.root, lowKey);
    const a = this.ra, b = this.rb;
    this.root = this.merge(this.merge(a, id), b);
    if (nextPage >= 0) this.setGOfSuccessor(lowKey, this.cost.f(page, nextPage));
  }

  leafRemoved(page: number, lowKey: number, prevPage: number, nextPage: number, nextNewLowKey: number): void {
    this.events++;
    this.root = this.removeRec(this.root, lowKey);
    if (nextPage >= 0) {
      if (nextNewLowKey === nextNewLowKey) this.setKeyOfSuccessor(lowKey, nextNewLowKey);
      const g = prevPage >= 0 ? this.cost.f(prevPage, nextPage) : this.g0Ms;
      this.setGOfSuccessor(lowKey - (nextNewLowKey === lowKey ? 1 : 0), g);
    }
    void page;
  }

  // ------------------------------------------------------------ queries
  /** Leaf count over leaves whose low key is < key (integers: exact). */
  private prefixCount(key: number): number {
    let t = this.root, c = 0;
    while (t !== 0) {
      const l = this.L[t];
      if (this.KEY[t] < key) {
        c += this.SZ[l] + 1;
        t = this.R[t];
      } else t = l;
    }
    return c;
  }

  /**
   * Σ G over the leaves with lo ≤ low key < hi, adding only the G and Σ of nodes inside the
   * range (no difference of prefix sums): down to the node where the range splits, then the
   * right parts along the left boundary and the left parts along the right boundary.
   */
  private sumKeyRange(lo: number, hi: number): number {
    let t = this.root;
    while (t !== 0 && (this.KEY[t] < lo || this.KEY[t] >= hi)) t = this.KEY[t] < lo ? this.R[t] : this.L[t];
    if (t === 0) return 0;
    let left = 0, right = 0;
    for (let u = this.L[t]; u !== 0; ) {
      if (this.KEY[u] >= lo) {
        left += this.GV[u] + this.SUM[this.R[u]];
        u = this.L[u];
      } else u = this.R[u];
    }
    for (let u = this.R[t]; u !== 0; ) {
      if (this.KEY[u] < hi) {
        right += this.SUM[this.L[u]] + this.GV[u];
        u = this.R[u];
      } else u = this.L[u];
    }
    return left + this.GV[t] + right;
  }

  /** Σ G over leaf positions [from, to) in key order, the same way by rank. */
  private sumRankRange(from: number, to: number): number {
    // position of a node = rank within its subtree, tracked on the way down
    let t = this.root, base = 0;
    for (;;) {
      const pos = base + this.SZ[this.L[t]];
      if (pos < from) { base = pos + 1; t = this.R[t]; }
      else if (pos >= to) t = this.L[t];
      else break;
    }
    const pos = base + this.SZ[this.L[t]];
    let left = 0, right = 0;
    let b = base;
    for (let u = this.L[t]; u !== 0; ) {
      const p = b + this.SZ[this.L[u]];
      if (p >= from) {
        left += this.GV[u] + this.SUM[this.R[u]];
        u = this.L[u];
      } else {
        b = p + 1;
        u = this.R[u];
      }
    }
    b = pos + 1;
    for (let u = this.R[t]; u !== 0; ) {
      const p = b + this.SZ[this.L[u]];
      if (p < to) {
        right += this.SUM[this.L[u]] + this.GV[u];
        b = p + 1;
        u = this.R[u];
      } else u = this.L[u];
    }
    return left + this.GV[t] + right;
  }

  /** Largest low key ≤ key (the leaf holding key); the leftmost leaf's key if none. */
  private floorKey(key: number): number {
    let t = this.root, best = NaN;
    while (t !== 0) {
      if (this.KEY[t] <= key) {
        best = this.KEY[t];
        t = this.R[t];
      } else t = this.L[t];
    }
    if (best !== best) {
      t = this.root;
      while (this.L[t] !== 0) t = this.L[t];
      best = this.KEY[t];
    }
    return best;
  }

  private checkKeyRange(fromKey: number, toKey: number): void {
    requireInteger('fromKey', fromKey, 'key', -2147483648, 2147483647);
    requireInteger('toKey', toKey, 'key', -2147483647, 2147483648);
    if (!(fromKey < toKey)) throw new ParameterError('key range', [fromKey, toKey], 'key', 'a non-empty range [fromKey, toKey) with fromKey < toKey');
    if (this.root === 0) throw new ParameterError('leafCount', 0, 'leaf pages', '≥ 1 (the monitor has seen no leaf)');
  }

  /** C_R (eq. 2, ms) for the clustered-key range [fromKey, toKey): the leaves holding those keys. O(log n). */
  rangeCostMs(fromKey: number, toKey: number): number {
    this.checkKeyRange(fromKey, toKey);
    return this.sumKeyRange(this.floorKey(fromKey), toKey);
  }

  /** |S|: number of leaves holding keys of [fromKey, toKey). O(log n). */
  rangeLeafCount(fromKey: number, toKey: number): number {
    this.checkKeyRange(fromKey, toKey);
    return this.prefixCount(toKey) - this.prefixCount(this.floorKey(fromKey));
  }

  /** C_R over leaf positions [fromLeaf, toLeaf) in key order. O(log n). */
  rangeCostByLeafMs(fromLeaf: number, toLeaf: number): number {
    const n = this.leafCount;
    requireInteger('fromLeaf', fromLeaf, 'leaf index', 0, Math.max(0, n - 1));
    requireInteger('toLeaf', toLeaf, 'leaf index', 1, n);
    if (!(fromLeaf < toLeaf)) throw new ParameterError('leaf range', [fromLeaf, toLeaf], 'leaf index', 'a non-empty range with fromLeaf < toLeaf');
    return this.sumRankRange(fromLeaf, toLeaf);
  }

  /** Eq. (3) for the key range: C_R < X·|S|·G0. */
  slaHolds(fromKey: number, toKey: number, x: number): boolean {
    requireTolerance(x);
    return this.rangeCostMs(fromKey, toKey) < x * this.rangeLeafCount(fromKey, toKey) * this.g0Ms;
  }

  /** The structural-deterioration distribution G over the whole key space, in key order. O(n). */
  gDistribution(): Float64Array {
    const out = new Float64Array(this.leafCount);
    let k = 0;
    this.inorder((t) => {
      out[k++] = this.GV[t];
    });
    return out;
  }
  /** Physical page numbers in key order. */
  pagesInKeyOrder(): Int32Array {
    const out = new Int32Array(this.leafCount);
    let k = 0;
    this.inorder((t) => { out[k++] = this.PG[t]; });
    return out;
  }
  /** Low keys in key order. */
  lowKeysInKeyOrder(): Int32Array {
    const out = new Int32Array(this.leafCount);
    let k = 0;
    this.inorder((t) => { out[k++] = this.KEY[t]; });
    return out;
  }

  /** T_min (§3.2) for tolerance X > 1, as runs of consecutive leaves with G ≥ X·G0. */
  tMinRuns(x: number): TminRun[] {
    requireTolerance(x);
    const limit = x * this.g0Ms;
    const G = this.gDistribution();
    const keys = this.lowKeysInKeyOrder();
    const runs: TminRun[] = [];
    let i = 0;
    while (i < G.length) {
      if (G[i] >= limit) {
        let j = i + 1;
        while (j < G.length && G[j] >= limit) j++;
        runs.push({ fromLeaf: i, toLeaf: j, fromKey: keys[i], toKey: j < keys.length ? keys[j] : 2147483647 });
        i = j;
      } else i++;
    }
    return runs;
  }

  // ------------------------------------------------------------ treap internals
  private inorder(visit: (t: number) => void): void {
    const stack = new Int32Array(128);
    let sp = 0, t = this.root;
    while (t !== 0 || sp > 0) {
      while (t !== 0) {
        stack[sp++] = t;
        t = this.L[t];
      }
      t = stack[--sp];
      visit(t);
      t = this.R[t];
    }
  }

  private pull(t: number): void {
    const l = this.L[t], r = this.R[t];
    this.SZ[t] = this.SZ[l] + this.SZ[r] + 1;
    this.SUM[t] = this.SUM[l] + this.GV[t] + this.SUM[r];
  }

  /** Splits t into keys < key (ra) and ≥ key (rb). */
  private split(t: number, key: number): void {
    if (t === 0) {
      this.ra = 0;
      this.rb = 0;
      return;
    }
    if (this.KEY[t] < key) {
      this.split(this.R[t], key);
      this.R[t] = this.ra;
      this.ra = t;
    } else {
      this.split(this.L[t], key);
      this.L[t] = this.rb;
      this.rb = t;
    }
    this.pull(t);
  }

  private merge(a: number, b: number): number {
    if (a === 0) return b;
    if (b === 0) return a;
    if (priority(a) > priority(b)) {
      this.R[a] = this.merge(this.R[a], b);
      this.pull(a);
      return a;
    }
    this.L[b] = this.merge(a, this.L[b]);
    this.pull(b);
    return b;
  }

  private removeRec(t: number, key: number): number {
    if (t === 0) throw new Error(`monitor: no leaf with low key ${key}`);
    if (this.KEY[t] === key) {
      const m = this.merge(this.L[t], this.R[t]);
      this.freeNode(t);
      return m;
    }
    if (key < this.KEY[t]) this.L[t] = this.removeRec(this.L[t], key);
    else this.R[t] = this.removeRec(this.R[t], key);
    this.pull(t);
    return t;
  }

  /** Node of the smallest key > key (0 if none). */
  private successor(key: number): number {
    let t = this.root, best = 0;
    while (t !== 0) {
      if (this.KEY[t] > key) {
        best = t;
        t = this.L[t];
      } else t = this.R[t];
    }
    return best;
  }

  private setGOfSuccessor(key: number, g: number): void {
    const node = this.successor(key);
    if (node === 0) return;
    this.GV[node] = g;
    // the path root → node, then each Σ rebuilt from its children, bottom up
    const k = this.KEY[node];
    let sp = 0, t = this.root;
    while (t !== 0) {
      this.path[sp++] = t;
      if (t === node) break;
      t = k < this.KEY[t] ? this.L[t] : this.R[t];
    }
    while (sp > 0) this.pull(this.path[--sp]);
  }
  private readonly path = new Int32Array(256);

  private setKeyOf(key: number, newKey: number): void {
    let t = this.root;
    while (t !== 0 && this.KEY[t] !== key) t = key < this.KEY[t] ? this.L[t] : this.R[t];
    if (t === 0) throw new Error(`monitor: no leaf with low key ${key}`);
    this.KEY[t] = newKey;
  }

  private setKeyOfSuccessor(key: number, newKey: number): void {
    const node = this.successor(key);
    if (node !== 0) this.KEY[node] = newKey;
  }

  private newNode(page: number, key: number, g: number): number {
    let id: number;
    if (this.freeHead !== 0) {
      id = this.freeHead;
      this.freeHead = this.L[id];
    } else {
      if (this.nextId === this.capacity) this.grow();
      id = this.nextId++;
    }
    this.L[id] = 0;
    this.R[id] = 0;
    this.SZ[id] = 1;
    this.PG[id] = page;
    this.KEY[id] = key;
    this.GV[id] = g;
    this.SUM[id] = g;
    return id;
  }

  private freeNode(t: number): void {
    this.L[t] = this.freeHead;
    this.R[t] = 0;
    this.SZ[t] = 0;
    this.GV[t] = 0;
    this.SUM[t] = 0;
    this.freeHead = t;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const g32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    this.L = g32(this.L);
    this.R = g32(this.R);
    this.SZ = g32(this.SZ);
    this.PG = g32(this.PG);
    this.KEY = g32(this.KEY);
    const g64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    this.GV = g64(this.GV);
    this.SUM = g64(this.SUM);
    this.capacity = cap;
  }
}
