/**
 * The reproduce part of `npm run bench`: cold `make reproduce` wall time with all cores (and with
 * JOBS=1 when asked: --serial), a warm rerun with nothing changed, and where each notebook's time
 * went (from the timing its results file records, scripts/lib/timing.ts), plus the PNG that show()
 * renders beside each figure, re-rendered here on a warm browser to price it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { renderFigure } from '../../kernel-lib/src/notebook/export.js';
import { closeBrowser } from '../../kernel-lib/src/notebook/browser.js';
import { collectFigures } from './collect.js';
import type { Notebook } from './notebook-format.js';
import type { NotebookResult } from './report.js';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

type Reproduce = (argv: string[]) => Promise<NotebookResult[]>;

async function timed(run: Reproduce, argv: string[]): Promise<{ seconds: number; results: NotebookResult[] }> {
  const t0 = performance.now();
  const results = await run(argv);
  return { seconds: (performance.now() - t0) / 1000, results };
}

const MODEL_TARGET = '≤ 60 s for the model notebooks, cold, 2 cores';

export async function benchReproduce(repo: string, run: Reproduce, opts: { serial: boolean }): Promise<Figure[]> {
  const figs: Figure[] = [];
  const cores = availableParallelism();
  if (opts.serial) {
    const dir = join(repo, 'out', 'bench-reproduce-serial');
    rmSync(dir, { recursive: true, force: true });
    const cold = await timed(run, ['--out', dir, '--jobs', '1']);
    figs.push({ name: 'cold make reproduce, JOBS=1, wall time', value: cold.seconds, unit: 's', target: MODEL_TARGET });
  }
  const dir = join(repo, 'out', 'bench-reproduce');
  rmSync(dir, { recursive: true, force: true });
  const cold = await timed(run, ['--out', dir, '--jobs', String(cores)]);
  figs.push({ name: `cold make reproduce, JOBS=${cores} (all cores), wall time`, value: cold.seconds, unit: 's', target: MODEL_TARGET });
  const warm = await timed(run, ['--out', dir, '--jobs', String(cores)]);
  figs.push({ name: `warm rerun, nothing changed (${warm.results.filter((r) => r.cached).length}/${warm.results.length} cached), wall time`, value: warm.seconds, unit: 's', target: '≤ 5 s' });
  for (const r of cold.results) {
    const t = r.timing;
    const n = `${r.notebook}${r.ok ? '' : ' (FAILED)'}`;
    figs.push({ name: `${n}: total`, value: r.elapsedSeconds, unit: 's' });
    if (!t) continue;
    const first = t.cells[0]?.seconds ?? 0;
    const rows: [string, number | null][] = [
      ['waiting for the shared browser', t.browserWaitSeconds],
      ['python + nbclient imports', t.pythonImportsSeconds],
      ['kernel start (tslab)', t.kernelStartSeconds],
      ['first cell (includes tslab\'s first compile)', first],
      ['other cells', t.cellsSeconds - first],
      [`browser session in the kernel (${t.kernelBrowser.mode}), inside the cells`, t.kernelBrowser.seconds],
      ['kernel shutdown', t.shutdownSeconds],
      [`export svg+png+pdf (${t.exportPerFigure.length} figures)`, t.exportSeconds],
      ['HTML page', t.htmlSeconds],
    ];
    for (const [what, v] of rows) if (v !== null) figs.push({ name: `${n}: ${what}`, value: v, unit: 's' });
    const slowest = [...t.cells].sort((a, b) => b.seconds - a.seconds)[0];
    if (slowest) figs.push({ name: `${n}: slowest cell #${slowest.index} \`${slowest.firstLine.slice(0, 50)}\``, value: slowest.seconds, unit: 's' });
  }
  // PNG beside each figure in show(): re-rendered here at scale 1 on a warm browser.
  try {
    for (const r of cold.results) {
      const nb = JSON.parse(readFileSync(join(dir, 'notebooks', `${r.notebook}.ipynb`), 'utf8')) as Notebook;
      const shown = collectFigures(nb);
      if (!shown.length) continue;
      await renderFigure(shown[0].figure, 'png', { widthPx: shown[0].widthPx, heightPx: shown[0].heightPx, scale: 1 }); // warm-up
      const t0 = performance.now();
      for (const f of shown) await renderFigure(f.figure, 'png', { widthPx: f.widthPx, heightPx: f.heightPx, scale: 1 });
      figs.push({ name: `${r.notebook}: PNG rendering in show (${shown.length} figures, warm browser)`, value: (performance.now() - t0) / 1000, unit: 's' });
    }
  } finally {
    await closeBrowser();
  }
  return figs;
}
