/**
 * Paper-ready export of plotly figures: SVG, PNG and PDF rendered by a real browser
 * (Debian's Chromium through playwright-core; see browser.ts), written atomically.
 *
 * One rendering path for the three formats: plotly draws the SVG at the declared size with the
 * house layout refitted to it (style.ts fitLayout: no baked-in title unless asked), subscripts
 * at a legible size (legibleSubscripts), the provenance goes in as metadata, and the PNG is rasterised
 * from that same SVG and the PDF printed from it, so the three look and measure alike.
 *
 * In a plain Node script the browser closes itself once no export has run for IDLE_CLOSE_MS,
 * so the process exits on its own; inside a notebook kernel it stays open for the next figure.
 */
import { atomicWriteFileSync } from '../core/atomic-write.js';
import { ParameterError, requireInRange } from '../core/validate.js';
import { browserSession, closeBrowser } from './browser.js';
import { inKernel } from './display.js';
import { figureProvenance, withPdfMetadata, withSvgMetadata, type FigureProvenance } from './provenance.js';
import {
  EXPORT_DPI,
  HOUSE_STYLE_KEY,
  LEGEND_CORNERS,
  PX_PER_INCH,
  fitLayout,
  insideLegend,
  legibleSubscripts,
  resolveFigureSize,
  type FitOptions,
  type HouseStyle,
  type LegendCorner,
  type FigureSizeName,
  type FigureSizePx,
} from './style.js';
import { basename, extname } from 'node:path';

/** A plotly trace: kept loose on purpose (plotly has hundreds of options). */
export type PlotlyTrace = Record<string, unknown> & { type?: string; name?: string };

