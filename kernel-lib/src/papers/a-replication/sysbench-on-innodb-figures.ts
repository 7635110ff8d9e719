/**
 * Figures of the replication-sysbench-on-innodb notebook: measured (markers) beside modeled
 * (lines), one colour per --rand-type.
 */
import type { PlotlyFigure } from '../../notebook/figure.js';
import { PALETTE, paperLayout } from '../../notebook/style.js';
import { sysbenchMissRatio, type SysbenchOnInnodbResult } from './sysbench-on-innodb.js';

const color = (i: number): string => PALETTE[i % PALETTE.length];

/** Cumulative pages read against transactions executed, per rand-type. */
export function sysbenchPagesReadFigure(r: SysbenchOnInnodbResult): PlotlyFigure {
  const data: Record<string, unknown>[] = [];
  r.runs.forEach((run, i) => {
    const s = run.samples.filter((x) => x.txns > 0);
    const idx = run.samples.map((x, k) => (x.txns > 0 ? k : -1)).filter((k) => k >= 0);
    data.push({ type: 'scatter', mode: 'lines', name: `${run.randType}, modeled`, x: s.map((x) => x.txns), y: idx.map((k) => run.modelMisses[k]), line: { color: color(i), width: 1.5 } });
    data.push({ type: 'scatter', mode: 'markers', name: `${run.randType}, measured`, x: s.map((x) => x.txns), y: s.map((x) => x.reads), marker: { color: color(i), size: 5, symbol: i % 2 ? 'square' : 'circle' } });
  });
  const primary = r.layout.primaryLeafPages + r.layout.primaryInteriorPages;
  const xs = r.runs.flatMap((run) => run.samples.map((x) => x.txns)).filter((x) => x > 0);
  data.push({ type: 'scatter', mode: 'lines', name: "PRIMARY's pages (leaves + interior)", x: [Math.min(...xs), Math.max(...xs)], y: [primary, primary], line: { color: '#777', width: 1, dash: 'dash' } });
  return {
    data,
    layout: paperLayout({ title: 'Pages read from a cold pool (oltp_read_only)', xTitle: 'transactions executed', yTitle: 'pages read (cumulative)', xType: 'log', size: 'double', legend: 'below' }),
  };
}

/** Miss ratio (pages read per read request) against transactions executed, per rand-type. */
export function sysbenchMissRatioFigure(r: SysbenchOnInnodbResult): PlotlyFigure {
  const data: Record<string, unknown>[] = [];
  r.runs.forEach((run, i) => {
    const pts = sysbenchMissRatio(run);
    const pos = (v: number): number | null => (v > 0 ? v : null); // an interval without a miss has no place on a log axis: a gap
    data.push({ type: 'scatter', mode: 'lines', name: `${run.randType}, modeled`, x: pts.map((p) => p.txns), y: pts.map((p) => pos(p.modeled)), line: { color: color(i), width: 1.5 } });
    data.push({ type: 'scatter', mode: 'markers', name: `${run.randType}, measured`, x: pts.map((p) => p.txns), y: pts.map((p) => pos(p.measured)), marker: { color: color(i), size: 5, symbol: i % 2 ? 'square' : 'circle' } });
  });
  return {
    data,
    layout: paperLayout({ title: 'Miss-ratio curve (per InnoDB read request)', xTitle: 'transactions executed', yTitle: 'misses per read request', xType: 'log', yType: 'log', size: 'double', legend: 'below' }),
  };
}

/** What the pool holds of sbtest1 at the end of each run, beside the tablespace's composition. */
export function sysbenchPoolCompositionFigure(r: SysbenchOnInnodbResult): PlotlyFigure {
  const L = r.layout;
  const cats = ['tablespace', ...r.runs.map((run) => `${run.randType} (read)`)];
  const series = [
    { name: 'PRIMARY leaves', ts: L.primaryLeafPages, run: (k: number) => r.runs[k].poolPrimaryLeaves },
    { name: 'PRIMARY interior', ts: L.primaryInteriorPages, run: (k: number) => r.runs[k].poolPrimaryInterior },
    { name: 'k_1', ts: L.k1Pages, run: (k: number) => r.runs[k].poolPagesByIndex.k_1 ?? 0 },
    { name: 'system pages', ts: L.systemPages, run: (k: number) => Object.entries(r.runs[k].poolPagesByIndex).filter(([ix]) => ix !== 'PRIMARY' && ix !== 'k_1').reduce((n, [, c]) => n + c, 0) },
    { name: 'unused (free or reserved)', ts: L.unusedPages, run: () => 0 },
  ];
  return {
    data: series.map((s, i) => ({ type: 'bar', name: s.name, x: cats, y: [s.ts, ...r.runs.map((_, k) => s.run(k))], marker: { color: color(i) } })),
    layout: paperLayout({ title: "sbtest1's tablespace and the pages each run read", xTitle: '', yTitle: 'pages', size: 'double', legend: 'below', barmode: 'stack' }),
  };
}

/** Transactions per second (measured) against time since the cold start, per rand-type. */
export function sysbenchTpsFigure(r: SysbenchOnInnodbResult): PlotlyFigure {
  return {
    data: r.runs.map((run, i) => {
      const x: number[] = [];
      const y: number[] = [];
      for (let k = 1; k < run.samples.length; k++) {
        const a = run.samples[k - 1];
        const b = run.samples[k];
        if (b.tS > a.tS) {
          x.push(b.tS);
          y.push((b.txns - a.txns) / (b.tS - a.tS));
        }
      }
      return { type: 'scatter', mode: 'lines+markers', name: `${run.randType}, measured`, x, y, line: { color: color(i), width: 1 }, marker: { size: 3 } };
    }),
    layout: paperLayout({ title: 'Throughput from a cold pool (this machine, shared)', xTitle: 'time since start (s)', yTitle: 'transactions/s', size: 'single', legend: 'below' }),
  };
}
