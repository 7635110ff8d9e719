/**
 * Golden results: for each notebook at its default parameters, the checks' values as
 * `out/results/<nb>.json` records them, without what varies from run to run (timing, the cache
 * key and its inputs). Stored in test/golden/<nb>.json; test/notebooks.test.ts compares a fresh
 * run against them exactly. On a difference it writes `<nb>.changed.json` beside the stored
 * file and fails with a readable diff. To accept new values:
 *   GOLDEN_ACCEPT=1 (or =all)          accept every notebook's fresh values during the test run
 *   GOLDEN_ACCEPT=flash-backup,x       accept only the named notebooks
 *   make golden-accept                 promote the `.changed.json` files of the last failed run
 * A golden file may declare, under `measured`, check ids whose `ours` is a measurement of this
 * machine (CPU time taken with a clock), with the reason: their value is not compared (it is
 * kept as a reference and must stay a finite number); every other field, `pass` included, is.
 * `measured: { "*": reason }` declares a whole notebook measured on a real engine: then only each
 * check's id, claim, kind, unit and known-deviation reason are compared (its numbers and verdict
 * vary with the engine's run; the notebook test asserts the verdicts separately).
 * Model output is never declared measured. The declaration is kept when new values are accepted.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFileSync } from '../../kernel-lib/src/core/atomic-write.js';

export const GOLDEN_DIR = join(__dirname, '..', '..', 'test', 'golden');

export interface Golden {
  notebook: string;
  checks: Record<string, unknown>[];
  /** Check id → why its `ours` is a measurement of this machine and not compared. */
  measured?: Record<string, string>;
}

/** JSON with object keys sorted at every level, so that a golden file's text is canonical. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) o[k] = canonical((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

/** The golden part of a results file: the notebook's name and its checks (and a golden's `measured`), nothing else. */
export function goldenOf(results: { notebook: string; checks: Record<string, unknown>[]; measured?: Record<string, string> }): Golden {
  const g: Golden = { notebook: results.notebook, checks: results.checks };
  if (results.measured && Object.keys(results.measured).length) g.measured = results.measured;
  return canonical(g) as Golden;
}

/** The text of a golden file (only the golden part of what it is given). */
export function goldenText(g: Golden): string {
  return JSON.stringify(goldenOf(g), null, 2) + '\n';
}

function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

/** Check keys by id; a repeated id gets its occurrence (`B2`, `B2#2`). */
function keyed(checks: Record<string, unknown>[]): [string, Record<string, unknown>][] {
  const seen = new Map<string, number>();
  return checks.map((c, i) => {
    const id = typeof c.id === 'string' ? c.id : `#${i}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return [n > 1 ? `${id}#${n}` : id, c];
  });
}

/** `measured` key that makes every check of a notebook measured (a real-engine notebook). */
export const ALL_MEASURED = '*';
const STRUCTURAL_FIELDS = new Set(['id', 'claim', 'kind', 'unit', 'knownDeviation']);

/**
 * A line per difference: `C1 ours: 41.1 → 41.2`, checks added or removed, by check id. The `ours`
 * of a check the stored golden declares measured is only required to be a finite number.
 */
export function goldenDiff(stored: Golden, fresh: Golden): string[] {
  const lines: string[] = [];
  if (stored.notebook !== fresh.notebook) lines.push(`notebook: ${show(stored.notebook)} → ${show(fresh.notebook)}`);
  const measured = stored.measured ?? {};
  const before = new Map(keyed(stored.checks));
  const after = new Map(keyed(fresh.checks));
  for (const [k, old] of before) {
    const now = after.get(k);
    if (!now) {
      lines.push(`${k}: removed (was ours ${show(old.ours)}, pass ${show(old.pass)})`);
      continue;
    }
    const isMeasured = typeof old.id === 'string' && old.id in measured;
    for (const f of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
      // A notebook measured on a real engine ("*": every check): its numbers vary from run to
      // run, so what is compared is which checks exist, what they claim, their kind and unit.
      if (ALL_MEASURED in measured && !STRUCTURAL_FIELDS.has(f)) continue;
      if (isMeasured && f === 'ours') {
        if (typeof now.ours !== 'number' || !Number.isFinite(now.ours)) lines.push(`${k} ours (measured): ${show(now.ours)} is not a finite number`);
        continue;
      }
      if (JSON.stringify(old[f]) !== JSON.stringify(now[f])) lines.push(`${k} ${f}: ${show(old[f])} → ${show(now[f])}`);
    }
  }
  for (const [k, now] of after) if (!before.has(k)) lines.push(`${k}: added (ours ${show(now.ours)}, pass ${show(now.pass)})`);
  const order = (g: Golden) => keyed(g.checks).map(([k]) => k).join(',');
  if (!lines.length && order(stored) !== order(fresh)) lines.push(`check order: ${order(stored)} → ${order(fresh)}`);
  return lines;
}

