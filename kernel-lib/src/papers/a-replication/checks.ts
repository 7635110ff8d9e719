/**
 * Paper A's runs as the notebooks use them: the four configurations of one workload, the check
 * values (every one taken from the simulated runs) and the phase breakdown of replica creation.
 * Both notebooks, the tests and the benchmark call these.
 */
import { sysbenchReadSet, sysbenchMeasuredRowsPerLeaf } from './sysbench-read-set.js';
import { abs, atLeast, rel, within, type CheckSpec, type Tolerance } from '../../notebook/checks.js';
import { loadJson } from '../../core/data-path.js';
import { aq, type ColumnTable } from '../../core/arquero.js';
// simple-statistics is ESM-only and kernel-lib is CommonJS: loaded through require() (Node ≥ 20.19),
// as in core/arquero.ts (the pattern of papers/b-reorg until core/statistics.ts is its one loader).
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as SimpleStatisticsA from 'simple-statistics';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mean: ssMean, median: ssMedian }: typeof SimpleStatisticsA = require('simple-statistics');
import { tailMean, windowMean } from '../../metrics/stable-peak.js';
import { PAPER_A_CONFIGS, requireReplicationConfigs, type ReplicationConfig } from './replication-pipeline.js';
import { ParameterError, requireInteger, requirePositive } from '../../core/validate.js';
import { runPaperA, type PaperAParams, type PaperARun, type PaperAWorkload } from './replication-sim.js';

export type PaperARunSet = Record<string, PaperARun>;

/** Runs the paper's four configurations for one workload (same seed for all). */
export function runPaperAConfigs(
  workload: PaperAWorkload,
  opts: Omit<PaperAParams, 'workload' | 'config'> = {},
  configs: readonly (ReplicationConfig | string)[] = PAPER_A_CONFIGS,
): PaperARunSet {
  const names = requireReplicationConfigs('configs', configs);
  const out: PaperARunSet = {};
  for (const c of names) out[c] = runPaperA({ ...opts, workload, config: c });
  return out;
}

/** Mean of the finite values (NaN when none). */
function mean(xs: number[]): number {
  const f = xs.filter((x) => Number.isFinite(x));
  return f.length ? ssMean(f) : NaN;
}

/** Median of the finite values (NaN counts as "never", i.e. +Infinity, when `nanIsInfinite`). */
export function paperAMedian(xs: number[], nanIsInfinite = false): number {
  if (!Array.isArray(xs)) throw new ParameterError('xs', xs, '', 'an array of numbers');
  const f = xs.map((x) => (Number.isNaN(x) && nanIsInfinite ? Infinity : x)).filter((x) => !Number.isNaN(x));
  return f.length ? ssMedian(f) : NaN;
}

/** The typical replica: median over the replicas of the creation time (s). */
export function paperAMedianCreationS(run: PaperARun): number {
  return paperAMedian(run.replicas.map((r) => r.creationS));
}

/** The typical replica: median over the replicas of the time from MySQL start to stable peak (s); a replica that never got there counts as +∞. */
export function paperAMedianWarmupS(run: PaperARun): number {
  return paperAMedian(run.replicas.map((r) => r.timeToStablePeakS), true);
}

/**
 * One row per replica and configuration (creation, time to stable peak, peak, first second as % of
 * peak, memory added), as an arquero table to filter and group in a cell.
 */
export function paperAReplicaTable(runs: PaperARunSet): ColumnTable {
  if (typeof runs !== 'object' || runs === null) throw new ParameterError('runs', runs, '', 'a PaperARunSet from runPaperAConfigs');
  const rows: Array<Record<string, number | string>> = [];
  for (const [config, run] of Object.entries(runs)) {
    for (const r of run.replicas) {
      rows.push({ config, replica: r.index, creationS: r.creationS, toStablePeakS: r.timeToStablePeakS, peakTps: r.peakTps, firstSecondPctOfPeak: 100 * r.firstSecondFractionOfPeak, memoryAddedGiB: r.memoryAddedGiB });
    }
  }
  return aq.from(rows);
}

