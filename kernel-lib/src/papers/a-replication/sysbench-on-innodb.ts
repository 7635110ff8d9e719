/**
 * What SysBench's read-only workload really reads on a real InnoDB (issue 13, first item),
 * measured on a private MariaDB 10.11 (engines/mariadb.ts) with Debian's sysbench 1.0.20:
 * `oltp_read_only` on one table `sbtest1` prepared at a reduced scale, then once per --rand-type
 * from a cold buffer pool (a clean restart; no pool dump/load; innodb_flush_method = O_DIRECT so
 * the OS page cache is out of the way; the pool larger than the table, so nothing is evicted).
 *
 * Measured (SHOW GLOBAL STATUS, one statement per sample, every `sampleMs`): Com_commit (the
 * transactions: oltp_read_only commits each one), Innodb_buffer_pool_read_requests,
 * Innodb_buffer_pool_reads, Innodb_buffer_pool_read_ahead(_rnd). At the end of each run:
 * the pool's pages of sbtest1 by index and page number (information_schema.INNODB_BUFFER_PAGE).
 * The table's layout comes from the engine's own files and statistics, read once after the
 * load: the .ibd through the project's reader (innodb/: every page's type, index, level and
 * allocation; PRIMARY's levels in key order), mysql.innodb_index_stats (`size`, `n_leaf_pages`).
 *
 * Beside each run, the model (sysbench-on-innodb-model.ts) replays the same number of
 * transactions on the same tree with the same pool size and distribution. Measured values are
 * "measured", the model's "modeled".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ParameterError, requireInteger, requireOneOf } from '../../core/validate.js';
import { startMariaDb, type MariaDb } from '../../engines/mariadb.js';
import { PrivateServerError } from '../../engines/private-server.js';
import { readClusteredIndex } from '../../innodb/innodb-clustered-index.js';
import { withExportedTablespace } from '../../innodb/innodb-engine-view.js';
import { readInnodbTablespace } from '../../innodb/innodb-tablespace.js';
import { SYSBENCH_RAND_TYPES, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';
import { modelSysbenchReads, treeShapeFromLevels, type InnodbTreeShape } from './sysbench-on-innodb-model.js';

export interface SysbenchOnInnodbOptions {
  /**
   * Rows of sbtest1 (sysbench --table-size). Default 200,000 (about 52 MiB of tablespace).
   * Range [5,000, 300,000]: below about 4,000 rows the .ibd is smaller than one extent (64
   * pages) and the project's reader refuses its FSP_FREE_LIMIT (64) beyond FSP_SIZE, which
   * MariaDB writes for such small files.
   */
  tableRows?: number;
  /** innodb_buffer_pool_size (MiB); must hold 1.2 × the tablespace. Default 128. Range [64, 256]. */
  bufferPoolMiB?: number;
  /** The --rand-type values to run, in order. Default uniform, special, gaussian, pareto. */
  randTypes?: SysbenchRandType[];
  /** Seconds of load per rand-type (sysbench --time). Default 8. Range [1, 10]. */
  durationS?: number;
  /** sysbench --threads. Default 1. Range [1, 4]. */
  threads?: number;
  /** Status sampling interval (ms). Default 250. Range [100, 1000]. */
  sampleMs?: number;
  /** sysbench --rand-seed and the model's seed. Default 1. Range [1, 1,000,000]. */
  seed?: number;
}

/** One status sample, cumulative since the run's start (measured). */
export interface SysbenchSample {
  /** Time since sysbench started (s). */
  tS: number;
  txns: number;
  readRequests: number;
  reads: number;
  readAhead: number;
}

