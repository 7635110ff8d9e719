/**
 * Plotly figures in notebooks: `show(fig)` displays one output with the interactive figure
 * (`application/vnd.plotly.v1+json`), a PNG rendering (`image/png`, for GitHub/nbviewer) and a
 * text summary. The output's metadata names the figure and its size, so `make reproduce` can
 * export it as SVG, PNG, PDF and CSV.
 */
import { displayBundle, inKernel } from './display.js';
import { figureSize, type FigureSizeName, type FigureSizePx } from './style.js';
import { renderFigure } from './export.js';
import { ParameterError } from '../core/validate.js';

/** A plotly trace: kept loose on purpose (plotly has hundreds of options). */
export type PlotlyTrace = Record<string, unknown> & { type?: string; name?: string };

export interface PlotlyFigure {
  data: PlotlyTrace[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}

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
  /** Default: the layout's width/height, else 'double'. */
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

function sizeOf(fig: PlotlyFigure, size?: FigureSizeName | FigureSizePx): FigureSizePx {
  if (size) return figureSize(size);
  const w = fig.layout?.width;
  const h = fig.layout?.height;
  if (typeof w === 'number' && typeof h === 'number') return figureSize({ widthPx: w, heightPx: h });
  return figureSize('double');
}

function describe(fig: PlotlyFigure, name: string): string {
  const title = (fig.layout?.title as { text?: string } | string | undefined) ?? '';
  const t = typeof title === 'string' ? title : (title.text ?? '');
  const traces = fig.data.map((d) => `${d.name ?? d.type ?? 'trace'}`).join(', ');
  return `Figure ${name}${t ? `: ${t}` : ''} [${fig.data.length} trace(s): ${traces}]`;
}

let pngWarned = false;
let figureCounter = 0;

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
  const { widthPx, heightPx } = sizeOf(fig, opts.size);
  const layout = { ...(fig.layout ?? {}), width: widthPx, height: heightPx };
  const bundle: Record<string, unknown> = {
    'application/vnd.plotly.v1+json': { data: fig.data, layout, config: fig.config ?? { displaylogo: false } },
    'text/plain': describe(fig, name),
  };
  const wantPng = (opts.png ?? true) && inKernel() && process.env.KERNEL_LIB_NO_PNG !== '1';
  if (wantPng) {
    try {
      const png = await renderFigure({ data: fig.data, layout }, 'png', { widthPx, heightPx, scale: 1 });
      bundle['image/png'] = png.toString('base64');
    } catch (err) {
      if (!pngWarned) {
        pngWarned = true;
        console.warn(`kernel-lib: no PNG beside the interactive figure: ${(err as Error).message}`);
      }
    }
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
