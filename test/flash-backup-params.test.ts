// The flash-backup notebook at the edges of its parameters (the parameters convention: one run
// with every parameter at its lower edge, one at its upper edge, one combination that matters,
// and a value outside a range failing in the first cell that uses it with a ParameterError that
// names the notebook's parameter). The ranges are read from the notebook's own parameters cell,
// so the test follows the notebook. Each run is the real runner on the real tslab kernel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runReproduce } from './support/run-reproduce.js';

type Value = number | string | number[];
interface Param {
  name: string;
  value: Value;
  lo: Value;
  hi: Value;
}

/** Every `const x = v; // unit; range [lo, hi]; …` or `// unit; one of [a, b]; …` of the parameters cell. */
function parameters(): Param[] {
  const nb = JSON.parse(readFileSync(join(REPO, 'notebooks', 'flash-backup.ipynb'), 'utf8'));
  const cell = nb.cells.find((c: { metadata?: { tags?: string[] } }) => c.metadata?.tags?.includes('parameters'));
  const src: string = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
  const out: Param[] = [];
  for (const line of src.split('\n').filter((l) => l.startsWith('const '))) {
    const m = /^const (\w+) = (.+?); \/\/ [^;]+; (range|one of) \[([^\]]+)\];/.exec(line);
    assert.ok(m, `parameter line without a unit and range: ${line}`);
    const [, name, raw, kind, spec] = m;
    const value = JSON.parse(raw.replace(/'/g, '"')) as Value;
    const items = spec.split(',').map((s) => s.trim());
    if (kind === 'one of') {
      assert.ok(items.includes(String(value)), `${name}: default ${value} is one of its values`);
      out.push({ name, value, lo: items[0], hi: items[items.length - 1] });
    } else {
      const [lo, hi] = items.map(Number);
      out.push({ name, value, lo: Array.isArray(value) ? [lo] : lo, hi: Array.isArray(value) ? [hi] : hi });
    }
  }
  return out;
}

const PARAMS = parameters();
const arg = (name: string, v: Value) => ['--param', `${name}=${typeof v === 'string' ? v : JSON.stringify(v)}`];

/** Runs the notebook with the overrides; returns the runner's output and the executed cells' stderr. */
function run(overrides: Record<string, Value>) {
  const out = mkdtempSync(join(tmpdir(), 'flash-backup-params-'));
  const r = runReproduce(['--notebook', 'flash-backup', '--no-export', '--out', out, ...Object.entries(overrides).flatMap(([k, v]) => arg(k, v))], 5 * 60 * 1000);
  let stderrCells: string[] = [];
  let executedCells = 0;
  try {
    const nb = JSON.parse(readFileSync(join(out, 'notebooks', 'flash-backup.ipynb'), 'utf8'));
    executedCells = nb.cells.filter((c: { cell_type: string; outputs?: unknown[] }) => c.cell_type === 'code' && (c.outputs ?? []).length > 0).length;
    stderrCells = nb.cells.flatMap((c: { outputs?: { name?: string; text?: string[] | string }[] }) =>
      (c.outputs ?? []).filter((o) => o.name === 'stderr').map((o) => (Array.isArray(o.text) ? o.text.join('') : String(o.text))),
    );
  } catch {
    // no executed notebook: the run failed before any cell
  }
  return { ...r, stderrCells, executedCells };
}

function assertRanToTheEnd(r: ReturnType<typeof run>, what: string): void {
  // "ok" or "CHECKS FAILED" (a check may miss away from the paper's configuration); never "FAILED" (a cell threw)
  assert.match(r.stdout, /flash-backup \.\.\. (ok|CHECKS FAILED) \(/, `${what}: a cell failed\n${r.stdout}\n${r.stderr}`);
  assert.deepEqual(r.stderrCells, [], `${what}: no cell wrote to stderr`);
  assert.ok(r.executedCells >= 12, `${what}: the code cells ran (${r.executedCells} with output)`);
}

test('the parameters cell states a unit and a range for every parameter', () => {
  assert.deepEqual(PARAMS.map((p) => p.name).sort(), ['flashProfile', 'hardwareTps', 'logDevice', 'maxIntervalMin', 'mtbfH', 'pageBytes', 'seed', 'tps']);
});

test('runs to the end with every parameter at its lower edge', () => {
  assertRanToTheEnd(run(Object.fromEntries(PARAMS.map((p) => [p.name, p.lo]))), 'lower edges');
});

test('runs to the end with every parameter at its upper edge', () => {
  assertRanToTheEnd(run(Object.fromEntries(PARAMS.map((p) => [p.name, p.hi]))), 'upper edges');
});

test('runs with the most load on the least hardware and a sweep shorter than the 30-min reference (was: f3[29] crashed at maxIntervalMin = 20)', () => {
  const hi = (n: string) => PARAMS.find((p) => p.name === n)!.hi;
  const lo = (n: string) => PARAMS.find((p) => p.name === n)!.lo;
  assertRanToTheEnd(run({ tps: hi('tps'), hardwareTps: lo('hardwareTps'), maxIntervalMin: 20 }), 'tps high, hardwareTps low, maxIntervalMin 20');
});

test('a value outside its range fails in the first cell that uses it, naming the notebook parameter, value, unit and range', () => {
  const tps = PARAMS.find((p) => p.name === 'tps')!;
  const r = run({ tps: (tps.lo as number) - 1, maxIntervalMin: 20 });
  assert.match(r.stdout, /flash-backup \.\.\. FAILED/);
  assert.match(r.stderr, new RegExp(`tps = ${(tps.lo as number) - 1} is out of range: must be an integer ≥ ${tps.lo} tps and ≤ ${tps.hi} tps`));
  // the first code cell after the parameters (and the injected) cell
  assert.match(r.stderr, /cell 3\b/);
});
