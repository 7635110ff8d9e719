/**
 * Paper C's three laws measured on a real engine: a private PostgreSQL 15 (engines/postgres.ts)
 * running pgbench's TPC-B.
 *   1. Dirty pages vs transactions since a checkpoint, per relation, from pg_buffercache, and
 *      the next checkpoint's buffers_checkpoint; beside the model (postgres-dirty-pages.ts).
 *   2. WAL bytes per transaction (pg_current_wal_lsn deltas) with full_page_writes on and off.
 *   3. Crash-recovery time against the time since the last checkpoint: load at a fixed rate
 *      (pgbench -R), CHECKPOINT, SIGKILL the server u seconds later, restart; the redo time the
 *      server logs and the time until it accepts connections. u = the interval (worst case) and
 *      seeded uniform u within it (mean).
 * Everything here is *measured* on this machine except the `model*` fields, which are modeled.
 */
import { Rng } from '../../core/rng.js';
import { ParameterError, requireInteger, requirePositive } from '../../core/validate.js';
import { lastRedo, startPostgres, type PrivatePostgres } from '../../engines/postgres.js';
import { fitPgWalRecordBytes, pgDirtyPages, pgWalBytes, type PgbenchLayout, type PgDirtyPages, type PgWalRecordBytes, type UpdateLayout } from './postgres-dirty-pages.js';

export interface PgCheckpointOptions {
  /** pgbench scale (1 = 100,000 accounts, 10 tellers, 1 branch). Default 4. */
  scale?: number;
  /** pgbench -F fillfactor of accounts/tellers/branches (%). Default 100 (pgbench's default). */
  fillfactor?: number;
  /** Transactions after a checkpoint at which dirty pages and WAL are read. Default [250, 500, 1000, 2000, 4000]. */
  txnSweep?: number[];
  /** Load rate of the recovery runs (transactions/s, pgbench -R). Default 300. */
  rateTps?: number;
  /** Times since the checkpoint at which the worst-case crash happens (s). Default [2, 4, 6, 8]. */
  intervalsS?: number[];
  /** Seeded uniform crash times per interval for the mean. Default 3. */
  crashesPerInterval?: number;
  /**
   * full_page_writes during the crash runs. Default false: paper C's log holds records only, so
   * its law (log since the checkpoint ∝ the interval) is tested on a log without page images;
   * with true, the WAL also holds an image per newly dirtied page and grows concavely (the
   * model predicts both).
   */
  crashFullPageWrites?: boolean;
  /** shared_buffers (MiB); must hold the data. Default 256. */
  sharedBuffersMiB?: number;
  seed?: number;
}

export interface PgDirtyRow {
  txns: number;
  measured: { accounts: number; accountsPkey: number; tellers: number; branches: number; history: number; total: number };
  /** buffers_checkpoint of the checkpoint that followed (all relations, catalogs included). */
  buffersCheckpoint: number;
  /** Non-HOT updates of accounts (n_tup_upd − n_tup_hot_upd). */
  measuredNonHot: number;
  modelInPlace: PgDirtyPages;
  modelNewVersion: PgDirtyPages;
  walBytesFpwOn: number;
  walBytesFpwOff: number;
  modelWalBytesFpwOn: number;
}

export interface PgCrashRow {
  intervalS: number;
  /** Time from the checkpoint to the crash (s). */
  crashAfterS: number;
  worstCase: boolean;
  redoS: number;
  /** Time from restart to accepting connections (s). */
  restartS: number;
  /** WAL the server replayed (bytes, from its "redo starts at" / "redo done at" LSNs). */
  replayedBytes: number;
  /** Transactions committed between the checkpoint and the crash (history rows since then, counted after recovery). */
  txnsSinceCheckpoint: number;
  /** Transactions committed since the tables were loaded, before the checkpoint. */
  txnsBeforeCheckpoint: number;
}

