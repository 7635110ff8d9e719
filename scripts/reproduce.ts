/**
 * `make reproduce`: executes notebooks headless with the real tslab kernel through Jupyter's
 * nbclient, JOBS at a time (default: the number of cores), and writes to the output folder
 * (default out/):
 *   notebooks/<nb>.ipynb      the executed notebooks
 *   html/<nb>.html            standalone pages with interactive plots (work offline)
 *   figures/<nb>/<fig>.{svg,png,pdf,csv}
 *   results/<nb>.json         {notebook, ok, elapsedSeconds, figures, cache: {key, inputs}, timing, checks[]}
 *   REPORT.md                 all checks, predicted vs calibrated, time per notebook, cached runs
 * A notebook whose inputs (scripts/lib/cache.ts) have not changed since its last successful run
 * in the same output folder is not rerun: its recorded results are reported as cached.
 * --force reruns everything selected; naming a notebook (--notebook) reruns it (--use-cache
 * keeps the cache for named notebooks too). All kernels of a run render through one warm
 * Chromium (scripts/lib/browser-server.ts). Exit status 1 if a notebook fails or a check fails.
 *
 * Usage: tsx scripts/reproduce.ts [--notebook NAME]... [--param name=value]... [--out DIR]
 *          [--notebooks-dir DIR] [--jobs N] [--force] [--use-cache] [--no-export] [--strict]
 *          [--timeout SECONDS]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { atomicWriteFileSync } from '../kernel-lib/src/core/atomic-write.js';
import { exportFigure } from '../kernel-lib/src/notebook/export.js';
import { closeBrowser } from '../kernel-lib/src/notebook/browser.js';
import { figureToCsv } from '../kernel-lib/src/notebook/figure.js';
import { serializeNotebook, type Notebook } from './lib/notebook-format.js';
import { injectParameters, paramsPerNotebook, parseParam, type ParamValue } from './lib/parameters.js';
import { classifyChecks, collectChecks, collectFigures } from './lib/collect.js';
import { notebookToHtml } from './lib/html-page.js';
import { renderReport, type NotebookResult } from './lib/report.js';
import { kernelEnv, checkPrerequisites } from './lib/jupyter-env.js';
import { cacheKey, dataReads, staticInputs, stillValid, type CacheRecord } from './lib/cache.js';
import { mapPool, serialQueue } from './lib/pool.js';
import { SharedBrowser } from './lib/browser-server.js';
import { readTiming, type NotebookTiming } from './lib/timing.js';

export const REPO = resolve(__dirname, '..');

export interface Options {
  notebooks: string[];
  params: Record<string, ParamValue>;
  outDir: string;
  notebooksDir: string;
  exportFigures: boolean;
  timeoutSeconds: number;
  /** Fail the run on known deviations too. */
  strict: boolean;
  /** Notebooks run at once. */
  jobs: number;
  /** Rerun even when the cache holds (default: for named notebooks). */
  force: boolean;
}

function usage(msg?: string): never {
  if (msg) console.error(`reproduce: ${msg}`);
  console.error(
    'usage: tsx scripts/reproduce.ts [--notebook NAME]... [--param name=value]... [--out DIR] [--notebooks-dir DIR] [--jobs N] [--force] [--use-cache] [--no-export] [--strict] [--timeout SECONDS]',
  );
  process.exit(2);
}

/** JOBS from the environment or the number of cores. */
export function defaultJobs(env: string | undefined = process.env.JOBS): number {
  if (env === undefined || env === '') return availableParallelism();
  const n = Number(env);
  if (!Number.isInteger(n) || n < 1) throw new Error(`JOBS must be a positive integer, got "${env}"`);
  return n;
}

