/**
 * `make sweep NOTEBOOK=flash-backup GRID="tps=500,1000,2000 seed=1..10"`: runs the notebook at
 * every point of the grid (each point a reproduce run of that notebook with those parameters,
 * cached the same way, in out/sweeps/<name>/points/<point>/), then writes out/sweeps/<name>/:
 *   results.csv      one row per point: parameters, every check value and verdict, ok, cached, time
 *   summary.md       how each check value depends on each parameter (scripts/lib/sweep-summary.ts)
 *   figures/<check>-vs-<parameter>.{svg,png,csv}
 *   plan.json        the grid and its points (what the Slurm tasks read)
 * EXECUTOR=local (default) runs JOBS points at once (default: all cores). EXECUTOR=slurm submits
 * the grid as one job array (scripts/lib/slurm.ts) and collects the results when it has finished.
 * Points skip figure export and the PNG beside each figure: a sweep is about check values.
 *
 * Usage: tsx scripts/sweep.ts --notebook NB --grid "p=1,2 q=1..3" [--name NAME] [--executor local|slurm]
 *          [--jobs N] [--out DIR] [--notebooks-dir DIR] [--force] [--timeout SECONDS]
 *        tsx scripts/sweep.ts --task INDEX --plan FILE      (one point; what each array task runs)
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { atomicWriteFileSync } from '../kernel-lib/src/core/atomic-write.js';
import { exportFigure } from '../kernel-lib/src/notebook/export.js';
import { closeBrowser } from '../kernel-lib/src/notebook/browser.js';
import { figureToCsv, type PlotlyFigure } from '../kernel-lib/src/notebook/figure.js';
import { paperLayout } from '../kernel-lib/src/notebook/style.js';
import { defaultJobs, listNotebooks, readNotebook, REPO, Runner, type Job, type ResultsFile, type RunSettings } from './reproduce.js';
import { checkPrerequisites } from './lib/jupyter-env.js';
import { paramsPerNotebook, type ParamValue } from './lib/parameters.js';
import { gridPoints, parseGrid, pointLabel, type GridAxis } from './lib/grid.js';
import { dependences, dependenceTraces, summaryMarkdown, sweepCsv, type PointResult } from './lib/sweep-summary.js';
import { submitArray } from './lib/slurm.js';

interface Plan {
  notebook: string;
  notebooksDir: string;
  grid: string;
  axes: GridAxis[];
  points: { label: string; params: Record<string, ParamValue> }[];
  sweepDir: string;
  timeoutSeconds: number;
  force: boolean;
}

interface CliOptions {
  notebook: string;
  grid: string;
  name: string;
  executor: 'local' | 'slurm';
  jobs: number;
  outDir: string;
  notebooksDir: string;
  force: boolean;
  timeoutSeconds: number;
}

function usage(msg?: string): never {
  if (msg) console.error(`sweep: ${msg}`);
  console.error('usage: tsx scripts/sweep.ts --notebook NB --grid "p=1,2 q=1..3" [--name NAME] [--executor local|slurm] [--jobs N] [--out DIR] [--notebooks-dir DIR] [--force] [--timeout SECONDS]');
  process.exit(2);
}

function parseCli(argv: string[]): CliOptions {
  const o: Partial<CliOptions> = { executor: (process.env.EXECUTOR as CliOptions['executor']) || 'local', outDir: join(REPO, 'out'), notebooksDir: join(REPO, 'notebooks'), force: process.env.FORCE === '1', timeoutSeconds: 900 };
  let jobs: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--notebook' || a === '-n') o.notebook = basename(next(), '.ipynb');
    else if (a === '--grid') o.grid = next();
    else if (a === '--name') o.name = next();
    else if (a === '--executor') o.executor = next() as CliOptions['executor'];
    else if (a === '--jobs' || a === '-j') jobs = next();
    else if (a === '--out' || a === '-o') o.outDir = resolve(next());
    else if (a === '--notebooks-dir') o.notebooksDir = resolve(next());
    else if (a === '--force') o.force = true;
    else if (a === '--timeout') o.timeoutSeconds = Number(next());
    else usage(`unknown argument ${a}`);
  }
  if (!o.notebook) usage('give the notebook: --notebook NAME (make sweep NOTEBOOK=name)');
  if (!o.grid?.trim()) usage('give the grid: --grid "tps=500,1000 seed=1..3" (make sweep GRID="...")');
  if (o.executor !== 'local' && o.executor !== 'slurm') usage(`EXECUTOR must be local or slurm, got "${o.executor}"`);
  if (o.name !== undefined && !/^[A-Za-z0-9._-]+$/.test(o.name)) usage(`--name "${o.name}": use letters, digits, . _ -`);
  if (!(o.timeoutSeconds! > 0)) usage('--timeout must be a positive number of seconds');
  try {
    o.jobs = defaultJobs(jobs ?? process.env.JOBS);
  } catch (err) {
    usage((err as Error).message);
  }
  return { ...o, name: o.name ?? o.notebook } as CliOptions;
}

function makePlan(o: CliOptions): Plan {
  const available = listNotebooks(o.notebooksDir);
  if (!available.includes(o.notebook)) throw new Error(`no notebook "${o.notebook}" in ${o.notebooksDir}; available: ${available.join(', ')}`);
  const axes = parseGrid(o.grid);
  const points = gridPoints(axes);
  // Every grid parameter must be one the notebook declares (the same error as make reproduce).
  paramsPerNotebook([{ name: o.notebook, nb: readNotebook(o.notebooksDir, o.notebook) }], points[0]);
  const labels = points.map(pointLabel);
  if (new Set(labels).size !== labels.length) throw new Error('grid: two points have the same parameters');
  return {
    notebook: o.notebook,
    notebooksDir: o.notebooksDir,
    grid: o.grid.trim(),
    axes,
    points: points.map((params, i) => ({ label: labels[i], params })),
    sweepDir: join(o.outDir, 'sweeps', o.name),
    timeoutSeconds: o.timeoutSeconds,
    force: o.force,
  };
}

const pointDir = (plan: Plan, label: string) => join(plan.sweepDir, 'points', label);

function settings(plan: Plan, jobs: number, log?: (l: string) => void): RunSettings {
  return { notebooksDir: plan.notebooksDir, exportFigures: false, png: false, timeoutSeconds: plan.timeoutSeconds, strict: false, jobs, force: plan.force, log, logError: log };
}

function jobOf(plan: Plan, p: Plan['points'][number]): Job {
  return { notebook: plan.notebook, params: p.params, outDir: pointDir(plan, p.label), label: p.label };
}

/** Records how a point went (read back by collect, whichever executor ran it). */
function writePointStatus(plan: Plan, label: string, ok: boolean, cached: boolean): void {
  atomicWriteFileSync(join(pointDir(plan, label), 'point.json'), JSON.stringify({ label, ok, cached }) + '\n');
}

