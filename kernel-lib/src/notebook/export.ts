/**
 * Paper-ready export of plotly figures: SVG, PNG and PDF rendered by a real browser
 * (Debian's Chromium through playwright-core; see browser.ts), written atomically.
 */
import { atomicWriteFileSync } from '../core/atomic-write.js';
import { ParameterError, requireInRange } from '../core/validate.js';
import { browserSession } from './browser.js';
import { EXPORT_DPI, PX_PER_INCH, figureSize, type FigureSizeName, type FigureSizePx } from './style.js';
import type { PlotlyFigure } from './figure.js';
import { extname } from 'node:path';

export type ExportFormat = 'svg' | 'png' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'pdf'];

export interface RenderOptions extends FigureSizePx {
  /** PNG pixel scale (default 300 dpi / 96 px per in ≈ 3.125). */
  scale?: number;
}

/** Renders a figure to bytes in one format. */
export async function renderFigure(
  fig: Pick<PlotlyFigure, 'data' | 'layout'>,
  format: ExportFormat,
  opts: RenderOptions,
): Promise<Buffer> {
  const { widthPx, heightPx } = figureSize({ widthPx: opts.widthPx, heightPx: opts.heightPx });
  const scale = requireInRange('scale', opts.scale ?? EXPORT_DPI / PX_PER_INCH, '×', 0.1, 10);
  const { browser, page } = await browserSession();
  const layout = { ...fig.layout, width: widthPx, height: heightPx };
  const fmt = format === 'pdf' ? 'svg' : format;
  const url = await page.evaluate(
    async ({ data, layout, fmt, widthPx, heightPx, scale }) => {
      const P = (globalThis as unknown as { Plotly: any }).Plotly;
      const div = document.createElement('div');
      document.body.appendChild(div);
      try {
        await P.newPlot(div, data, layout, { staticPlot: true });
        return (await P.toImage(div, { format: fmt, width: widthPx, height: heightPx, scale })) as string;
      } finally {
        P.purge(div);
        div.remove();
      }
    },
    { data: fig.data, layout, fmt, widthPx, heightPx, scale: format === 'png' ? scale : 1 },
  );
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const payload = url.slice(comma + 1);
  const bytes = header.includes(';base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  if (format !== 'pdf') return bytes;
  const pdfPage = await browser.newPage();
  try {
    await pdfPage.setContent(
      `<!doctype html><html><head><style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${bytes.toString('utf8')}</body></html>`,
    );
    return await pdfPage.pdf({ width: `${widthPx}px`, height: `${heightPx}px`, printBackground: true, pageRanges: '1' });
  } finally {
    await pdfPage.close();
  }
}

export interface ExportOptions {
  /** Default ['svg', 'png', 'pdf']. */
  formats?: ExportFormat[];
  /** Width in CSS px (96 per inch); default from `size`, else the layout, else double column. */
  width?: number;
  height?: number;
  size?: FigureSizeName;
  /** PNG scale; default 300 dpi. */
  scale?: number;
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
  const base = opts.size
    ? figureSize(opts.size)
    : typeof fig.layout?.width === 'number' && typeof fig.layout?.height === 'number'
      ? { widthPx: fig.layout.width as number, heightPx: fig.layout.height as number }
      : figureSize('double');
  const size = figureSize({ widthPx: opts.width ?? base.widthPx, heightPx: opts.height ?? base.heightPx });
  const written: string[] = [];
  for (const format of formats) {
    const bytes = await renderFigure(fig, format, { ...size, scale: opts.scale });
    const file = `${stem}.${format}`;
    atomicWriteFileSync(file, bytes);
    written.push(file);
  }
  return written;
}
