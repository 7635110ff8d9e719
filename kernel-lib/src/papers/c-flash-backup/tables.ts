/**
 * Paper C's computed tables as arquero tables (filter, group or join them in a cell). Tables that
 * only list a function's rows are built in the notebook with `aq.from(rows)`.
 */
import { aq, type ColumnTable } from '../../core/arquero.js';
import type { PaperCResult } from './flash-backup-experiment.js';
import { max } from '../../core/statistics.js';

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

/**
 * C5's parts and its controls at the C5 interval: the paper's load on the configured hardware,
 * the larger load on hardware scaled by the same factor (C5), the same with the log devices not
 * scaled, and the larger load on the unscaled hardware (s; blank = not computed).
 */
export function paperCC5Table(r: PaperCResult): ColumnTable {
  const c = r.checks.c5;
  const h1 = c.hardware1000;
  const h2 = c.hardware2000;
  const row = (configuration: string, factor: number, h: typeof h1, backupS: number | null, worstS: number, meanS: number | null) => ({
    configuration, loadFactor: factor, backupUnits: h.backupUnits, logDevices: h.logDevices, recoveryGroups: h.recoveryGroups, backupS, worstS, meanS,
  });
  return aq.from([
    row("paper's load, configured hardware", 1, h1, c.backup1000S, c.worst1000S, c.mean1000S),
    row('larger load, scaled hardware (C5)', c.tpsFactor, h2, c.backup2000S, c.worst2000S, c.mean2000S),
    row('larger load, scaled hardware but log devices not', c.tpsFactor, { ...h2, logDevices: h1.logDevices }, null, c.worst2000SharedLogS, null),
    row('larger load, same hardware (control)', c.tpsFactor, h1, c.backup2000FixedHardwareS, c.worst2000FixedHardwareS, null),
  ]);
}
