/**
 * Parameter validation shared by every public model.
 *
 * Every error names the parameter, the value received, its unit and the valid range, e.g.
 *   `rpm = -5 rpm is out of range: must be > 0 rpm`.
 * Models call these helpers in their constructors / entry functions; they never return a
 * corrected value, they throw.
 */

/** Error thrown for an invalid model parameter. `param`, `value`, `unit`, `range` are machine-readable. */
export class ParameterError extends RangeError {
  readonly param: string;
  readonly value: unknown;
  readonly unit: string;
  readonly range: string;
  constructor(param: string, value: unknown, unit: string, range: string, detail?: string) {
    const unitText = unit ? ` ${unit}` : '';
    super(
      `${param} = ${formatValue(value)}${unitText} is out of range: must be ${range}` +
        (detail ? ` (${detail})` : ''),
    );
    this.name = 'ParameterError';
    this.param = param;
    this.value = value;
    this.unit = unit;
    this.range = range;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function withUnit(x: number, unit: string): string {
  return unit ? `${x} ${unit}` : String(x);
}

/** A finite number (not NaN, not ±Infinity). */
export function requireFinite(param: string, value: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParameterError(param, value, unit, 'a finite number');
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(param: string, value: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ParameterError(param, value, unit, `> ${withUnit(0, unit)} (finite)`);
  }
  return value;
}

/** A finite number ≥ 0. */
export function requireNonNegative(param: string, value: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ParameterError(param, value, unit, `≥ ${withUnit(0, unit)} (finite)`);
  }
  return value;
}

/** An integer in [min, max] (inclusive); `max` defaults to Number.MAX_SAFE_INTEGER. */
export function requireInteger(
  param: string,
  value: number,
  unit = '',
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const upper = max === Number.MAX_SAFE_INTEGER ? '' : ` and ≤ ${withUnit(max, unit)}`;
    throw new ParameterError(param, value, unit, `an integer ≥ ${withUnit(min, unit)}${upper}`);
  }
  return value;
}

/** A finite number in a range; `lowOpen` / `highOpen` make the bound exclusive. */
export function requireInRange(
  param: string,
  value: number,
  unit: string,
  low: number,
  high: number,
  opts: { lowOpen?: boolean; highOpen?: boolean } = {},
): number {
  const belowLow = opts.lowOpen ? value <= low : value < low;
  const aboveHigh = opts.highOpen ? value >= high : value > high;
  if (typeof value !== 'number' || !Number.isFinite(value) || belowLow || aboveHigh) {
    const lo = opts.lowOpen ? '(' : '[';
    const hi = opts.highOpen ? ')' : ']';
    throw new ParameterError(param, value, unit, `in ${lo}${low}, ${high}${hi}${unit ? ' ' + unit : ''}`);
  }
  return value;
}

/** One of a fixed set of names (profiles, configurations...). */
export function requireOneOf<T extends string>(param: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ParameterError(param, value, '', `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}

/** `low < high` for a half-open range [low, high). */
export function requireRange(param: string, low: number, high: number, unit = ''): void {
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw new ParameterError(param, [low, high], unit, `a non-empty range [low, high) with low < high`);
  }
}
