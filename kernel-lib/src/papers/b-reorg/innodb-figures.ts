/**
 * The side-by-side figures of notebooks/reorg-on-innodb.ipynb: the real InnoDB layout (measured:
 * read from the .ibd) against the simulated B+Tree (modeled), both costed with the same f.
 * Real = solid, PALETTE[0]; simulated = dashed or hatched, PALETTE[1].
 */
import { PALETTE, paperLayout } from '../../notebook/style.js';
import type { PlotlyFigure } from '../../notebook/figure.js';
import { empiricalCdf } from '../../metrics/cdf-demerit.js';
import { jumpDistances } from './innodb-layout-metrics.js';
import type { InnodbReorgResult } from './innodb-reorg.js';

const REAL = { name: 'MariaDB 10.11 (measured layout)', color: PALETTE[0] };
const SIM = { name: 'B+Tree model (simulated)', color: PALETTE[1] };

/** Leaf count and rows per leaf after the load and after the updates, real vs simulated. */
export function innodbLeavesFigure(r: InnodbReorgResult): PlotlyFigure {
  const at = ['after load', `after ${r.params.updates} updates`];
  const pick = (m: typeof r.real) => [m[0], m[m.length - 1]];
  const bars = (m: typeof r.real, s: typeof REAL, field: 'leaves' | 'rowsPerLeaf', axis: string, hatch: boolean) => ({
    type: 'bar', name: s.name, legendgroup: s.name, showlegend: field === 'leaves', x: at, y: pick(m).map((q) => q[field]),
    xaxis: axis === 'y' ? 'x' : 'x2', yaxis: axis, marker: { color: s.color, pattern: hatch ? { shape: '/' } : undefined },
  });
  const base = paperLayout({ title: 'Leaf pages and rows per leaf', yTitle: 'leaf pages', legend: 'below', size: 'double' });
  return {
    data: [bars(r.real, REAL, 'leaves', 'y', false), bars(r.sim, SIM, 'leaves', 'y', true), bars(r.real, REAL, 'rowsPerLeaf', 'y2', false), bars(r.sim, SIM, 'rowsPerLeaf', 'y2', true)],
    layout: {
      ...base,
      barmode: 'group',
      xaxis: { ...(base.xaxis as object), domain: [0, 0.45] },
      xaxis2: { ...(base.xaxis as object), domain: [0.55, 1], anchor: 'y2' },
      yaxis2: { ...(base.yaxis as object), title: { text: 'rows per leaf' }, anchor: 'x2' },
    },
  };
}

/** CDFs of |p_i − p_{i−1}| between consecutive leaves after the updates (log x), real vs simulated. */
export function innodbJumpCdfFigure(r: InnodbReorgResult): PlotlyFigure {
  const trace = (pages: Int32Array, s: typeof REAL, dash: string) => {
    const d = jumpDistances(pages).map(Math.abs);
    const c = empiricalCdf(Array.from(d).map((v) => Math.max(1, v)), 500);
    return { type: 'scatter', mode: 'lines', line: { shape: 'hv', color: s.color, dash, width: 1.5 }, name: s.name, x: Array.from(c.x), y: Array.from(c.p) };
  };
  return {
    data: [trace(r.finalReal.pages, REAL, 'solid'), trace(r.finalSim.pages, SIM, 'dash')],
    layout: paperLayout({
      title: `Physical jump between consecutive leaves after ${r.params.updates} updates (demerit ${r.jumpDemeritPages.toFixed(0)} pages, KS ${r.jumpKs.toFixed(3)})`,
      xTitle: '|p<sub>i</sub> − p<sub>i−1</sub>| (pages, log; 1 = sequential)', yTitle: 'share of leaves ≤ x', xType: 'log', legend: 'below', size: 'double',
    }),
  };
}

/** C_R/(|S|·G0) per 10 % key range after the updates, real vs simulated, with the sequential level 1. */
export function innodbRangeCostFigure(r: InnodbReorgResult): PlotlyFigure {
  const last = (m: typeof r.real) => m[m.length - 1];
  const x = last(r.real).rangeCostRatios.map((_, i) => `${i * 10}–${(i + 1) * 10} %`);
  return {
    data: [
      { type: 'bar', name: REAL.name, x, y: last(r.real).rangeCostRatios, marker: { color: REAL.color } },
      { type: 'bar', name: SIM.name, x, y: last(r.sim).rangeCostRatios, marker: { color: SIM.color, pattern: { shape: '/' } } },
      { type: 'scatter', mode: 'lines', name: `sequential (C<sub>R</sub> = |S|·G<sub>0</sub>)`, x: [x[0], x[x.length - 1]], y: [1, 1], line: { color: PALETTE[7], dash: 'dot', width: 1 } },
    ],
    layout: { ...paperLayout({ title: `C<sub>R</sub>/(|S|·G<sub>0</sub>) per key range after ${r.params.updates} updates (${r.costName} f)`, xTitle: 'key range', yTitle: 'C<sub>R</sub>/(|S|·G<sub>0</sub>)', legend: 'below', size: 'double' }), barmode: 'group' },
  };
}