export interface PlotlyFigure {
  data: PlotlyTrace[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export type ExportFormat = 'svg' | 'png' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'pdf'];

export interface RenderOptions extends Partial<FigureSizePx> {
  /** Named size; default the layout's declared size (then widthPx/heightPx override). */
  size?: FigureSizeName | FigureSizePx;
  /** PNG pixel scale (default 300 dpi / 96 px per in ≈ 3.125). */
  scale?: number;
  /** Keep the layout's title in the image (default false: papers use captions). */
  keepTitle?: boolean;
  /** Written into SVG and PDF metadata. */
  provenance?: FigureProvenance;
}

/** How long the browser stays open after the last export in a script (not in a kernel). */
export const IDLE_CLOSE_MS = 1500;
let active = 0;
let idleTimer: NodeJS.Timeout | null = null;

function kernelRunning(): boolean {
  try {
    return inKernel();
  } catch {
    return true; // a kernel whose display channel is ambiguous: keep the browser
  }
}

async function withBrowser<T>(fn: () => Promise<T>): Promise<T> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  active++;
  try {
    return await fn();
  } finally {
    active--;
    if (active === 0 && !kernelRunning()) {
      idleTimer = setTimeout(() => {
        idleTimer = null;
        if (active === 0) void closeBrowser();
      }, IDLE_CLOSE_MS);
    }
  }
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Smallest share of the figure's height the plot area keeps; below it a legend moves inside. */
export const MIN_PLOT_SHARE = 0.6;

/**
 * Draws the figure in the browser page. A house legend outside the plot area ('top', 'below')
 * that leaves the plot area less than MIN_PLOT_SHARE of the height (long entries in a single
 * column) moves inside the plot area, to the corner that covers the fewest drawn data (points,
 * line segments and bars sampled every 3 px). Returns the SVG (when asked) and that corner.
 */
async function drawInPage(
  data: PlotlyFigure['data'],
  layout: Record<string, unknown>,
  widthPx: number,
  heightPx: number,
  wantSvg: boolean,
): Promise<{ url: string | null; corner: LegendCorner | null }> {
  const { page } = await browserSession();
  const style = layout[HOUSE_STYLE_KEY] as HouseStyle | undefined;
  const movable = !!style && (style.legend === 'top' || style.legend === 'below') && layout.showlegend !== false && data.length > 1;
  const fontPx = ((layout.legend as { font?: { size?: number } } | undefined)?.font?.size ?? 10) as number;
  const legends = Object.fromEntries(LEGEND_CORNERS.map((c) => [c, insideLegend(c, fontPx)]));
  // Under tsx (esbuild keepNames) the function below is serialised with calls to a `__name`
  // helper that the page lacks; give it a no-op one.
  await page.evaluate('globalThis.__name = globalThis.__name || function (f) { return f; }');
  return page.evaluate(
    async ({ data, layout, widthPx, heightPx, wantSvg, movable, legends, corners, minShare }) => {
      const P = (globalThis as unknown as { Plotly: any }).Plotly;
      const div = document.createElement('div') as any;
      document.body.appendChild(div);
      try {
        await P.newPlot(div, data, layout, { staticPlot: true });
        let corner: string | null = null;
        const share = () => div._fullLayout._size.h / div._fullLayout.height;
        if (movable && share() < minShare) {
          await P.relayout(div, { legend: legends['top-right'] });
          const fl = div._fullLayout;
          const lg = (div.querySelector('g.legend') as Element).getBoundingClientRect();
          const samples: [number, number][] = [];
          const line = (a: [number, number], b: [number, number]) => {
            const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 3));
            for (let i = 0; i <= n; i++) samples.push([a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n]);
          };
          for (const cd of div.calcdata as any[]) {
            const tr = cd[0]?.trace;
            if (!tr || tr.visible !== true) continue;
            const xa = fl[String(tr.xaxis ?? 'x').replace('x', 'xaxis')];
            const ya = fl[String(tr.yaxis ?? 'y').replace('y', 'yaxis')];
            let prev: [number, number] | null = null;
            for (const p of cd) {
              if (tr.type === 'bar') {
                const horizontal = tr.orientation === 'h';
                const pos = (horizontal ? ya : xa).c2p(p.p);
                const a = (horizontal ? xa : ya).c2p(p.b ?? 0);
                const b = (horizontal ? xa : ya).c2p((p.b ?? 0) + p.s);
                if ([pos, a, b].every(Number.isFinite)) horizontal ? line([a, pos], [b, pos]) : line([pos, a], [pos, b]);
                continue;
              }
              const pt: [number, number] = [xa.c2p(p.x), ya.c2p(p.y)];
              if (!pt.every(Number.isFinite)) {
                prev = null;
                continue;
              }
              if (prev && String(tr.mode ?? 'lines').includes('lines')) line(prev, pt);
              else samples.push(pt);
              prev = pt;
            }
          }
          const { w, h } = fl._size;
          const covered = (c: string) => {
            const x0 = c.endsWith('right') ? w - lg.width - 2 : 2;
            const y0 = c.startsWith('top') ? 2 : h - lg.height - 2;
            return samples.filter(([x, y]) => x >= x0 && x <= x0 + lg.width && y >= y0 && y <= y0 + lg.height).length;
          };
          corner = (corners as string[]).reduce((best, c) => (covered(c) < covered(best) ? c : best));
          if (corner !== 'top-right') await P.relayout(div, { legend: legends[corner] });
        }
        const url = wantSvg ? ((await P.toImage(div, { format: 'svg', width: widthPx, height: heightPx, scale: 1 })) as string) : null;
        return { url, corner };
      } finally {
        P.purge(div);
        div.remove();
      }
    },
    { data: legibleSubscripts(data), layout: legibleSubscripts(layout), widthPx, heightPx, wantSvg, movable, legends, corners: LEGEND_CORNERS, minShare: MIN_PLOT_SHARE },
  ) as Promise<{ url: string | null; corner: LegendCorner | null }>;
}

/**
 * The house layout settled for `size`: fitLayout, then, if the legend outside the plot area
 * would squeeze it, the legend inside at its best corner (recorded in the house style, so every
 * later rendering of the layout at this size places it the same). Needs Chromium.
 */
export async function settleLayout(fig: Pick<PlotlyFigure, 'data' | 'layout'>, size: FigureSizePx, opts: FitOptions): Promise<Record<string, unknown>> {
  const layout = fitLayout({ data: fig.data, layout: fig.layout ?? {} }, size, opts);
  const { corner } = await withBrowser(() => drawInPage(fig.data, layout, size.widthPx, size.heightPx, false));
  if (!corner) return layout;
  const style = layout[HOUSE_STYLE_KEY] as HouseStyle;
  return fitLayout({ data: fig.data, layout: { ...layout, [HOUSE_STYLE_KEY]: { ...style, legend: 'inside', corner } } }, size, opts);
}

