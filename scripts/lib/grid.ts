/**
 * A sweep's grid: `"tps=500,1000,2000 seed=1..10"` — space-separated parameters, each a comma
 * list of values and/or integer ranges `a..b` (inclusive; `a..b..step` with a step). Values parse
 * as on the command line (numbers, true/false, JSON, else strings). The points are the cartesian
 * product, the first parameter varying slowest.
 */
import { createHash } from 'node:crypto';
import { parseParam, type ParamValue } from './parameters.js';

export interface GridAxis {
  name: string;
  values: ParamValue[];
}

function expandRange(name: string, item: string): string[] {
  const m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(\d+))?$/.exec(item.trim());
  if (!m) return [item];
  const [lo, hi, step] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  if (step < 1) throw new Error(`grid: ${name}=${item}: the step must be a positive integer`);
  if (hi < lo) throw new Error(`grid: ${name}=${item}: the range is empty (${hi} < ${lo})`);
  const out: string[] = [];
  for (let v = lo; v <= hi; v += step) out.push(String(v));
  if (out.length > 100_000) throw new Error(`grid: ${name}=${item} has more than 100000 values`);
  return out;
}

export function parseGrid(text: string): GridAxis[] {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) throw new Error('grid: empty; give e.g. GRID="tps=500,1000 seed=1..3"');
  const axes: GridAxis[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`grid: "${part}" is not of the form name=v1,v2 or name=a..b`);
    const name = part.slice(0, eq);
    if (axes.some((a) => a.name === name)) throw new Error(`grid: parameter "${name}" is given twice`);
    const raw = part.slice(eq + 1);
    const items = raw.startsWith('[') || raw.startsWith('{') ? [raw] : raw.split(',');
    if (items.some((i) => i === '')) throw new Error(`grid: ${part} has an empty value`);
    const values = items.flatMap((i) => expandRange(name, i)).map((v) => parseParam(`${name}=${v}`)[1]);
    axes.push({ name, values });
  }
  return axes;
}

export function gridPoints(axes: readonly GridAxis[]): Record<string, ParamValue>[] {
  let points: Record<string, ParamValue>[] = [{}];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.name]: v })));
  return points;
}

/** A folder name for a point: `tps=500,seed=1` (plus a hash when a value had to be escaped). */
export function pointLabel(params: Record<string, ParamValue>): string {
  const plain = Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(',');
  const safe = plain.replace(/[^A-Za-z0-9._=,+-]/g, '_');
  if (safe === plain && safe.length <= 200) return safe;
  return `${safe.slice(0, 180)}~${createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 10)}`;
}
