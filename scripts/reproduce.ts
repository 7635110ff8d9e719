/**
 * `make reproduce`: executes every notebook headless with the real tslab kernel through
 * Jupyter's nbclient, and writes to the output folder (default out/):
 *   notebooks/<nb>.ipynb      the executed notebooks
 *   html/<nb>.html            standalone pages with interactive plots (work offline)
 *   figures/<nb>/<fig>.{svg,png,pdf,csv}
 *   results/<nb>.json         {notebook, elapsedSeconds, checks[]}
 *   REPORT.md                 all checks, predicted vs calibrated, time per notebook
 * Exit status 1 if a notebook fails or a check fails.
 *
 * Usage: tsx scripts/reproduce.ts [--notebook NAME]... [--param name=value]... [--out DIR]
 *                                 [--no-export] [--timeout SECONDS]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
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

export const REPO = resolve(__dirname, '..');

interface Options {
  notebooks: string[];
  params: Record<string, ParamValue>;
  outDir: string;
  notebooksDir: string;
  exportFigures: boolean;
  timeoutSeconds: number;
  /** Fail the run on known deviations too. */
  strict: boolean;
}

function usage(msg?: string): never {
  if (msg) console.error(`reproduce: ${msg}`);
  console.error(
    'usage: tsx scripts/reproduce.ts [--notebook NAME]... [--param name=value]... [--out DIR] [--notebooks-dir DIR] [--no-export] [--strict] [--timeout SECONDS]',
  );
  process.exit(2);
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
  };
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
    else if (a === '--timeout') opts.timeoutSeconds = Number(next());
    else if (a === '--help' || a === '-h') usage();
    else if (/^[A-Za-z_$][\w$]*=/.test(a)) {
      const [k, v] = parseParam(a);
      opts.params[k] = v;
    } else usage(`unknown argument ${a}`);
  }
  if (!(opts.timeoutSeconds > 0)) usage('--timeout must be a positive number of seconds');
  return opts;
}

function listNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .map((f) => basename(f, '.ipynb'))
    .sort();
}

function readNotebook(dir: string, name: string): Notebook {
  return JSON.parse(readFileSync(join(dir, `${name}.ipynb`), 'utf8')) as Notebook;
}

