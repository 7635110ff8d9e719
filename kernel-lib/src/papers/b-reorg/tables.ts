/**
 * Paper B's result tables as arquero tables (core/arquero.ts), so that a researcher can filter,
 * group and sort them in a cell, e.g. `reorgRangeTable(r).filter((d) => d.leaves > 1000)`;
 * `showTable` displays them. Columns carry their unit and whether the value is modeled,
 * simulated, measured or sourced.
 */
import { aq, type ColumnTable } from '../../core/arquero.js';
import type { PaperBMonitorResult } from './reorg-experiment.js';
import { bufferPoolLabel, type PaperBOverheadResult } from './sniffer-overhead.js';
import type { SqliteReorgResult } from './sqlite-reorg.js';

const quantities = (rows: [string, unknown][]): ColumnTable => aq.from(rows.map(([quantity, value]) => ({ quantity, value })));

/** The monitor run: sizes, tree statistics, G0 and the calibrated CPU. */
export function reorgRunTable(r: PaperBMonitorResult): ColumnTable {
  const s = r.treeStats;
  return quantities([
    ['rows after the updates', r.rows],
    ['leaf pages', r.leaves],
    ['rows updated at least once (paper: about 40 %)', `${(100 * r.updatedRowShare).toFixed(1)} %`],
    ['sniffer events (leaf-chain changes)', r.sniffedEvents],
    ['splits up / down / middle, merges, discards', `${s.splitsUp} / ${s.splitsDown} / ${s.splitsMiddle}, ${s.merges}, ${s.discards}`],
    ['G0 (ms, modeled)', r.g0Ms.toFixed(4)],
    ['MySQL CPU per scanned page (ms, calibrated to B1)', r.params.scanCpuPerPageMs],
  ]);
}

/** Fig. 7 per key range: C_R, the simulated scan, errors and the real DBMSs' fragmentation figures. */
export function reorgRangeTable(r: PaperBMonitorResult): ColumnTable {
  return aq.from(r.fig7.map((q) => ({
    range: `${q.fromKey}–${q.toKey}`,
    leaves: q.leaves,
    'row updates': q.rowUpdates,
    'C_R (s, modeled)': q.estimateMs / 1000,
    'sim. I/O (s)': q.simulatedIoMs / 1000,
    'CPU (s, calibrated)': q.cpuMs / 1000,
    'error %': q.errorPct,
    'I/O error %': q.ioErrorPct,
    'C_R/(|S|G0)': q.costRatio,
    'pg leaf_fragmentation %': q.pgLeafFragmentationPct,
    'SQL Server avg_fragmentation %': q.sqlServerFragmentationPct,
    'SQL Server fragments': q.sqlServerFragments,
  })));
}

/** The SLA scheduler's summary: T_min after the load, when it grows, and T at `tAtUpdates`. */
export function reorgSlaTable(r: PaperBMonitorResult): ColumnTable {
  return quantities([
    ['|T_min| right after the load', r.sla.tMinAfterLoad],
    ['first snapshot where T_min grows (updates)', r.sla.firstTminGrowthUpdates ?? 'never'],
    ['first snapshot where a region violates eq. (3) (updates)', r.sla.firstRegionBreakUpdates ?? 'never'],
    [`|T_min| at ${r.tAt.updates} updates`, r.tAt.leaves],
    ['share of it in regions updated by then', r.tAt.shareInUpdatedRegions],
    ['share of it in the most-updated half of those regions', r.tAt.shareInTopRegions],
    [`leaves of T_min at ${r.tAt.updates} updates not in T_min after the load`, r.tAt.newLeaves],
    ['share of those in the regions updated by then', r.tAt.newShareInUpdatedRegions],
    ['… a T_min spread like the leaves would give', r.tAt.leafShareInUpdatedRegions],
    ['share of those in the most-updated half of the updated regions', r.tAt.newShareInTopRegions],
    ['… the share of the updates that went there', r.tAt.updateShareInTopRegions],
    ['… a T_min spread like the leaves would give', r.tAt.leafShareInTopRegions],
    ['C_R/(|S|·G0) over the regions updated by then', r.tAt.updatedSpaceCostRatio],
    ['C_R/(|S|·G0) over the never-updated regions', r.tAt.untouchedSpaceCostRatio],
  ]);
}

/** Per workload region: updates so far and T_min leaves at `tAtUpdates`, and the final update counts and mean G. */
export function reorgRegionTable(r: PaperBMonitorResult): ColumnTable {
  return aq.from(r.regions.map((q, i) => ({
    region: q.region,
    keys: `${q.fromKey}–${q.toKey}`,
    [`updates at ${r.tAt.updates}`]: r.tAt.regionUpdatesAt[i],
    [`T_min leaves at ${r.tAt.updates}`]: r.tAt.regionTminLeaves[i],
    [`new since the load at ${r.tAt.updates}`]: r.tAt.regionNewTminLeaves[i],
    'updates (end)': q.updates,
    'row updates (end)': q.rowUpdates,
    leaves: q.leaves,
    'mean G/G0 (end)': q.meanGMs / r.g0Ms,
  })));
}

