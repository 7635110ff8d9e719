/**
 * Paper B §4's "DB update": pick a key range, then delete and insert bulk rows at random inside
 * it; regions of the key space get different frequencies. One such operation is one update;
 * the paper runs 1,000 updates on 6,000,000 rows (ids 0 ≤ id < 6,000,000) and about 40 % of the
 * data gets updated.
 *
 * The profile (region weights, window and bulk sizes, seed) is data: data/b-reorg/bulk-updates.json,
 * with its rationale. One update here:
 * 1. region r drawn with probability regionWeights[r]; a window of `windowKeys` keys placed
 *    uniformly inside it;
 * 2. delete: from a uniform start key in the window, the next `bulkRows` present rows
 *    (wrapping inside the window);
 * 3. insert: `bulkRows` keys drawn uniformly among the window's absent keys, inserted in random
 *    order.
 * Each deleted-then-inserted key counts as one update of that row (Fig. 5's update count).
 *
 * The workload keeps its own presence bitmap, so it drives any target with insert/delete.
 */
import { loadJson } from '../core/data-path.js';
import { Rng } from '../core/rng.js';
import { ParameterError, requireInteger } from '../core/validate.js';

export interface BulkUpdateProfile {
  rows: number;
  updates: number;
  regionCount: number;
  regionWeights: number[];
  windowKeys: number;
  bulkRows: number;
  seed: number;
  source?: Record<string, string>;
}

/** What an update is applied to (the clustered B+Tree). */
export interface BulkUpdateTarget {
  insert(key: number): boolean;
  delete(key: number): boolean;
}

/** One update's key window and region. */
export interface BulkUpdateRecord {
  region: number;
  fromKey: number;
  toKey: number;
  deleted: number;
  inserted: number;
}

/** The paper-scale profile of data/b-reorg/bulk-updates.json. */
export function loadBulkUpdateProfile(): BulkUpdateProfile {
  return loadJson<BulkUpdateProfile>('b-reorg', 'bulk-updates.json');
}

/** The same profile at a smaller scale: rows, window and bulk scaled by `scale` (0 < scale ≤ 1). */
export function scaleBulkUpdateProfile(p: BulkUpdateProfile, scale: number): BulkUpdateProfile {
  if (!(scale > 0 && scale <= 1)) throw new ParameterError('scale', scale, '', 'in (0, 1]');
  return {
    ...p,
    rows: Math.max(p.regionCount * 100, Math.round(p.rows * scale)),
    windowKeys: Math.max(100, Math.round(p.windowKeys * scale)),
    bulkRows: Math.max(10, Math.round(p.bulkRows * scale)),
  };
}

export function validateBulkUpdateProfile(p: BulkUpdateProfile): void {
  requireInteger('rows', p.rows, 'rows', 1, 2 ** 31 - 1);
  requireInteger('updates', p.updates, 'updates', 0);
  requireInteger('regionCount', p.regionCount, 'regions', 1, p.rows);
  if (!Array.isArray(p.regionWeights) || p.regionWeights.length !== p.regionCount) {
    throw new ParameterError('regionWeights', p.regionWeights, '', `an array of regionCount = ${p.regionCount} weights`);
  }
  let sum = 0;
  for (let i = 0; i < p.regionWeights.length; i++) {
    const w = p.regionWeights[i];
    if (!(Number.isFinite(w) && w >= 0)) throw new ParameterError(`regionWeights[${i}]`, w, '', '≥ 0 (finite)');
    sum += w;
  }
  if (!(sum > 0)) throw new ParameterError('regionWeights', p.regionWeights, '', 'a sum > 0');
  const regionKeys = Math.floor(p.rows / p.regionCount);
  requireInteger('windowKeys', p.windowKeys, 'keys', 1, regionKeys);
  requireInteger('bulkRows', p.bulkRows, 'rows', 1, p.windowKeys);
  requireInteger('seed', p.seed, '', -(2 ** 31), 2 ** 31 - 1);
}

export class BulkUpdateWorkload {
  readonly profile: BulkUpdateProfile;
  /** Times each key was deleted and re-inserted (Fig. 5). */
  readonly updateCountPerKey: Uint16Array;
  /** Updates that picked each region. */
  readonly updatesPerRegion: Int32Array;
  readonly regionKeys: number;
  private readonly present: Uint8Array;
  private readonly rng: Rng;
  private readonly scratch: Int32Array;
  private readonly weights: number[];
  private pendingDeleted: Uint8Array;

  constructor(profile: BulkUpdateProfile, rng?: Rng) {
    validateBulkUpdateProfile(profile);
    this.profile = profile;
    this.rng = rng ?? new Rng(profile.seed);
    this.present = new Uint8Array(profile.rows);
    this.pendingDeleted = new Uint8Array(profile.rows);
    this.updateCountPerKey = new Uint16Array(profile.rows);
    this.updatesPerRegion = new Int32Array(profile.regionCount);
    this.regionKeys = Math.floor(profile.rows / profile.regionCount);
    this.scratch = new Int32Array(profile.windowKeys);
    this.weights = profile.regionWeights.slice();
  }

  /** Loads ids 0 … rows−1 in ascending order (paper B §4). */
  load(target: BulkUpdateTarget): void {
    for (let k = 0; k < this.profile.rows; k++) {
      if (!target.insert(k)) throw new Error(`load: key ${k} already present`);
      this.present[k] = 1;
    }
  }

  /** Runs one update. */
  runUpdate(target: BulkUpdateTarget): BulkUpdateRecord {
    const p = this.profile;
    const rng = this.rng;
    const region = rng.weighted(this.weights);
    this.updatesPerRegion[region]++;
    const regionFrom = region * this.regionKeys;
    const fromKey = regionFrom + rng.int(0, this.regionKeys - p.windowKeys);
    const toKey = fromKey + p.windowKeys;
    // 2. delete a bulk of consecutive present rows from a random start
    let k = fromKey + rng.int(0, p.windowKeys - 1);
    let deleted = 0;
    for (let scanned = 0; scanned < p.windowKeys && deleted < p.bulkRows; scanned++) {
      if (this.present[k] === 1) {
        target.delete(k);
        this.present[k] = 0;
        this.pendingDeleted[k] = 1;
        deleted++;
      }
      k++;
      if (k === toKey) k = fromKey;
    }
    // 3. insert bulkRows keys at random among the absent keys of the window
    let nAbsent = 0;
    for (let x = fromKey; x < toKey; x++) if (this.present[x] === 0) this.scratch[nAbsent++] = x;
    const n = Math.min(p.bulkRows, nAbsent);
    for (let i = 0; i < n; i++) {
      const j = rng.int(i, nAbsent - 1);
      const key = this.scratch[j];
      this.scratch[j] = this.scratch[i];
      this.scratch[i] = key;
      target.insert(key);
      this.present[key] = 1;
      if (this.pendingDeleted[key] === 1) {
        this.pendingDeleted[key] = 0;
      }
      if (this.updateCountPerKey[key] < 65535) this.updateCountPerKey[key]++;
    }
    return { region, fromKey, toKey, deleted, inserted: n };
  }

  /** Share of the rows updated at least once (paper B §4: about 40 %). */
  updatedRowShare(): number {
    let c = 0;
    for (let i = 0; i < this.updateCountPerKey.length; i++) if (this.updateCountPerKey[i] > 0) c++;
    return c / this.updateCountPerKey.length;
  }

  /** Rows currently present. */
  presentRows(): number {
    let c = 0;
    for (let i = 0; i < this.present.length; i++) c += this.present[i];
    return c;
  }
}
