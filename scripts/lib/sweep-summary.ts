/**
 * What a sweep writes from its points' results: one CSV row per point (parameters, every check
 * value and verdict, whether the point ran, was cached, and its time), a summary of how each check
 * value depends on each parameter (Spearman's rank correlation over all points, the mean at each
 * level of the parameter over the other parameters, the range), and the data of a figure per check
 * value and parameter.
 */
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as SimpleStatistics from 'simple-statistics';
import type { ParamValue } from './parameters.js';
import type { GridAxis } from './grid.js';

// simple-statistics is ESM-only and this script is CommonJS: Node ≥ 20.19 loads it through require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mean, sampleRankCorrelation }: typeof SimpleStatistics = require('simple-statistics');

export interface PointResult {
  label: string;
  params: Record<string, ParamValue>;
  ok: boolean;
  cached: boolean;
  elapsedSeconds: number | null;
  checks: { id: string; ours: number | string; pass: boolean; paper: number | string; unit?: string }[];
}

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Check ids in order of first appearance over the points. */
export function checkIds(points: readonly PointResult[]): string[] {
  const ids: string[] = [];
  for (const p of points) for (const c of p.checks) if (!ids.includes(c.id)) ids.push(c.id);
  return ids;
}

export const TIMING_COLUMNS = ['cached', 'elapsedSeconds'];

export function sweepCsv(axes: readonly GridAxis[], points: readonly PointResult[]): string {
  const ids = checkIds(points);
  const header = ['point', ...axes.map((a) => a.name), ...ids.flatMap((id) => [`${id}.ours`, `${id}.pass`]), 'ok', ...TIMING_COLUMNS];
  const rows = points.map((p) => {
    const byId = new Map(p.checks.map((c) => [c.id, c]));
    return [
      p.label,
      ...axes.map((a) => p.params[a.name]),
      ...ids.flatMap((id) => [byId.get(id)?.ours, byId.get(id)?.pass]),
      p.ok,
      p.cached,
      p.elapsedSeconds,
    ].map(csvCell).join(',');
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}

export interface Dependence {
  check: string;
  parameter: string;
  unit: string;
  /** Spearman's rank correlation of the check value with the parameter over all points (null: not numeric or constant). */
  spearman: number | null;
  levels: { value: ParamValue; mean: number; n: number }[];
  min: number;
  max: number;
  passes: number;
  points: number;
}

function key(v: ParamValue): string {
  return JSON.stringify(v);
}

/** How each numeric check value depends on each swept parameter with two levels or more. */
export function dependences(axes: readonly GridAxis[], points: readonly PointResult[]): Dependence[] {
  const out: Dependence[] = [];
  for (const id of checkIds(points)) {
    const rows = points
      .filter((p) => p.ok)
      .map((p) => ({ p, c: p.checks.find((c) => c.id === id) }))
      .filter((r): r is { p: PointResult; c: PointResult['checks'][number] } => typeof r.c?.ours === 'number' && Number.isFinite(r.c.ours));
    if (!rows.length) continue;
    const ys = rows.map((r) => r.c.ours as number);
    for (const axis of axes) {
      if (axis.values.length < 2) continue;
      const levels = axis.values.map((value) => {
        const at = rows.filter((r) => key(r.p.params[axis.name]) === key(value)).map((r) => r.c.ours as number);
        return { value, mean: at.length ? mean(at) : NaN, n: at.length };
      });
      const xs = rows.map((r) => r.p.params[axis.name]);
      const numeric = xs.every((x) => typeof x === 'number');
      const varies = new Set(ys).size > 1 && new Set(xs.map(key)).size > 1;
      out.push({
        check: id,
        parameter: axis.name,
        unit: rows[0].c.unit ?? '',
        spearman: numeric && varies && rows.length >= 2 ? sampleRankCorrelation(xs as number[], ys) : null,
        levels,
        min: Math.min(...ys),
        max: Math.max(...ys),
        passes: rows.filter((r) => r.c.pass).length,
        points: rows.length,
      });
    }
  }
  return out;
}

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : '–');

export function summaryMarkdown(notebook: string, grid: string, points: readonly PointResult[], deps: readonly Dependence[]): string {
  const failed = points.filter((p) => !p.ok);
  const lines = [
    `# Sweep of ${notebook}`,
    '',
    `Grid \`${grid}\`: ${points.length} points, ${points.length - failed.length} ran (${points.filter((p) => p.cached).length} cached). ` +
      'All values are modeled or simulated. ρ is Spearman\'s rank correlation of the check value with the parameter over all points; ' +
      'the means per level average over the other parameters.',
    '',
    '| check | parameter | ρ | mean per level | min | max | passes |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const d of deps) {
    const per = d.levels.map((l) => `${typeof l.value === 'string' ? l.value : JSON.stringify(l.value)}: ${fmt(l.mean)}`).join('; ');
    const unit = d.unit ? ` ${d.unit}` : '';
    lines.push(`| ${d.check} | ${d.parameter} | ${d.spearman === null ? 'constant or not numeric' : d.spearman.toFixed(3)} | ${per} | ${fmt(d.min)}${unit} | ${fmt(d.max)}${unit} | ${d.passes}/${d.points} |`);
  }
  if (failed.length) {
    lines.push('', '## Points that did not run', '');
    for (const p of failed) lines.push(`- \`${p.label}\``);
  }
  return lines.join('\n') + '\n';
}

/** Plotly data of one check value against one parameter: every point, the mean per level, the paper's value. */
export function dependenceTraces(d: Dependence, axes: readonly GridAxis[], points: readonly PointResult[]): Record<string, unknown>[] {
  const rows = points.filter((p) => p.ok).map((p) => ({ x: p.params[d.parameter], c: p.checks.find((c) => c.id === d.check) })).filter((r) => typeof r.c?.ours === 'number');
  const others = axes.filter((a) => a.name !== d.parameter && a.values.length > 1).map((a) => a.name);
  // Drawn first to last: the paper's value under the mean, under the points, so none hides another.
  const traces: Record<string, unknown>[] = [];
  const paper = rows.find((r) => typeof r.c!.paper === 'number')?.c!.paper;
  if (typeof paper === 'number') {
    const xs = d.levels.map((l) => l.value);
    traces.push({ type: 'scatter', mode: 'lines', name: 'paper', x: [xs[0], xs[xs.length - 1]], y: [paper, paper], line: { dash: 'dash', color: '#c00' } });
  }
  if (others.length) {
    traces.push({ type: 'scatter', mode: 'lines+markers', name: `mean over ${others.join(', ')}`, x: d.levels.map((l) => l.value), y: d.levels.map((l) => l.mean), line: { color: '#000' } });
  }
  traces.push({ type: 'scatter', mode: 'markers', name: 'each point', x: rows.map((r) => r.x), y: rows.map((r) => r.c!.ours), marker: { color: '#666', size: 6 } });
  return traces;
}
