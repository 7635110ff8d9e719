// Snapshot test of the house figure layout (issue 16 items 8–10, 12, 13): each house-style
// figure kind is exported at single (3.3 in) and double (7 in) column size through the real
// export path (Chromium), and the exported SVG is measured in Chromium:
//   - no text overlaps other text, no text leaves the figure;
//   - every text (ticks, subscripts included) is ≥ 7 pt at print size;
//   - the plot area keeps ≥ 60 % of the figure's height;
//   - tick labels are full numbers in one format (no "10k", no bare "2" above "1000"), in
//     order along the axis, and an axis that starts at 0 labels it;
//   - no baked-in title by default, the title when asked; metadata present.
// FIGURE_LAYOUT_DIR=out/figures also checks every SVG a `make reproduce` exported.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderFigure, type PlotlyFigure } from '../kernel-lib/src/notebook/export.js';
import { browserSession, closeBrowser } from '../kernel-lib/src/notebook/browser.js';
import { FIGURE_SIZES, MIN_FONT_PT, paperLayout, type PaperLayoutOptions } from '../kernel-lib/src/notebook/style.js';
import { figureProvenance } from '../kernel-lib/src/notebook/provenance.js';

after(closeBrowser);

interface TextBox {
  text: string;
  cls: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fontPx: number;
  corners: [number, number][];
}

/**
 * How far two convex polygons overlap along the axis that separates them best (separating
 * axis theorem): ≤ 0 when they do not overlap. For axis-aligned boxes it is the smaller of the
 * x and y overlaps.
 */
function overlapDepth(a: [number, number][], b: [number, number][]): number {
  let depth = Infinity;
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len === 0) continue;
      const nx = -(y2 - y1) / len;
      const ny = (x2 - x1) / len;
      const proj = (p: [number, number][]) => p.map(([x, y]) => x * nx + y * ny);
      const pa = proj(a);
      const pb = proj(b);
      depth = Math.min(depth, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return depth;
}
interface Measured {
  width: number;
  height: number;
  texts: TextBox[];
  minFontPx: number;
  plotTop: number;
  plotBottom: number;
}

/** Loads an SVG into a page and reads the geometry of its texts and plot areas. */
async function measure(svg: string): Promise<Measured> {
  const { browser } = await browserSession();
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return await page.evaluate(() => {
      const root = document.querySelector('svg')!;
      const texts: TextBox[] = [];
      let minFontPx = Infinity;
      root.querySelectorAll('text').forEach((t) => {
        const text = (t.textContent ?? '').replace(/\u200b/g, '').trim();
        if (!text) return;
        const r = t.getBoundingClientRect();
        // The text's own box in its rotated frame (rotated tick labels), as four screen points.
        const bb = (t as SVGTextElement).getBBox();
        const m = (t as SVGTextElement).getScreenCTM()!;
        const corners = [
          [bb.x, bb.y],
          [bb.x + bb.width, bb.y],
          [bb.x + bb.width, bb.y + bb.height],
          [bb.x, bb.y + bb.height],
        ].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f] as [number, number]);
        const fontPx = parseFloat(getComputedStyle(t).fontSize);
        minFontPx = Math.min(minFontPx, fontPx);
        // The size each glyph is drawn at: the element that directly holds a non-empty text node.
        const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if ((n.nodeValue ?? '').replace(/\u200b/g, '').trim()) minFontPx = Math.min(minFontPx, parseFloat(getComputedStyle(n.parentElement!).fontSize));
        }
        const g = t.closest('g[class]');
        texts.push({ text, cls: g?.getAttribute('class') ?? '', x: r.x, y: r.y, w: r.width, h: r.height, fontPx, corners });
      });
      let plotTop = Infinity;
      let plotBottom = -Infinity;
      // Each subplot's plot area is the axes clip rectangle of its x–y pair (id "clip…x2y2").
      root.querySelectorAll('clipPath.axesclip').forEach((c) => {
        if (!/x\d*y\d*$/.test(c.id)) return;
        const rect = c.querySelector('rect');
        if (!rect) return;
        const top = Number(rect.getAttribute('y'));
        plotTop = Math.min(plotTop, top);
        plotBottom = Math.max(plotBottom, top + Number(rect.getAttribute('height')));
      });
      return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), texts, minFontPx, plotTop, plotBottom };
    });
  } finally {
    await page.close();
  }
}

/** A plain number: digits with thousands separators, an optional decimal part (no SI suffix, no exponent). */
const NUMBER_RE = /^[−-]?(\d{1,3}(,\d{3})*|\d)(\.\d+)?$/;

