// Issue 16 item 2, in a real browser: Debian's classic Jupyter Notebook 6 (jupyter-notebook) on
// 127.0.0.1 with a token, the project-local tslab kernelspec (JUPYTER_PATH), a project notebook
// opened in Chromium (playwright-core), Cell → Run All; then every figure must be an
// interactive plotly plot (SVG with traces, a mouse hover shows a hover label and fires
// plotly_hover), tables must render as HTML tables, and no cell may show an error.
// The server (and its kernel) is stopped afterwards, the temp folders removed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSession, closeBrowser } from '../kernel-lib/src/notebook/browser.js';
import { REPO } from './support/run-reproduce.js';

const NOTEBOOK = 'hardware-tour';
const JUPYTER = '/usr/bin/jupyter-notebook';

let server: ChildProcess | null = null;
let serverLog = '';
let port = 0;
const token = randomBytes(16).toString('hex');
const tmp = mkdtempSync(join(tmpdir(), 'jupyter-browser-'));
// The notebook sits inside the checkout (kernel-lib and the local tslab resolve from there);
// a copy, so that nothing the browser session saves touches notebooks/.
const nbDir = join(REPO, 'test', `.tmp-jupyter-${process.pid}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function waitForServer(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server?.exitCode !== null) throw new Error(`jupyter-notebook exited: ${serverLog}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`jupyter-notebook did not answer within ${timeoutMs} ms: ${serverLog}`);
}

