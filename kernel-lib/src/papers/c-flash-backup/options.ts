/**
 * Boundary validation of paper C's public functions, in the user's terms: every error names the
 * option as the caller spelled it (`backupUnits`, `intervalsMin[0]`), its unit and its range.
 * Built on core/validate.ts; what is here is what it lacks (option records, arrays).
 */
import { ParameterError, requireFinite, requireInRange, requireInteger } from '../../core/validate.js';

/** Rejects an option record that is not an object or has a key the function does not know (a typo would be ignored otherwise). */
export function requireKnownOptions(fn: string, opts: unknown, known: readonly string[]): void {
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new ParameterError(`${fn} options`, opts, '', 'an object of options');
  }
  for (const [k, v] of Object.entries(opts)) {
    if (!known.includes(k)) throw new ParameterError(k, v, '', `an option of ${fn}: one of ${known.join(', ')}`, 'unknown option');
  }
}

/**
 * A non-empty array whose every element passes `each(name, value)`, called with the element's
 * name as `param[i]`. An empty or missing array says so.
 */
export function requireNonEmptyArray<T>(param: string, value: readonly T[], unit: string, what: string, each: (name: string, v: T) => void): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ParameterError(param, value, unit, `a non-empty array of ${what}`);
  }
  value.forEach((v, i) => each(`${param}[${i}]`, v));
  return value;
}

/** Each element a finite number in [low, high] (intervals, MTBFs…). */
export function requireArrayInRange(param: string, value: readonly number[], unit: string, low: number, high: number, opts: { lowOpen?: boolean } = {}): readonly number[] {
  const lo = opts.lowOpen ? '(' : '[';
  return requireNonEmptyArray(param, value, unit, `numbers in ${lo}${low}, ${high}] ${unit}`.trim(), (n, v) => {
    requireFinite(n, v, unit);
    requireInRange(n, v, unit, low, high, opts);
  });
}

/** Each element an integer in [min, max]. */
export function requireIntegerArray(param: string, value: readonly number[], unit: string, min: number, max: number): readonly number[] {
  return requireNonEmptyArray(param, value, unit, `integers in [${min}, ${max}] ${unit}`.trim(), (n, v) => requireInteger(n, v, unit, min, max));
}

/** A boolean (not a truthy string or a number). */
export function requireBoolean(param: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ParameterError(param, value, '', 'true or false');
  return value;
}
