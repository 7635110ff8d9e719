/**
 * Figures of the checkpoint-on-postgres notebook: measured (markers) beside modeled (lines).
 */
import type { PlotlyFigure } from '../../notebook/figure.js';
import { PALETTE, paperLayout } from '../../notebook/style.js';
import { pgPredictedWalBytes, pgRecoveryByInterval, type PgCheckpointResult } from './postgres-checkpoint.js';

const RELATIONS = [
  { key: 'accounts', label: 'accounts heap' },
  { key: 'accountsPkey', label: 'accounts primary key' },
  { key: 'history', label: 'history' },
] as const;

/** Distinct dirty pages per relation against transactions since the checkpoint. */
export function pgDirtyPagesFigure(r: PgCheckpointResult): PlotlyFigure {
  const x = r.dirty.map((d) => d.txns);
  const data: Record<string, unknown>[] = [];
  RELATIONS.forEach((rel, k) => {
    const color = PALETTE[k % PALETTE.length];
    data.push({ type: 'scatter', mode: 'markers', name: `${rel.label}, measured`, x, y: r.dirty.map((d) => d.measured[rel.key]), marker: { color, size: 7 } });
    data.push({ type: 'scatter', mode: 'lines', name: `${rel.label}, model (new version)`, x, y: r.dirty.map((d) => d.modelNewVersion[rel.key]), line: { color, width: 1.5 } });
  });
  data.push({ type: 'scatter', mode: 'lines', name: 'accounts heap, model (in place)', x, y: r.dirty.map((d) => d.modelInPlace.accounts), line: { color: PALETTE[0], width: 1.5, dash: 'dot' } });
  return {
    data,
    layout: paperLayout({ title: 'Dirty pages since the checkpoint (pgbench TPC-B)', xTitle: 'transactions since the checkpoint', yTitle: 'distinct dirty pages', size: 'double', legend: 'below' }),
  };
}

/** WAL bytes per transaction with full_page_writes on and off, against transactions since the checkpoint. */
export function pgWalFigure(r: PgCheckpointResult): PlotlyFigure {
  const x = r.dirty.map((d) => d.txns);
  return {
    data: [
      { type: 'scatter', mode: 'markers', name: 'full_page_writes on, measured', x, y: r.dirty.map((d) => d.walBytesFpwOn / d.txns / 1024), marker: { color: PALETTE[0], size: 7 } },
      { type: 'scatter', mode: 'lines', name: 'full_page_writes on, model', x, y: r.dirty.map((d) => d.modelWalBytesFpwOn / d.txns / 1024), line: { color: PALETTE[0], width: 1.5 } },
      { type: 'scatter', mode: 'markers', name: 'full_page_writes off, measured', x, y: r.dirty.map((d) => d.walBytesFpwOff / d.txns / 1024), marker: { color: PALETTE[1], size: 7, symbol: 'square' } },
    ],
    layout: paperLayout({ title: 'WAL per transaction', xTitle: 'transactions since the checkpoint', yTitle: 'WAL per transaction (KiB)', xType: 'log', size: 'single', legend: 'below' }),
  };
}

/** WAL replayed by crash recovery against the time from the checkpoint to the crash; redo time on the right axis. */
export function pgRecoveryFigure(r: PgCheckpointResult): PlotlyFigure {
  const rows = pgRecoveryByInterval(r);
  const maxS = Math.max(...r.options.intervalsS);
  const grid = Array.from({ length: 41 }, (_, i) => (i / 40) * maxS);
  const layout = paperLayout({ title: 'Crash recovery against the checkpoint interval', xTitle: 'time from checkpoint to crash (s)', yTitle: 'WAL replayed (MB)', size: 'double', legend: 'below' });
  return {
    data: [
      { type: 'scatter', mode: 'markers', name: 'each crash, measured', x: r.crashes.map((c) => c.crashAfterS), y: r.crashes.map((c) => c.replayedBytes / 1e6), marker: { color: '#999', size: 5 } },
      { type: 'scatter', mode: 'lines+markers', name: 'worst case (crash at the interval), measured', x: rows.map((w) => w.intervalS), y: rows.map((w) => w.worstReplayMB), line: { color: PALETTE[0], width: 1.5 } },
      { type: 'scatter', mode: 'lines+markers', name: 'mean over the interval, measured', x: rows.map((w) => w.intervalS), y: rows.map((w) => w.meanReplayMB), line: { color: PALETTE[1], width: 1.5, dash: 'dash' } },
      { type: 'scatter', mode: 'lines', name: 'model: WAL since the checkpoint', x: grid, y: grid.map((s) => pgPredictedWalBytes(r, s) / 1e6), line: { color: PALETTE[2], width: 1.5, dash: 'dot' } },
      { type: 'scatter', mode: 'markers', name: 'redo time, measured (right axis)', x: r.crashes.map((c) => c.crashAfterS), y: r.crashes.map((c) => c.redoS * 1000), yaxis: 'y2', marker: { color: PALETTE[3], size: 5, symbol: 'x' } },
    ],
    layout: { ...layout, yaxis2: { title: { text: 'redo time (ms)' }, overlaying: 'y', side: 'right', showgrid: false, rangemode: 'tozero' } },
  };
}