/** |T_min| at X and the whole-table C/(|S|·G0) against the updates, real vs simulated. */
export function innodbTminFigure(r: InnodbReorgResult): PlotlyFigure {
  const ups = r.real.map((m) => m.updates);
  const base = paperLayout({ title: `|T<sub>min</sub>| at X = ${r.params.x} and whole-table C/(|S|·G<sub>0</sub>) vs updates`, xTitle: 'updates', yTitle: '|T<sub>min</sub>| (leaves)', legend: 'below', size: 'double' });
  return {
    data: [
      { type: 'scatter', mode: 'lines+markers', name: `${REAL.name}: |T<sub>min</sub>|`, x: ups, y: r.real.map((m) => m.tMinLeaves), line: { color: REAL.color } },
      { type: 'scatter', mode: 'lines+markers', name: `${SIM.name}: |T<sub>min</sub>|`, x: ups, y: r.sim.map((m) => m.tMinLeaves), line: { color: SIM.color, dash: 'dash' }, marker: { symbol: 'x' } },
      { type: 'scatter', mode: 'lines', name: `${REAL.name}: C/(|S|·G<sub>0</sub>)`, x: ups, y: r.real.map((m) => m.costRatio), yaxis: 'y2', line: { color: REAL.color, width: 1, dash: 'dot' } },
      { type: 'scatter', mode: 'lines', name: `${SIM.name}: C/(|S|·G<sub>0</sub>)`, x: ups, y: r.sim.map((m) => m.costRatio), yaxis: 'y2', line: { color: SIM.color, width: 1, dash: 'dashdot' } },
    ],
    layout: { ...base, yaxis2: { ...(base.yaxis as object), title: { text: 'C/(|S|·G<sub>0</sub>)' }, overlaying: 'y', side: 'right' } },
  };
}

/** Mean G/G0 per workload region against its update count, real and simulated. */
export function innodbRegionFigure(r: InnodbReorgResult): PlotlyFigure {
  const x = r.regions.map((g) => g.rowUpdates / (g.toKey - g.fromKey));
  return {
    data: [
      { type: 'scatter', mode: 'markers', name: `${REAL.name} (ρ = ${r.spearmanReal.toFixed(2)})`, x, y: r.regions.map((g) => g.realMeanGOverG0), marker: { color: REAL.color, size: 7 } },
      { type: 'scatter', mode: 'markers', name: `${SIM.name} (ρ = ${r.spearmanSim.toFixed(2)})`, x, y: r.regions.map((g) => g.simMeanGOverG0), marker: { color: SIM.color, size: 7, symbol: 'x' } },
    ],
    layout: paperLayout({ title: 'Per region: mean G/G<sub>0</sub> against the updates per row', xTitle: 'updates per row in the region', yTitle: 'mean G/G<sub>0</sub>', legend: 'below', size: 'single' }),
  };
}

/** Whole-table C/(|S|·G0) of the real table: after the load, after the updates, after OPTIMIZE TABLE and after a rebuild by INSERT … SELECT. */
export function innodbReorgFigure(r: InnodbReorgResult): PlotlyFigure {
  const x = ['after load', `after ${r.params.updates} updates`, 'after OPTIMIZE TABLE', 'after INSERT … SELECT into a new table'];
  const last = r.real[r.real.length - 1];
  return {
    data: [
      { type: 'bar', name: REAL.name, x, y: [r.real[0].costRatio, last.costRatio, r.optimize.costRatio, r.copyRebuild.costRatio], marker: { color: REAL.color } },
      { type: 'scatter', mode: 'lines', name: 'check: ≤ 1.05', x: [x[0], x[x.length - 1]], y: [1.05, 1.05], line: { color: PALETTE[7], dash: 'dot', width: 1 } },
    ],
    layout: paperLayout({ title: 'Reorganization on the real engine: C/(|S|·G<sub>0</sub>) of the whole table', yTitle: 'C/(|S|·G<sub>0</sub>)', yType: 'log', legend: 'below', size: 'double' }),
  };
}