/** Problems of a measured figure; empty when it is fine. `print` adds the 7-pt rule. */
function problems(m: Measured, print: boolean, opts: { plotShare: boolean } = { plotShare: true }): string[] {
  const out: string[] = [];
  const eps = 0.5;
  for (const t of m.texts) {
    if (t.x < -eps || t.y < -eps || t.x + t.w > m.width + eps || t.y + t.h > m.height + eps) {
      out.push(`"${t.text}" leaves the figure (${t.x.toFixed(1)}, ${t.y.toFixed(1)}, ${t.w.toFixed(1)} × ${t.h.toFixed(1)} in ${m.width} × ${m.height})`);
    }
  }
  for (let i = 0; i < m.texts.length; i++) {
    for (let j = i + 1; j < m.texts.length; j++) {
      const a = m.texts[i];
      const b = m.texts[j];
      const d = overlapDepth(a.corners, b.corners);
      if (d > eps) out.push(`"${a.text}" (${a.cls}) overlaps "${b.text}" (${b.cls}) by ${d.toFixed(1)} px`);
    }
  }
  const plotShare = (m.plotBottom - m.plotTop) / m.height;
  if (opts.plotShare && !(plotShare >= 0.6)) out.push(`the plot area keeps ${(100 * plotShare).toFixed(1)} % of the height (< 60 %)`);
  const minPt = m.minFontPx * 0.75; // exported at print size: 96 px per inch, 72 pt per inch
  if (print && minPt < MIN_FONT_PT - 1e-9) out.push(`smallest text is ${minPt.toFixed(2)} pt (< ${MIN_FONT_PT} pt)`);
  for (const axis of ['xtick', 'ytick']) {
    const ticks = m.texts.filter((t) => t.cls.split(' ').includes(axis));
    // Number-like labels (a number, maybe with an SI letter); category labels such as "0–10 %" are left alone.
    const numeric = ticks.filter((t) => /^[−-]?[\d.,]+[a-zA-Zµ]?$/.test(t.text));
    if (numeric.length === 1) out.push(`${axis}: one label only ("${numeric[0].text}"), the axis cannot be read`);
    for (const t of numeric) if (!NUMBER_RE.test(t.text)) out.push(`${axis} label "${t.text}" is not a plain number (SI suffix or mixed format)`);
    // In order along the axis: x left to right, y bottom to top.
    const ordered = [...numeric].sort((a, b) => (axis === 'xtick' ? a.x - b.x : b.y - a.y)).map((t) => Number(t.text.replace('−', '-').replace(/,/g, '')));
    for (let i = 1; i < ordered.length; i++) {
      if (!(ordered[i] > ordered[i - 1])) out.push(`${axis} labels out of order: ${ordered.join(', ')}`);
    }
  }
  return out;
}

const xs = Array.from({ length: 25 }, (_, i) => i * 2); // 0..48
const CONFIGS = ['default', 'lazy', 'share', 'lazy share'];

