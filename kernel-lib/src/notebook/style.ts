/**
 * House style for paper figures. Sizes follow common two-column templates (ACM/IEEE):
 * single column ≈ 3.3 in, double column ≈ 7 in wide. Plotly works in CSS pixels
 * (96 px per inch, so 1 px = 0.75 pt at print size); exports scale up to 300 dpi for PNG.
 *
 * A layout made by `paperLayout` remembers its options (under HOUSE_STYLE_KEY), and every
 * rendering (the notebook's display, each export) refits it with `fitLayout` to the size it is
 * drawn at: font sizes (≥ 7 pt at print size for every text, ticks included), margins, legend
 * placement and tick formats follow the size and the data, not hand-tuned numbers.
 * This file also holds the one figure-size resolver (`resolveFigureSize`).
 */
import { ParameterError } from '../core/validate.js';

export const PX_PER_INCH = 96;
/** PNG export resolution. */
export const EXPORT_DPI = 300;
/** Smallest text at print size, in points (journals ask for 6–8 pt; we hold 7). */
export const MIN_FONT_PT = 7;

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

/** A named size or explicit pixels, validated. */
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

/**
 * The size a figure is drawn at: an explicit `size` wins, then explicit `widthPx`/`heightPx`
 * overrides, then the layout's own width/height (what paperLayout declared), else 'double'.
 * The one resolver used by show(), exportFigure() and renderFigure().
 */
export function resolveFigureSize(
  layout: Record<string, unknown> | undefined,
  size?: FigureSizeName | FigureSizePx,
  override: Partial<FigureSizePx> = {},
): FigureSizePx {
  let base: FigureSizePx;
  if (size) base = figureSize(size);
  else if (typeof layout?.width === 'number' && typeof layout?.height === 'number') base = { widthPx: layout.width, heightPx: layout.height };
  else base = FIGURE_SIZES.double;
  return figureSize({ widthPx: override.widthPx ?? base.widthPx, heightPx: override.heightPx ?? base.heightPx });
}

/** Okabe & Ito (2008) colour-blind-safe palette. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

/**
 * Liberation Sans first: setup installs it (Debian fonts-liberation2), it is metric-compatible
 * with Arial, so SVG, PDF and PNG measure alike and a viewer without it falls back to Arial.
 */
export const FONT_FAMILY = '"Liberation Sans", Arial, Helvetica, sans-serif';

/** Where the legend goes: above the plot area (default), inside its top-right corner, below the figure, or none. */
export type LegendPlacement = 'top' | 'inside' | 'below' | 'none';

export interface PaperLayoutOptions {
  /** Shown in the notebook; dropped from exports unless `keepTitle` (papers use captions). */
  title?: string;
  /** Axis titles; plotly text, so `G<sub>0</sub>` for a subscript. */
  xTitle?: string;
  yTitle?: string;
  /** Declared print size; default 'double'. */
  size?: FigureSizeName | FigureSizePx;
  xType?: 'linear' | 'log' | 'date' | 'category';
  yType?: 'linear' | 'log' | 'category';
  /** Default 'top' (a horizontal legend above the plot area). */
  legend?: LegendPlacement;
  /** Stacked / grouped bars. */
  barmode?: 'stack' | 'group' | 'overlay';
  /** Axis ranges in data units (log axes too). */
  yRange?: [number, number];
  xRange?: [number, number];
}

/** Layout key under which paperLayout records its options for fitLayout. */
export const HOUSE_STYLE_KEY = 'kernelLibStyle';

/** A corner of the plot area, for a legend inside it. */
export type LegendCorner = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';
export const LEGEND_CORNERS: readonly LegendCorner[] = ['top-right', 'top-left', 'bottom-right', 'bottom-left'];

/** What paperLayout records for fitLayout (and what the renderer may settle, see export.ts). */
export interface HouseStyle {
  legend: LegendPlacement;
  /** For legend 'inside': the corner (default top-right). */
  corner?: LegendCorner;
}

/** A vertical legend inside the plot area's `corner`, on a translucent white box. */
export function insideLegend(corner: LegendCorner, fontPx: number): Record<string, unknown> {
  const right = corner.endsWith('right');
  const top = corner.startsWith('top');
  return {
    font: { size: fontPx },
    orientation: 'v',
    x: right ? 0.99 : 0.01,
    xanchor: right ? 'right' : 'left',
    xref: 'paper',
    y: top ? 0.99 : 0.01,
    yanchor: top ? 'top' : 'bottom',
    yref: 'paper',
    bgcolor: 'rgba(255,255,255,0.85)',
    bordercolor: '#ccc',
    borderwidth: 1,
    itemwidth: 30,
    tracegroupgap: 0,
  };
}

