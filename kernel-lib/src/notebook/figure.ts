/**
 * Plotly figures in notebooks: `show(fig)` displays one output holding the interactive figure
 * three ways — `application/vnd.plotly.v1+json` (JupyterLab, VS Code), `text/html` with the
 * plot drawn by plotly.js (classic Notebook 6, VS Code; plotly.js itself is sent once per kernel
 * session, see plotly-html.ts) and `image/png` (GitHub, nbviewer) — plus a text summary.
 * The output's metadata names the figure and its size, so `make reproduce` can export it as
 * SVG, PNG, PDF and CSV.
 */
import { displayBundle, inKernel } from './display.js';
import { fitLayout, legibleSubscripts, resolveFigureSize, type FigureSizeName, type FigureSizePx } from './style.js';
import { renderFigure, settleLayout, type PlotlyFigure } from './export.js';
import { PLOTLY_LOADER_METADATA_KEY, figureHtml, plotlyLoaderHtml } from './plotly-html.js';
import { ParameterError } from '../core/validate.js';

export type { PlotlyFigure, PlotlyTrace } from './export.js';

/** Output-metadata key under which show() records the figure's name and size. */
export const FIGURE_METADATA_KEY = 'kernel-lib/figure';

export interface FigureMetadata {
  name: string;
  widthPx: number;
  heightPx: number;
}

export interface ShowOptions {
  /** File name stem for export (letters, digits, `-`, `_`), e.g. "fig6-g-distribution". */
  name?: string;
  /** Default: the layout's declared size (paperLayout's `size`), else 'double'. */
  size?: FigureSizeName | FigureSizePx;
  /** Render a PNG beside the interactive figure (default true; needs Chromium). */
  png?: boolean;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function validateFigureName(name: string): string {
  if (!NAME_RE.test(name)) {
    throw new ParameterError('name', name, '', 'letters, digits, "-" and "_" (1–100 characters, starting with a letter or digit)');
  }
  return name;
}

function describe(fig: PlotlyFigure, name: string): string {
  const title = (fig.layout?.title as { text?: string } | string | undefined) ?? '';
  const t = typeof title === 'string' ? title : (title.text ?? '');
  const traces = fig.data.map((d) => `${d.name ?? d.type ?? 'trace'}`).join(', ');
  return `Figure ${name}${t ? `: ${t}` : ''} [${fig.data.length} trace(s): ${traces}]`;
}

let pngWarned = false;
let figureCounter = 0;
let loaderSent = false;

/** Sends plotly.js once per kernel session, as an output of its own before the first figure. */
function sendPlotlyLoaderOnce(): void {
  if (loaderSent || process.env.KERNEL_LIB_NO_HTML === '1') return;
  loaderSent = displayBundle(
    { 'text/html': plotlyLoaderHtml(), 'text/plain': '(plotly.js for the interactive figures below)' },
    { [PLOTLY_LOADER_METADATA_KEY]: true },
  );
}

/** Displays a plotly figure. Await it: the PNG rendering is asynchronous. */
export async function show(fig: PlotlyFigure, opts: ShowOptions = {}): Promise<void> {
  if (!fig || !Array.isArray(fig.data)) throw new ParameterError('fig.data', fig?.data, '', 'an array of plotly traces');
  const name = validateFigureName(opts.name ?? `figure-${++figureCounter}`);
  for (const t of fig.data) {
    if (typeof t.type === 'string' && /gl$|^scattergl|^splom/.test(t.type)) {
      throw new ParameterError(
        'trace.type',
        t.type,
        '',
        'an SVG trace type (e.g. "scatter" instead of "scattergl"): WebGL traces do not export to SVG/PDF in headless Chromium',
      );
    }
  }
  const { widthPx, heightPx } = resolveFigureSize(fig.layout, opts.size);
  // The notebook shows the title; exports drop it (export.ts).
  const data = legibleSubscripts(fig.data);
  let layout = legibleSubscripts(fitLayout({ data, layout: fig.layout ?? {} }, { widthPx, heightPx }, { keepTitle: true }));
  const config = fig.config ?? { displaylogo: false };
  const live = inKernel();
  const wantPng = (opts.png ?? true) && live && process.env.KERNEL_LIB_NO_PNG !== '1';
  const bundle: Record<string, unknown> = { 'text/plain': describe(fig, name) };
  if (wantPng) {
    try {
      // Where Chromium runs, the legend is settled (moved inside if it squeezes the plot) once,
      // so the interactive figure, the PNG and later exports at this size agree.
      layout = await settleLayout({ data, layout }, { widthPx, heightPx }, { keepTitle: true });
      const png = await renderFigure({ data, layout }, 'png', { widthPx, heightPx, scale: 1, keepTitle: true });
      bundle['image/png'] = png.toString('base64');
    } catch (err) {
      if (!pngWarned) {
        pngWarned = true;
        console.warn(`kernel-lib: no PNG beside the interactive figure: ${(err as Error).message}`);
      }
    }
  }
  bundle['application/vnd.plotly.v1+json'] = { data, layout, config };
  if (live && process.env.KERNEL_LIB_NO_HTML !== '1') {
    sendPlotlyLoaderOnce();
    bundle['text/html'] = figureHtml({ data, layout, config }, name, widthPx, heightPx, bundle['image/png'] as string | undefined);
  }
  const meta: FigureMetadata = { name, widthPx, heightPx };
  displayBundle(bundle, { [FIGURE_METADATA_KEY]: meta });
}

/**
 * The data of a figure's traces as CSV (long form: trace, x, y[, z, text]), so a reader can
 * replot it elsewhere.
 */
export function figureToCsv(fig: PlotlyFigure): string {
  const rows: string[] = ['trace,index,x,y,z,text'];
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    const s = typeof v === 'number' ? String(v) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  fig.data.forEach((trace, t) => {
    const name = trace.name ?? `trace${t}`;
    const xs = (trace.x as unknown[] | undefined) ?? [];
    const ys = (trace.y as unknown[] | undefined) ?? [];
    const zs = (trace.z as unknown[] | undefined) ?? [];
    const texts = Array.isArray(trace.text) ? (trace.text as unknown[]) : [];
    const n = Math.max(xs.length, ys.length, zs.length);
    for (let i = 0; i < n; i++) {
      rows.push([cell(name), i, cell(xs[i]), cell(ys[i]), cell(zs[i]), cell(texts[i])].join(','));
    }
  });
  return rows.join('\n') + '\n';
}