/** Mean phase durations (s) of replica creation per configuration, in pipeline order. */
export function paperAPhaseBreakdown(runs: PaperARunSet): Array<{ config: string; phase: string; seconds: number }> {
  const rows: Array<{ config: string; phase: string; seconds: number }> = [];
  for (const [config, run] of Object.entries(runs)) {
    const order: string[] = [];
    const sums = new Map<string, number>();
    for (const r of run.replicas) {
      for (const p of r.phases) {
        if (!sums.has(p.phase)) order.push(p.phase);
        sums.set(p.phase, (sums.get(p.phase) ?? 0) + p.seconds);
      }
    }
    const n = Math.max(1, run.replicas.length);
    for (const ph of order) rows.push({ config, phase: ph, seconds: (sums.get(ph) ?? 0) / n });
  }
  return rows;
}

/**
 * Memory a new VM adds, net of sharing, as a fraction of its 16 GiB: (memory at the end − memory
 * before the first replica) / (replicas × VM memory).
 */
export function paperAMemoryUseRatio(run: PaperARun, vmMemGiB = 16): number {
  requireReplicas('run', run);
  requirePositive('vmMemGiB', vmMemGiB, 'GiB');
  const before = run.memoryGiB[Math.round(run.replicas[0].creationStartS / run.stepS) - 1];
  const end = run.memoryGiB[run.steps - 1];
  return (end - before) / (run.replicas.length * vmMemGiB);
}

/**
 * Source SysBench throughput drop while the first default snapshot is made (1 − during/before):
 * XtraBackup's copy and its --prepare (paperASnapshotS), which come first in the creation.
 */
export function paperASourceDropDuringSnapshot(run: PaperARun): number {
  requireReplicas('run', run);
  const r = run.replicas[0];
  if (!r.phases.some((p) => p.phase === 'snapshot')) return NaN;
  const i0 = Math.round(r.creationStartS / run.stepS);
  const i1 = Math.round((r.creationStartS + paperASnapshotS(run, 0)) / run.stepS);
  // during: the steps the snapshot covers; before: the last 300 s before the creation
  const during = windowMean(run.vmTps[0], run.stepS, i0 * run.stepS, Math.max(i1, i0 + 1) * run.stepS);
  return 1 - during / tailMean(run.vmTps[0], run.stepS, i0 * run.stepS, 300);
}

/**
 * Paper-A numbers this model does not reproduce, and the mechanism behind each gap (found while
 * building it; see data/a-replication/README.md). They are evaluated like every other check and
 * shown as FAIL; the notebooks say why. A check that comes to pass must be removed from here
 * (the end-to-end test fails otherwise).
 */
export const PAPER_A_KNOWN_DEVIATIONS: Readonly<Record<string, string>> = {
  A3:
    'the one conflict the paper itself does not resolve (issue 13). A VM has 16 − 0.6 = 15.4 GiB for the buffer pool and the guest page cache together, ' +
    'and MySQL 5.6 reads through the page cache (buffered I/O), so every page read from the cached snapshot into the pool stays in the cache too: ' +
    'after y GiB came from the cache, the pool holds y and the cache 15.4 − y, of which y are the pages just read; the unread part 15.4 − 2y is gone ' +
    'at y = 7.7 GiB. So at most about half of the 15-GiB pool can come from the page cache and the rest is a cold fill from disk: the default ' +
    'warm-up is at least about half the cold one (A4, 30 min) — simulated 1,873 s = 0.96 × A4 (1,949 s; the later replicas warm while the disks are saturated by the earlier ones\' misses) — unless a cache outside the guest holds the ' +
    'snapshot, which the paper never mentions.',
  'A11 share':
    'simulated 0.27 at the defaults: the replicas add 7.1, 5.6, 5.4, 4.4, 3.7, 3.5, 2.9 and 2.2 GiB by the ends of their intervals (the paper: 16 − 13.3 = 2.7 GiB ' +
    'every time). SysBench reads PRIMARY\'s B-tree only (measured on a real InnoDB, notebook replication-sysbench-on-innodb): 15.94 GiB of the 17-GiB ' +
    'tablespace (k_1, reserved and free pages are never read). That is 0.94 GiB more than a 15-GiB pool: under uniform reads about 6 % of the ' +
    'accesses miss, every miss evicts a page, an eviction drops that frame\'s hash entry (§4.2.2), and over a 3,500-s interval a pool turns over ' +
    'several times, so the first replicas keep only part of their pool shared; later ones find more pages registered. If the read set fits ' +
    'the pool nothing is evicted and sharing does not decay: read as 17·10⁹ bytes the data give a 14.85-GiB read set and A11 = 0.07 ' +
    '(14.9 GiB shared every time, table "Does the read set fit the pool?"). The paper\'s 13.3 GB every time lies between the two readings of «17 GB».',
  'A11 lazy share': 'as A11 share (simulated 0.27).',
  A12:
    'simulated 70 s = boot 37 s + minimum files 6 s + MySQL start 7 s + crash recovery 21 s. Recovery applies the redo since the last ' +
    'checkpoint: 10 % (innodb_adaptive_flushing_lwm) of the 96-MiB redo log = 9.6 MiB, at 2,885 B of redo per TPC-C transaction about ' +
    '3,490 transactions, 18,600 random writes on ~17,500 distinct pages, each fetched on demand from the source over eight disks busy with ' +
    'TPC-C (~850 pages/s): 21 s. The paper\'s 136 s would need about 4.2× those pages (86 s of recovery): a checkpoint age near half of the ' +
    'log\'s capacity, which MySQL 5.6 allows but the paper does not state.',
  'A12 ratio': 'a quotient with A12 (see A12) in its denominator; A2 above it passes.',
  A13:
    'simulated 47 % saved vs 1.4 % (defaults). TPC-C runs at 52–105 tx/s on the source; a replica\'s one SQL thread (MySQL 5.6, one schema: no ' +
    'parallel applier) re-executes each transaction and reads every changed page it does not cache, and falls behind: the most lagging replica has ' +
    'transactions not yet applied at the ends of intervals 2–9 (117,000–143,000). Writes not applied do not un-share frames, and the ones applied are NURand-skewed ' +
    '(a fraction of the stock and customer pages), so most shared frames (in the write run SysBench reads the TPC-C data set, all 17 GB) ' +
    'stay shared. 1.4 % would need nearly every shared frame rewritten on every replica.',
};