/** Text sizes in CSS px for a figure `widthPx` wide; the smallest, and its subscripts, are ≥ MIN_FONT_PT at print size. */
export function textSizesPx(widthPx: number): { base: number; tick: number; axisTitle: number; legend: number; title: number } {
  // Single column: 10.5 px = 7.9 pt, so a subscript at SUBSCRIPT_SCALE (9.45 px) is still ≥ 7 pt.
  if (widthPx < 480) return { base: 10.5, tick: 10.5, axisTitle: 11, legend: 10.5, title: 12 };
  if (widthPx < 800) return { base: 11, tick: 11, axisTitle: 12, legend: 11, title: 13 };
  return { base: 12, tick: 12, axisTitle: 13, legend: 12, title: 15 };
}

/** plotly renders `<sub>`/`<sup>` at 70 % of the text; the house style raises them to this, so subscripts stay ≥ 7 pt. */
export const SUBSCRIPT_SCALE = 0.9;

const SUB_RE = /<(sub|sup)>(.*?)<\/\1>/g;
const SUB_SPAN = `<span style="font-size:${Math.round((SUBSCRIPT_SCALE / 0.7) * 100)}%">`;

/**
 * Every `<sub>…</sub>` / `<sup>…</sup>` in the figure's strings (trace names, titles,
 * annotations) wrapped in a span that brings it from plotly's 70 % to SUBSCRIPT_SCALE. Done
 * before plotly lays the figure out, so its margins account for the larger glyphs.
 */
export function legibleSubscripts<T>(value: T): T {
  if (typeof value === 'string') {
    return (value.includes('<su') ? value.replace(SUB_RE, (m, tag: string, inner: string) => (inner.startsWith(SUB_SPAN) ? m : `<${tag}>${SUB_SPAN}${inner}</span></${tag}>`)) : value) as T;
  }
  if (Array.isArray(value)) return (value.some((v) => typeof v === 'object' || typeof v === 'string') ? value.map(legibleSubscripts) : value) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = legibleSubscripts(v);
    return out as T;
  }
  return value;
}

/** The house look of an axis: a box, outside ticks, a light grid. */
function houseAxis(title?: string, type?: string, range?: [number, number]): Record<string, unknown> {
  return {
    title: title ? { text: title } : undefined,
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
  };
}

const HOUSE_BASE = {
  font: { family: FONT_FAMILY, color: '#000' },
  colorway: PALETTE,
  paper_bgcolor: '#fff',
  plot_bgcolor: '#fff',
};

/**
 * A layout from elsewhere (not made by paperLayout) in the house look: its own settings win,
 * except what fitLayout sizes (fonts, margins, legend).
 */
function adoptHouseStyle(layout: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...HOUSE_BASE, ...layout, font: { ...HOUSE_BASE.font, ...(layout.font as object) } };
  const axes = Object.keys(layout).filter((k) => /^[xy]axis\d*$/.test(k));
  for (const k of new Set(['xaxis', 'yaxis', ...axes])) {
    const own = (layout[k] ?? {}) as Record<string, unknown>;
    const base = houseAxis(undefined, own.type as string | undefined);
    delete base.range;
    out[k] = { ...base, ...own };
  }
  const style: HouseStyle = { legend: layout.showlegend === false ? 'none' : 'top' };
  out[HOUSE_STYLE_KEY] = style;
  return out;
}

/**
 * A plotly layout in the house style. Spread extra plotly options over the result as needed,
 * but leave sizes, margins, fonts and the legend to the house style (fitLayout redoes them).
 */
export function paperLayout(opts: PaperLayoutOptions = {}): Record<string, unknown> {
  const { widthPx, heightPx } = figureSize(opts.size ?? 'double');
  const legend = opts.legend ?? 'top';
  if (!['top', 'inside', 'below', 'none'].includes(legend)) throw new ParameterError('legend', legend, '', 'one of "top", "inside", "below", "none"');
  const axis = houseAxis;
  const style: HouseStyle = { legend };
  const layout: Record<string, unknown> = {
    ...HOUSE_BASE,
    title: opts.title ? { text: opts.title } : undefined,
    width: widthPx,
    height: heightPx,
    xaxis: axis(opts.xTitle, opts.xType, opts.xRange),
    yaxis: axis(opts.yTitle, opts.yType, opts.yRange),
    showlegend: legend !== 'none',
    barmode: opts.barmode,
    [HOUSE_STYLE_KEY]: style,
  };
  return fitLayout({ data: [], layout }, { widthPx, heightPx }, { keepTitle: true });
}