async function runLocal(plan: Plan, jobs: number): Promise<void> {
  const runner = new Runner(settings(plan, jobs), plan.points.length);
  const results = await runner.runAll(plan.points.map((p) => jobOf(plan, p)));
  results.forEach((r, i) => writePointStatus(plan, plan.points[i].label, r.ok, r.cached === true));
}

/** One point, as a Slurm array task runs it. Exit 0 when the notebook ran (its checks may fail: that is data). */
async function runTask(planFile: string, index: number): Promise<number> {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  const p = plan.points[index];
  if (!p) throw new Error(`task ${index}: the plan has ${plan.points.length} points`);
  checkPrerequisites(REPO);
  const [r] = await new Runner(settings(plan, 1), 1).runAll([jobOf(plan, p)]);
  writePointStatus(plan, p.label, r.ok, r.cached === true);
  return r.ok ? 0 : 1;
}

function runSlurm(plan: Plan, planFile: string): void {
  const outcome = submitArray({
    jobName: `sweep-${basename(plan.sweepDir)}`,
    tasks: plan.points.length,
    dir: plan.sweepDir,
    repo: REPO,
    command: [process.execPath, '--import', 'tsx', join(REPO, 'scripts', 'sweep.ts'), '--task', '"$SLURM_ARRAY_TASK_ID"', '--plan', planFile],
    extraArgs: (process.env.SWEEP_SBATCH_ARGS ?? '').split(/\s+/).filter(Boolean),
  });
  console.log(`slurm: job array ${outcome.jobId || '(not submitted)'} of ${plan.points.length} tasks ended with status ${outcome.status}; task logs in ${outcome.logDir}`);
  if (!outcome.jobId) throw new Error(`sbatch failed (status ${outcome.status}): ${(outcome.stderr || outcome.stdout).trim()}`);
  if (outcome.status !== 0) console.error(`slurm: some tasks failed: ${outcome.stderr.trim()}`);
}

