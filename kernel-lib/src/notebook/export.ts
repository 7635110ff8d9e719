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
  PX_PER_INCH,
  fitLayout,
  legibleSubscripts,
  resolveFigureSize,
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
    const url = await page.evaluate(
      async ({ data, layout, widthPx, heightPx }) => {
        const P = (globalThis as unknown as { Plotly: any }).Plotly;
        const div = document.createElement('div');
        document.body.appendChild(div);
        try {
          await P.newPlot(div, data, layout, { staticPlot: true });
          return (await P.toImage(div, { format: 'svg', width: widthPx, height: heightPx, scale: 1 })) as string;
        } finally {
          P.purge(div);
          div.remove();
        }
      },
      { data: legibleSubscripts(fig.data), layout: legibleSubscripts(layout), widthPx, heightPx },
    );
    const comma = url.indexOf(',');
    const payload = url.slice(comma + 1);
    let svg = url.slice(0, comma).includes(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
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
