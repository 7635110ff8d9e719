/**
 * Paper B's figures, written once for its three notebooks (reorg-monitor, reorg-on-sqlite,
 * reorg-sniffer-overhead). Figs. 5 and 6 take the same input shapes from either experiment (the
 * B+Tree model or the SQLite file), so both notebooks draw them with the same function.
 * Traces are SVG (`scatter`, `bar`); the layout is the house `paperLayout`.
 */
import { PALETTE, paperLayout } from '../../notebook/style.js';
import type { PlotlyFigure, PlotlyTrace } from '../../notebook/figure.js';
import type { FigureSizeName } from '../../notebook/style.js';
import type { PaperBMonitorResult } from './reorg-experiment.js';
import { bufferPoolLabel, type PaperBOverheadResult } from './sniffer-overhead.js';

const G0 = 'G<sub>0</sub>';
const XG0 = 'X·G<sub>0</sub>';
const CR = 'C<sub>R</sub>';
const TMIN = 'T<sub>min</sub>';

/** Fig. 5: mean updates per row against the clustered key, in key bins. */
export function updateDistributionFigure(d: { binFromKey: ArrayLike<number>; meanUpdatesPerRow: ArrayLike<number> }, title: string, size: FigureSizeName = 'double'): PlotlyFigure {
  return {
    data: [{ type: 'scatter', mode: 'lines', x: Array.from(d.binFromKey), y: Array.from(d.meanUpdatesPerRow), name: 'updates per row', line: { color: PALETTE[0] } }],
    layout: paperLayout({ title, xTitle: 'clustered key (id)', yTitle: 'mean updates per row', legend: 'none', size }),
  };
}

/** One series of Fig. 6: G per leaf (markers) or per bin of leaves (mean and max lines). */
export type GSeries =
  | { kind: 'leaves'; name: string; keys: ArrayLike<number>; G: ArrayLike<number>; color?: string; tMin?: ArrayLike<number> }
  | { kind: 'bins'; fromKey: ArrayLike<number>; meanGMs: ArrayLike<number>; maxGMs: ArrayLike<number> };

/**
 * Fig. 6: G / G0 against the key (log axis with plain ticks), the X·G0 line, and — for a leaf
 * series with `tMin` — the leaves of T_min marked. Used by reorg-monitor (binned: 10^5 leaves)
 * and reorg-on-sqlite (per leaf), and for G before / after a reorganization.
 */
export function gDistributionFigure(o: { series: GSeries[]; g0Ms: number; x?: number; xMaxKey: number; title: string; size?: FigureSizeName }): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  let maxRatio = o.x ?? 2;
  const over = (g: ArrayLike<number>) => Array.from(g, (v) => v / o.g0Ms);
  o.series.forEach((s, k) => {
    if (s.kind === 'bins') {
      const mx = over(s.maxGMs), mn = over(s.meanGMs);
      maxRatio = Math.max(maxRatio, ...mx);
      data.push({ type: 'scatter', mode: 'lines', x: Array.from(s.fromKey), y: mx, name: `max G / ${G0} in bin`, line: { color: PALETTE[1], width: 1 } });
      data.push({ type: 'scatter', mode: 'lines', x: Array.from(s.fromKey), y: mn, name: `mean G / ${G0} in bin`, line: { color: PALETTE[0] } });
      return;
    }
    const y = over(s.G);
    for (const v of y) if (v > maxRatio) maxRatio = v;
    data.push({ type: 'scatter', mode: 'markers', x: Array.from(s.keys), y, name: s.name, marker: { size: 3, color: s.color ?? PALETTE[(2 * k) % PALETTE.length] } });
    if (s.tMin && o.x !== undefined) {
      const idx = Array.from(s.tMin);
      data.push({
        type: 'scatter', mode: 'markers', name: `${TMIN} (G ≥ ${o.x}·${G0})`, marker: { size: 4, color: PALETTE[1], symbol: 'x' },
        x: idx.map((i) => s.keys[i]), y: idx.map((i) => s.G[i] / o.g0Ms),
      });
    }
  });
  if (o.x !== undefined) {
    // drawn first, under the leaves: the leaves exactly at X·G0 stay visible
    data.unshift({ type: 'scatter', mode: 'lines', x: [0, o.xMaxKey], y: [o.x, o.x], name: `${XG0} (X = ${o.x})`, line: { color: 'black', dash: 'dash', width: 1 } });
  }
  const ticks = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter((t) => t <= 1.5 * maxRatio);
  const layout = paperLayout({ title: o.title, xTitle: 'clustered key (low key of the leaf)', yTitle: `G / ${G0} (log)`, yType: 'log', legend: 'below', size: o.size ?? 'double', yRange: [10 ** -0.1, 1.5 * maxRatio] });
  return { data, layout: { ...layout, yaxis: { ...(layout.yaxis as object), tickvals: ticks, ticktext: ticks.map(String) } } };
}

