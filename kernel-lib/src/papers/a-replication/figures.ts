/**
 * Plot traces for paper A's figures, written once for both notebooks: total SysBench throughput
 * over time (Figs. 3 and 5), total VM memory over time (Figs. 4 and 6), replica creation time by
 * phase (stacked bars), and the read load on the source's image over time.
 */
import { ParameterError, requirePositive } from '../../core/validate.js';
import { PALETTE, paperLayout } from '../../notebook/style.js';
import type { PlotlyFigure } from '../../notebook/figure.js';
import { paperAPhaseBreakdown, type PaperARunSet } from './checks.js';
import type { PaperARun } from './replication-sim.js';
import type { PaperADataSizeSweepRow, PaperAReplicaSweepRow } from './sweeps.js';

/** Means of `series` over bins of `binS` seconds; x in hours. */
export function paperABinSeries(series: ArrayLike<number>, stepS: number, binS: number): { xH: number[]; y: number[] } {
  requirePositive('stepS', stepS, 's');
  requirePositive('binS', binS, 's');
  const per = Math.max(1, Math.round(binS / stepS));
  const xH: number[] = [];
  const y: number[] = [];
  for (let i = 0; i + per <= series.length; i += per) {
    let s = 0;
    for (let k = i; k < i + per; k++) s += series[k];
    xH.push(((i + per / 2) * stepS) / 3600);
    y.push(s / per);
  }
  return { xH, y };
}

function lines(runs: PaperARunSet, pick: (r: PaperARunSet[string]) => ArrayLike<number>, binS: number) {
  return Object.entries(runs).map(([config, run], k) => {
    const b = paperABinSeries(pick(run), run.stepS, binS);
    return { type: 'scatter', mode: 'lines', name: config, x: b.xH, y: b.y, line: { color: PALETTE[k % PALETTE.length], width: 1.5 } };
  });
}

/** Total SysBench throughput over all VMs against time (Fig. 3 / Fig. 5). */
export function paperAThroughputFigure(runs: PaperARunSet, title: string, binS = 30): PlotlyFigure {
  return { data: lines(runs, (r) => r.totalTps, binS), layout: paperLayout({ title, xTitle: 'time (h)', yTitle: 'SysBench tx/s, all VMs', legend: 'below', size: 'double' }) };
}

/** Total VM memory against time (Fig. 4 / Fig. 6). */
export function paperAMemoryFigure(runs: PaperARunSet, title: string, binS = 30): PlotlyFigure {
  return { data: lines(runs, (r) => r.memoryGiB, binS), layout: paperLayout({ title, xTitle: 'time (h)', yTitle: 'VM memory (GiB)', legend: 'below', size: 'single' }) };
}

/**
 * Read load on the source's image (own misses, on-demand fetches, copies) against time; dotted:
 * the part that is replicas' on-demand fetches (lazy configurations).
 */
export function paperASourceIoFigure(runs: PaperARunSet, title: string, binS = 60): PlotlyFigure {
  const total = lines(runs, (r) => r.sourceReadMBps, binS);
  const fetch = Object.entries(runs)
    .map(([config, run], k) => ({ config, run, k }))
    .filter(({ run }) => run.sourceFetchMBps.some((x) => x > 0))
    .map(({ config, run, k }) => {
      const b = paperABinSeries(run.sourceFetchMBps, run.stepS, binS);
      return { type: 'scatter', mode: 'lines', name: `${config}: on-demand fetches`, x: b.xH, y: b.y, line: { color: PALETTE[k % PALETTE.length], width: 1, dash: 'dot' } };
    });
  return { data: [...total, ...fetch], layout: paperLayout({ title, xTitle: 'time (h)', yTitle: 'source image reads (MB/s)', legend: 'below', size: 'double' }) };
}