async function runOne(
  name: string,
  params: Record<string, ParamValue>,
  opts: Options,
  index: number,
  total: number,
): Promise<NotebookResult> {
  const prepared = injectParameters(readNotebook(opts.notebooksDir, name), params, name);
  const nbDir = join(opts.outDir, 'notebooks');
  mkdirSync(nbDir, { recursive: true });
  const inputPath = join(nbDir, `.${name}.input.ipynb`);
  const outputPath = join(nbDir, `${name}.ipynb`);
  atomicWriteFileSync(inputPath, serializeNotebook(prepared));
  process.stdout.write(`[${index}/${total}] ${name} ... `);
  const t0 = performance.now();
  const run = spawnSync(
    '/usr/bin/python3',
    [join(REPO, 'scripts', 'run_notebook.py'), inputPath, outputPath + '.tmp', '--cwd', opts.notebooksDir, '--timeout', String(opts.timeoutSeconds)],
    { env: kernelEnv(REPO), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const elapsedSeconds = (performance.now() - t0) / 1000;
  let executed: Notebook = prepared;
  if (existsSync(outputPath + '.tmp')) {
    executed = JSON.parse(readFileSync(outputPath + '.tmp', 'utf8')) as Notebook;
    renameSync(outputPath + '.tmp', outputPath);
  }
  rmSync(inputPath, { force: true });
  const result: NotebookResult = {
    notebook: name,
    elapsedSeconds: Math.round(elapsedSeconds * 100) / 100,
    ok: run.status === 0,
    checks: collectChecks(executed),
    figures: [],
  };
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
    console.log(`FAILED (${elapsedSeconds.toFixed(1)} s)`);
    const where = failure?.cell === null || failure?.cell === undefined ? 'before any cell ran' : `cell ${failure.cell}${failure.cellId ? ` (id ${failure.cellId})` : ''}`;
    console.error(`\n✗ notebook ${name}, ${where}:`);
    if (failure?.source) console.error(indent(String(Array.isArray(failure.source) ? failure.source.join('') : failure.source).split('\n').slice(0, 8).join('\n'), '    | '));
    console.error(indent(failure?.error ?? '', '    '));
    console.error('');
  }
  const figures = collectFigures(executed);
  if (opts.exportFigures && figures.length) {
    const figDir = join(opts.outDir, 'figures', name);
    for (const f of figures) {
      const t = performance.now();
      await exportFigure(f.figure, join(figDir, f.name), { width: f.widthPx, height: f.heightPx });
      atomicWriteFileSync(join(figDir, `${f.name}.csv`), figureToCsv(f.figure as Parameters<typeof figureToCsv>[0]));
      result.figures.push(f.name);
      exportTimes.push({ notebook: name, figure: f.name, seconds: (performance.now() - t) / 1000 });
    }
  } else {
    result.figures = figures.map((f) => f.name);
  }
  atomicWriteFileSync(
    join(opts.outDir, 'html', `${name}.html`),
    notebookToHtml(executed, { title: name, elapsedSeconds, generatedAt: new Date().toISOString() }),
  );
  atomicWriteFileSync(
    join(opts.outDir, 'results', `${name}.json`),
    JSON.stringify({ notebook: name, elapsedSeconds: result.elapsedSeconds, checks: result.checks }, null, 2) + '\n',
  );
  if (result.ok) {
    const passed = result.checks.filter((c) => c.pass).length;
    const { unexpected, deviations, stale } = classifyChecks(result.checks);
    const failedRun = unexpected.length > 0 || (opts.strict && deviations.length > 0);
    const dev = deviations.length ? `, ${deviations.length} known deviation(s)` : '';
    console.log(`${failedRun ? 'CHECKS FAILED' : 'ok'} (${elapsedSeconds.toFixed(1)} s, ${passed}/${result.checks.length} checks pass${dev}, ${result.figures.length} figures)`);
    for (const c of unexpected) console.error(`    ✗ ${c.id}: ${c.claim}: paper ${c.paper}, ours ${c.ours}, tolerance ${c.tolerance}`);
    for (const c of deviations) console.log(`    ~ ${c.id} (known deviation): paper ${c.paper}, ours ${c.ours}, tolerance ${c.tolerance}`);
    for (const c of stale) console.log(`    ! ${c.id} passes now but is declared a known deviation: remove the declaration`);
  }
  return result;
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

/** Export time per figure, for the benchmark. */
export const exportTimes: { notebook: string; figure: string; seconds: number }[] = [];

export async function reproduce(opts: Options): Promise<NotebookResult[]> {
  checkPrerequisites(REPO);
  const available = listNotebooks(opts.notebooksDir);
  const names = opts.notebooks.length ? opts.notebooks : available;
  for (const n of names) {
    if (!available.includes(n)) throw new Error(`no notebook "${n}" in ${opts.notebooksDir}; available: ${available.join(', ')}`);
  }
  const perNotebook = paramsPerNotebook(
    names.map((name) => ({ name, nb: readNotebook(opts.notebooksDir, name) })),
    opts.params,
  );
  mkdirSync(opts.outDir, { recursive: true });
  const results: NotebookResult[] = [];
  try {
    for (const [i, n] of names.entries()) results.push(await runOne(n, perNotebook.get(n) ?? {}, opts, i + 1, names.length));
  } finally {
    await closeBrowser();
  }
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
  const all = results.flatMap((r) => r.checks);
  const { unexpected, deviations } = classifyChecks(all);
  const passed = all.filter((c) => c.pass).length;
  console.log(
    `\n${results.length - failedNb.length}/${results.length} notebooks ran, ${passed}/${all.length} checks pass` +
      `${deviations.length ? ` (${deviations.length} failing checks are declared known deviations${opts.strict ? '; --strict counts them' : ''})` : ''}` +
      ` in ${((performance.now() - t0) / 1000).toFixed(1)} s. Report: ${join(opts.outDir, 'REPORT.md')}`,
  );
  process.exit(failedNb.length || unexpected.length || (opts.strict && deviations.length) ? 1 : 0);
}

if (require.main === module) void main();