/** Every kind of figure the house style makes, with realistic labels and magnitudes. */
const KINDS: { name: string; opts: PaperLayoutOptions; data: PlotlyFigure['data']; zeroAxis?: 'x' | 'y' }[] = [
  {
    name: 'lines-4-legend-top',
    opts: { title: 'SysBench throughput, 4 configurations', xTitle: 'time (h)', yTitle: 'tx/s, all VMs' },
    data: CONFIGS.map((c, k) => ({ type: 'scatter', mode: 'lines', name: c, x: xs, y: xs.map((x) => 9000 + 800 * k + 40 * x) })),
  },
  {
    name: 'stacked-bars-log-y',
    opts: { title: 'Creation time by configuration', xTitle: 'configuration', yTitle: 'creation time (s, log)', yType: 'log', barmode: 'stack' },
    data: ['copy', 'boot', 'warm-up'].map((p, k) => ({ type: 'bar', name: p, x: CONFIGS, y: CONFIGS.map((_, i) => (k + 1) * 3 * 10 ** i) })),
  },
  {
    name: 'log-x-subscripts-no-legend',
    opts: { title: 'f(prev, page) vs seek distance', xTitle: 'seek distance (cylinders)', yTitle: 'f / G<sub>0</sub>', xType: 'log', legend: 'none' },
    data: [{ type: 'scatter', mode: 'lines', name: 'f', x: [1, 3, 10, 30, 100, 300, 1000, 3000, 10000], y: [0.1, 0.12, 0.2, 0.3, 0.45, 0.6, 0.8, 0.9, 1] }],
  },
  {
    name: 'legend-inside-optimum-marker',
    opts: { title: 'Recovery time vs checkpoint interval', xTitle: 'checkpoint interval (min)', yTitle: 'recovery time (s)', legend: 'inside', xRange: [0, 48] },
    data: [
      { type: 'scatter', mode: 'lines', name: 'single buffer', x: xs, y: xs.map((x) => 60 + 30 * x) },
      { type: 'scatter', mode: 'lines', name: 'multi buffer', x: xs, y: xs.map((x) => 40 + 12 * x) },
      { type: 'scatter', mode: 'markers', name: 'optimum', x: [14], y: [208] },
    ],
    zeroAxis: 'x',
  },
  {
    name: 'legend-below-from-zero',
    opts: { title: 'Cumulative fraction of service times', xTitle: 'service time (ms)', yTitle: 'cumulative fraction', legend: 'below', yRange: [0, 1] },
    data: ['trace', 'model', 'ablation'].map((n, k) => ({ type: 'scatter', mode: 'lines', name: n, x: xs, y: xs.map((x) => 1 - Math.exp(-x / (8 + 4 * k))) })),
    zeroAxis: 'y',
  },
  {
    name: 'log-y-within-a-decade',
    opts: { title: 'Scan time vs C<sub>R</sub>', xTitle: 'C<sub>R</sub> / (|S|·G<sub>0</sub>)', yTitle: 'scan time (s)', yType: 'log' },
    data: [{ type: 'scatter', mode: 'lines+markers', name: 'scan', x: [1, 2, 3, 4, 5], y: [210, 330, 480, 650, 890] }],
  },
  {
    name: 'log-y-three-decades-lines',
    opts: { title: 'Backup time vs checkpoint interval', xTitle: 'checkpoint interval (min)', yTitle: 'backup time (s)', yType: 'log', legend: 'below' },
    data: [
      { type: 'scatter', mode: 'lines', name: 'multi-buffer, dirty pages (modeled)', x: xs, y: xs.map((x) => 2 + 1.6 * x) },
      { type: 'scatter', mode: 'lines', name: 'single buffer (ablation)', x: xs, y: xs.map((x) => 60 + 50 * x) },
    ],
  },
  {
    // Paper C's Fig. 3 as the notebook draws it: four long entries, too many rows above or below
    // a single-column plot, so the legend moves inside, to the corner with the fewest data.
    name: 'long-legend-moves-inside',
    opts: { title: 'Backup time, 1000 tps, 13 units × 31 chips', xTitle: 'checkpoint interval (min)', yTitle: 'backup time (s)', yType: 'log', legend: 'below' },
    data: [
      { type: 'scatter', mode: 'lines', name: 'multi-buffer, dirty pages (modeled)', x: xs, y: xs.map((x) => 2 + 40 * (1 - Math.exp(-x / 15))) },
      { type: 'scatter', mode: 'markers', name: 'same, simulated dirty pages', x: xs.filter((x) => x % 10 === 0), y: xs.filter((x) => x % 10 === 0).map((x) => 2 + 40 * (1 - Math.exp(-x / 15))) },
      { type: 'scatter', mode: 'lines', name: 'all of main memory', x: [0, 48], y: [80, 80], line: { dash: 'dash' } },
      { type: 'scatter', mode: 'lines', name: 'single buffer (ablation)', x: xs, y: xs.map((x) => 60 + 2400 * (1 - Math.exp(-x / 20))), line: { dash: 'dot' } },
    ],
  },
  {
    name: 'grouped-bars-seconds',
    opts: { title: 'Backup time per unit', xTitle: 'backup units', yTitle: 'backup time (s)', barmode: 'group' },
    data: ['paper', 'modeled'].map((n, k) => ({ type: 'bar', name: n, x: ['1', '2', '4', '8'], y: [12000, 6100, 3050, 1530].map((v) => v * (1 + 0.05 * k)) })),
    zeroAxis: 'y',
  },
  {
    name: 'small-seconds',
    opts: { title: 'Per-page read time', xTitle: 'page', yTitle: 'read time (s)' },
    data: [{ type: 'scatter', mode: 'lines', name: 'read', x: xs, y: xs.map((x) => 0.0002 + 0.00004 * x) }],
  },
];