/** Replica creation time by phase (mean over the replicas), stacked per configuration. */
export function paperAPhaseFigure(runs: PaperARunSet, title: string): PlotlyFigure {
  const rows = paperAPhaseBreakdown(runs);
  const configs = Object.keys(runs);
  const phases: string[] = [];
  for (const r of rows) if (!phases.includes(r.phase)) phases.push(r.phase);
  const data = phases.map((ph, k) => ({
    type: 'bar',
    name: ph,
    x: configs,
    y: configs.map((c) => rows.find((r) => r.config === c && r.phase === ph)?.seconds ?? 0),
    marker: { color: PALETTE[k % PALETTE.length] },
  }));
  return { data, layout: paperLayout({ title, xTitle: 'configuration', yTitle: 'creation time (s, log scale)', yType: 'log', barmode: 'stack', legend: 'below', size: 'double' }) };
}

function byConfig<R extends { config: string }>(rows: readonly R[]): Array<[string, R[]]> {
  const configs: string[] = [];
  for (const r of rows) if (!configs.includes(r.config)) configs.push(r.config);
  return configs.map((c) => [c, rows.filter((r) => r.config === c)]);
}

/** Beyond the paper: creation + warm-up (min) against the data size, one line per configuration. */
export function paperADataSizeFigure(rows: readonly PaperADataSizeSweepRow[], title: string): PlotlyFigure {
  const data = byConfig(rows).map(([c, rs], k) => ({ type: 'scatter', mode: 'lines+markers', name: c, x: rs.map((r) => r.dataGiB), y: rs.map((r) => r.readyAtPeakS / 60), line: { color: PALETTE[k % PALETTE.length] } }));
  return { data, layout: paperLayout({ title, xTitle: 'data (GiB)', yTitle: 'creation + warm-up (min)', legend: 'below', size: 'single' }) };
}

/** Beyond the paper: total VM memory against the number of replicas (only counts the host can hold). */
export function paperAReplicaMemoryFigure(rows: readonly PaperAReplicaSweepRow[], title: string): PlotlyFigure {
  const data = byConfig(rows.filter((r) => r.fits)).map(([c, rs], k) => ({ type: 'scatter', mode: 'lines+markers', name: c, x: rs.map((r) => r.replicas), y: rs.map((r) => r.memoryGiB), line: { color: PALETTE[k % PALETTE.length], dash: k % 2 ? 'dash' : 'solid' } }));
  return { data, layout: paperLayout({ title, xTitle: 'replicas', yTitle: 'VM memory (GiB)', legend: 'below', size: 'single' }) };
}

/**
 * The source's SysBench and TPC-C throughput around the first replica's creation (A14): from
 * `beforeS` before it starts to `afterS` after, means over `binS`.
 */
export function paperASourceDuringCreationFigure(run: PaperARun, title: string, beforeS = 500, afterS = 1700, binS = 10): PlotlyFigure {
  requirePositive('beforeS', beforeS, 's');
  requirePositive('afterS', afterS, 's');
  requirePositive('binS', binS, 's');
  if (!run.replicas.length) throw new ParameterError('run.replicas', 0, 'replicas', '≥ 1');
  const t0 = Math.max(0, run.replicas[0].creationStartS - beforeS);
  const t1 = Math.min(run.steps * run.stepS, run.replicas[0].creationStartS + afterS);
  const i0 = Math.round(t0 / run.stepS);
  const i1 = Math.round(t1 / run.stepS);
  const cut = (s: Float64Array) => paperABinSeries(s.subarray(i0, i1), run.stepS, binS);
  const src = cut(run.vmTps[0]);
  const tp = cut(run.tpccTps);
  const xMin = src.xH.map((h) => h * 60 + t0 / 60);
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: 'source SysBench (tx/s)', x: xMin, y: src.y, line: { color: PALETTE[0] } },
      { type: 'scatter', mode: 'lines', name: 'source TPC-C (tx/s)', x: xMin, y: tp.y, line: { color: PALETTE[1], dash: 'dash' } },
    ],
    layout: paperLayout({ title, xTitle: 'time (min)', yTitle: 'tx/s', legend: 'below', size: 'double' }),
  };
}
