/**
 * Paper C's figures, built once for the flash-backup notebook (and anyone else): the
 * multi-buffer sweep (Fig. 2), backup time (Fig. 3), hot-spot recovery (Fig. 4) and its
 * saw-tooth, and the two "beyond the paper" figures (checkpoint-interval optimum, flash wear).
 * Every value plotted is modeled or simulated by the functions named in each doc comment.
 */
import { PALETTE, paperLayout } from '../../notebook/style.js';
import type { PlotlyFigure } from '../../notebook/figure.js';
import type { CheckpointOptimumResult, WearRow } from './beyond.js';
import type { PaperCResult } from './flash-backup-experiment.js';

type MultiBufferRow = { chips: number; exactMs: number; closedFormMs: number; transferOnlyMs: number };
type SawtoothRow = { failureMin: number; recoveryS: number; recoveryBmpIntactS: number };

/** Fig. 2: one unit writing `flashPages` flash pages against the chips on its bus (rows of paperCMultiBufferSweep). */
export function paperCMultiBufferFigure(rows: readonly MultiBufferRow[], flashPages: number): PlotlyFigure {
  const x = rows.map((d) => d.chips);
  return {
    data: [
      { type: 'scatter', x, y: rows.map((d) => d.exactMs), name: 'exact schedule (simulated)', mode: 'markers', marker: { color: PALETTE[0], size: 7 } },
      { type: 'scatter', x, y: rows.map((d) => d.closedFormMs), name: 'closed form', mode: 'lines', line: { color: PALETTE[0] } },
      { type: 'scatter', x, y: rows.map((d) => d.transferOnlyMs), name: 'sum of transfer times', mode: 'lines', line: { color: PALETTE[7], dash: 'dash' } },
    ],
    layout: paperLayout({ title: `Multi-buffer: one unit, ${flashPages.toLocaleString('en-US')} flash pages`, xTitle: 'flash chips on the bus', yTitle: 'write time (ms)', xType: 'log', yType: 'log', legend: 'below', size: 'single' }),
  };
}

/** Fig. 3: backup time against the checkpoint interval (runPaperC's fig3 rows). */
export function paperCBackupFigure(r: PaperCResult): PlotlyFigure {
  const f3 = r.fig3;
  const x = f3.map((d) => d.intervalMin);
  const sampled = f3.filter((_d, i) => i % 5 === 4);
  return {
    data: [
      { type: 'scatter', x, y: f3.map((d) => d.backupS), name: 'multi-buffer, dirty pages (modeled)', mode: 'lines', line: { color: PALETTE[0] } },
      { type: 'scatter', x: sampled.map((d) => d.intervalMin), y: sampled.map((d) => d.backupSimS), name: 'same, simulated dirty pages', mode: 'markers', marker: { color: PALETTE[0], size: 5, symbol: 'circle-open' } },
      { type: 'scatter', x, y: f3.map((d) => d.fullBackupS), name: 'all of main memory', mode: 'lines', line: { color: PALETTE[7], dash: 'dash' } },
      { type: 'scatter', x, y: f3.map((d) => d.singleBufferS), name: 'single buffer (ablation)', mode: 'lines', line: { color: PALETTE[1], dash: 'dot' } },
    ],
    layout: paperLayout({ title: `Backup time, ${r.model.tps} tps, ${r.model.backupUnits} units × ${r.model.chipsPerUnit} chips`, xTitle: 'checkpoint interval (min)', yTitle: 'backup time (s)', yType: 'log', legend: 'below', size: 'single' }),
  };
}

/** Fig. 4: hot-spot recovery time against the checkpoint interval (runPaperC's fig4 rows). */
export function paperCRecoveryFigure(r: PaperCResult): PlotlyFigure {
  const f4 = r.fig4;
  const x = f4.map((d) => d.intervalMin);
  return {
    data: [
      { type: 'scatter', x, y: f4.map((d) => d.worstS), name: 'worst (failure just before the next checkpoint)', mode: 'lines', line: { color: PALETTE[0] } },
      { type: 'scatter', x, y: f4.map((d) => d.meanS), name: 'mean (failure time uniform)', mode: 'lines', line: { color: PALETTE[2] } },
      { type: 'scatter', x, y: f4.map((d) => d.worstLogReadS), name: 'log read share of the worst case', mode: 'lines', line: { color: PALETTE[4], dash: 'dot' } },
    ],
    layout: paperLayout({ title: `Hot-spot (Branch, Teller) recovery, ${r.model.tps} tps, log on ${r.model.logDevices} × ${r.model.logDevice}, ${r.model.recoveryGroups} recovery group${r.model.recoveryGroups === 1 ? '' : 's'}`, xTitle: 'checkpoint interval (min)', yTitle: 'recovery time (s)', legend: 'below', size: 'single' }),
  };
}