/** The key ranges (runs of consecutive leaves) of T at `tAtUpdates`, largest first. */
export function reorgTminRunTable(r: PaperBMonitorResult): ColumnTable {
  // built from columns so that an empty T keeps its columns
  const runs = r.tAt.runs;
  return aq
    .table({ 'from key': runs.map((q) => q.fromKey), 'to key': runs.map((q) => q.toKey), leaves: runs.map((q) => q.toLeaf - q.fromLeaf) })
    .orderby(aq.desc('leaves'));
}

/** Beyond the paper: T_min and C/(|S|·G0) of the final page sequence on other drives. */
export function reorgDriveTable(r: PaperBMonitorResult): ColumnTable {
  return aq.from(r.profiles.map((q) => ({
    drive: q.profile,
    'G0 (ms)': q.g0Ms,
    '|T_min| at the end': q.tMinLeaves,
    'C/(|S|G0) whole table': q.costRatio,
    'first region break (updates)': q.firstRegionBreakUpdates ?? 'never',
  })));
}

/** Beyond the paper: where SQL Server's and PostgreSQL's counts disagree with the I/O cost. */
export function reorgFragmentationTable(r: PaperBMonitorResult): ColumnTable {
  const fd = r.fragmentation;
  const x = r.params.x;
  return quantities([
    ['leaves', fd.leaves],
    ['SQL Server out-of-order leaves', fd.sqlServerOutOfOrder],
    [`… of which the jump is cheap (G < ${x}·G0, within read-ahead)`, fd.sqlServerOutOfOrderCheap],
    ['PostgreSQL fragments (link to a lower block)', fd.postgresBackward],
    [`forward jumps PostgreSQL ignores though G ≥ ${x}·G0`, fd.forwardExpensiveIgnoredByPostgres],
  ]);
}

/** Beyond the paper: "reorganize T" (eq. 4) of the most deteriorated region. */
export function reorgReorganizeTable(r: PaperBMonitorResult): ColumnTable {
  const ro = r.reorganize;
  if (!ro) return quantities([['reorganize', 'not run (no updates or beyond = false)']]);
  return quantities([
    ['keys', `${ro.fromKey}–${ro.toKey}`],
    ['leaves moved', ro.leaves],
    ['C_R before (ms)', ro.costBeforeMs],
    ['C_R after (ms)', ro.costAfterMs],
    ['max G / G0 inside the range after', ro.maxGAfterOverG0],
    ['eq. (3) holds after', String(ro.slaHoldsAfter)],
    ['|T_min| of the whole table after', ro.tMinLeavesAfter],
  ]);
}

/** reorg-on-sqlite: the layout snapshots (every `snapshotEvery` updates). */
export function sqliteSnapshotTable(r: SqliteReorgResult): ColumnTable {
  return aq.from(r.snapshots.map((s) => ({
    updates: s.updates,
    leaves: s.leafCount,
    pages: s.pageCount,
    'C_R (ms, modeled)': s.cRMs,
    'C_R/(|S|G0)': s.cROverSG0,
    '|T_min|': s.tMinCount,
    'PG leaf frag %': s.pgLeafFragmentationPct,
    'SQL Server frag %': s.sqlServerFragmentationPct,
    fragments: s.fragmentCount,
  })));
}

/** reorg-on-sqlite: per key region (tenths of the leaf sequence for your own file). */
export function sqliteRegionTable(r: SqliteReorgResult): ColumnTable {
  return aq.from(r.regions.map((g) => ({
    region: g.region,
    keys: `${g.fromKey}–${g.toKey}`,
    'update probability': g.weight,
    'updates/row': g.meanUpdatesPerRow,
    leaves: g.leaves,
    'mean G/G0': g.meanGOverG0,
    'leaves in T_min': g.tMinLeaves,
  })));
}

/** Fig. 8's inputs and result per phase and buffer pool. */
export function snifferOverheadTable(r: PaperBOverheadResult): ColumnTable {
  return aq.from(r.rows.map((q) => ({
    phase: q.phase,
    'buffer pool': bufferPoolLabel(q.bufferPoolBytes),
    'pool pages (scaled)': q.bufferPoolPages,
    'row ops': q.rowOps,
    events: q.events,
    'ns/event (measured)': q.nsPerEvent,
    'sniffer+monitor ms (measured)': q.snifferMs,
    'MySQL CPU ms (sourced)': q.dbmsCpuMs,
    'I/O ms (modeled)': q.ioMs,
    misses: q.misses,
    'dirty evictions': q.dirtyEvictions,
    'in-process overhead % (measured CPU)': q.overheadPct,
    'IPC hand-offs ms (measured per event)': q.ipcMs,
    'shared-memory overhead % (modeled)': q.ipcOverheadPct,
  })));
}

/** The replays' timings (ns per event, each replay) and our tree's own CPU per row operation. */
export function snifferTimingTable(r: PaperBOverheadResult): ColumnTable {
  return aq.from([
    { phase: 'load', 'ns per event, each replay': r.replayNsPerEvent.load.map((v) => v.toFixed(0)).join(', ') },
    { phase: 'update', 'ns per event, each replay': r.replayNsPerEvent.update.map((v) => v.toFixed(0)).join(', ') },
    { phase: 'our tree, ns per row op (not MySQL)', 'ns per event, each replay': `${r.treeNsPerRowOp.load.toFixed(0)} (load), ${r.treeNsPerRowOp.update.toFixed(0)} (update)` },
  ]);
}