/**
 * A9 ratio = A6 / A9 with A6 「30分以上」 (30 min or more) and A9 「4分以内」 (within 4 min): a lower bound
 * of 7.5, read with the ratios' 25 % tolerance; at most what the run allows, A6 within its 3,500-s
 * interval over A9 at its own lower tolerance (0.7 × 240 s).
 */
const A9_RATIO_RANGE: readonly [number, number] = [7.5 * 0.75, Math.floor((10 * 3500) / (0.7 * 240)) / 10];

/** A run with at least one replica created (newVms ≥ 1). */
function requireReplicas(param: string, run: PaperARun): void {
  if (!run || !Array.isArray(run.replicas) || run.replicas.length === 0) {
    throw new ParameterError(`${param}.replicas`, run?.replicas?.length, 'replicas', '≥ 1 (a run with newVms ≥ 1)');
  }
}

/** A run set holding every configuration a check table reads, each with a replica. */
function requireRunSet(runs: PaperARunSet, configs: readonly string[], workload: string): void {
  if (typeof runs !== 'object' || runs === null) throw new ParameterError('runs', runs, '', 'a PaperARunSet from runPaperAConfigs');
  for (const c of configs) {
    if (!runs[c]) throw new ParameterError(`runs["${c}"]`, undefined, '', `a run of configuration "${c}" (runPaperAConfigs('${workload}') runs the four)`);
    if (runs[c].workload !== workload) throw new ParameterError(`runs["${c}"].workload`, runs[c].workload, '', `"${workload}"`);
    requireReplicas(`runs["${c}"]`, runs[c]);
  }
}

function withDeviations(specs: CheckSpec[]): CheckSpec[] {
  return specs.map((c) => (PAPER_A_KNOWN_DEVIATIONS[c.id] ? { ...c, knownDeviation: PAPER_A_KNOWN_DEVIATIONS[c.id] } : c));
}

/**
 * What each check compares: the paper's sentence (Japanese, §5.3; the text in
 * ../shared/papers/000_37b29dde450ff8c5.txt), a translation, and what of the simulated runs is set
 * against it. The notebooks show this table beside the check table.
 */
