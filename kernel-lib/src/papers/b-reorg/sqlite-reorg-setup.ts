/**
 * Setup of paper B's update experiment on SQLite (data/b-reorg/reorg-on-sqlite.json): the
 * paper's stated setup (§4) and the modeling choices of the reduced scale, each with a source.
 * The update stream itself is paper B's bulk-update workload (data/b-reorg/bulk-updates.json).
 */
import { loadJson } from '../../core/data-path.js';
import { requireInRange, requireInteger, requireOneOf, ParameterError } from '../../core/validate.js';
import { HDD_PROFILE_NAMES, type HddProfileName } from '../../hardware/hdd.js';

export interface SqliteReorgSetup {
  /** Rows of T1 in the paper (§4). */
  paperRows: number;
  paperPageBytes: number;
  paperUpdates: number;
  /** Share of the data the paper's updates touch (§4: about 40 %). */
  paperUpdatedShare: number;
  /** Characters of T1.str (§4: char str[255]). */
  strBytes: number;
  /** SLA tolerance X (§4). */
  x: number;
  hddProfile: HddProfileName;
  /** Rows of T1 here (scaled). */
  rows: number;
  /** SQLite page size, bytes. */
  pageBytes: number;
  updates: number;
  /** Read the layout every this many updates. */
  snapshotEvery: number;
}

/**
 * Checks a setup (also one with overrides from a notebook's parameters). The bounds are the
 * notebook's: 5,000–200,000 rows (below 5,000 a workload region is shorter than an update's window) and at most 2,000 updates (well under a minute in sql.js), a
 * snapshot every 10–1,000 updates, X in [1.01, 100]. @throws ParameterError
 */
export function validateSqliteReorgSetup(s: SqliteReorgSetup): SqliteReorgSetup {
  requireInteger('rows', s.rows, 'rows', 5000, 200_000);
  requireInteger('pageBytes', s.pageBytes, 'bytes', 512, 65536);
  if ((s.pageBytes & (s.pageBytes - 1)) !== 0) throw new ParameterError('pageBytes', s.pageBytes, 'bytes', 'a power of two in 512–65536 (SQLite page sizes)');
  requireInteger('updates', s.updates, 'updates', 0, 2000);
  requireInteger('snapshotEvery', s.snapshotEvery, 'updates', 10, 1000);
  requireInRange('x', s.x, '× G0', 1.01, 100);
  requireInteger('strBytes', s.strBytes, 'characters', 0, 1_000_000);
  requireOneOf('hddProfile', s.hddProfile, HDD_PROFILE_NAMES);
  return s;
}

/** The setup from data/b-reorg/reorg-on-sqlite.json, with optional overrides. */
export function sqliteReorgSetup(overrides: Partial<SqliteReorgSetup> = {}): SqliteReorgSetup {
  const base = loadJson<SqliteReorgSetup>('b-reorg', 'reorg-on-sqlite.json');
  const merged = { ...base } as SqliteReorgSetup;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  return validateSqliteReorgSetup(merged);
}
