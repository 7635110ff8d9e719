/**
 * Parameter validation shared by every public model.
 *
 * Every error names the parameter, the value received, its unit and the valid range, e.g.
 *   `rpm = -5 rpm is out of range: must be > 0 rpm`.
 * Models call these helpers in their constructors / entry functions; they never return a
 * corrected value, they throw.
 */

/**
 * The message of a ParameterError: `${param} = ${value} ${unit} is out of range: must be ${range}`.
 * The unit is left out after the value when it only repeats the parameter's name
 * (`tps = -5 is out of range: must be > 0 tps`, not `tps = -5 tps`): the range still states it.
 */
export function parameterMessage(param: string, value: unknown, unit: string, range: string, detail?: string): string {
  const leaf = param.split('.').pop() ?? param;
  const repeatsName = unit !== '' && unit.toLowerCase() === leaf.toLowerCase();
  const unitText = unit && !repeatsName ? ` ${unit}` : '';
  return `${param} = ${formatValue(value)}${unitText} is out of range: must be ${range}` + (detail ? ` (${detail})` : '');
}

const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');

/** True inside a tslab kernel (it sets `globalThis.__tslab__` before running any cell). */
function inTslabKernel(): boolean {
  return typeof (globalThis as { __tslab__?: unknown }).__tslab__ === 'object';
}

/** Error thrown for an invalid model parameter. `param`, `value`, `unit`, `range` are machine-readable. */
export class ParameterError extends RangeError {
  declare readonly param: string;
  declare readonly value: unknown;
  declare readonly unit: string;
  declare readonly range: string;
  constructor(param: string, value: unknown, unit: string, range: string, detail?: string) {
    super(parameterMessage(param, value, unit, range, detail));
    this.name = 'ParameterError';
    // Not enumerable, so that printing the error never dumps them as an object.
    for (const [k, v] of [['param', param], ['value', value], ['unit', unit], ['range', range]] as const) {
      Object.defineProperty(this, k, { value: v, enumerable: false, writable: false, configurable: true });
    }
  }

  /**
   * How `console.error(err)` / `util.inspect(err)` print it. In a notebook (tslab prints a
   * cell's exception with console.error) the user sees the message alone: no library source
   * line with a caret, no stack of library frames, no property dump. Elsewhere (scripts, tests)
   * the stack follows the message; KERNEL_LIB_STACK=1 shows it in a notebook too.
   */
  [INSPECT_CUSTOM](): string {
    const head = `${this.name}: ${this.message}`;
    if (inTslabKernel() && process.env.KERNEL_LIB_STACK !== '1') return head;
    const frames = (this.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    return [head, ...frames].join('\n');
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
