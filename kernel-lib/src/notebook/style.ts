/**
 * House style for paper figures. Sizes follow common two-column templates (ACM/IEEE):
 * single column ≈ 3.3 in, double column ≈ 7 in wide. Plotly works in CSS pixels
 * (96 px per inch); exports scale up to 300 dpi for PNG.
 */
import { ParameterError } from '../core/validate.js';

export const PX_PER_INCH = 96;
/** PNG export resolution. */
export const EXPORT_DPI = 300;

export type FigureSizeName = 'single' | 'double' | 'notebook';
export interface FigureSizePx {
  widthPx: number;
  heightPx: number;
}

/** Single column 3.3 in × 2.4 in; double column 7 in × 3 in; notebook 9 in × 4.5 in (screen). */
export const FIGURE_SIZES: Record<FigureSizeName, FigureSizePx> = {
  single: { widthPx: Math.round(3.3 * PX_PER_INCH), heightPx: Math.round(2.4 * PX_PER_INCH) },
  double: { widthPx: Math.round(7 * PX_PER_INCH), heightPx: Math.round(3 * PX_PER_INCH) },
  notebook: { widthPx: Math.round(9 * PX_PER_INCH), heightPx: Math.round(4.5 * PX_PER_INCH) },
};

export function figureSize(size: FigureSizeName | FigureSizePx = 'double'): FigureSizePx {
  if (typeof size === 'string') {
    const s = FIGURE_SIZES[size];
    if (!s) throw new ParameterError('size', size, '', `one of ${Object.keys(FIGURE_SIZES).join(', ')} or {widthPx, heightPx}`);
    return s;
  }
  for (const k of ['widthPx', 'heightPx'] as const) {
    const v = size[k];
    if (!Number.isFinite(v) || v < 50 || v > 5000) throw new ParameterError(k, v, 'px', 'in [50, 5000] px');
  }
  return size;
}

/** Okabe & Ito (2008) colour-blind-safe palette. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export const FONT_FAMILY = 'Helvetica, Arial, "Liberation Sans", sans-serif';

export interface PaperLayoutOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** Default 'double'. */
  size?: FigureSizeName | FigureSizePx;
  xType?: 'linear' | 'log' | 'date' | 'category';
  yType?: 'linear' | 'log' | 'category';
  /** Legend inside the plot's top-right corner (default) or below it. */
  legend?: 'inside' | 'below' | 'none';
  /** Stacked / grouped bars. */
  barmode?: 'stack' | 'group' | 'overlay';
  yRange?: [number, number];
  xRange?: [number, number];
}

/** A plotly layout in the house style. Spread extra plotly options over the result as needed. */
export function paperLayout(opts: PaperLayoutOptions = {}): Record<string, unknown> {
  const { widthPx, heightPx } = figureSize(opts.size ?? 'double');
  const small = widthPx < 400;
  const axis = (title: string | undefined, type: string | undefined, range?: [number, number]) => ({
    title: title ? { text: title, standoff: 4 } : undefined,
    type,
    range: range && type === 'log' ? range.map(Math.log10) : range,
    showline: true,
    linecolor: '#000',
    linewidth: 1,
    mirror: true,
    ticks: 'outside',
    ticklen: 3,
    gridcolor: '#e5e5e5',
    zeroline: false,
    automargin: true,
  });
  const legend =
    opts.legend === 'below'
      ? { orientation: 'h', x: 0, y: -0.25, yanchor: 'top' }
      : { x: 0.99, y: 0.99, xanchor: 'right', yanchor: 'top', bgcolor: 'rgba(255,255,255,0.8)', bordercolor: '#ccc', borderwidth: 1 };
  return {
    title: opts.title ? { text: opts.title, font: { size: small ? 11 : 13 }, x: 0.02, xanchor: 'left' } : undefined,
    width: widthPx,
    height: heightPx,
    font: { family: FONT_FAMILY, size: small ? 9 : 11, color: '#000' },
    colorway: PALETTE,
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    margin: { l: 8, r: 8, t: opts.title ? 30 : 8, b: 8 },
    xaxis: axis(opts.xTitle, opts.xType, opts.xRange),
    yaxis: axis(opts.yTitle, opts.yType, opts.yRange),
    showlegend: opts.legend !== 'none',
    legend: { ...legend, font: { size: small ? 8 : 10 } },
    barmode: opts.barmode,
  };
}