export interface PgCheckpointResult {
  options: Required<PgCheckpointOptions>;
  layout: PgbenchLayout;
  /** WAL record bytes per transaction and per non-HOT update with full_page_writes off (fitted to the measured sweep; the WAL model's input). */
  walRecords: PgWalRecordBytes;
  dirty: PgDirtyRow[];
  crashes: PgCrashRow[];
  /** Crash right after a checkpoint (u = 0). */
  afterCheckpoint: PgCrashRow;
  /** Replay rate over the worst-case runs (bytes/s), measured. */
  replayBytesPerS: number;
  elapsedS: number;
}

const DEFAULTS: Required<PgCheckpointOptions> = {
  scale: 4,
  fillfactor: 100,
  txnSweep: [250, 500, 1000, 2000, 4000],
  rateTps: 300,
  intervalsS: [2, 4, 6, 8],
  crashesPerInterval: 3,
  crashFullPageWrites: false,
  sharedBuffersMiB: 256,
  seed: 1,
};

function validate(o: PgCheckpointOptions): Required<PgCheckpointOptions> {
  const r = { ...DEFAULTS, ...o };
  requireInteger('scale', r.scale, 'scale units', 1, 1000);
  requireInteger('fillfactor', r.fillfactor, '%', 10, 100);
  if (!Array.isArray(r.txnSweep) || r.txnSweep.length === 0) throw new ParameterError('txnSweep', r.txnSweep, 'transactions', 'a non-empty array of transaction counts');
  r.txnSweep.forEach((n) => requireInteger('txnSweep', n, 'transactions', 1, 10_000_000));
  requirePositive('rateTps', r.rateTps, 'tps');
  if (!Array.isArray(r.intervalsS) || r.intervalsS.length < 2) throw new ParameterError('intervalsS', r.intervalsS, 's', 'an array of at least two intervals');
  r.intervalsS.forEach((s) => requireInteger('intervalsS', s, 's', 1, 3600));
  requireInteger('crashesPerInterval', r.crashesPerInterval, 'crashes', 1, 100);
  if (typeof r.crashFullPageWrites !== 'boolean') throw new ParameterError('crashFullPageWrites', r.crashFullPageWrites, '', 'one of [true, false]');
  requireInteger('sharedBuffersMiB', r.sharedBuffersMiB, 'MiB', 16, 65536);
  requireInteger('seed', r.seed, '', 0, 2 ** 31 - 1);
  return r;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const num = (v: unknown) => Number(v ?? 0);

async function lsn(pg: PrivatePostgres): Promise<string> {
  return (await pg.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l'))[0].l;
}

async function walSince(pg: PrivatePostgres, from: string): Promise<number> {
  return num((await pg.query<{ b: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS b', [from]))[0].b);
}

/** Dirty main-fork buffers of each pgbench relation. */
async function dirtyByRelation(pg: PrivatePostgres): Promise<Record<string, number>> {
  const rows = await pg.query<{ relname: string; dirty: string }>(
    `SELECT c.relname, count(*) FILTER (WHERE b.isdirty) AS dirty
       FROM pg_buffercache b JOIN pg_class c ON b.relfilenode = pg_relation_filenode(c.oid)
      WHERE b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND b.relforknumber = 0 AND c.relname LIKE 'pgbench%'
      GROUP BY c.relname`,
  );
  return Object.fromEntries(rows.map((r) => [r.relname, num(r.dirty)]));
}

async function checkpointBuffers(pg: PrivatePostgres): Promise<number> {
  const before = num((await pg.query<{ b: string }>('SELECT buffers_checkpoint AS b FROM pg_stat_bgwriter'))[0].b);
  await pg.query('CHECKPOINT');
  return num((await pg.query<{ b: string }>('SELECT buffers_checkpoint AS b FROM pg_stat_bgwriter'))[0].b) - before;
}

async function accountsUpdates(pg: PrivatePostgres): Promise<{ upd: number; hot: number }> {
  const r = (await pg.query<{ u: string; h: string }>("SELECT n_tup_upd AS u, n_tup_hot_upd AS h FROM pg_stat_user_tables WHERE relname = 'pgbench_accounts'"))[0];
  return { upd: num(r.u), hot: num(r.h) };
}

async function readLayout(pg: PrivatePostgres, fillfactor: number): Promise<PgbenchLayout> {
  await pg.query('ANALYZE');
  const rel = await pg.query<{ relname: string; relpages: number; reltuples: number }>(
    "SELECT relname, relpages, reltuples FROM pg_class WHERE relname IN ('pgbench_accounts','pgbench_tellers','pgbench_branches','pgbench_history')",
  );
  const t = (n: string) => {
    const r = rel.find((x) => x.relname === n)!;
    return { rows: Number(r.reltuples), pages: Math.max(1, Number(r.relpages)) };
  };
  const idx = (await pg.query<{ leaf_pages: string }>("SELECT leaf_pages FROM pgstatindex('pgbench_accounts_pkey')"))[0];
  const pageBytes = num((await pg.query<{ s: string }>("SELECT current_setting('block_size') AS s"))[0].s);
  return {
    pageBytes,
    fillfactor,
    accounts: t('pgbench_accounts'),
    tellers: t('pgbench_tellers'),
    branches: t('pgbench_branches'),
    historyRowsPerPage: 0, // read after a run fills the history
    accountsPkeyLeafPages: num(idx.leaf_pages),
  };
}

async function historyRowsPerPage(pg: PrivatePostgres): Promise<number> {
  await pg.query('ANALYZE pgbench_history');
  const r = (await pg.query<{ p: number; t: number }>("SELECT relpages AS p, reltuples AS t FROM pg_class WHERE relname = 'pgbench_history'"))[0];
  return Number(r.t) / Math.max(1, Number(r.p));
}

/** Resets pgbench's tables to the freshly initialized state (same layout every sweep point). */
async function init(pg: PrivatePostgres, o: Required<PgCheckpointOptions>): Promise<void> {
  await pg.pgbench(['-i', '-q', '-s', String(o.scale), '-F', String(o.fillfactor)]);
  await pg.query('VACUUM ANALYZE');
}

async function sweepDirty(pg: PrivatePostgres, o: Required<PgCheckpointOptions>, fpw: boolean): Promise<Array<{ txns: number; dirty: Record<string, number>; buffersCheckpoint: number; wal: number; nonHot: number }>> {
  await pg.query(`ALTER SYSTEM SET full_page_writes = ${fpw ? 'on' : 'off'}`);
  await pg.query('SELECT pg_reload_conf()');
  const out = [];
  for (const n of o.txnSweep) {
    await init(pg, o);
    await pg.query('CHECKPOINT');
    const u0 = await accountsUpdates(pg);
    const l0 = await lsn(pg);
    await pg.pgbench(['-n', '-c', '1', '-t', String(n)]);
    const wal = await walSince(pg, l0);
    const dirty = await dirtyByRelation(pg);
    await sleep(600); // the statistics collector reports table counters after a short delay (PGSTAT_MIN_INTERVAL)
    const u1 = await accountsUpdates(pg);
    const buffersCheckpoint = await checkpointBuffers(pg);
    out.push({ txns: n, dirty, buffersCheckpoint, wal, nonHot: u1.upd - u1.hot - (u0.upd - u0.hot) });
  }
  return out;
}

async function crashAt(pg: PrivatePostgres, o: Required<PgCheckpointOptions>, intervalS: number, afterS: number, worstCase: boolean): Promise<PgCrashRow> {
  const load = pg.pgbench(['-n', '-c', '2', '-R', String(o.rateTps), '-T', String(Math.ceil(afterS) + 30)]).catch(() => '');
  await sleep(500); // load running before the checkpoint
  await pg.query('CHECKPOINT');
  const since = (await pg.query<{ t: string }>('SELECT clock_timestamp()::text AS t'))[0].t;
  await sleep(afterS * 1000);
  const logBefore = pg.log().length;
  await pg.crash();
  await load;
  const restartMs = await pg.restart();
  const log = pg.log().slice(logBefore);
  const redo = lastRedo(log);
  // Committed transactions survive the crash: each appended one history row stamped with its time.
  const counts = (await pg.query<{ after: string; before: string }>('SELECT count(*) FILTER (WHERE mtime >= $1::timestamp) AS after, count(*) FILTER (WHERE mtime < $1::timestamp) AS before FROM pgbench_history', [since]))[0];
  return {
    intervalS,
    crashAfterS: afterS,
    worstCase,
    redoS: redo.redoS,
    restartS: restartMs / 1000,
    replayedBytes: redo.replayedBytes,
    txnsSinceCheckpoint: num(counts.after),
    txnsBeforeCheckpoint: num(counts.before),
  };
}

/** Runs the three experiments on a private PostgreSQL it starts and always stops. */
export async function runPgCheckpoint(opts: PgCheckpointOptions = {}): Promise<PgCheckpointResult> {
  const o = validate(opts);
  const t0 = performance.now();
  const pg = await startPostgres({
    sharedBuffersMiB: o.sharedBuffersMiB,
    // No timed checkpoint or background writer during a measurement: the checkpoints are the
    // experiment's own CHECKPOINT commands; the pool holds the data (no evictions).
    settings: { checkpoint_timeout: '1d', max_wal_size: '16GB', bgwriter_lru_maxpages: 0, autovacuum: false, log_checkpoints: true, synchronous_commit: 'on' },
  });
  try {
    await pg.query('CREATE EXTENSION IF NOT EXISTS pg_buffercache');
    await pg.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
    await init(pg, o);
    const layout = await readLayout(pg, o.fillfactor);
    const off = await sweepDirty(pg, o, false);
    layout.historyRowsPerPage = await historyRowsPerPage(pg);
    const on = await sweepDirty(pg, o, true);
    const walRecords = fitPgWalRecordBytes(off.map((r) => ({ walBytes: r.wal, txns: r.txns, nonHot: r.nonHot })));
    const dirty: PgDirtyRow[] = on.map((r, i) => {
      const d = r.dirty;
      const measured = {
        accounts: d.pgbench_accounts ?? 0,
        accountsPkey: d.pgbench_accounts_pkey ?? 0,
        tellers: d.pgbench_tellers ?? 0,
        branches: d.pgbench_branches ?? 0,
        history: d.pgbench_history ?? 0,
        total: Object.values(d).reduce((s, x) => s + x, 0),
      };
      const inPlace = pgDirtyPages(layout, r.txns, 'in-place');
      const newVersion = pgDirtyPages(layout, r.txns, 'new-version');
      return {
        txns: r.txns,
        measured,
        buffersCheckpoint: r.buffersCheckpoint,
        measuredNonHot: r.nonHot,
        modelInPlace: inPlace,
        modelNewVersion: newVersion,
        walBytesFpwOn: r.wal,
        walBytesFpwOff: off[i].wal,
        modelWalBytesFpwOn: pgWalBytes(newVersion, r.txns, walRecords, layout.pageBytes, true),
      };
    });
    // Recovery runs on freshly loaded tables, full_page_writes as configured.
    await pg.query(`ALTER SYSTEM SET full_page_writes = ${o.crashFullPageWrites ? 'on' : 'off'}`);
    await pg.query('SELECT pg_reload_conf()');
    await init(pg, o);
    const rng = new Rng(o.seed);
    const crashes: PgCrashRow[] = [];
    const afterCheckpoint = await crashAt(pg, o, 0, 0, false);
    for (const I of o.intervalsS) {
      crashes.push(await crashAt(pg, o, I, I, true));
      // Stratified uniform crash times: one seeded uniform draw in each of K equal slices of the
      // interval, so the sample mean estimates the uniform mean with a small variance.
      const K = o.crashesPerInterval;
      for (let k = 0; k < K; k++) crashes.push(await crashAt(pg, o, I, ((k + rng.float()) / K) * I, false));
    }
    const worst = crashes.filter((c) => c.worstCase);
    const replayBytesPerS = worst.reduce((s, c) => s + c.replayedBytes, 0) / Math.max(1e-9, worst.reduce((s, c) => s + c.redoS, 0));
    return { options: o, layout, walRecords, dirty, crashes, afterCheckpoint, replayBytesPerS, elapsedS: (performance.now() - t0) / 1000 };
  } finally {
    await pg.stop();
  }
}

/**
 * Modeled redo time of a crash `afterS` after a checkpoint: the WAL the model predicts for the
 * transactions run since (rate × time, full-page images of the new-version layout's dirty
 * pages) over the replay rate measured in the worst-case runs.
 */
export function pgPredictedRedoS(r: PgCheckpointResult, afterS: number, priorTxns = 0): number {
  return pgPredictedWalBytes(r, pgAchievedTps(r) * afterS, priorTxns) / r.replayBytesPerS;
}

/**
 * Modeled WAL written by `txns` transactions after a checkpoint (what recovery must replay
 * after a crash), `priorTxns` having run since the load.
 */
export function pgPredictedWalBytes(r: PgCheckpointResult, txns: number, priorTxns = 0, fullPageWrites = r.options.crashFullPageWrites): number {
  const dirty = pgDirtyPages(r.layout, txns, 'new-version', priorTxns);
  return pgWalBytes(dirty, txns, r.walRecords, r.layout.pageBytes, fullPageWrites);
}

/** The load rate the crash runs achieved (committed transactions per second since the checkpoints), measured. */
export function pgAchievedTps(r: PgCheckpointResult): number {
  const runs = r.crashes.filter((c) => c.crashAfterS > 0);
  return runs.reduce((s, c) => s + c.txnsSinceCheckpoint, 0) / runs.reduce((s, c) => s + c.crashAfterS, 0);
}

/** Worst and mean redo time per interval (mean over the seeded uniform crash times). */
export interface PgRecoveryRow {
  intervalS: number;
  /** WAL replayed after the worst-case crash / mean over the uniform crashes (MB), measured. */
  worstReplayMB: number;
  meanReplayMB: number;
  /** Modeled WAL since the checkpoint at the worst-case crash (MB). */
  modelWorstReplayMB: number;
  worstRedoS: number;
  meanRedoS: number;
  worstRestartS: number;
  meanRestartS: number;
  modelWorstRedoS: number;
}

export function pgRecoveryByInterval(r: PgCheckpointResult): PgRecoveryRow[] {
  return r.options.intervalsS.map((I) => {
    const w = r.crashes.find((c) => c.intervalS === I && c.worstCase)!;
    const m = r.crashes.filter((c) => c.intervalS === I && !c.worstCase);
    const mean = (f: (c: PgCrashRow) => number) => m.reduce((s, c) => s + f(c), 0) / m.length;
    return {
      intervalS: I,
      worstReplayMB: w.replayedBytes / 1e6,
      meanReplayMB: mean((c) => c.replayedBytes) / 1e6,
      modelWorstReplayMB: pgPredictedWalBytes(r, w.txnsSinceCheckpoint, w.txnsBeforeCheckpoint) / 1e6,
      worstRedoS: w.redoS,
      meanRedoS: mean((c) => c.redoS),
      worstRestartS: w.restartS,
      meanRestartS: mean((c) => c.restartS),
      modelWorstRedoS: pgPredictedRedoS(r, I),
    };
  });
}

export type { UpdateLayout };