/** Renders a figure to bytes in one format. */
export async function renderFigure(
  fig: Pick<PlotlyFigure, 'data' | 'layout'>,
  format: ExportFormat,
  opts: RenderOptions = {},
): Promise<Buffer> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ParameterError('format', format, '', `one of ${EXPORT_FORMATS.join(', ')}`);
  const { widthPx, heightPx } = resolveFigureSize(fig.layout, opts.size, { widthPx: opts.widthPx, heightPx: opts.heightPx });
  const scale = requireInRange('scale', opts.scale ?? EXPORT_DPI / PX_PER_INCH, '×', 0.1, 10);
  const layout = fitLayout({ data: fig.data, layout: fig.layout ?? {} }, { widthPx, heightPx }, { keepTitle: opts.keepTitle ?? false });
  return withBrowser(async () => {
    const { browser, page } = await browserSession();
    const { url } = await drawInPage(fig.data, layout, widthPx, heightPx, true);
    const comma = url!.indexOf(',');
    const payload = url!.slice(comma + 1);
    let svg = url!.slice(0, comma).includes(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
    if (opts.provenance) svg = withSvgMetadata(svg, opts.provenance);
    if (format === 'svg') return Buffer.from(svg, 'utf8');
    if (format === 'png') {
      const png = await page.evaluate(
        async ({ svg, w, h }) => {
          const img = new Image();
          img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
          await img.decode();
          const c = document.createElement('canvas');
          c.width = w;
          c.height = h;
          const ctx = c.getContext('2d')!;
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, w, h);
          ctx.drawImage(img, 0, 0, w, h);
          return c.toDataURL('image/png');
        },
        { svg, w: Math.round(widthPx * scale), h: Math.round(heightPx * scale) },
      );
      return Buffer.from(png.slice(png.indexOf(',') + 1), 'base64');
    }
    const pdfPage = await browser.newPage();
    try {
      const title = opts.provenance ? `<title>${xmlEscape(opts.provenance.title)}</title>` : '';
      await pdfPage.setContent(
        `<!doctype html><html><head><meta charset="utf-8">${title}<style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${svg}</body></html>`,
      );
      const pdf = await pdfPage.pdf({ width: `${widthPx}px`, height: `${heightPx}px`, printBackground: true, pageRanges: '1' });
      return opts.provenance ? withPdfMetadata(pdf, opts.provenance) : pdf;
    } finally {
      await pdfPage.close();
    }
  });
}

export interface ExportOptions {
  /** Default ['svg', 'png', 'pdf']. */
  formats?: ExportFormat[];
  /** Width in CSS px (96 per inch); default from `size`, else the layout's declared size, else double column. */
  width?: number;
  height?: number;
  size?: FigureSizeName;
  /** PNG scale; default 300 dpi. */
  scale?: number;
  /** Keep the title in the exported image (default false: the notebook shows it, papers use captions). */
  keepTitle?: boolean;
  /** The figure's name in the files' metadata; default the file stem's name. */
  name?: string;
  /** The notebook's parameters; their hash goes into the metadata. */
  params?: Record<string, unknown>;
  /** Or the hash itself, when the caller has it. */
  paramsHash?: string;
}

/**
 * Exports a figure. `path` is the file stem (`out/fig3`) or a file with one of the formats'
 * extensions (then only that format unless `formats` says otherwise). Returns the files written.
 * Each file is written atomically: a failure leaves any earlier file intact.
 */
export async function exportFigure(fig: PlotlyFigure, path: string, opts: ExportOptions = {}): Promise<string[]> {
  const ext = extname(path).slice(1).toLowerCase();
  const hasExt = (EXPORT_FORMATS as readonly string[]).includes(ext);
  const stem = hasExt ? path.slice(0, -(ext.length + 1)) : path;
  const formats = opts.formats ?? (hasExt ? [ext as ExportFormat] : [...EXPORT_FORMATS]);
  for (const f of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new ParameterError('formats', f, '', `one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const size = resolveFigureSize(fig.layout, opts.size, { widthPx: opts.width, heightPx: opts.height });
  const provenance = figureProvenance(opts.name ?? basename(stem), opts.params, opts.paramsHash);
  return withBrowser(async () => {
    const written: string[] = [];
    for (const format of formats) {
      const bytes = await renderFigure(fig, format, { ...size, scale: opts.scale, keepTitle: opts.keepTitle, provenance });
      const file = `${stem}.${format}`;
      atomicWriteFileSync(file, bytes);
      written.push(file);
    }
    return written;
  });
}