export const PAPER_A_CHECK_DEFINITIONS: Readonly<Record<string, { ja: string; en: string; compared: string }>> = {
  A1: { ja: '提案手法なしの default の場合，複製の作成と起動までに 18分以上を要している．内訳として，完全なスナップショットの作成に 3分，スナップショットの転送に 15分以上を要した．', en: 'With default (no proposal), creating and starting a replica took 18 min or more: 3 min to make the full snapshot and 15 min or more to transfer it.', compared: 'the first replica\'s creation (snapshot + transfer + MySQL start), read run; its snapshot and transfer are the two numbers the copy parameters are fitted to' },
  A3: { ja: '起動後に安定してピーク性能を発揮可能となるまでの時間は 4 分程度であった．', en: 'After the start, it took about 4 min until it stably delivered peak performance.', compared: 'default: median replica, MySQL start → stable peak (metrics/stable-peak.ts)' },
  A4: { ja: 'OSのページキャシュが空の環境である最初に起動したMySQLのキャシュウォーミングには 30分以上を要した．', en: 'The cache warm-up of the first MySQL, started with an empty OS page cache, took 30 min or more.', compared: 'the source MySQL (cold pool, empty page cache): start → stable peak, a lower bound: ≥ 30 min and within the 3,500-s interval before the first replica' },
  A5: { ja: '遅延的な複製を有効にした lazy の場合，複製の作成と起動までは 72秒で終わり，default に比べ 15倍高速化された．…VM自体の起動に 54秒，必要最小限のデータの作成と転送に 12秒，MySQLの起動に 6秒であった．', en: 'With lazy replication, creating and starting a replica ended in 72 s, 15× faster than default: VM boot 54 s, minimum data 12 s, MySQL start 6 s.', compared: 'lazy: median replica\'s creation (the boot and start times are the paper\'s measured inputs; the minimum-file copy is simulated)' },
  'A5 ratio': { ja: 'default に比べ 15倍高速化された．', en: '15× faster than default.', compared: 'A1 / A5 (a quotient of two checks: derived)' },
  A6: { ja: '起動後にピーク性能を発揮可能となるまでの時間は，30分以上を要した．', en: 'After the start, reaching peak performance took 30 min or more.', compared: 'lazy: median replica, start → stable peak, a lower bound: ≥ 30 min and within its interval' },
  A7: { ja: 'VM間でのキャッシュ共有を有効にした share の場合，起動後にピーク性能を発揮可能となるまでの時間は 4分程度であった．', en: 'With cache sharing between VMs (share), reaching peak performance after the start took about 4 min.', compared: 'share: median replica, start → stable peak (the CPU cost per statement is fitted to it on a one-replica run)' },
  'A7 start': { ja: 'また起動直後からピーク性能の 67％の性能を発揮可能であった．', en: 'Right after the start it already delivered 67 % of its peak.', compared: 'share: mean over the replicas of the first second\'s throughput / the replica\'s stable peak' },
  A8: { ja: 'lazy share では，複製の作成と起動までは 60秒であった．内訳として，VM自体の起動に 37秒，必要最小限のデータの作成と転送に 16秒，MySQLの起動に 7秒であった．', en: 'With lazy share, creating and starting a replica took 60 s: VM boot 37 s, minimum data 16 s, MySQL start 7 s.', compared: 'lazy share: median replica\'s creation' },
  'A8 ratio': { ja: 'よって，提案手法により複製の作成と起動は 18倍高速化され', en: 'So the proposal made creating and starting a replica 18× faster.', compared: 'A1 / A8 (derived)' },
  A9: { ja: 'さらに安定してピーク性能を発揮可能となるまでの時間も 4分程度であった．', en: 'And reaching a stable peak also took about 4 min.', compared: 'lazy share: median replica, start → stable peak' },
  'A9 ratio': { ja: '本来は DBMSのキャッシュウォーミングに 30分以上要するが，提案手法の VM間 DBMSキャッシュ共有により 4分以内で完了し，ピーク性能発揮可能までの時間は 7.5倍高速化された．', en: 'The warm-up, which would take 30 min or more, finished within 4 min thanks to sharing: 7.5× faster to peak.', compared: 'A6 / A9 (derived); «30 min or more» over «within 4 min» makes 7.5 a lower bound: 5.6 (7.5 less the ratios\' 25 %) to 20.8 (3,500 s over 0.7 × 240 s)' },
  'A10 default': { ja: 'detalut と lazy では，VM間のメモリ共有を行わないため DBMSインスタンスを起動するごとに 16GB ずつメモリ消費量が増えている．', en: 'default and lazy do not share memory between VMs, so each DBMS instance started adds 16 GB.', compared: 'default: mean memory a replica adds by the end of its interval' },
  'A10 lazy': { ja: '（同上）', en: '(the same sentence as A10 default)', compared: 'lazy: mean memory a replica adds by the end of its interval' },
  'A11 share': { ja: '各 DBMSインスタンスでは 13.3GB が毎回共有され，VMのメモリ使用量は 0.16倍となった．', en: 'Every DBMS instance shared 13.3 GB each time, and VM memory use became 0.16×.', compared: 'share: (memory at the end − memory before the first replica) / (replicas × 16 GiB); SysBench\'s --rand-type is the discrete choice inferred from it' },
  'A11 lazy share': { ja: '（同上）', en: '(the same sentence as A11 share)', compared: 'lazy share: the same ratio' },
  'A2 snapshot': { ja: '内訳として，スナップショットの作成に約 13分，', en: 'Of it, making the snapshot took about 13 min,', compared: 'default, write: the first replica\'s snapshot made, XtraBackup\'s copy and its --prepare (the redo written meanwhile applied); the number TPC-C\'s connection count is fitted to' },
  'A2 transfer': { ja: '転送に約 15分を要した．', en: 'and the transfer about 15 min.', compared: 'default, write: the first replica\'s transfer' },
  A2: { ja: '提案手法なしの default の場合，複製の作成と起動までに 28分以上を要した．', en: 'With default, creating and starting a replica took 28 min or more.', compared: 'default, write: the first replica\'s creation = snapshot + prepare + transfer + start (the sum of the two rows above and the rest: derived)' },
  A12: { ja: '提案手法ありの lazy share の場合，複製開始から 136 秒で複製 MySQL の起動が完了している．', en: 'With lazy share, the replica MySQL had started 136 s after the replication began.', compared: 'lazy share, write: the first replica\'s creation (like A2, one creation)' },
  'A12 ratio': { ja: '結果として，複製MySQLの作成・起動が約 12倍高速化された．', en: 'So creating and starting a replica MySQL became about 12× faster.', compared: 'A2 / A12 (derived)' },
  A13: { ja: '提案手法の lazy share では最終的に 1.4％メモリ使用量が削減された．', en: 'With lazy share, memory use was finally 1.4 % lower.', compared: '(memory of default − memory of lazy share) / memory of default, at the end of the run' },
  A14: { ja: 'また，複製作成直後，複製元の性能が不安定となっている．これは，スナップショット作成時には多量のディスク I/Oが発行され，…', en: 'Right after replica creation began, the source\'s performance was unstable: making the snapshot issues much disk I/O.', compared: 'default, write: 1 − (source SysBench throughput while the first snapshot runs) / (the 300 s before)' },
};