before(async () => {
  assert.ok(existsSync(JUPYTER), `${JUPYTER} missing: apt-get install -y jupyter-notebook (make setup)`);
  const kernels = join(REPO, '.jupyter-kernels', 'share', 'jupyter');
  assert.ok(existsSync(join(kernels, 'kernels', 'tslab', 'kernel.json')), 'project-local kernelspec missing: run make setup');
  mkdirSync(nbDir, { recursive: true });
  copyFileSync(join(REPO, 'notebooks', `${NOTEBOOK}.ipynb`), join(nbDir, `${NOTEBOOK}.ipynb`));
  for (const d of ['config', 'runtime', 'data']) mkdirSync(join(tmp, d));
  port = await freePort();
  server = spawn(
    JUPYTER,
    [
      '--no-browser',
      '--allow-root',
      '--ip=127.0.0.1',
      `--port=${port}`,
      '--port-retries=0',
      `--notebook-dir=${nbDir}`,
      `--NotebookApp.token=${token}`,
    ],
    {
      env: {
        ...process.env,
        JUPYTER_CONFIG_DIR: join(tmp, 'config'),
        JUPYTER_RUNTIME_DIR: join(tmp, 'runtime'),
        JUPYTER_DATA_DIR: join(tmp, 'data'),
        JUPYTER_PATH: kernels,
        PYDEVD_DISABLE_FILE_VALIDATION: '1',
      },
      detached: true, // its own process group: the kernel it starts is stopped with it
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (b) => (serverLog += b));
  server.stderr?.on('data', (b) => (serverLog += b));
  await waitForServer(30_000);
});

after(async () => {
  await closeBrowser();
  if (server && server.exitCode === null && server.pid) {
    const exited = new Promise((r) => server!.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM'); // the server's group: the server and its kernel
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-server!.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(nbDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

test(`${NOTEBOOK} in classic Jupyter Notebook: Run All gives interactive figures, HTML tables, no error`, { timeout: 240_000 }, async () => {
  const nb = JSON.parse(readFileSync(join(nbDir, `${NOTEBOOK}.ipynb`), 'utf8')) as { cells: { source: string[] | string }[] };
  const shows = nb.cells.map((c) => [c.source].flat().join('')).join('\n').match(/await show\(/g)?.length ?? 0;
  assert.ok(shows >= 1, 'the notebook shows figures');

  const { browser } = await browserSession();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/notebooks/${NOTEBOOK}.ipynb?token=${token}`);
  await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, null, { timeout: 60_000 });
  await page.evaluate(() => (window as any).Jupyter.notebook.set_autosave_interval(0));
  // Cell → Run All, through the menu as a user does it.
  await page.click('#celllink');
  await page.click('#run_all_cells');
  await page.waitForFunction(() => document.querySelectorAll('.cell.running').length > 0, null, { timeout: 30_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.cell.running').length === 0 && (window as any).Jupyter.notebook.kernel_busy !== true,
    null,
    { timeout: 200_000, polling: 500 },
  );

  const errors = await page.evaluate(() =>
    [...document.querySelectorAll('.output_stderr, .output_error')].map((e) => (e.textContent ?? '').slice(0, 300)),
  );
  assert.deepEqual(errors, [], 'no cell shows an error');
  assert.deepEqual(pageErrors, [], 'no script error in the page');

  // Each figure: plotly drew it (its SVG has traces) in place of the static PNG.
  await page.waitForFunction((n) => document.querySelectorAll('.kernel-lib-figure.js-plotly-plot').length >= n, shows, { timeout: 30_000 });
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll('.kernel-lib-figure')].map((el) => ({
      name: el.getAttribute('data-figure'),
      plotly: el.classList.contains('js-plotly-plot'),
      traces: el.querySelectorAll('svg.main-svg .scatterlayer .trace, svg.main-svg .barlayer .trace').length,
      staticImg: el.querySelectorAll(':scope > img').length,
    })),
  );
  assert.equal(figures.length, shows, `one interactive figure per show(): ${JSON.stringify(figures)}`);
  for (const f of figures) {
    assert.ok(f.plotly && f.traces > 0, `figure ${f.name} is a plotly plot with traces: ${JSON.stringify(f)}`);
    assert.equal(f.staticImg, 0, `figure ${f.name}: the PNG was replaced by the plot`);
  }
  const loaders = await page.evaluate(() => [...document.querySelectorAll('.output_html script')].filter((s) => (s.textContent ?? '').includes('kernel-lib: plotly.js')).length);
  assert.equal(loaders, 1, 'plotly.js is loaded once for the notebook, not once per figure');

  // A real mouse hover on the first figure's first data point fires plotly_hover and shows a label.
  const target = await page.evaluate(() => {
    const gd = document.querySelector('.kernel-lib-figure.js-plotly-plot') as any;
    gd.scrollIntoView();
    (window as any).__hovered = 0;
    gd.on('plotly_hover', () => ((window as any).__hovered += 1));
    const fl = gd._fullLayout;
    // The data point drawn nearest the middle of its plot area.
    let best: { x: number; y: number; d: number } | null = null;
    for (const cd of gd.calcdata as any[]) {
      const trace = cd[0]?.trace;
      if (!trace || trace.visible === false) continue;
      const xa = fl[(trace.xaxis ?? 'x').replace('x', 'xaxis')];
      const ya = fl[(trace.yaxis ?? 'y').replace('y', 'yaxis')];
      for (const p of cd) {
        const px = xa.c2p(p.x);
        const py = ya.c2p(p.y);
        if (!(px > 2 && px < xa._length - 2 && py > 2 && py < ya._length - 2)) continue;
        const d = Math.hypot(px - xa._length / 2, py - ya._length / 2);
        if (!best || d < best.d) best = { x: xa._offset + px, y: ya._offset + py, d };
      }
    }
    if (!best) throw new Error('no data point inside the plot area');
    const box = gd.getBoundingClientRect();
    return { x: box.left + best.x, y: box.top + best.y };
  });
  await page.mouse.move(target.x - 5, target.y - 5);
  await page.mouse.move(target.x, target.y, { steps: 5 });
  try {
    await page.waitForFunction(() => (window as any).__hovered > 0 && document.querySelectorAll('.hoverlayer .hovertext').length > 0, null, { timeout: 10_000 });
  } catch (err) {
    const at = await page.evaluate(({ x, y }) => {
      const e = document.elementFromPoint(x, y);
      return { hovered: (window as any).__hovered, element: e ? `${e.tagName}.${e.getAttribute('class')}` : null, labels: document.querySelectorAll('.hoverlayer .hovertext').length };
    }, target);
    throw new Error(`no hover at (${target.x.toFixed(0)}, ${target.y.toFixed(0)}): ${JSON.stringify(at)}; ${(err as Error).message}`);
  }

  const tables = await page.evaluate(() => document.querySelectorAll('.output_html table tbody tr').length);
  assert.ok(tables > 0, 'tables render as HTML tables');
  await page.close();
});
