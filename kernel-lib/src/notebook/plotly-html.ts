/**
 * Interactive figures for front-ends that only render HTML (classic Jupyter Notebook 6, VS Code,
 * nbviewer): no `application/vnd.plotly.v1+json` renderer there, so show() adds a `text/html`
 * rendering to the same output.
 *
 * plotly.js (≈ 4.8 MB) is sent once per kernel session, in an output of its own
 * (`plotlyLoaderHtml`), inlined: no CDN, works offline. Each figure's HTML holds its PNG as an
 * `<img>` and a small script that replaces it with the interactive plot once `window.Plotly`
 * exists. Where scripts do not run (GitHub, an untrusted notebook) the PNG stays.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** Output-metadata key that marks the one output carrying plotly.js (page writers skip it). */
export const PLOTLY_LOADER_METADATA_KEY = 'kernel-lib/plotly-loader';

/** The CSS class of each figure's container (tests look for it). */
export const FIGURE_HTML_CLASS = 'kernel-lib-figure';

let plotlySource: string | null = null;

/**
 * A `<script>` that defines `window.Plotly` unless it already exists. Notebook 6 runs
 * require.js, whose global `define` would make plotly's UMD wrapper register an AMD module
 * instead of `window.Plotly`; `define` is hidden while plotly's code runs.
 */
export function plotlyLoaderHtml(): string {
  if (!plotlySource) plotlySource = readFileSync(require.resolve('plotly.js-dist-min'), 'utf8').replace(/<\/script/gi, '<\\/script');
  return (
    '<script type="text/javascript">/* kernel-lib: plotly.js for this notebook\'s interactive figures, once per kernel session */\n' +
    '(function(){if(window.Plotly)return;var d=window.define;window.define=undefined;try{\n' +
    plotlySource +
    '\n}finally{window.define=d;}})();</script>'
  );
}

/** JSON that is safe inside a `<script>` element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Figures rendered as HTML in this kernel session. */
let figureCount = 0;

/**
 * One figure as HTML: a container holding the PNG (if any), then a script that draws the
 * interactive plot into it when plotly is loaded (it waits up to 10 s for the loader output).
 */
export function figureHtml(
  fig: { data: unknown[]; layout: Record<string, unknown>; config?: Record<string, unknown> },
  name: string,
  widthPx: number,
  heightPx: number,
  pngBase64?: string,
): string {
  const payload = scriptJson({ data: fig.data, layout: fig.layout, config: fig.config ?? { displaylogo: false } });
  // Unique within the kernel session (a counter) and the same from run to run (no randomness),
  // so executed notebooks are byte-identical between serial and parallel runs.
  figureCount++;
  const id = `kl-fig-${createHash('sha256').update(name).update(payload).digest('hex').slice(0, 12)}-${figureCount}`;
  const img = pngBase64
    ? `<img alt="${name.replace(/"/g, '&quot;')}" width="${widthPx}" height="${heightPx}" src="data:image/png;base64,${pngBase64}">`
    : '';
  return (
    `<div id="${id}" class="${FIGURE_HTML_CLASS}" data-figure="${name.replace(/"/g, '&quot;')}" style="width:${widthPx}px;min-height:${heightPx}px">${img}</div>` +
    `<script type="text/javascript">(function(){var f=${payload};var n=0;` +
    `function draw(){var el=document.getElementById(${JSON.stringify(id)});var P=window.Plotly;if(!el||!P)return false;` +
    `el.innerHTML='';P.newPlot(el,f.data,f.layout,f.config);return true;}` +
    `if(!draw()){var t=setInterval(function(){if(draw()||++n>100)clearInterval(t);},100);}})();</script>`
  );
}