/** The definitions of `specs` as table rows (id, kind, the paper's sentence, its translation, what is compared). */
export function paperACheckDefinitions(specs: readonly CheckSpec[]): Array<{ id: string; kind: string; paper: string; translation: string; compared: string }> {
  if (!Array.isArray(specs)) throw new ParameterError('specs', specs, '', 'an array of check specs');
  return specs.map((c) => {
    const d = PAPER_A_CHECK_DEFINITIONS[c.id];
    if (!d) throw new ParameterError('specs[].id', c.id, '', `one of ${Object.keys(PAPER_A_CHECK_DEFINITIONS).join(', ')}`);
    return { id: c.id, kind: c.kind ?? 'predicted', paper: d.ja, translation: d.en, compared: d.compared };
  });
}

/** A warm-up that never reached its stable peak within the interval counts as +∞ (it fails a bound instead of reading as a number). */
function reached(s: number): number {
  return Number.isNaN(s) ? Infinity : s;
}

/** The lower bound 「30分以上」 (30 min or more), read within the interval the run gives a replica. */
function atLeastWithin(lowS: number, run: PaperARun): Tolerance {
  return within(lowS, run.replicas.length ? Math.min(run.steps * run.stepS, run.replicas[0].creationStartS) : run.steps * run.stepS);
}

function phaseS(run: PaperARun, replica: number, phase: string): number {
  return run.replicas[replica].phases.filter((p) => p.phase === phase).reduce((a, p) => a + p.seconds, 0);
}