/** A quantity against the number of updates (|T_min|, regions violating eq. 3, C_R/(|S|·G0)). */
export function versusUpdatesFigure(updates: ArrayLike<number>, y: ArrayLike<number>, o: { title: string; yTitle: string; name: string; color?: string; size?: FigureSizeName }): PlotlyFigure {
  return {
    data: [{ type: 'scatter', mode: 'lines+markers', x: Array.from(updates), y: Array.from(y), name: o.name, line: { color: o.color ?? PALETTE[0] } }],
    layout: paperLayout({ title: o.title, xTitle: 'updates', yTitle: o.yTitle, legend: 'none', size: o.size ?? 'single' }),
  };
}

/** Fig. 7: simulated scan time (I/O + calibrated CPU, stacked) against the estimate C_R per key range. */
export function rangeScanFigure(r: PaperBMonitorResult): PlotlyFigure {
  const f7 = r.fig7;
  const n = f7.length;
  const lbl = f7.map((q) => `${Math.round((100 * q.range) / n)}–${Math.round((100 * (q.range + 1)) / n)} %`);
  return {
    data: [
      { type: 'bar', x: lbl, y: f7.map((q) => q.simulatedIoMs / 1000), name: 'simulated I/O', marker: { color: PALETTE[0] } },
      { type: 'bar', x: lbl, y: f7.map((q) => q.cpuMs / 1000), name: 'MySQL CPU (calibrated)', marker: { color: PALETTE[2] } },
      { type: 'scatter', mode: 'markers', x: lbl, y: f7.map((q) => q.estimateMs / 1000), name: `estimate ${CR} (modeled)`, marker: { color: 'black', size: 9, symbol: 'diamond' } },
    ],
    layout: paperLayout({ title: 'Fig. 7: range scans, simulated vs estimated', xTitle: 'key range', yTitle: 'time (s)', legend: 'below', barmode: 'stack' }),
  };
}

/** B5: per-region row updates against per-region mean G / G0, with Spearman's ρ in the title. */
export function updatesVersusGFigure(r: PaperBMonitorResult): PlotlyFigure {
  return {
    data: [{ type: 'scatter', mode: 'markers', x: r.regions.map((q) => q.rowUpdates), y: r.regions.map((q) => q.meanGMs / r.g0Ms), text: r.regions.map((q) => `region ${q.region}`), name: 'region', marker: { color: PALETTE[0], size: 9 } }],
    layout: paperLayout({ title: `Per-region update count vs mean G (Spearman ρ = ${r.spearman.toFixed(3)})`, xTitle: 'row updates in the region', yTitle: `mean G / ${G0}`, legend: 'none', size: 'single' }),
  };
}

/** Beyond the paper: |T_min| at the end against X, one line per drive. */
export function tMinVersusXFigure(r: PaperBMonitorResult, xs: readonly number[]): PlotlyFigure {
  return {
    data: r.profiles.map((q, i) => ({ type: 'scatter', mode: 'lines+markers', x: [...xs], y: q.tMinByX, name: q.profile, line: { color: PALETTE[i % PALETTE.length], dash: ['solid', 'dash', 'dot'][i % 3] } })),
    layout: paperLayout({ title: `|${TMIN}| at the end against the tolerance X, per drive`, xTitle: 'X', yTitle: `|${TMIN}| (leaf pages)`, xType: 'log', legend: 'below', size: 'single' }),
  };
}

/**
 * Fig. 8: sniffer overhead per phase and buffer-pool size (log axis): the paper's mechanism
 * (shared memory to the monitor process, modeled) and our in-process sniffer (measured CPU) as
 * grouped bars, the paper's values as markers.
 */
export function snifferOverheadFigure(r: PaperBOverheadResult, paperPct?: { load: number[]; update: number[] }): PlotlyFigure {
  const cats: string[] = [];
  const ipc: number[] = [];
  const inproc: number[] = [];
  const paper: number[] = [];
  for (const phase of ['load', 'update'] as const) {
    r.params.bufferPoolBytes.forEach((b, i) => {
      const q = r.rows.find((x) => x.phase === phase && x.bufferPoolBytes === b);
      cats.push(`${phase}, ${bufferPoolLabel(b)}`);
      ipc.push(q ? q.ipcOverheadPct : NaN);
      inproc.push(q ? q.overheadPct : NaN);
      paper.push(paperPct ? paperPct[phase][i] ?? NaN : NaN);
    });
  }
  const data: PlotlyTrace[] = [
    { type: 'bar', name: 'shared memory to the monitor process (modeled, hand-off measured)', x: cats, y: ipc, marker: { color: PALETTE[0] } },
    { type: 'bar', name: 'in-process sniffer (measured CPU)', x: cats, y: inproc, marker: { color: PALETTE[2] } },
  ];
  if (paperPct) data.push({ type: 'scatter', mode: 'markers', name: 'paper (Fig. 8)', x: cats, y: paper, marker: { color: 'black', symbol: 'diamond', size: 9 } });
  return { data, layout: paperLayout({ title: 'Fig. 8: sniffer + monitor overhead', xTitle: 'phase, buffer pool', yTitle: 'overhead (%, log)', yType: 'log', legend: 'below', barmode: 'group' }) };
}
