/**
 * Paper C's computed tables as arquero tables (filter, group or join them in a cell). Tables that
 * only list a function's rows are built in the notebook with `aq.from(rows)`.
 */
import { aq, type ColumnTable } from '../../core/arquero.js';
import type { PaperCResult } from './flash-backup-experiment.js';
import { max } from './simple-statistics.js';

/**
 * Simulation speed, agreement of the simulated dirty pages with the closed form, and the
 * single-buffer ablation at the paper's reference interval.
 */
export function paperCSimulationTable(r: PaperCResult): ColumnTable {
  const ref = r.reference;
  const rows: Array<{ quantity: string; value: number }> = [];
  if (r.simulation) {
    const simulated = r.fig3.filter((d) => !Number.isNaN(d.dirtyPagesSim));
    rows.push(
      { quantity: 'transactions simulated', value: r.simulation.txns },
      { quantity: 'simulated transactions per second (wall clock)', value: Math.round(r.simulation.txnsPerSecond) },
      { quantity: 'max |simulated − closed form| / closed form, dirty pages', value: max(simulated.map((d) => Math.abs(d.dirtyPagesSim - d.dirtyPages) / d.dirtyPages)) },
    );
  }
  rows.push(
    { quantity: `single buffer / multi-buffer at ${ref.intervalMin} min`, value: ref.fig3.singleBufferS / ref.fig3.backupS },
    { quantity: `multi-buffer / sum of transfer times at ${ref.intervalMin} min`, value: ref.fig3.backupS / ref.fig3.transferOnlyS },
  );
  return aq.from(rows);
}

/** C5's parts: the times at the paper's load and at the larger load (s). */
export function paperCC5Table(r: PaperCResult): ColumnTable {
  const c = r.checks.c5;
  return aq.from([{ worst1000S: c.worst1000S, worst2000S: c.worst2000S, worst2000SharedLogS: c.worst2000SharedLogS, backup1000S: c.backup1000S, backup2000S: c.backup2000S }]);
}