function collect(plan: Plan): PointResult[] {
  return plan.points.map((p) => {
    const dir = pointDir(plan, p.label);
    const status = existsSync(join(dir, 'point.json')) ? (JSON.parse(readFileSync(join(dir, 'point.json'), 'utf8')) as { ok: boolean; cached: boolean }) : null;
    const resultsPath = join(dir, 'results', `${plan.notebook}.json`);
    const r = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as ResultsFile) : null;
    return {
      label: p.label,
      params: p.params,
      ok: !!(status?.ok && r?.ok),
      cached: !!status?.cached,
      elapsedSeconds: r?.elapsedSeconds ?? null,
      checks: (r?.checks ?? []).map((c) => ({ id: c.id, ours: c.ours, pass: c.pass, paper: c.paper, unit: c.unit })),
    };
  });
}

async function writeOutputs(plan: Plan, points: PointResult[]): Promise<void> {
  atomicWriteFileSync(join(plan.sweepDir, 'results.csv'), sweepCsv(plan.axes, points));
  const deps = dependences(plan.axes, points);
  atomicWriteFileSync(join(plan.sweepDir, 'summary.md'), summaryMarkdown(plan.notebook, plan.grid, points, deps));
  atomicWriteFileSync(join(plan.sweepDir, 'summary.json'), JSON.stringify(deps, null, 2) + '\n');
  try {
    for (const d of deps) {
      const fig: PlotlyFigure = {
        data: dependenceTraces(d, plan.axes, points),
        layout: paperLayout({ xTitle: d.parameter, yTitle: `${d.check}${d.unit ? ` (${d.unit})` : ''}`, size: 'single', legend: 'below' }),
      } as PlotlyFigure;
      const stem = join(plan.sweepDir, 'figures', `${d.check}-vs-${d.parameter}`.replace(/[^A-Za-z0-9._-]/g, '_'));
      await exportFigure(fig, stem, { formats: ['svg', 'png'], size: 'single' });
      atomicWriteFileSync(`${stem}.csv`, figureToCsv(fig));
    }
  } finally {
    await closeBrowser();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--task') {
    const i = argv.indexOf('--plan');
    if (i < 0 || !argv[i + 1] || !/^\d+$/.test(argv[1] ?? '')) usage('--task INDEX --plan FILE');
    process.exit(await runTask(resolve(argv[i + 1]), Number(argv[1])));
  }
  const o = parseCli(argv);
  const t0 = performance.now();
  let plan: Plan;
  try {
    checkPrerequisites(REPO);
    plan = makePlan(o);
  } catch (err) {
    console.error(`sweep: ${(err as Error).message}`);
    process.exit(2);
  }
  const planFile = join(plan.sweepDir, 'plan.json');
  atomicWriteFileSync(planFile, JSON.stringify(plan, null, 2) + '\n');
  console.log(`sweep ${basename(plan.sweepDir)}: ${plan.notebook} at ${plan.points.length} points (${plan.grid}), executor ${o.executor}${o.executor === 'local' ? `, ${o.jobs} job(s)` : ''}`);
  try {
    if (o.executor === 'slurm') runSlurm(plan, planFile);
    else await runLocal(plan, o.jobs);
  } catch (err) {
    console.error(`sweep: ${(err as Error).message}`);
    process.exit(2);
  }
  const points = collect(plan);
  await writeOutputs(plan, points);
  const failed = points.filter((p) => !p.ok);
  console.log(
    `\n${points.length - failed.length}/${points.length} points ran (${points.filter((p) => p.cached).length} cached) in ${((performance.now() - t0) / 1000).toFixed(1)} s. ` +
      `Results: ${join(plan.sweepDir, 'results.csv')}, summary: ${join(plan.sweepDir, 'summary.md')}`,
  );
  if (failed.length) console.error(`points that did not run: ${failed.map((p) => p.label).join(' ')}`);
  process.exit(failed.length ? 1 : 0);
}

if (require.main === module) void main();