type Trace = Record<string, unknown>;

/** The finite positive values the traces put on one axis (for log-axis ticks). */
function axisValues(data: readonly Trace[], axisKey: string): number[] {
  const letter = axisKey[0];
  const id = letter + (axisKey.slice(5) || '');
  const out: number[] = [];
  for (const t of data) {
    if ((t[letter + 'axis'] ?? letter) !== id) continue;
    const vs = t[letter];
    if (!Array.isArray(vs)) continue;
    for (const v of vs) if (typeof v === 'number' && Number.isFinite(v) && v > 0) out.push(v);
  }
  return out;
}

/**
 * Tick policy per axis: full values in one format (no SI suffixes such as "10k" or "2µ" — on
 * seconds they read as units; thousands always separated, so "9,000" sits beside "10,000"); log axes label whole decades when the data span one or more
 * (never plotly's bare "2" and "5" between decades), else full values.
 */
/**
 * Tick values for a log axis over [lo, hi] (log10 units) drawn `plotPx` long, where a label at
 * value v takes `labelPx(v)` along the axis: whole decades (every k-th) when three or more fit,
 * else 1…9, 1-2-5 or 1-3 within each decade (the densest whose labels do not touch), else two
 * decades, else evenly spaced values.
 */
export function logTickValues(lo: number, hi: number, plotPx: number, labelPx: (v: number) => number): { values: number[]; decades: boolean } {
  const a = Math.min(lo, hi) - 1e-9;
  const b = Math.max(lo, hi) + 1e-9;
  const pxPerDecade = plotPx / Math.max(1e-9, b - a);
  const within = (mantissas: number[]) => {
    const out: number[] = [];
    for (let d = Math.floor(a); d <= Math.ceil(b); d++) {
      for (const m of mantissas) {
        const l = d + Math.log10(m);
        if (l >= a && l <= b) out.push(Number((m * 10 ** d).toPrecision(12)));
      }
    }
    return out;
  };
  // Adjacent labels must not touch: the gap between their centres holds half of each, plus 4 px.
  const fits = (vs: number[]) =>
    vs.every((v, i) => i === 0 || (Math.log10(v) - Math.log10(vs[i - 1])) * pxPerDecade >= (labelPx(v) + labelPx(vs[i - 1])) / 2 + 4);
  const decades = within([1]);
  const stepped = () => {
    for (let step = 1; ; step++) {
      const vs = decades.filter((_, i) => i % step === 0);
      if (fits(vs) || vs.length <= 2) return { values: vs, decades: true };
    }
  };
  if (decades.length >= 3) return stepped();
  for (const min of [3, 2]) {
    if (min === 2 && decades.length === 2) return stepped();
    for (const set of [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3]]) {
      const v = within(set);
      if (v.length >= min && fits(v)) return { values: v, decades: false };
    }
  }
  // Less than a factor of 2 or so: evenly spaced 1-2-5 steps, as on a linear axis.
  const v0 = 10 ** a;
  const v1 = 10 ** b;
  for (const count of [5, 4, 3, 2]) {
    const raw = (v1 - v0) / (count - 1);
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw * 0.999) ?? 10 * mag;
    const values: number[] = [];
    for (let v = Math.ceil(v0 / step) * step; v <= v1; v += step) values.push(Number(v.toPrecision(12)));
    if (fits(values) || count === 2) return { values, decades: false };
  }
  return { values: [], decades: false };
}

/**
 * Tick policy per axis: full values in one format (no SI suffixes such as "10k" or "2µ" — on
 * seconds they read as units; thousands always separated, so "9,000" sits beside "10,000");
 * log axes get explicit tick values (logTickValues), never plotly's bare "2" and "5" between
 * decades or full labels on every minor tick.
 */
function tickPolicy(axis: Record<string, unknown>, values: number[], plotPx: number, tickPx: number, vertical: boolean): Record<string, unknown> {
  const policy: Record<string, unknown> = { exponentformat: 'none', separatethousands: true };
  if (axis.type !== 'log') return policy;
  // An explicit range when both ends are given (plotly autoranges a half-given one), else the data.
  const range = Array.isArray(axis.range) ? (axis.range as unknown[]) : [];
  const given = range.length === 2 && range.every((v) => typeof v === 'number' && Number.isFinite(v));
  const lo = given ? (range[0] as number) : Math.log10(Math.min(...values));
  const hi = given ? (range[1] as number) : Math.log10(Math.max(...values));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { ...policy, tickformat: ',~r' };
  // A label's extent along the axis: a line of text on a y axis, its width on an x axis
  // (Liberation Sans digits are 0.556 em wide).
  const labelPx = (v: number) => (vertical ? tickPx * 1.25 : tickPx * 0.556 * v.toLocaleString('en-US', { maximumSignificantDigits: 6 }).length);
  const ticks = logTickValues(lo, hi, plotPx, labelPx);
  return {
    ...policy,
    tickformat: ',~r',
    tickmode: 'array',
    tickvals: ticks.values,
    minor: ticks.decades ? { ticks: 'outside', ticklen: 2, dtick: 'D1', showgrid: false } : undefined,
  };
}