/** True when GOLDEN_ACCEPT names this notebook (a comma list) or is 1 / all / true. */
export function acceptRequested(notebook: string, env: string | undefined = process.env.GOLDEN_ACCEPT): boolean {
  if (!env) return false;
  const names = env.split(',').map((s) => s.trim()).filter(Boolean);
  return names.some((n) => n === '1' || n === 'all' || n === 'true' || n === notebook);
}

export type GoldenOutcome =
  | { status: 'match' }
  | { status: 'accepted'; message: string }
  | { status: 'missing' | 'differs'; message: string };

/**
 * Compares a fresh run's results with test/golden/<nb>.json. Writes `<nb>.changed.json` when they
 * differ or no golden exists (and removes a stale one when they match); with acceptance
 * requested, writes the fresh values as the new golden instead.
 */
export function compareGolden(
  results: { notebook: string; checks: Record<string, unknown>[] },
  dir = GOLDEN_DIR,
  accept = acceptRequested(results.notebook),
): GoldenOutcome {
  const name = results.notebook;
  const storedPath = join(dir, `${name}.json`);
  const changedPath = join(dir, `${name}.changed.json`);
  const stored = existsSync(storedPath) ? (JSON.parse(readFileSync(storedPath, 'utf8')) as Golden) : null;
  const fresh = goldenOf({ notebook: results.notebook, checks: results.checks, measured: stored?.measured });
  const diff = stored ? goldenDiff(goldenOf(stored), fresh) : null;
  if (diff && diff.length === 0) {
    rmSync(changedPath, { force: true });
    return { status: 'match' };
  }
  if (accept) {
    atomicWriteFileSync(storedPath, goldenText(fresh));
    rmSync(changedPath, { force: true });
    return { status: 'accepted', message: `${name}: ${stored ? 'accepted new golden values' : 'created its golden'} (${storedPath})${diff ? '\n  ' + diff.join('\n  ') : ''}` };
  }
  atomicWriteFileSync(changedPath, goldenText(fresh));
  const how =
    `If the change is deliberate, accept it: GOLDEN_ACCEPT=${name} make test (or GOLDEN_ACCEPT=1 for every notebook), ` +
    `or, after this run, make golden-accept to promote ${changedPath}; then commit test/golden/${name}.json.`;
  if (!stored) {
    return {
      status: 'missing',
      message: `${name} has no golden results yet (${storedPath}). This run's values are in ${changedPath}: review them, then create the golden with ` +
        `GOLDEN_ACCEPT=${name} make test or make golden-accept, and commit test/golden/${name}.json.`,
    };
  }
  return { status: 'differs', message: `${name}: check values differ from the golden results (${storedPath} → ${changedPath}):\n  ${diff!.join('\n  ')}\n${how}` };
}

/** Promotes every `<nb>.changed.json` in the folder to `<nb>.json`; returns the notebooks. */
export function acceptChanged(dir = GOLDEN_DIR): string[] {
  const done: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.changed.json')).sort()) {
    const name = f.slice(0, -'.changed.json'.length);
    renameSync(join(dir, f), join(dir, `${name}.json`));
    done.push(name);
  }
  return done;
}
