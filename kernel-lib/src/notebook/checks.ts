/**
 * Checks against a paper's stated numbers: the paper's value, ours, a tolerance, the kind
 * (`predicted` or `calibrated`, see ../shared/papers/README.md's calibration rule) and a verdict.
 *
 * `make reproduce` collects the checks from each executed notebook through the MIME type
 * `CHECKS_MIME` (see `showChecks`).
 */
import { ParameterError } from '../core/validate.js';
import { displayBundle } from './display.js';
import { escapeHtml, htmlTable, textTable } from './table.js';

/**
 * `predicted`: an outcome of the model; `calibrated`: the number an unknown was fitted to;
 * `derived`: a quotient or sum of other checked numbers (e.g. a speed-up ratio), shown but not an
 * independent prediction (../shared/papers/README.md, calibration rule).
 */
export type CheckKind = 'predicted' | 'calibrated' | 'derived';

/** How close "ours" must be to "paper". */
export type Tolerance =
  /** |ours − paper| ≤ frac·|paper| */
  | { type: 'relative'; frac: number }
  /** |ours − paper| ≤ value (in the check's unit) */
  | { type: 'absolute'; value: number }
  /** low ≤ ours ≤ high */
  | { type: 'range'; low: number; high: number }
  /** ours ≥ value */
  | { type: 'atLeast'; value: number }
  /** ours ≤ value */
  | { type: 'atMost'; value: number }
  /** ours < value */
  | { type: 'below'; value: number }
  /** ours is true / equal to paper (for qualitative or exact checks) */
  | { type: 'equal' };

export const rel = (frac: number): Tolerance => ({ type: 'relative', frac });
export const abs = (value: number): Tolerance => ({ type: 'absolute', value });
export const within = (low: number, high: number): Tolerance => ({ type: 'range', low, high });
export const atLeast = (value: number): Tolerance => ({ type: 'atLeast', value });
export const atMost = (value: number): Tolerance => ({ type: 'atMost', value });
export const below = (value: number): Tolerance => ({ type: 'below', value });
export const equal = (): Tolerance => ({ type: 'equal' });

export interface CheckSpec {
  /** The paper's number id, e.g. "B1" or "C3". */
  id: string;
  /** What is claimed, in a sentence. */
  claim: string;
  /** The paper's value (a number, or text for a qualitative claim). */
  paper: number | string;
  /** Our modeled / simulated value. */
  ours: number | string | boolean;
  tolerance: Tolerance;
  /** Default `predicted`. `calibrated` = this number was used to fit an unknown parameter; `derived` = computed from other checked numbers. */
  kind?: CheckKind;
  /** Unit of paper / ours, e.g. "s" or "%". */
  unit?: string;
  /**
   * Why the model is known not to reproduce this number (the mechanism, not an excuse).
   * The check is still evaluated and shown as FAIL; `make reproduce` reports it as a known
   * deviation instead of failing the run (unless --strict), and says so if it starts passing.
   */
  knownDeviation?: string;
}

/** The machine-readable form written to out/results/<notebook>.json. */
export interface CheckResult {
  id: string;
  claim: string;
  paper: number | string;
  ours: number | string;
  tolerance: string;
  kind: CheckKind;
  pass: boolean;
  unit?: string;
  /** Present when the check is declared a known deviation (see CheckSpec.knownDeviation). */
  knownDeviation?: string;
}