export interface FitOptions {
  /** Keep the title (the notebook's display); exports drop it by default. */
  keepTitle: boolean;
}

/**
 * The layout to draw `fig` at `size`: font sizes, margins, the legend and tick formats are
 * recomputed for that size and the figure's data; the title is dropped unless `keepTitle`.
 * A layout not made by paperLayout is brought into the house look first (adoptHouseStyle).
 */
export function fitLayout(
  fig: { data: readonly Trace[]; layout: Record<string, unknown> },
  size: FigureSizePx,
  opts: FitOptions,
): Record<string, unknown> {
  const { widthPx, heightPx } = figureSize(size);
  const layout: Record<string, unknown> = { ...(fig.layout ?? {}), width: widthPx, height: heightPx };
  const title = layout.title as { text?: string } | string | undefined;
  const titleText = typeof title === 'string' ? title : title?.text;
  const showTitle = opts.keepTitle && !!titleText;
  if (!showTitle) delete layout.title;
  if (!layout[HOUSE_STYLE_KEY]) Object.assign(layout, adoptHouseStyle(layout));
  const style = layout[HOUSE_STYLE_KEY] as HouseStyle;

  const px = textSizesPx(widthPx);
  const titleH = showTitle ? Math.ceil(px.title * 1.8) : 0;
  layout.font = { ...(layout.font as object), family: FONT_FAMILY, size: px.base };
  if (showTitle) {
    layout.title = { text: titleText, font: { size: px.title }, x: 0, xref: 'container', xanchor: 'left', y: 1, yref: 'container', yanchor: 'top', pad: { l: 4, t: 4 } };
  }
  const legendFont = { size: px.legend };
  const legendBase = { font: legendFont, bgcolor: 'rgba(255,255,255,0)', borderwidth: 0, itemwidth: 30, tracegroupgap: 0 };
  if (style.legend === 'top') {
    // Above the plot area, below the title; plotly grows the top margin to fit its rows.
    layout.legend = showTitle
      ? { ...legendBase, orientation: 'h', x: 0, xanchor: 'left', xref: 'paper', y: 1 - titleH / heightPx, yanchor: 'top', yref: 'container' }
      : { ...legendBase, orientation: 'h', x: 0, xanchor: 'left', xref: 'paper', y: 1, yanchor: 'bottom', yref: 'paper' };
  } else if (style.legend === 'below') {
    layout.legend = { ...legendBase, orientation: 'h', x: 0, xanchor: 'left', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container' };
  } else if (style.legend === 'inside') {
    layout.legend = insideLegend(style.corner ?? 'top-right', px.legend);
  }
  layout.showlegend = style.legend !== 'none' && layout.showlegend !== false;
  // Bottom: room for a subscript's descent below the x title (plotly's automargin ignores it).
  layout.margin = { l: 4, r: Math.ceil(px.tick * 1.2), t: titleH + 6, b: Math.ceil(px.axisTitle * 0.35) + 4, pad: 0, autoexpand: true };

  // Conservative plot-area estimates (the legend and labels take the rest).
  const plotW = widthPx * 0.75;
  const plotH = heightPx * 0.55;
  for (const key of Object.keys(layout)) {
    if (!/^[xy]axis\d*$/.test(key)) continue;
    const axis = { ...(layout[key] as Record<string, unknown>) };
    const t = axis.title as { text?: string } | string | undefined;
    const text = typeof t === 'string' ? t : t?.text;
    if (text) axis.title = { ...(typeof t === 'object' ? t : {}), text, font: { size: px.axisTitle }, standoff: 6 };
    axis.tickfont = { ...(axis.tickfont as object), size: px.tick };
    axis.automargin = true;
    Object.assign(axis, tickPolicy(axis, axisValues(fig.data, key), key[0] === 'x' ? plotW : plotH, px.tick, key[0] === 'y'));
    layout[key] = axis;
  }
  return layout;
}