for (const kind of KINDS) {
  for (const size of ['single', 'double'] as const) {
    test(`house figure "${kind.name}" at ${size} column: no overlap, nothing clipped, ≥ 7 pt, plot area ≥ 60 %, plain ticks`, async () => {
      const fig = { data: kind.data, layout: paperLayout({ ...kind.opts, size }) };
      const svg = (await renderFigure(fig, 'svg', { provenance: figureProvenance(kind.name, { size }) })).toString('utf8');
      const m = await measure(svg);
      assert.equal(m.width, FIGURE_SIZES[size].widthPx, 'exported at the declared width');
      assert.equal(m.height, FIGURE_SIZES[size].heightPx, 'exported at the declared height');
      assert.deepEqual(problems(m, true), []);
      assert.ok(!m.texts.some((t) => t.text === kind.opts.title), 'no baked-in title by default');
      assert.match(svg, /<metadata>.*<dc:title>/s, 'SVG carries its metadata');
      if (kind.zeroAxis) {
        assert.ok(m.texts.some((t) => t.cls.includes(`${kind.zeroAxis}tick`) && t.text === '0'), `the ${kind.zeroAxis} axis starts at 0 and labels it`);
      }
      // Same figure with the title kept (the option, and what the notebook shows): no overlap;
      // the title costs height, so the 60 % rule is for the caption-style export only.
      const titled = await measure((await renderFigure(fig, 'svg', { keepTitle: true })).toString('utf8'));
      assert.ok(titled.texts.some((t) => t.text === kind.opts.title?.replace(/<\/?sub>/g, '')), 'the title is kept when asked');
      assert.deepEqual(problems(titled, true, { plotShare: false }), []);
    });
  }
}

/** plotly's own SVG of a figure, without the house layout (for testing the checker). */
async function rawPlotlySvg(fig: { data: unknown[]; layout: Record<string, unknown> }): Promise<string> {
  const { page } = await browserSession();
  const url = await page.evaluate(async (f) => {
    const P = (globalThis as unknown as { Plotly: any }).Plotly;
    const div = document.createElement('div');
    document.body.appendChild(div);
    try {
      await P.newPlot(div, f.data, f.layout);
      return (await P.toImage(div, { format: 'svg', width: f.layout.width, height: f.layout.height })) as string;
    } finally {
      P.purge(div);
      div.remove();
    }
  }, fig);
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}

test('a layout not made by paperLayout is brought into the house style too', async () => {
  const plain = { data: [{ type: 'scatter', x: [50, 60, 86], y: [85, 88, 92], name: 'source SysBench (tx/s)' }, { type: 'scatter', x: [50, 60, 86], y: [38, 39, 38], name: 'source TPC-C (tx/s)' }], layout: { xaxis: { title: { text: 'time (min)' } }, yaxis: { title: { text: 'tx/s' } } } };
  for (const size of ['single', 'double'] as const) {
    assert.deepEqual(problems(await measure((await renderFigure(plain, 'svg', { size })).toString('utf8')), true), [], size);
  }
});

test('the checker itself catches an overlap, a clipped text, a small font and an SI tick', async () => {
  const bad = {
    data: [{ type: 'scatter', x: [0, 1], y: [0, 20000], name: 'a' }],
    layout: {
      width: 317,
      height: 230,
      font: { size: 6 },
      margin: { l: 0, r: 0, t: 0, b: 0 },
      xaxis: { title: { text: 'an x title long enough to run off the edge of a small figure, surely' } },
      yaxis: { exponentformat: 'SI' },
      annotations: [
        { text: 'overlapping', x: 0.5, y: 0.5, xref: 'paper', yref: 'paper', showarrow: false },
        { text: 'overlapping', x: 0.5, y: 0.5, xref: 'paper', yref: 'paper', showarrow: false },
      ],
    },
  };
  const p = problems(await measure(await rawPlotlySvg(bad)), true).join('\n');
  assert.match(p, /overlaps/);
  assert.match(p, /leaves the figure/);
  assert.match(p, /smallest text is 4\.50 pt/);
  assert.match(p, /not a plain number/);
});

const dir = process.env.FIGURE_LAYOUT_DIR;
if (dir && existsSync(dir)) {
  const svgs = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.svg'));
  for (const f of svgs) {
    test(`exported figure ${f}: no overlap, nothing clipped, ≥ 7 pt, plot area ≥ 60 %, plain ticks`, async () => {
      const m = await measure(readFileSync(join(dir, f), 'utf8'));
      const print = [FIGURE_SIZES.single.widthPx, FIGURE_SIZES.double.widthPx].includes(m.width);
      assert.deepEqual(problems(m, print), []);
    });
  }
}