export function parseArgs(argv: string[]): Options {
  const opts: Options = {
    notebooks: [],
    params: {},
    outDir: join(REPO, 'out'),
    notebooksDir: join(REPO, 'notebooks'),
    exportFigures: true,
    timeoutSeconds: 900,
    strict: false,
    jobs: 0,
    force: process.env.FORCE === '1',
  };
  let useCache = false;
  let jobs: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--notebook' || a === '-n') opts.notebooks.push(basename(next(), '.ipynb'));
    else if (a === '--param' || a === '-p') {
      const [k, v] = parseParam(next());
      opts.params[k] = v;
    } else if (a === '--out' || a === '-o') opts.outDir = resolve(next());
    else if (a === '--notebooks-dir') opts.notebooksDir = resolve(next());
    else if (a === '--no-export') opts.exportFigures = false;
    else if (a === '--strict') opts.strict = true;
    else if (a === '--force') opts.force = true;
    else if (a === '--use-cache') useCache = true;
    else if (a === '--jobs' || a === '-j') jobs = next();
    else if (a === '--timeout') opts.timeoutSeconds = Number(next());
    else if (a === '--help' || a === '-h') usage();
    else if (/^[A-Za-z_$][\w$]*=/.test(a)) {
      const [k, v] = parseParam(a);
      opts.params[k] = v;
    } else usage(`unknown argument ${a}`);
  }
  if (!(opts.timeoutSeconds > 0)) usage('--timeout must be a positive number of seconds');
  if (opts.notebooks.length && !useCache) opts.force = true;
  try {
    opts.jobs = defaultJobs(jobs ?? process.env.JOBS);
  } catch (err) {
    usage((err as Error).message);
  }
  return opts;
}

export function listNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .map((f) => basename(f, '.ipynb'))
    .sort();
}

export function readNotebook(dir: string, name: string): Notebook {
  return JSON.parse(readFileSync(join(dir, `${name}.ipynb`), 'utf8')) as Notebook;
}

/** One notebook run: a notebook, its injected parameters, the folder its outputs go to. */
export interface Job {
  notebook: string;
  params: Record<string, ParamValue>;
  outDir: string;
  /** Shown in the progress line (a sweep's point). */
  label?: string;
}

export interface RunSettings {
  notebooksDir: string;
  exportFigures: boolean;
  /** Render the PNG beside each figure in show() (off for sweep points). */
  png: boolean;
  timeoutSeconds: number;
  strict: boolean;
  jobs: number;
  force: boolean;
  /** Progress lines (default console). */
  log?: (line: string) => void;
  logError?: (text: string) => void;
}

/** What a results file holds. */
export interface ResultsFile {
  notebook: string;
  ok: boolean;
  elapsedSeconds: number;
  figures: string[];
  cache: CacheRecord;
  timing?: NotebookTiming;
  checks: NotebookResult['checks'];
  error?: NotebookResult['error'];
}

function readResults(path: string): ResultsFile | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
  } catch {
    return undefined;
  }
}

interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => resolvePromise({ status: null, stdout, stderr: stderr + String(err) }));
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/** Everything the run writes for a notebook exists (else the cache cannot stand in for it). */
function outputsExist(job: Job, previous: ResultsFile, exportFigures: boolean): boolean {
  const files = [join(job.outDir, 'notebooks', `${job.notebook}.ipynb`), join(job.outDir, 'html', `${job.notebook}.html`)];
  if (exportFigures) for (const f of previous.figures ?? []) files.push(...['svg', 'png', 'pdf', 'csv'].map((e) => join(job.outDir, 'figures', job.notebook, `${f}.${e}`)));
  return files.every((f) => existsSync(f));
}

/** A runner for jobs that share one warm browser, one export queue and a progress count. */
export class Runner {
  private readonly browser = new SharedBrowser();
  private readonly exportQueue = serialQueue();
  private done = 0;

  constructor(private readonly settings: RunSettings, private readonly total: number) {}

  /** Seconds the shared browser took to start (0 if no notebook needed it). */
  get browserLaunchSeconds(): number {
    return this.browser.launchSeconds;
  }

