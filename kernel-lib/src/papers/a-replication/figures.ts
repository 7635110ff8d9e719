/**
 * Plot traces for paper A's figures, written once for both notebooks: total SysBench throughput
 * over time (Figs. 3 and 5), total VM memory over time (Figs. 4 and 6), replica creation time by
 * phase (stacked bars), and the read load on the source's image over time.
 */
import { PALETTE, paperLayout } from '../../notebook/style.js';
import type { PlotlyFigure } from '../../notebook/figure.js';
import { paperAPhaseBreakdown, type PaperARunSet } from './checks.js';

/** Means of `series` over bins of `binS` seconds; x in hours. */
export function paperABinSeries(series: ArrayLike<number>, stepS: number, binS: number): { xH: number[]; y: number[] } {
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
  return { data: lines(runs, (r) => r.totalTps, binS), layout: paperLayout({ title, xTitle: 'time (h)', yTitle: 'SysBench tx/s, all VMs', legend: 'below' }) };
}

/** Total VM memory against time (Fig. 4 / Fig. 6). */
export function paperAMemoryFigure(runs: PaperARunSet, title: string, binS = 30): PlotlyFigure {
  return { data: lines(runs, (r) => r.memoryGiB, binS), layout: paperLayout({ title, xTitle: 'time (h)', yTitle: 'VM memory (GiB)', legend: 'below' }) };
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
  return { data: [...total, ...fetch], layout: paperLayout({ title, xTitle: 'time (h)', yTitle: 'source image reads (MB/s)', legend: 'below' }) };
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
  return { data, layout: paperLayout({ title, xTitle: 'configuration', yTitle: 'creation time (s, log scale)', yType: 'log', barmode: 'stack', legend: 'below' }) };
}