/** The table as the engine laid it out (pages), from its .ibd and its statistics. */
export interface SysbenchTableLayout {
  rows: number;
  pageBytes: number;
  tablespacePages: number;
  primaryLeafPages: number;
  primaryInteriorPages: number;
  primaryHeight: number;
  /** mysql.innodb_index_stats `size`: pages reserved by PRIMARY's segments (used + reserved unused). */
  primaryReservedPages: number;
  /** Used (allocated INDEX) pages of k_1 in the file, and its reserved pages (`size`). */
  k1Pages: number;
  k1ReservedPages: number;
  /** Allocated pages that are not INDEX pages (FSP header, insert-buffer bitmap, inode, ...). */
  systemPages: number;
  /** Pages not in use according to the extent descriptors (free or reserved but unused). */
  unusedPages: number;
  /** Rows per leaf (rows / primaryLeafPages). */
  rowsPerLeaf: number;
}

export interface SysbenchRandRun {
  randType: SysbenchRandType;
  samples: SysbenchSample[];
  /** Transactions by sysbench's own summary ("transactions: N") — equals the last sample's Com_commit. */
  sysbenchTxns: number;
  /** Pages of sbtest1 in the pool at the end, by index (INNODB_BUFFER_PAGE), and PRIMARY's split. */
  poolPagesByIndex: Record<string, number>;
  poolPrimaryLeaves: number;
  poolPrimaryInterior: number;
  /** sbtest1 pages in the pool right after the restart (before the load). */
  poolPagesBefore: number;
  /** Model at each sample's transaction count. */
  modelAccesses: number[];
  modelMisses: number[];
  modelDistinctLeaves: number;
  modelDistinctInterior: number;
  modelAccessesPerTxn: number;
}

export interface SysbenchOnInnodbResult {
  options: Required<SysbenchOnInnodbOptions>;
  layout: SysbenchTableLayout;
  /** Usable pool frames (Innodb_buffer_pool_pages_total), the model's capacity. */
  poolPages: number;
  prepareS: number;
  runs: SysbenchRandRun[];
  /** The private server's folder (removed when the run ends) and the pids it ran under (one per start). */
  serverDir: string;
  serverPids: number[];
  /** Server versions as reported. */
  versions: { mariadb: string; sysbench: string };
  elapsedS: number;
}

const DEFAULTS: Required<SysbenchOnInnodbOptions> = {
  tableRows: 200_000,
  bufferPoolMiB: 128,
  randTypes: ['uniform', 'special', 'gaussian', 'pareto'],
  durationS: 8,
  threads: 1,
  sampleMs: 250,
  seed: 1,
};

function validate(o: SysbenchOnInnodbOptions): Required<SysbenchOnInnodbOptions> {
  const r = { ...DEFAULTS, ...o };
  requireInteger('tableRows', r.tableRows, 'rows', 5_000, 300_000);
  requireInteger('bufferPoolMiB', r.bufferPoolMiB, 'MiB', 64, 256);
  if (!Array.isArray(r.randTypes) || r.randTypes.length === 0 || new Set(r.randTypes).size !== r.randTypes.length) {
    throw new ParameterError('randTypes', r.randTypes, '', `a non-empty list of distinct values of [${SYSBENCH_RAND_TYPES.join(', ')}]`);
  }
  r.randTypes.forEach((t) => requireOneOf('randTypes', t, SYSBENCH_RAND_TYPES));
  requireInteger('durationS', r.durationS, 's', 1, 10);
  requireInteger('threads', r.threads, 'threads', 1, 4);
  requireInteger('sampleMs', r.sampleMs, 'ms', 100, 1000);
  requireInteger('seed', r.seed, '', 1, 1_000_000);
  return r;
}