export function describeTolerance(t: Tolerance, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  switch (t.type) {
    case 'relative':
      return `±${round(t.frac * 100)} %`;
    case 'absolute':
      return `±${t.value}${u}`;
    case 'range':
      return `${t.low}–${t.high}${u}`;
    case 'atLeast':
      return `≥ ${t.value}${u}`;
    case 'atMost':
      return `≤ ${t.value}${u}`;
    case 'below':
      return `< ${t.value}${u}`;
    case 'equal':
      return 'equal';
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Evaluates one check. Throws a ParameterError for a malformed spec (e.g. relative tolerance on a string). */
export function check(spec: CheckSpec): CheckResult {
  const t = spec.tolerance;
  const ours = spec.ours;
  let pass: boolean;
  const num = (name: string, v: unknown): number => {
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new ParameterError(`${spec.id}.${name}`, v, spec.unit ?? '', `a number for tolerance "${t.type}"`);
    }
    return v;
  };
  switch (t.type) {
    case 'relative': {
      const p = num('paper', spec.paper);
      pass = Math.abs(num('ours', ours) - p) <= t.frac * Math.abs(p) + 1e-12;
      break;
    }
    case 'absolute':
      pass = Math.abs(num('ours', ours) - num('paper', spec.paper)) <= t.value + 1e-12;
      break;
    case 'range': {
      const o = num('ours', ours);
      pass = o >= t.low && o <= t.high;
      break;
    }
    case 'atLeast':
      pass = num('ours', ours) >= t.value;
      break;
    case 'atMost':
      pass = num('ours', ours) <= t.value;
      break;
    case 'below':
      pass = num('ours', ours) < t.value;
      break;
    case 'equal':
      pass = typeof ours === 'boolean' ? ours : ours === spec.paper;
      break;
  }
  const result: CheckResult = {
    id: spec.id,
    claim: spec.claim,
    paper: spec.paper,
    ours: typeof ours === 'boolean' ? String(ours) : ours,
    tolerance: describeTolerance(t, spec.unit),
    kind: spec.kind ?? 'predicted',
    pass,
  };
  if (spec.unit) result.unit = spec.unit;
  if (spec.knownDeviation) result.knownDeviation = spec.knownDeviation;
  return result;
}

/** Evaluates a list of checks. */
export function checks(specs: readonly CheckSpec[]): CheckResult[] {
  return specs.map(check);
}

/** MIME type of the machine-readable check output that `make reproduce` collects. */
export const CHECKS_MIME = 'application/vnd.kernel-lib.checks+json';

/**
 * Shows the check table (paper, ours, tolerance, kind, verdict) and emits the checks in
 * machine-readable form.
 */
export function showChecks(results: readonly CheckResult[], title = 'Checks against the paper'): void {
  const rows = results.map((r) => ({
    id: r.id,
    claim: r.claim,
    paper: r.unit && typeof r.paper === 'number' ? `${r.paper} ${r.unit}` : r.paper,
    ours: typeof r.ours === 'number' ? `${Number(r.ours.toPrecision(4))}${r.unit ? ' ' + r.unit : ''}` : r.ours,
    tolerance: r.tolerance,
    kind: r.kind,
    verdict: verdictOf(r),
  }));
  const passed = results.filter((r) => r.pass).length;
  const deviations = results.filter((r) => !r.pass && r.knownDeviation).length;
  const derived = results.filter((r) => r.kind === 'derived').length;
  const summary = `${passed}/${results.length} checks pass${deviations ? `, ${deviations} known deviation(s)` : ''} (${results.filter((r) => r.kind === 'calibrated').length} calibrated, ${results.filter((r) => r.kind === 'predicted').length} predicted${derived ? `, ${derived} derived` : ''})`;
  displayBundle({
    'text/html':
      `<p><b>${escapeHtml(title)}</b>: ${escapeHtml(summary)}</p>` +
      htmlTable(rows, undefined, 4, (r) => (r.verdict === 'PASS' ? 'background:#e8f5e9' : 'background:#ffebee')) +
      knownDeviationsHtml(results),
    'text/plain': `${title}: ${summary}\n${textTable(rows)}${knownDeviationsText(results)}`,
    [CHECKS_MIME]: { checks: results },
  });
}

/** PASS, FAIL, or FAIL (known deviation). */
export function verdictOf(r: Pick<CheckResult, 'pass' | 'knownDeviation'>): string {
  if (r.pass) return 'PASS';
  return r.knownDeviation ? 'FAIL (known deviation)' : 'FAIL';
}

function knownDeviationsHtml(results: readonly CheckResult[]): string {
  const ds = results.filter((r) => !r.pass && r.knownDeviation);
  if (!ds.length) return '';
  return `<p><b>Known deviations</b> (the model does not reproduce these numbers):</p><ul>${ds
    .map((r) => `<li><b>${escapeHtml(r.id)}</b>: ${escapeHtml(r.knownDeviation ?? '')}</li>`)
    .join('')}</ul>`;
}

function knownDeviationsText(results: readonly CheckResult[]): string {
  const ds = results.filter((r) => !r.pass && r.knownDeviation);
  if (!ds.length) return '';
  return '\nKnown deviations:\n' + ds.map((r) => `- ${r.id}: ${r.knownDeviation}`).join('\n');
}