/** Recovery against the failure time (rows of paperCRecoverySawtooth at `intervalMin`). */
export function paperCSawtoothFigure(rows: readonly SawtoothRow[], intervalMin: number): PlotlyFigure {
  const x = rows.map((d) => d.failureMin);
  return {
    data: [
      { type: 'scatter', x, y: rows.map((d) => d.recoveryS), name: 'flash image reloaded', mode: 'lines', line: { color: PALETTE[0] } },
      { type: 'scatter', x, y: rows.map((d) => d.recoveryBmpIntactS), name: 'BMP intact', mode: 'lines', line: { color: PALETTE[1], dash: 'dash' } },
    ],
    layout: paperLayout({ title: `Hot-spot recovery against the failure time, ${intervalMin}-min checkpoints`, xTitle: 'failure time (min)', yTitle: 'recovery time (s)', legend: 'below', size: 'single' }),
  };
}

/**
 * Expected time lost per failure against the interval, per MTBF (paperCCheckpointOptimum): one
 * line per MTBF, the numeric optimum of each as a black cross (one legend entry), Young's
 * √(2δM) as thin dotted verticals (one legend entry). The y range follows the curves.
 */
export function paperCCheckpointOptimumFigure(opt: CheckpointOptimumResult): PlotlyFigure {
  const all = opt.curves.flatMap((cv) => cv.lostS).filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(...all) / 1.5;
  const hi = Math.min(Math.max(...all), lo * 1e5) * 1.5;
  const youngX = opt.rows.flatMap((row) => [row.youngMin, row.youngMin, NaN]);
  const youngY = opt.rows.flatMap(() => [lo, hi, NaN]);
  return {
    data: [
      ...opt.curves.map((cv, i) => ({ type: 'scatter', x: cv.intervalMin, y: cv.lostS, name: `L(T), MTBF ${cv.mtbfH} h`, mode: 'lines', line: { color: PALETTE[i % (PALETTE.length - 1)] } })),
      { type: 'scatter', x: youngX, y: youngY, name: 'Young √(2δM) at each MTBF', mode: 'lines', line: { color: PALETTE[7], dash: 'dot', width: 1 }, connectgaps: false },
      { type: 'scatter', x: opt.rows.map((row) => row.optimumMin), y: opt.rows.map((row) => row.lostAtOptimumS), name: 'numeric optimum of L(T)', mode: 'markers', marker: { color: PALETTE[7], size: 9, symbol: 'x' } },
    ],
    layout: paperLayout({ title: 'Expected time lost per failure (classical model, δ counted as lost)', xTitle: 'checkpoint interval (min)', yTitle: 'time lost per failure (s)', xType: 'log', yType: 'log', legend: 'below', yRange: [lo, hi], size: 'double' }),
  };
}

/** Flash lifetime against the interval, per flash profile, dirty-page vs full-memory backup (paperCWear). */
export function paperCWearFigure(wear: readonly WearRow[]): PlotlyFigure {
  const profiles = [...new Set(wear.map((w) => w.flashProfile))];
  return {
    data: profiles.flatMap((p, i) => {
      const rows = wear.filter((w) => w.flashProfile === p);
      const x = rows.map((w) => w.intervalMin);
      const color = PALETTE[i % PALETTE.length];
      return [
        { type: 'scatter', x, y: rows.map((w) => w.lifetimeYearsDirty), name: `${p}, 1-bit dirty map`, mode: 'lines+markers', line: { color } },
        { type: 'scatter', x, y: rows.map((w) => w.lifetimeYearsFull), name: `${p}, full-memory backup`, mode: 'lines+markers', line: { color, dash: 'dash' } },
      ];
    }),
    layout: paperLayout({ title: 'Flash lifetime (modeled)', xTitle: 'checkpoint interval (min)', yTitle: 'lifetime (years)', xType: 'log', yType: 'log', legend: 'below', size: 'double' }),
  };
}
