/**
 * A standalone HTML page of an executed notebook: markdown with math (KaTeX, fonts inlined),
 * code, text and HTML outputs, and interactive plotly figures (plotly.js inlined), so the page
 * works offline as a single file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// @ts-ignore TS1479: type-only import of an ESM package; Node ≥ 20.19 loads it with require() below.
import type * as Marked from 'marked';
import katex from 'katex';
import { outputText, sourceText, type Notebook } from './notebook-format.js';
import { PLOTLY_MIME } from './collect.js';
import { PLOTLY_LOADER_METADATA_KEY } from '../../kernel-lib/src/notebook/plotly-html.js';

const require = createRequire(__filename);
const { marked } = require('marked') as typeof Marked;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

let assets: { plotly: string; katexCss: string } | null = null;
function pageAssets(): { plotly: string; katexCss: string } {
  if (assets) return assets;
  const plotly = readFileSync(require.resolve('plotly.js-dist-min'), 'utf8');
  const katexDir = dirname(require.resolve('katex/dist/katex.min.css'));
  let css = readFileSync(join(katexDir, 'katex.min.css'), 'utf8');
  const fonts = new Set(readdirSync(join(katexDir, 'fonts')));
  // Inline the woff2 fonts; drop the woff/ttf fallbacks (every current browser reads woff2).
  css = css.replace(/src:([^;}]*)/g, (_m, srcs: string) => {
    const woff2 = /url\(fonts\/([^)]+\.woff2)\)/.exec(srcs);
    if (!woff2 || !fonts.has(woff2[1])) return `src:${srcs}`;
    const data = readFileSync(join(katexDir, 'fonts', woff2[1])).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  assets = { plotly: plotly.replace(/<\/script/gi, '<\\/script'), katexCss: css };
  return assets;
}

/** Markdown with $…$ and $$…$$ math rendered by KaTeX. */
export function renderMarkdown(text: string): string {
  const math: string[] = [];
  const stash = (tex: string, display: boolean) => {
    math.push(katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'html' }));
    return `@@MATH${math.length - 1}@@`;
  };
  const withPlaceholders = text
    .replace(/\$\$([\s\S]+?)\$\$/g, (_m, tex: string) => stash(tex, true))
    .replace(/(^|[^\\$])\$([^$\n]+?)\$/g, (_m, pre: string, tex: string) => pre + stash(tex, false));
  const html = marked.parse(withPlaceholders, { async: false }) as string;
  return html.replace(/@@MATH(\d+)@@/g, (_m, i: string) => math[Number(i)]);
}

function renderOutputs(outputs: NonNullable<Notebook['cells'][number]['outputs']>, figId: () => string): string {
  const parts: string[] = [];
  for (const o of outputs) {
    if (o.output_type === 'stream') {
      parts.push(`<pre class="${o.name === 'stderr' ? 'stderr' : 'stdout'}">${escapeHtml(outputText(o))}</pre>`);
    } else if (o.output_type === 'error') {
      parts.push(`<pre class="stderr">${escapeHtml(`${o.ename}: ${o.evalue}`)}</pre>`);
    } else if (o.data) {
      const d = o.data;
      // kernel-lib's plotly.js loader for classic Notebook: this page inlines plotly.js itself.
      if (o.metadata?.[PLOTLY_LOADER_METADATA_KEY]) continue;
      if (d[PLOTLY_MIME]) {
        const id = figId();
        const fig = d[PLOTLY_MIME] as { data: unknown; layout: unknown; config?: unknown };
        const json = JSON.stringify({ data: fig.data, layout: fig.layout, config: fig.config ?? {} }).replace(/</g, '\\u003c');
        parts.push(
          `<div class="plot" id="${id}"></div><script>(function(){var f=${json};Plotly.newPlot(${JSON.stringify(id)},f.data,f.layout,f.config);})();</script>`,
        );
      } else if (typeof d['text/html'] === 'string') {
        parts.push(`<div class="html-output">${d['text/html']}</div>`);
      } else if (typeof d['image/svg+xml'] === 'string') {
        parts.push(`<div>${d['image/svg+xml']}</div>`);
      } else if (typeof d['image/png'] === 'string') {
        parts.push(`<img alt="figure" src="data:image/png;base64,${d['image/png']}">`);
      } else if (typeof d['text/markdown'] === 'string') {
        parts.push(renderMarkdown(d['text/markdown']));
      } else if (typeof d['text/plain'] === 'string') {
        parts.push(`<pre class="stdout">${escapeHtml(d['text/plain'])}</pre>`);
      }
    }
  }
  return parts.join('\n');
}

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}
pre{background:#f6f8fa;padding:.6em .8em;overflow-x:auto;font-size:13px;border-radius:4px}
pre.code{border-left:3px solid #0072B2}
pre.stderr{background:#fff0f0;color:#a00}
.cell{margin:1.2em 0}
.html-output table{border-collapse:collapse;font-size:13px}
.html-output td,.html-output th{border:1px solid #ddd;padding:3px 6px}
.meta{color:#666;font-size:12px}
body.hide-code pre.code{display:none}
`;

export interface PageInfo {
  title: string;
  elapsedSeconds?: number;
  generatedAt?: string;
  showCode?: boolean;
}

/** Renders an executed notebook as one self-contained HTML page. */
export function notebookToHtml(nb: Notebook, info: PageInfo): string {
  const { plotly, katexCss } = pageAssets();
  let n = 0;
  const figId = () => `plot-${++n}`;
  const body = nb.cells
    .map((cell) => {
      if (cell.cell_type === 'markdown') return `<div class="cell md">${renderMarkdown(sourceText(cell))}</div>`;
      if (cell.cell_type !== 'code') return '';
      const code = info.showCode === false ? '' : `<pre class="code"><code>${escapeHtml(sourceText(cell))}</code></pre>`;
      return `<div class="cell code">${code}${renderOutputs(cell.outputs ?? [], figId)}</div>`;
    })
    .join('\n');
  const meta = [
    info.generatedAt ? `generated ${escapeHtml(info.generatedAt)}` : '',
    info.elapsedSeconds !== undefined ? `ran in ${info.elapsedSeconds.toFixed(1)} s` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${katexCss}</style><style>${STYLE}</style>
<script>${plotly}</script>
</head><body>
<p class="meta">${escapeHtml(info.title)}.ipynb ${meta ? '· ' + meta : ''} · all numbers are modeled or simulated unless a cell says otherwise
· <label><input type="checkbox" id="hide-code" onchange="document.body.classList.toggle('hide-code', this.checked)"> hide code</label></p>
${body}
</body></html>
`;
}