/** Runs sysbench oltp_read_only against the private server; `started` gets the child for cleanup. */
function sysbench(db: MariaDb, args: string[], started?: (p: ChildProcess) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('sysbench', ['oltp_read_only', '--db-driver=mysql', `--mysql-socket=${db.socketPath}`, '--mysql-user=root', '--mysql-db=sbtest', '--tables=1', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started?.(p);
    let out = '';
    let err = '';
    p.stdout.on('data', (b) => (out += b));
    p.stderr.on('data', (b) => (err += b));
    p.on('error', (e) => reject(new PrivateServerError(`sysbench could not run (apt-get install -y sysbench, or CI=true bash scripts/setup.sh): ${e.message}`)));
    p.on('close', (code, signal) =>
      code === 0 ? resolve(out) : reject(new PrivateServerError(`sysbench ${args[args.length - 1]} failed (exit ${code ?? signal}): ${(err || out).trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

const STATUS_VARS = ['Com_commit', 'Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads', 'Innodb_buffer_pool_read_ahead', 'Innodb_buffer_pool_read_ahead_rnd'];

async function status(db: MariaDb): Promise<Record<string, number>> {
  const rows = await db.query<{ Variable_name: string; Value: string }>(`SHOW GLOBAL STATUS WHERE Variable_name IN (${STATUS_VARS.map((v) => `'${v}'`).join(', ')})`);
  const out: Record<string, number> = {};
  for (const v of STATUS_VARS) {
    const r = rows.find((x) => x.Variable_name === v);
    if (!r) throw new PrivateServerError(`mariadb: SHOW GLOBAL STATUS has no ${v}`);
    out[v] = Number(r.Value);
  }
  return out;
}

const SBTEST1 = '`sbtest`.`sbtest1`';

async function poolPages(db: MariaDb): Promise<{ index: string; page: number }[]> {
  const rows = await db.query<{ i: string | null; p: number }>('SELECT INDEX_NAME i, PAGE_NUMBER p FROM information_schema.INNODB_BUFFER_PAGE WHERE TABLE_NAME = ?', [SBTEST1]);
  return rows.map((r) => ({ index: r.i ?? '(none)', page: Number(r.p) }));
}

/** The layout from the .ibd (read while FLUSH TABLES ... FOR EXPORT holds it) and innodb_index_stats. */
async function readLayout(db: MariaDb, rows: number): Promise<{ layout: SysbenchTableLayout; shape: InnodbTreeShape; interior: Set<number> }> {
  await db.query('ANALYZE TABLE sbtest.sbtest1');
  const stats = await db.query<{ index_name: string; stat_name: string; stat_value: number }>(
    "SELECT index_name, stat_name, stat_value FROM mysql.innodb_index_stats WHERE database_name = 'sbtest' AND table_name = 'sbtest1' AND stat_name IN ('size', 'n_leaf_pages')",
  );
  const stat = (i: string, n: string): number => {
    const r = stats.find((s) => s.index_name === i && s.stat_name === n);
    if (!r) throw new PrivateServerError(`mariadb: mysql.innodb_index_stats has no ${n} for sbtest1.${i}`);
    return Number(r.stat_value);
  };
  return withExportedTablespace(db, 'sbtest', 'sbtest1', (path) => {
    const ts = readInnodbTablespace(path);
    const ix = readClusteredIndex(ts);
    let k1 = 0;
    let system = 0;
    let unused = 0;
    for (let p = 0; p < ts.pageCount; p++) {
      const info = ts.page(p);
      if (!info.allocated) unused++;
      else if (info.indexId < 0) system++;
      else if (info.indexId !== ix.indexId) k1++;
    }
    const shape = treeShapeFromLevels(ix.levels, rows);
    const interior = new Set<number>(ix.levels.slice(1).flat().map((p) => p.pageNo));
    const layout: SysbenchTableLayout = {
      rows,
      pageBytes: ts.pageBytes,
      tablespacePages: ts.pageCount,
      primaryLeafPages: ix.leaves.length,
      primaryInteriorPages: interior.size,
      primaryHeight: ix.height,
      primaryReservedPages: stat('PRIMARY', 'size'),
      k1Pages: k1,
      k1ReservedPages: stat('k_1', 'size'),
      systemPages: system,
      unusedPages: unused,
      rowsPerLeaf: rows / ix.leaves.length,
    };
    if (stat('PRIMARY', 'n_leaf_pages') !== layout.primaryLeafPages) {
      throw new PrivateServerError(`innodb reader: ${layout.primaryLeafPages} PRIMARY leaves in the file, innodb_index_stats says ${stat('PRIMARY', 'n_leaf_pages')}`);
    }
    return { layout, shape, interior };
  });
}

/**
 * Prepares sbtest1 on a private MariaDB it starts, runs oltp_read_only per rand-type from a cold
 * pool, replays each on the model, and always stops the server (and any sysbench it started).
 * @throws ParameterError for an option out of range; PrivateServerError when a tool is missing
 *   or the pool cannot hold the table.
 */
export async function runSysbenchOnInnodb(opts: SysbenchOnInnodbOptions = {}): Promise<SysbenchOnInnodbResult> {
  const o = validate(opts);
  const t0 = performance.now();
  return withPreparedSbtest(o.bufferPoolMiB, o.tableRows, async (db, prepareS, track) => {
    const serverPids = [db.server.pid];
    const { layout, shape, interior } = await readLayout(db, o.tableRows);
    const [pt] = await db.query<{ Value: string }>("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_total'");
    const poolTotal = Number(pt.Value);
    if (poolTotal < layout.tablespacePages * 1.2) {
      throw new ParameterError('bufferPoolMiB', o.bufferPoolMiB, 'MiB', `a pool of at least 1.2 × the tablespace (${layout.tablespacePages} pages; the pool has ${poolTotal})`);
    }
    const [ver] = await db.query<{ v: string }>('SELECT VERSION() v');
    const runs: SysbenchRandRun[] = [];
    let sysbenchVersion = '';
    for (const randType of o.randTypes) {
      await db.restart();
      serverPids.push(db.server.pid);
      const poolPagesBefore = (await poolPages(db)).length;
      const s0 = await status(db);
      const samples: SysbenchSample[] = [];
      const ts = performance.now();
      const take = async (): Promise<void> => {
        const s = await status(db);
        samples.push({
          tS: (performance.now() - ts) / 1000,
          txns: s.Com_commit - s0.Com_commit,
          readRequests: s.Innodb_buffer_pool_read_requests - s0.Innodb_buffer_pool_read_requests,
          reads: s.Innodb_buffer_pool_reads - s0.Innodb_buffer_pool_reads,
          readAhead: s.Innodb_buffer_pool_read_ahead + s.Innodb_buffer_pool_read_ahead_rnd - s0.Innodb_buffer_pool_read_ahead - s0.Innodb_buffer_pool_read_ahead_rnd,
        });
      };
      let sampling = Promise.resolve();
      const timer = setInterval(() => (sampling = sampling.then(take)), o.sampleMs);
      let out: string;
      try {
        out = await sysbench(
          db,
          [`--table-size=${o.tableRows}`, `--rand-type=${randType}`, `--time=${o.durationS}`, `--rand-seed=${o.seed}`, `--threads=${o.threads}`, 'run'],
          track,
        );
      } finally {
        clearInterval(timer);
        await sampling;
      }
      await take();
      sysbenchVersion = /sysbench ([0-9.]+)/.exec(out)?.[1] ?? sysbenchVersion;
      const m = /transactions:\s+(\d+)/.exec(out);
      if (!m) throw new PrivateServerError(`sysbench run printed no transaction count: ${out.slice(-300)}`);
      const pages = await poolPages(db);
      const byIndex: Record<string, number> = {};
      let leaves = 0;
      let interiorN = 0;
      for (const p of pages) {
        byIndex[p.index] = (byIndex[p.index] ?? 0) + 1;
        if (p.index === 'PRIMARY') interior.has(p.page) ? interiorN++ : leaves++;
      }
      const model = modelSysbenchReads(shape, { poolPages: poolTotal, randType, txnsAt: samples.map((s) => s.txns), seed: o.seed });
      runs.push({
        randType,
        samples,
        sysbenchTxns: Number(m[1]),
        poolPagesByIndex: byIndex,
        poolPrimaryLeaves: leaves,
        poolPrimaryInterior: interiorN,
        poolPagesBefore,
        modelAccesses: model.accessesAt,
        modelMisses: model.missesAt,
        modelDistinctLeaves: model.distinctLeaves,
        modelDistinctInterior: model.distinctInterior,
        modelAccessesPerTxn: model.accessesPerTxn,
      });
    }
    return { options: o, layout, poolPages: poolTotal, prepareS, runs, serverDir: db.dir, serverPids, versions: { mariadb: ver.v, sysbench: sysbenchVersion }, elapsedS: (performance.now() - t0) / 1000 };
  });
}

/**
 * Starts a private MariaDB (O_DIRECT), prepares sbtest1 with `rows` rows, runs `body` with the
 * prepare's duration and a `track` for the sysbench children it starts, and always stops the
 * server and kills a sysbench still running.
 */
async function withPreparedSbtest<T>(bufferPoolMiB: number, rows: number, body: (db: MariaDb, prepareS: number, track: (p: ChildProcess) => void) => Promise<T>): Promise<T> {
  const db = await startMariaDb({ bufferPoolMiB, flushMethod: 'O_DIRECT' });
  let child: ChildProcess | null = null;
  const track = (p: ChildProcess): void => {
    child = p;
  };
  try {
    await db.exec('CREATE DATABASE sbtest');
    const tp = performance.now();
    await sysbench(db, [`--table-size=${rows}`, 'prepare'], track);
    return await body(db, (performance.now() - tp) / 1000, track);
  } finally {
    const c = child as ChildProcess | null;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await db.stop();
  }
}

/** Range of `measureSysbenchTableLayout`'s rows: from one extent of .ibd to about 1.2 GB (a few minutes to prepare). */
export const SYSBENCH_LAYOUT_ROWS_RANGE: readonly [number, number] = [5_000, 5_000_000];

/**
 * How sysbench's `prepare` lays sbtest1 out on a real InnoDB at `tableRows` rows, without running
 * a workload: starts a private MariaDB, prepares, reads the .ibd and innodb_index_stats
 * (readLayout), stops the server. It measures the segment and free-extent shares at scales the
 * read-only experiment cannot hold in its pool (sysbench-read-set.ts takes them as evidence).
 * @throws ParameterError for `tableRows` out of SYSBENCH_LAYOUT_ROWS_RANGE; PrivateServerError when a tool is missing.
 */
export async function measureSysbenchTableLayout(opts: { tableRows: number }): Promise<SysbenchTableLayout & { versions: { mariadb: string }; prepareS: number }> {
  if (typeof opts !== 'object' || opts === null) throw new ParameterError('opts', opts, '', 'an object { tableRows }');
  const [lo, hi] = SYSBENCH_LAYOUT_ROWS_RANGE;
  const rows = requireInteger('tableRows', opts.tableRows, 'rows', lo, hi);
  return withPreparedSbtest(256, rows, async (db, prepareS) => {
    const { layout } = await readLayout(db, rows);
    const [ver] = await db.query<{ v: string }>('SELECT VERSION() v');
    return { ...layout, versions: { mariadb: ver.v }, prepareS };
  });
}

/** Pages of sbtest1 read by the end of a run (its pages in the pool, minus those there before the load). */
export function sysbenchPagesRead(run: SysbenchRandRun): number {
  return Object.values(run.poolPagesByIndex).reduce((s, n) => s + n, 0) - run.poolPagesBefore;
}

/** The miss-ratio curve of a run against transactions executed, interval by interval. */
export interface SysbenchMissRatioPoint {
  /** Transactions at the interval's end (cumulative). */
  txns: number;
  /** Measured: Δ Innodb_buffer_pool_reads / Δ Innodb_buffer_pool_read_requests. */
  measured: number;
  /** Modeled misses over the same interval per the engine's read requests (same denominator). */
  modeled: number;
  /** Modeled misses per the model's own page accesses. */
  modeledPerAccess: number;
}

/** Miss ratio per interval between samples (intervals without read requests are skipped). */
export function sysbenchMissRatio(run: SysbenchRandRun): SysbenchMissRatioPoint[] {
  const out: SysbenchMissRatioPoint[] = [];
  let prev = { txns: 0, readRequests: 0, reads: 0, misses: 0, accesses: 0 };
  run.samples.forEach((s, i) => {
    const cur = { txns: s.txns, readRequests: s.readRequests, reads: s.reads, misses: run.modelMisses[i], accesses: run.modelAccesses[i] };
    const dReq = cur.readRequests - prev.readRequests;
    if (dReq > 0 && cur.txns > prev.txns) {
      out.push({
        txns: cur.txns,
        measured: (cur.reads - prev.reads) / dReq,
        modeled: (cur.misses - prev.misses) / dReq,
        modeledPerAccess: (cur.misses - prev.misses) / Math.max(1, cur.accesses - prev.accesses),
      });
      prev = cur;
    }
  });
  return out;
}

/**
 * Mean relative gap between the modeled and measured cumulative pages read over a run's samples
 * (samples with at least one page read): the curve agreement, independent of the machine's speed.
 */
export function sysbenchCurveGap(run: SysbenchRandRun): number {
  let sum = 0;
  let n = 0;
  run.samples.forEach((s, i) => {
    if (s.reads > 0 && s.txns > 0) {
      sum += Math.abs(run.modelMisses[i] - s.reads) / s.reads;
      n++;
    }
  });
  return n > 0 ? sum / n : NaN;
}

/** Measured facts a model of SysBench on InnoDB can take as inputs, with their source. */
export interface SysbenchOnInnodbFacts {
  source: string;
  table: SysbenchTableLayout & { primaryShareOfTablespace: number; k1ShareOfTablespace: number; unusedShareOfTablespace: number };
  byRandType: Record<string, { transactions: number; pagesRead: number; readShareOfTablespace: number; readShareOfPrimary: number; k1PagesRead: number; readRequestsPerTxn: number; coldReadsPerTxnFirstSample: number; modeledAccessesPerTxn: number }>;
}

export function sysbenchOnInnodbFacts(r: SysbenchOnInnodbResult): SysbenchOnInnodbFacts {
  const L = r.layout;
  const primaryUsed = L.primaryLeafPages + L.primaryInteriorPages;
  const byRandType: SysbenchOnInnodbFacts['byRandType'] = {};
  for (const run of r.runs) {
    const last = run.samples[run.samples.length - 1];
    const first = run.samples.find((s) => s.txns > 0) ?? last;
    const read = sysbenchPagesRead(run);
    byRandType[run.randType] = {
      transactions: last.txns,
      pagesRead: read,
      readShareOfTablespace: read / L.tablespacePages,
      readShareOfPrimary: (run.poolPagesByIndex.PRIMARY ?? 0) / primaryUsed,
      k1PagesRead: run.poolPagesByIndex.k_1 ?? 0,
      readRequestsPerTxn: last.readRequests / Math.max(1, last.txns),
      coldReadsPerTxnFirstSample: first.reads / Math.max(1, first.txns),
      modeledAccessesPerTxn: run.modelAccessesPerTxn,
    };
  }
  return {
    source: `measured by kernel-lib papers/a-replication/sysbench-on-innodb.ts (notebook replication-sysbench-on-innodb): MariaDB ${r.versions.mariadb}, sysbench ${r.versions.sysbench} oltp_read_only, ${r.options.tableRows} rows, pool ${r.options.bufferPoolMiB} MiB O_DIRECT, ${r.options.durationS} s per rand-type from a cold pool, ${r.options.threads} thread(s), seed ${r.options.seed}`,
    table: {
      ...L,
      primaryShareOfTablespace: primaryUsed / L.tablespacePages,
      k1ShareOfTablespace: L.k1Pages / L.tablespacePages,
      unusedShareOfTablespace: L.unusedPages / L.tablespacePages,
    },
    byRandType,
  };
}
