/**
 * TPC-A/B (DebitCredit) workload on a paged main-memory database, as used in paper C §4.
 *
 * Gray (ed.), The Benchmark Handbook (1991), TPC Benchmark A/B: per tps of rated throughput
 * 1 branch, 10 tellers, 100,000 accounts. Each transaction picks a teller (uniformly), its
 * branch, and an account (from the teller's own branch with probability 0.85, otherwise from
 * another branch); it updates the account, the teller and the branch and appends a history
 * record. Records: account, teller, branch 100 bytes, history 50 bytes
 * (data/c-flash-backup/setup.json).
 *
 * Layout: records are packed into pages of `pageBytes` without spanning pages; the tables
 * lie one after the other in the page space: Branch | Teller | Account | History. History
 * pages are appended sequentially from a cursor.
 *
 * Simpler than the benchmark: fixed transaction rate (tps transactions per second, no
 * think-time/response-time distributions), no terminals, no indexes; only which pages are
 * written matters here.
 */
import type { Rng } from '../core/rng.js';
import { ParameterError, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../core/validate.js';

/** Scaling rules and record sizes of TPC-A/B (source: Benchmark Handbook; data/c-flash-backup/setup.json). */
export interface TpcAbSpec {
  branchesPerTps: number;
  tellersPerTps: number;
  accountsPerTps: number;
  tellersPerBranch: number;
  accountsPerBranch: number;
  /** Probability that the account belongs to the teller's branch (0.85 in TPC-A). */
  localAccountFraction: number;
  accountRecordBytes: number;
  tellerRecordBytes: number;
  branchRecordBytes: number;
  historyRecordBytes: number;
}

/** Page layout of a TPC-A/B database scaled for `tps`. */
export interface TpcAbLayout {
  tps: number;
  pageBytes: number;
  branches: number;
  tellers: number;
  accounts: number;
  branchesPerPage: number;
  tellersPerPage: number;
  accountsPerPage: number;
  historyPerPage: number;
  branchPages: number;
  tellerPages: number;
  accountPages: number;
  /** First page of each table in the page space. */
  branchBase: number;
  tellerBase: number;
  accountBase: number;
  historyBase: number;
  /** Pages of Branch + Teller + Account (the history grows behind them). */
  fixedPages: number;
  spec: TpcAbSpec;
}

/** Distinct dirty pages per table. */
export interface DirtyPageCounts {
  branch: number;
  teller: number;
  account: number;
  history: number;
  total: number;
}

/** Where page writes go (implemented by the 2-plane memory). */
export interface TpcPageWriter {
  write(page: number): void;
}

/**
 * Builds the page layout. Throws a ParameterError for non-positive tps, a page smaller than a
 * record, or a non-integer table size.
 */
export function tpcAbLayout(tps: number, pageBytes: number, spec: TpcAbSpec): TpcAbLayout {
  requireInteger('tps', tps, 'tps', 1);
  requireInteger('pageBytes', pageBytes, 'B', 1);
  requireInRange('localAccountFraction', spec.localAccountFraction, '', 0, 1);
  const maxRecord = Math.max(spec.accountRecordBytes, spec.tellerRecordBytes, spec.branchRecordBytes, spec.historyRecordBytes);
  if (pageBytes < maxRecord) {
    throw new ParameterError('pageBytes', pageBytes, 'B', `≥ ${maxRecord} B (the largest TPC-A record)`);
  }
  const branches = spec.branchesPerTps * tps;
  const tellers = spec.tellersPerTps * tps;
  const accounts = spec.accountsPerTps * tps;
  if (tellers !== branches * spec.tellersPerBranch || accounts !== branches * spec.accountsPerBranch) {
    throw new ParameterError('spec', spec, '', 'tellersPerTps = branchesPerTps·tellersPerBranch and accountsPerTps = branchesPerTps·accountsPerBranch');
  }
  const branchesPerPage = Math.floor(pageBytes / spec.branchRecordBytes);
  const tellersPerPage = Math.floor(pageBytes / spec.tellerRecordBytes);
  const accountsPerPage = Math.floor(pageBytes / spec.accountRecordBytes);
  const historyPerPage = Math.floor(pageBytes / spec.historyRecordBytes);
  const branchPages = Math.ceil(branches / branchesPerPage);
  const tellerPages = Math.ceil(tellers / tellersPerPage);
  const accountPages = Math.ceil(accounts / accountsPerPage);
  return {
    tps,
    pageBytes,
    branches,
    tellers,
    accounts,
    branchesPerPage,
    tellersPerPage,
    accountsPerPage,
    historyPerPage,
    branchPages,
    tellerPages,
    accountPages,
    branchBase: 0,
    tellerBase: branchPages,
    accountBase: branchPages + tellerPages,
    historyBase: branchPages + tellerPages + accountPages,
    fixedPages: branchPages + tellerPages + accountPages,
    spec,
  };
}

/**
 * Expected number of distinct pages touched when `draws` records are drawn uniformly from
 * `records` records packed `perPage` to a page (last page possibly partial): the occupancy
 * formula Σ_pages 1 − (1 − n_i/records)^draws.
 */
export function expectedDistinctPages(records: number, perPage: number, draws: number): number {
  requireInteger('records', records, '', 1);
  requireInteger('perPage', perPage, '', 1);
  requireNonNegative('draws', draws, 'draws');
  const fullPages = Math.floor(records / perPage);
  const rest = records - fullPages * perPage;
  // (1 − p)^draws via exp(draws·log1p(−p)) for accuracy with small p.
  const touched = (n: number) => (draws === 0 ? 0 : n === records ? 1 : -Math.expm1(draws * Math.log1p(-n / records)));
  return (fullPages > 0 ? fullPages * touched(perPage) : 0) + (rest > 0 ? touched(rest) : 0);
}

/** History pages written by `txns` appends starting at record `cursor` of the history. */
export function historyPagesTouched(layout: TpcAbLayout, txns: number, cursor = 0): number {
  requireNonNegative('txns', txns, 'transactions');
  requireInteger('cursor', cursor, 'records', 0);
  if (txns === 0) return 0;
  const first = Math.floor(cursor / layout.historyPerPage);
  const last = Math.floor((cursor + txns - 1) / layout.historyPerPage);
  return last - first + 1;
}

/**
 * Closed form: expected distinct dirty pages after `txns` transactions (dirty map reset at 0,
 * history cursor at a page boundary). Account, teller and branch choices are uniform and
 * independent between transactions (the 85/15 local/remote rule keeps the account marginal
 * uniform), so each table follows the occupancy formula.
 */
export function expectedDirtyPages(layout: TpcAbLayout, txns: number): DirtyPageCounts {
  requireNonNegative('txns', txns, 'transactions');
  const branch = expectedDistinctPages(layout.branches, layout.branchesPerPage, txns);
  const teller = expectedDistinctPages(layout.tellers, layout.tellersPerPage, txns);
  const account = expectedDistinctPages(layout.accounts, layout.accountsPerPage, txns);
  const history = historyPagesTouched(layout, Math.round(txns));
  return { branch, teller, account, history, total: branch + teller + account + history };
}

/**
 * Seeded TPC-A/B transaction generator writing pages into a TpcPageWriter. Transactions are
 * drawn in bulk (three uniform numbers each, no allocation per transaction).
 */
export class TpcAbGenerator {
  readonly layout: TpcAbLayout;
  private readonly rng: Rng;
  /** Next history record number. */
  historyCursor = 0;
  /** Transactions generated so far. */
  txnCount = 0;

  constructor(layout: TpcAbLayout, rng: Rng) {
    this.layout = layout;
    this.rng = rng;
  }

  /** Runs `txns` transactions; each writes its account, teller, branch and history page. */
  run(txns: number, out: TpcPageWriter): void {
    requireInteger('txns', txns, 'transactions', 0);
    const L = this.layout;
    const rng = this.rng;
    const tellers = L.tellers;
    const tpb = L.spec.tellersPerBranch;
    const apb = L.spec.accountsPerBranch;
    const branches = L.branches;
    const local = L.spec.localAccountFraction;
    let cursor = this.historyCursor;
    for (let i = 0; i < txns; i++) {
      const teller = Math.floor(rng.float() * tellers);
      const branch = Math.floor(teller / tpb);
      let accountBranch = branch;
      const u = rng.float();
      if (branches > 1 && u >= local) {
        // another branch, uniformly: reuse u's remaining randomness for the branch choice
        let other = Math.floor(((u - local) / (1 - local)) * (branches - 1));
        if (other >= branches - 1) other = branches - 2;
        accountBranch = other >= branch ? other + 1 : other;
      }
      const account = accountBranch * apb + Math.floor(rng.float() * apb);
      out.write(L.accountBase + Math.floor(account / L.accountsPerPage));
      out.write(L.tellerBase + Math.floor(teller / L.tellersPerPage));
      out.write(L.branchBase + Math.floor(branch / L.branchesPerPage));
      out.write(L.historyBase + Math.floor(cursor / L.historyPerPage));
      cursor++;
    }
    this.historyCursor = cursor;
    this.txnCount += txns;
  }
}

/** Transactions in `seconds` at `tps` (fixed rate). */
export function tpcTxnsIn(tps: number, seconds: number): number {
  requirePositive('tps', tps, 'tps');
  requireNonNegative('seconds', seconds, 's');
  return Math.round(tps * seconds);
}
