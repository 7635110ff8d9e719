/**
 * What SysBench's read-only workload really reads on a real InnoDB (issue 13's first item),
 * measured on a private MariaDB 10.11 (engines/mariadb.ts) with Debian's sysbench 1.0:
 * `oltp_read_only` on one table prepared at a reduced scale, from a cold buffer pool
 * (restart, no pool dump/load; innodb_flush_method=O_DIRECT so the OS page cache is out of the
 * way), once per --rand-type. Per second: transactions, buffer-pool read requests and reads
 * (SHOW GLOBAL STATUS); at the end, the pool's pages by index (INNODB_BUFFER_PAGE: PRIMARY vs
 * k_1) and the distinct pages read as a share of the tablespace.
 *
 * Beside it, the project's buffer-pool model (dbms/buffer-pool.ts, an LRU) replays the same
 * number of transactions over the same B-tree (leaf and interior page counts from the engine's
 * own statistics) with sysbench's access distribution (workloads/sysbench-page-sampler.ts,
 * which follows sysbench's sb_rand.c; sysbench 1.0's uniform/gaussian/special/pareto are the
 * same functions as 0.5's) and `oltp_read_only`'s statement mix (oltp_common.lua: 10 point
 * selects and 4 ranges of 100 rows on the primary key; k_1 is never used).
 * Measured values are labelled measured; the model's are modeled.
 */
import { spawn } from 'node:child_process';
import { Rng } from '../../core/rng.js';
import { ParameterError, requireInteger, requireOneOf } from '../../core/validate.js';
import { LruBufferPool } from '../../dbms/buffer-pool.js';
import { startMariaDb, type MariaDb } from '../../engines/mariadb.js';
import { PrivateServerError } from '../../engines/private-server.js';
import { SYSBENCH_05_SPECIAL } from '../../workloads/sysbench-oltp-read-only.js';
import { SYSBENCH_RAND_TYPES, SysbenchPageSampler, type SysbenchRandType } from '../../workloads/sysbench-page-sampler.js';

export interface SysbenchOnInnodbOptions {
  /** Rows of sbtest1 (sysbench --table-size). Default 200,000. */
  tableRows?: number;
  /** innodb_buffer_pool_size (MiB); larger than the table, as paper A's 15 GB pool for its 17 GB data nearly is. Default 128. */
  bufferPoolMiB?: number;
  /** The --rand-type values to run. Default all four. */
  randTypes?: SysbenchRandType[];
  /** Seconds of load per rand-type. Default 12. */
  durationS?: number;
  /** sysbench --threads. Default 1. */
  threads?: number;
  /** sysbench --rand-seed and the model's seed. Default 1. */
  seed?: number;
}

export interface SysbenchSecond {
  /** Transactions executed up to the end of this second (cumulative, measured). */
  txns: number;
  readRequests: number;
  /** Pages read from disk in this second (Innodb_buffer_pool_reads delta). */
  reads: number;
}

export interface SysbenchRandRun {
  randType: SysbenchRandType;
  seconds: SysbenchSecond[];
  totalTxns: number;
  /** Pages of sbtest1 in the pool at the end, by index (INNODB_BUFFER_PAGE). */
  poolPagesByIndex: Record<string, number>;
  /** Pages read from disk over the run (the distinct pages read: the pool evicts nothing). */
  pagesRead: number;
  /** Logical page reads per transaction (read requests / transactions). */
  readRequestsPerTxn: number;
  /** Model: cumulative misses after each measured second's transaction count. */
  modelMisses: number[];
  /** Model: distinct pages touched in the end, and page accesses per transaction. */
  modelPagesRead: number;
  modelAccessesPerTxn: number;
}

export interface SysbenchOnInnodbResult {
  options: Required<SysbenchOnInnodbOptions>;
  /** The table's layout from mysql.innodb_index_stats after ANALYZE (pages), and the .ibd size. */
  layout: { primaryLeafPages: number; primaryPages: number; k1Pages: number; tablespacePages: number; rowsPerLeaf: number };
  runs: SysbenchRandRun[];
  elapsedS: number;
}

const DEFAULTS: Required<SysbenchOnInnodbOptions> = {
  tableRows: 200_000,
  bufferPoolMiB: 128,
  randTypes: [...SYSBENCH_RAND_TYPES],
  durationS: 12,
  threads: 1,
  seed: 1,
};