  async runAll(jobs: readonly Job[]): Promise<NotebookResult[]> {
    try {
      return await mapPool(jobs, this.settings.jobs, (job) => this.runOne(job));
    } finally {
      await closeBrowser();
      await this.browser.close();
    }
  }

  private flags(): Record<string, boolean> {
    return { exportFigures: this.settings.exportFigures, png: this.settings.png };
  }

  async runOne(job: Job): Promise<NotebookResult> {
    const s = this.settings;
    const log = s.log ?? ((l: string) => console.log(l));
    const logError = s.logError ?? ((t: string) => console.error(t));
    const { notebook: name, outDir } = job;
    const shown = job.label ? `${name} [${job.label}]` : name;
    const notebookFile = join(s.notebooksDir, `${name}.ipynb`);
    const prepared = injectParameters(readNotebook(s.notebooksDir, name), job.params, name);
    const resultsPath = join(outDir, 'results', `${name}.json`);
    const inputs = staticInputs(REPO, notebookFile, job.params as Record<string, unknown>, this.flags());
    const previous = readResults(resultsPath);
    if (!s.force && previous?.ok && stillValid(REPO, previous.cache, inputs) && outputsExist(job, previous, s.exportFigures)) {
      const result: NotebookResult = { notebook: name, elapsedSeconds: previous.elapsedSeconds, ok: true, cached: true, checks: previous.checks, figures: previous.figures ?? [] };
      log(`[${++this.done}/${this.total}] ${shown} ... ${this.summary(result)}, cached: inputs unchanged since the last run`);
      return result;
    }

    const nbDir = join(outDir, 'notebooks');
    mkdirSync(nbDir, { recursive: true });
    const scratch = mkdtempSync(join(tmpdir(), `reproduce-${name}-`));
    const inputPath = join(scratch, `${name}.input.ipynb`);
    const outputPath = join(nbDir, `${name}.ipynb`);
    const readsFile = join(scratch, 'data-reads.txt');
    const timingFile = join(scratch, 'timing.json');
    const kernelTimingFile = join(scratch, 'kernel-timing.jsonl');
    atomicWriteFileSync(inputPath, serializeNotebook(prepared));
    // What the exported figures' metadata hashes: the notebook's parameters cell and the
    // injected overrides, as the kernel ran them.
    const parameterCells = Object.fromEntries(
      prepared.cells
        .filter((c) => (c.metadata?.tags ?? []).some((t: string) => t === 'parameters' || t === 'injected-parameters'))
        .map((c) => [(c.metadata!.tags as string[]).includes('injected-parameters') ? 'injected-parameters' : 'parameters', Array.isArray(c.source) ? c.source.join('') : c.source]),
    );
    const t0 = performance.now();
    let browserWaitSeconds = 0;
    if (s.png || s.exportFigures) {
      try {
        const tb = performance.now();
        await this.browser.endpoint();
        browserWaitSeconds = (performance.now() - tb) / 1000;
      } catch {
        /* no shared browser: each kernel falls back to its own (and says so if Chromium is missing) */
      }
    }
    const env: NodeJS.ProcessEnv = {
      ...kernelEnv(REPO),
      KERNEL_LIB_DATA_READS_FILE: readsFile,
      KERNEL_LIB_TIMING_FILE: kernelTimingFile,
      ...(s.png ? {} : { KERNEL_LIB_NO_PNG: '1' }),
    };
    const run = await runChild(
      '/usr/bin/python3',
      [join(REPO, 'scripts', 'run_notebook.py'), inputPath, outputPath + '.tmp', '--cwd', s.notebooksDir, '--timeout', String(s.timeoutSeconds), '--timing', timingFile],
      env,
    );
    const kernelSeconds = (performance.now() - t0) / 1000;
    let executed: Notebook = prepared;
    if (existsSync(outputPath + '.tmp')) {
      executed = JSON.parse(readFileSync(outputPath + '.tmp', 'utf8')) as Notebook;
      renameSync(outputPath + '.tmp', outputPath);
    }
    const result: NotebookResult = { notebook: name, elapsedSeconds: 0, ok: run.status === 0, checks: collectChecks(executed), figures: [] };
    const errorLines: string[] = [];
    if (run.status !== 0) {
      const lastLine = (run.stdout ?? '').trim().split('\n').pop() ?? '';
      let failure: NotebookResult['error'];
      try {
        failure = JSON.parse(lastLine) as NotebookResult['error'];
      } catch {
        failure = { cell: null, cellId: null, source: '', error: `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim() || `runner exited with ${run.status}` };
      }
      if (failure) failure.error = cleanStack(failure.error);
      result.error = failure;
      const where = failure?.cell === null || failure?.cell === undefined ? 'before any cell ran' : `cell ${failure.cell}${failure.cellId ? ` (id ${failure.cellId})` : ''}`;
      errorLines.push(`\n✗ notebook ${name}, ${where}:`);
      if (failure?.source) errorLines.push(indent(String(Array.isArray(failure.source) ? failure.source.join('') : failure.source).split('\n').slice(0, 8).join('\n'), '    | '));
      errorLines.push(indent(failure?.error ?? '', '    '), '');
    }
    const figures = collectFigures(executed);
    const te = performance.now();
    const exportPerFigure: { figure: string; seconds: number }[] = [];
    if (s.exportFigures && figures.length) {
      const figDir = join(outDir, 'figures', name);
      await this.exportQueue(async () => {
        for (const f of figures) {
          const t = performance.now();
          await exportFigure(f.figure, join(figDir, f.name), { width: f.widthPx, height: f.heightPx, name: f.name, params: parameterCells });
          atomicWriteFileSync(join(figDir, `${f.name}.csv`), figureToCsv(f.figure as Parameters<typeof figureToCsv>[0]));
          result.figures.push(f.name);
          exportPerFigure.push({ figure: f.name, seconds: (performance.now() - t) / 1000 });
        }
      });
    } else {
      result.figures = figures.map((f) => f.name);
    }
    const exportSeconds = (performance.now() - te) / 1000;
    const th = performance.now();
    const elapsedSoFar = (performance.now() - t0) / 1000;
    atomicWriteFileSync(
      join(outDir, 'html', `${name}.html`),
      notebookToHtml(executed, { title: name, elapsedSeconds: elapsedSoFar, generatedAt: new Date().toISOString() }),
    );
    const htmlSeconds = (performance.now() - th) / 1000;
    const elapsedSeconds = (performance.now() - t0) / 1000;
    result.elapsedSeconds = Math.round(elapsedSeconds * 100) / 100;
    const data = dataReads(REPO, readsFile);
    const timing = readTiming(timingFile, kernelTimingFile, executed, { browserWaitSeconds, kernelSeconds, exportSeconds, exportPerFigure, htmlSeconds, totalSeconds: elapsedSeconds });
    rmSync(scratch, { recursive: true, force: true });
    const file: ResultsFile = {
      notebook: name,
      ok: result.ok,
      elapsedSeconds: result.elapsedSeconds,
      figures: result.figures,
      cache: { key: cacheKey(inputs, data), inputs: { ...inputs, data } },
      timing,
      checks: result.checks,
      ...(result.error ? { error: result.error } : {}),
    };
    atomicWriteFileSync(resultsPath, JSON.stringify(file, null, 2) + '\n');
    const prefix = `[${++this.done}/${this.total}] ${shown} ... `;
    if (!result.ok) {
      log(`${prefix}FAILED (${elapsedSeconds.toFixed(1)} s)`);
      logError(errorLines.join('\n'));
    } else {
      log(prefix + this.summary(result));
      const { unexpected, deviations, stale } = classifyChecks(result.checks);
      const notes: string[] = [];
      for (const c of deviations) notes.push(`    ~ ${c.id} (known deviation): paper ${c.paper}, ours ${c.ours}, tolerance ${c.tolerance}`);
      for (const c of stale) notes.push(`    ! ${c.id} passes now but is declared a known deviation: remove the declaration`);
      if (notes.length) log(notes.join('\n'));
      if (unexpected.length) logError(unexpected.map((c) => `    ✗ ${c.id}: ${c.claim}: paper ${c.paper}, ours ${c.ours}, tolerance ${c.tolerance}`).join('\n'));
    }
    result.timing = timing;
    return result;
  }

  private summary(result: NotebookResult): string {
    const passed = result.checks.filter((c) => c.pass).length;
    const { unexpected, deviations } = classifyChecks(result.checks);
    const failedRun = unexpected.length > 0 || (this.settings.strict && deviations.length > 0);
    const dev = deviations.length ? `, ${deviations.length} known deviation(s)` : '';
    return `${failedRun ? 'CHECKS FAILED' : 'ok'} (${result.elapsedSeconds.toFixed(1)} s, ${passed}/${result.checks.length} checks pass${dev}, ${result.figures.length} figures)`;
  }
}

/** Drops the kernel's own stack frames (node:vm, tslab) from an error text. */
export function cleanStack(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s+at .*(node:vm|tslab[\\/]dist[\\/]|sigintHandlersWrap|node:internal)/.test(l))
    .join('\n')
    .trim();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/** The selected notebooks (all by default), checked to exist, with their parameters. */
export function selectJobs(opts: Pick<Options, 'notebooks' | 'notebooksDir' | 'params' | 'outDir'>): Job[] {
  const available = listNotebooks(opts.notebooksDir);
  const names = opts.notebooks.length ? [...new Set(opts.notebooks)] : available;
  for (const n of names) {
    if (!available.includes(n)) throw new Error(`no notebook "${n}" in ${opts.notebooksDir}; available: ${available.join(', ')}`);
  }
  const perNotebook = paramsPerNotebook(
    names.map((name) => ({ name, nb: readNotebook(opts.notebooksDir, name) })),
    opts.params,
  );
  return names.map((notebook) => ({ notebook, params: perNotebook.get(notebook) ?? {}, outDir: opts.outDir }));
}

export async function reproduce(opts: Options): Promise<NotebookResult[]> {
  checkPrerequisites(REPO);
  const jobs = selectJobs(opts);
  mkdirSync(opts.outDir, { recursive: true });
  const runner = new Runner({ ...opts, png: true }, jobs.length);
  const results = await runner.runAll(jobs);
  atomicWriteFileSync(join(opts.outDir, 'REPORT.md'), renderReport(results, new Date().toISOString()));
  return results;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  let results: NotebookResult[];
  try {
    results = await reproduce(opts);
  } catch (err) {
    console.error(`reproduce: ${(err as Error).message}`);
    process.exit(2);
  }
  const failedNb = results.filter((r) => !r.ok);
  const cached = results.filter((r) => r.cached).length;
  const all = results.flatMap((r) => r.checks);
  const { unexpected, deviations } = classifyChecks(all);
  const passed = all.filter((c) => c.pass).length;
  console.log(
    `\n${results.length - failedNb.length}/${results.length} notebooks ran${cached ? ` (${cached} cached)` : ''}, ${passed}/${all.length} checks pass` +
      `${deviations.length ? ` (${deviations.length} failing checks are declared known deviations${opts.strict ? '; --strict counts them' : ''})` : ''}` +
      ` in ${((performance.now() - t0) / 1000).toFixed(1)} s with ${opts.jobs} job(s). Report: ${join(opts.outDir, 'REPORT.md')}`,
  );
  process.exit(failedNb.length || unexpected.length || (opts.strict && deviations.length) ? 1 : 0);
}

if (require.main === module) void main();