/**
 * Making the snapshot (s): XtraBackup's copy and its --prepare, which applies the redo written
 * during the copy (under TPC-C's writes); the snapshot cannot be transferred before either is done.
 * In the read run --prepare has nothing to apply.
 */
export function paperASnapshotS(run: PaperARun, replica = 0): number {
  requireReplicas('run', run);
  requireInteger('replica', replica, '', 0, run.replicas.length - 1);
  return phaseS(run, replica, 'snapshot') + phaseS(run, replica, 'prepare');
}

/** Checks of the read-intensive run (Figs. 3–4), values from the simulated runs. */
export function paperAReadChecks(runs: PaperARunSet): CheckSpec[] {
  requireRunSet(runs, ['default', 'lazy', 'share', 'lazy share'], 'read');
  const d = runs['default'];
  const l = runs['lazy'];
  const s = runs['share'];
  const ls = runs['lazy share'];
  const cD = d.replicas[0].creationS;
  const cL = paperAMedianCreationS(l);
  const cLS = paperAMedianCreationS(ls);
  const wL = paperAMedianWarmupS(l);
  const wLS = paperAMedianWarmupS(ls);
  const firstShare = mean(s.replicas.map((r) => r.firstSecondFractionOfPeak));
  const perInstance = (run: PaperARun) => mean(run.replicas.map((r) => r.memoryAddedGiB));
  return withDeviations([
    { id: 'A1', claim: 'default: replica creation until MySQL started, first replica (snapshot 3 min + transfer 15 min + start 5 s)', paper: 18 * 60 + 5, ours: cD, tolerance: rel(0.2), kind: 'calibrated', unit: 's' },
    { id: 'A3', claim: 'default: MySQL start → stable peak, median replica (snapshot in the guest page cache)', paper: 240, ours: paperAMedianWarmupS(d), tolerance: rel(0.3), unit: 's' },
    { id: 'A4', claim: 'first MySQL, cold (empty page cache): start → stable peak, 30 min or more', paper: 1800, ours: reached(d.coldWarmupS), tolerance: atLeastWithin(1800, d), kind: 'calibrated', unit: 's' },
    { id: 'A5', claim: 'lazy: replica creation, median replica (boot 54 s + minimum files + start 6 s)', paper: 72, ours: cL, tolerance: rel(0.2), unit: 's' },
    { id: 'A5 ratio', claim: 'lazy creates a replica 15× faster than default (A1 / A5)', paper: 15, ours: cD / cL, tolerance: rel(0.25), kind: 'derived', unit: '×' },
    { id: 'A6', claim: 'lazy: start → stable peak, median replica, 30 min or more (page cache empty)', paper: 1800, ours: wL, tolerance: atLeastWithin(1800, l), unit: 's' },
    { id: 'A7', claim: 'share: start → stable peak, median replica', paper: 240, ours: paperAMedianWarmupS(s), tolerance: rel(0.3), kind: 'calibrated', unit: 's' },
    { id: 'A7 start', claim: 'share: throughput right after start, % of peak', paper: 67, ours: 100 * firstShare, tolerance: abs(10), kind: 'calibrated', unit: '%' },
    { id: 'A8', claim: 'lazy share: replica creation, median replica (boot 37 s + minimum files + start 7 s)', paper: 60, ours: cLS, tolerance: rel(0.2), unit: 's' },
    { id: 'A8 ratio', claim: 'lazy share creates a replica 18× faster than default (A1 / A8)', paper: 18, ours: cD / cLS, tolerance: rel(0.25), kind: 'derived', unit: '×' },
    { id: 'A9', claim: 'lazy share: start → stable peak, median replica', paper: 240, ours: wLS, tolerance: rel(0.3), unit: 's' },
    { id: 'A9 ratio', claim: 'lazy share warms up 7.5× or more faster than lazy (A6 / A9: 30 min or more → within 4 min, a lower bound)', paper: 7.5, ours: wL / wLS, tolerance: within(A9_RATIO_RANGE[0], A9_RATIO_RANGE[1]), kind: 'derived', unit: '×' },
    { id: 'A10 default', claim: 'default: memory added per new instance', paper: 16, ours: perInstance(d), tolerance: abs(1), unit: 'GiB' },
    { id: 'A10 lazy', claim: 'lazy: memory added per new instance', paper: 16, ours: perInstance(l), tolerance: abs(1), unit: 'GiB' },
    { id: 'A11 share', claim: 'share: VM memory use per new instance vs no sharing (SysBench --rand-type chosen by it)', paper: 0.16, ours: paperAMemoryUseRatio(s), tolerance: abs(0.05), kind: 'calibrated', unit: '×' },
    { id: 'A11 lazy share', claim: 'lazy share: VM memory use per new instance vs no sharing', paper: 0.16, ours: paperAMemoryUseRatio(ls), tolerance: abs(0.05), unit: '×' },
  ]);
}