function validate(o: SysbenchOnInnodbOptions): Required<SysbenchOnInnodbOptions> {
  const r = { ...DEFAULTS, ...o };
  requireInteger('tableRows', r.tableRows, 'rows', 1000, 100_000_000);
  requireInteger('bufferPoolMiB', r.bufferPoolMiB, 'MiB', 16, 65536);
  if (!Array.isArray(r.randTypes) || r.randTypes.length === 0) throw new ParameterError('randTypes', r.randTypes, '', `a non-empty list of [${SYSBENCH_RAND_TYPES.join(', ')}]`);
  r.randTypes.forEach((t) => requireOneOf('randTypes', t, SYSBENCH_RAND_TYPES));
  requireInteger('durationS', r.durationS, 's', 2, 3600);
  requireInteger('threads', r.threads, 'threads', 1, 64);
  requireInteger('seed', r.seed, '', 1, 2 ** 31 - 1);
  return r;
}

function sysbench(db: MariaDb, args: string[], onLine?: (l: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('sysbench', ['oltp_read_only', '--db-driver=mysql', `--mysql-socket=${db.socketPath}`, '--mysql-user=root', '--mysql-db=sbtest', '--tables=1', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let partial = '';
    p.stdout.on('data', (b) => {
      out += b;
      partial += b;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const l of lines) onLine?.(l);
    });
    p.stderr.on('data', (b) => (err += b));
    p.on('error', (e) => reject(new PrivateServerError(`sysbench could not run (apt-get install -y sysbench): ${e.message}`)));
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new PrivateServerError(`sysbench ${args[0]} failed (exit ${code}): ${(err || out).trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

async function status(db: MariaDb): Promise<{ requests: number; reads: number }> {
  const rows = await db.query<{ Variable_name: string; Value: string }>("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_read_requests', 'Innodb_buffer_pool_reads')");
  const v = (n: string) => Number(rows.find((r) => r.Variable_name === n)?.Value ?? 0);
  return { requests: v('Innodb_buffer_pool_read_requests'), reads: v('Innodb_buffer_pool_reads') };
}

/** The B-tree the model replays: leaves and one interior level above them (enough for tables of up to ~10^7 rows). */
interface TreeShape {
  leaves: number;
  rowsPerLeaf: number;
  /** Leaves per interior page of the level above the leaves. */
  fanout: number;
}

/**
 * Replays `txnsAt[i]` transactions (cumulative) of oltp_read_only on the model and returns the
 * cumulative misses at each; every access also touches the root and the interior page above
 * the leaf (they stay in the pool after the first miss).
 */
export function modelSysbenchMisses(shape: TreeShape, poolPages: number, randType: SysbenchRandType, txnsAt: readonly number[], seed: number): { misses: number[]; accessesPerTxn: number; distinct: number } {
  requireInteger('poolPages', poolPages, 'pages', 1);
  const sampler = new SysbenchPageSampler(shape.leaves, 1, randType, SYSBENCH_05_SPECIAL);
  const pool = new LruBufferPool({ capacityPages: poolPages });
  const rng = new Rng(seed);
  const root = shape.leaves;
  const interiorBase = shape.leaves + 1;
  let accesses = 0;
  const touch = (leaf: number) => {
    pool.access(root);
    pool.access(interiorBase + Math.floor(leaf / shape.fanout));
    pool.access(leaf);
    accesses += 3;
  };
  const misses: number[] = [];
  let done = 0;
  for (const target of txnsAt) {
    for (; done < target; done++) {
      for (let q = 0; q < 10; q++) touch(sampler.draw(rng)); // point selects
      for (let q = 0; q < 4; q++) {
        // a range of 100 rows from a drawn row: the rows' position inside the first leaf is uniform
        const first = sampler.draw(rng);
        const span = Math.floor(rng.float() * shape.rowsPerLeaf + 99) / shape.rowsPerLeaf;
        touch(first);
        for (let k = 1; k <= Math.floor(span) && first + k < shape.leaves; k++) {
          pool.access(first + k);
          accesses++;
        }
      }
    }
    misses.push(pool.stats.misses);
  }
  return { misses, accessesPerTxn: done > 0 ? accesses / done : 0, distinct: pool.stats.misses };
}

/** Runs oltp_read_only per rand-type from a cold pool on a private MariaDB it starts and always stops. */
export async function runSysbenchOnInnodb(opts: SysbenchOnInnodbOptions = {}): Promise<SysbenchOnInnodbResult> {
  const o = validate(opts);
  const t0 = performance.now();
  const db = await startMariaDb({ bufferPoolMiB: o.bufferPoolMiB, flushMethod: 'O_DIRECT' });
  try {
    await db.exec('CREATE DATABASE sbtest');
    await sysbench(db, ['prepare', `--table-size=${o.tableRows}`]);
    await db.exec('ANALYZE TABLE sbtest.sbtest1');
    const stats = await db.query<{ index_name: string; stat_name: string; stat_value: number }>(
      "SELECT index_name, stat_name, stat_value FROM mysql.innodb_index_stats WHERE database_name = 'sbtest' AND table_name = 'sbtest1' AND stat_name IN ('size', 'n_leaf_pages')",
    );
    const stat = (i: string, n: string) => Number(stats.find((s) => s.index_name === i && s.stat_name === n)?.stat_value ?? 0);
    const ts = await db.query<{ pages: number }>("SELECT FILE_SIZE / 16384 AS pages FROM information_schema.INNODB_SYS_TABLESPACES WHERE NAME = 'sbtest/sbtest1'");
    const leaves = stat('PRIMARY', 'n_leaf_pages');
    const primaryPages = stat('PRIMARY', 'size');
    const layout = {
      primaryLeafPages: leaves,
      primaryPages,
      k1Pages: stat('k_1', 'size'),
      tablespacePages: Number(ts[0]?.pages ?? 0),
      rowsPerLeaf: o.tableRows / leaves,
    };
    const shape: TreeShape = { leaves, rowsPerLeaf: layout.rowsPerLeaf, fanout: Math.max(2, Math.ceil(leaves / Math.max(1, primaryPages - leaves - 1))) };
    const poolPages = Math.floor((o.bufferPoolMiB * 1024) / 16);
    const runs: SysbenchRandRun[] = [];
    for (const randType of o.randTypes) {
      await db.restart();
      const seconds: SysbenchSecond[] = [];
      let last = await status(db);
      let txns = 0;
      const pending: Promise<void>[] = [];
      await sysbench(db, ['run', `--rand-type=${randType}`, `--time=${o.durationS}`, '--report-interval=1', `--rand-seed=${o.seed}`, `--threads=${o.threads}`], (line) => {
        const m = /^\[\s*(\d+)s\s*\].*tps:\s*([0-9.]+)/.exec(line);
        if (!m) return;
        txns += Number(m[2]);
        const at = txns;
        pending.push(
          status(db).then((s) => {
            seconds.push({ txns: at, readRequests: s.requests - last.requests, reads: s.reads - last.reads });
            last = s;
          }),
        );
      });
      await Promise.all(pending);
      const end = await status(db);
      const pagesRead = end.reads - (await Promise.resolve(0));
      const byIndex = await db.query<{ INDEX_NAME: string; n: number }>(
        "SELECT INDEX_NAME, COUNT(*) AS n FROM information_schema.INNODB_BUFFER_PAGE WHERE TABLE_NAME LIKE '%sbtest1%' GROUP BY INDEX_NAME",
      );
      const totalTxns = seconds.length ? seconds[seconds.length - 1].txns : 0;
      const model = modelSysbenchMisses(shape, poolPages, randType, seconds.map((s) => Math.round(s.txns)), o.seed);
      runs.push({
        randType,
        seconds,
        totalTxns,
        poolPagesByIndex: Object.fromEntries(byIndex.map((r) => [r.INDEX_NAME ?? '(none)', Number(r.n)])),
        pagesRead,
        readRequestsPerTxn: seconds.reduce((s, x) => s + x.readRequests, 0) / Math.max(1, totalTxns),
        modelMisses: model.misses,
        modelPagesRead: model.distinct,
        modelAccessesPerTxn: model.accessesPerTxn,
      });
    }
    return { options: o, layout, runs, elapsedS: (performance.now() - t0) / 1000 };
  } finally {
    await db.stop();
  }
}