/** Checks of the write-intensive run (Figs. 5–6): one calibrated (A2's snapshot), the rest predicted or derived. */
export function paperAWriteChecks(runs: PaperARunSet): CheckSpec[] {
  requireRunSet(runs, ['default', 'lazy share'], 'write');
  const d = runs['default'];
  const ls = runs['lazy share'];
  const cD = d.replicas[0].creationS;
  const cLS = ls.replicas[0].creationS;
  const memD = d.memoryGiB[d.steps - 1];
  const memLS = ls.memoryGiB[ls.steps - 1];
  return withDeviations([
    { id: 'A2 snapshot', claim: 'default, write: making the first replica\'s snapshot (XtraBackup copy + --prepare)', paper: 13 * 60, ours: paperASnapshotS(d, 0), tolerance: rel(0.2), kind: 'calibrated', unit: 's' },
    { id: 'A2 transfer', claim: 'default, write: transfer of the first replica', paper: 15 * 60, ours: phaseS(d, 0, 'transfer'), tolerance: rel(0.2), unit: 's' },
    { id: 'A2', claim: 'default, write: first replica\'s creation (snapshot + prepare + transfer + start)', paper: 28 * 60 + 5, ours: cD, tolerance: rel(0.2), kind: 'derived', unit: 's' },
    { id: 'A12', claim: 'lazy share, write: first replica\'s creation', paper: 136, ours: cLS, tolerance: rel(0.2), unit: 's' },
    { id: 'A12 ratio', claim: 'lazy share creates a replica 12× faster than default under writes (A2 / A12)', paper: 12, ours: cD / cLS, tolerance: rel(0.25), kind: 'derived', unit: '×' },
    { id: 'A13', claim: 'lazy share, write: memory saved at the end vs default', paper: 1.4, ours: (100 * (memD - memLS)) / memD, tolerance: abs(1), unit: '%' },
    { id: 'A14', claim: 'default, write: source throughput drop while the first snapshot is made (copy + --prepare)', paper: '≥ 20 % (unstable)', ours: 100 * paperASourceDropDuringSnapshot(d), tolerance: atLeast(20), unit: '%' },
  ]);
}

/** Every input of paper A's model with its value and source (data/a-replication/*.json), for the notebooks' input table. */
export function paperAInputTable(): Array<{ input: string; value: string; kind: string; source: string }> {
  const setup = loadJson<Record<string, Record<string, unknown>>>('a-replication', 'setup.json');
  const rows: Array<{ input: string; value: string; kind: string; source: string }> = [];
  for (const [group, obj] of Object.entries(setup)) {
    if (typeof obj !== 'object' || obj === null) continue;
    const src = (obj as { source?: Record<string, string> }).source ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'source') continue;
      const s = src[k] ?? '';
      rows.push({ input: `${group}.${k}`, value: typeof v === 'object' ? JSON.stringify(v) : String(v), kind: /ASSUMPTION/.test(s) ? 'assumption' : /measured/.test(s) ? 'paper (measured)' : 'fact', source: s });
    }
  }
  // measured on the project's private MariaDB (sysbench-on-innodb.json), scaled to the paper's table
  const mysql = setup.mysql as { dataGiB: number; pageBytes: number };
  const rs = sysbenchReadSet(Math.round((mysql.dataGiB * 1024 ** 3) / mysql.pageBytes), mysql.pageBytes);
  const b = rs.basis;
  rows.push({
    input: 'measured.sysbenchReadPages',
    value: `${rs.readPages} pages = ${((rs.readPages * mysql.pageBytes) / 1024 ** 3).toFixed(2)} GiB (${(100 * rs.share).toFixed(1)} % of ${mysql.dataGiB} GiB)`,
    kind: 'measured (real InnoDB here), scaled',
    source: `what oltp_read_only reads: PRIMARY's B-tree only (k_1 never read, measured); the rest of a ${mysql.dataGiB}-GiB sysbench tablespace is k_1's reserved pages (${b.k1ReservedPerPrimary.toFixed(4)} per PRIMARY page), PRIMARY's unused reserved pages (${b.primarySlackPerPrimary.toFixed(4)} per page), ${b.freeExtents.toFixed(1)} free extents and ${rs.systemPages} system pages — ratios from the largest measured layout (${b.rows.toLocaleString('en-US')} rows: ${b.source}); sysbench-read-set.ts`,
  });
  rows.push({
    input: 'measured.rowsPerLeaf',
    value: `${sysbenchMeasuredRowsPerLeaf()} rows per PRIMARY leaf`,
    kind: 'measured (real InnoDB here)',
    source: 'PAGE_N_RECS of every leaf of sbtest1 after sysbench prepare (kernel-lib/src/innodb reader = innodb_index_stats n_leaf_pages); sets the leaf accesses per transaction 10 + 4·(1 + 99/rows per leaf) (sysbench oltp.lua); the row-size estimate gives 72',
  });
  const cal = loadJson<{ parameters: Record<string, { value: number | string; unit: string; calibratedTo: string; source: string }> }>('a-replication', 'calibration.json');
  for (const [k, p] of Object.entries(cal.parameters)) {
    const value = typeof p.value === 'number' ? `${Number(p.value.toPrecision(4))} ${p.unit}` : String(p.value);
    rows.push({ input: `calibrated.${k}`, value, kind: `calibrated (${p.calibratedTo})`, source: p.source });
  }
  return rows;
}

/**
 * Per 3,500-s interval (k replicas running): means of throughput, TPC-C and disk utilization; the
 * memory and the largest replication lag (transactions not yet applied by a replica) at its end.
 */
export function paperAIntervalStats(run: PaperARun, intervalS = 3500): Array<{ replicas: number; totalTps: number; sourceTps: number; tpccTps: number; diskUtilPct: number; memoryEndGiB: number; maxLagTxEnd: number }> {
  requirePositive('intervalS', intervalS, 's');
  const per = Math.round(intervalS / run.stepS);
  if (per < 1) throw new ParameterError('intervalS', intervalS, 's', `≥ the run's step (${run.stepS} s)`);
  const rows: Array<{ replicas: number; totalTps: number; sourceTps: number; tpccTps: number; diskUtilPct: number; memoryEndGiB: number; maxLagTxEnd: number }> = [];
  for (let k = 0; (k + 1) * per <= run.steps; k++) {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = k * per; i < (k + 1) * per; i++) {
      a += run.totalTps[i];
      b += run.vmTps[0][i];
      c += run.tpccTps[i];
      d += run.diskUtil[i];
    }
    let lag = 0;
    for (let v = 1; v < run.replicationLagTx.length; v++) lag = Math.max(lag, run.replicationLagTx[v][(k + 1) * per - 1]);
    rows.push({ replicas: k, totalTps: a / per, sourceTps: b / per, tpccTps: c / per, diskUtilPct: (100 * d) / per, memoryEndGiB: run.memoryGiB[(k + 1) * per - 1], maxLagTxEnd: lag });
  }
  return rows;
}

/**
 * The evidence of the --rand-type fit as recorded in data/a-replication/calibration.json: for each
 * sysbench 0.5 distribution, its own numeric fit (client threads, the cold and share warm-ups it
 * reaches, whether its read-run fits reach their numbers) and A11 under it; which one is in use.
 */
export function paperARandTypeCandidates(): Array<{ randType: string; chosen: boolean; a11: number; fitsReached: boolean; clientThreads: number; coldWarmupS: number; shareWarmupS: number }> {
  const cal = loadJson<{ parameters: { randType: { value: string; candidates: Record<string, { a11: number; fitsReached: boolean; clientThreads: number; coldWarmupS: number; shareWarmupS: number }> } } }>('a-replication', 'calibration.json');
  const rt = cal.parameters.randType;
  return Object.entries(rt.candidates).map(([name, c]) => ({ randType: name, chosen: name === rt.value, a11: c.a11, fitsReached: c.fitsReached, clientThreads: c.clientThreads, coldWarmupS: c.coldWarmupS, shareWarmupS: c.shareWarmupS }));
}
