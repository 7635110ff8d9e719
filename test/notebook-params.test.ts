// Every notebook runs to the end at the edges of its parameters (issue 16 item 4).
// The parameters cell states each parameter's unit and valid range in a trailing comment
// (the shared convention):
//   const tps = 1000; // tps; range [100, 20000]; what it does and what it scales
//   const profile = 'hdd-2005'; // profile name; one of ['hdd-2005', 'hdd-2015']; ...
// (`range` applies to each element of an array; `one of` puts a one-element array at its edges.)
// Each notebook runs twice through the real runner with `--no-export`: every parameter at its
// lower edge, then every parameter at its upper edge. A parameter without the annotation fails
// the notebook's test with a message naming it. NOTEBOOK_PARAMS=name,name limits the notebooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runReproduce } from './support/run-reproduce.js';

type Scalar = number | string | boolean;
type Value = Scalar | Scalar[];

export interface AnnotatedParameter {
  name: string;
  value: Value;
  lower: Value;
  upper: Value;
}

/** One `one of [...]` item: a quoted string, a number, true/false, else a bare word. */
function parseItem(raw: string): Scalar {
  const s = raw.trim();
  const quoted = /^(['"])(.*)\1$/.exec(s);
  if (quoted) return quoted[2];
  if (s === 'true' || s === 'false') return s === 'true';
  if (s !== '' && Number.isFinite(Number(s))) return Number(s);
  return s;
}

/** The current value of a parameter: a JSON-like literal (numbers, strings, booleans, flat arrays). */
function parseValue(raw: string): Value {
  const s = raw.trim();
  if (s.startsWith('[')) {
    const inner = s.replace(/^\[|\]$/g, '').trim();
    return inner ? inner.split(',').map(parseItem) : [];
  }
  return parseItem(s);
}

/** Parses a parameters cell; throws naming every parameter that lacks the annotation. */
export function annotatedParameters(source: string, notebook: string): AnnotatedParameter[] {
  const out: AnnotatedParameter[] = [];
  const missing: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(.*?);\s*(?:\/\/(.*))?$/.exec(line);
    if (!m) continue;
    const [, name, rawValue, comment = ''] = m;
    const range = /\brange\s*\[\s*([^,\]]+),\s*([^\]]+)\]/.exec(comment);
    const oneOf = /\bone of\s*\[([^\]]*)\]/.exec(comment);
    const value = parseValue(rawValue);
    const fill = (edge: Scalar): Value => (Array.isArray(value) ? value.map(() => edge) : edge);
    if (range && Number.isFinite(Number(range[1])) && Number.isFinite(Number(range[2]))) {
      out.push({ name, value, lower: fill(Number(range[1])), upper: fill(Number(range[2])) });
    } else if (oneOf && oneOf[1].trim()) {
      const items = oneOf[1].split(',').map(parseItem);
      const edge = (v: Scalar): Value => (Array.isArray(value) ? [v] : v);
      out.push({ name, value, lower: edge(items[0]), upper: edge(items[items.length - 1]) });
    } else {
      missing.push(name);
    }
  }
  if (missing.length) {
    throw new Error(
      `${notebook}: parameter${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} ` +
        `lack${missing.length > 1 ? '' : 's'} a valid range in the trailing comment ` +
        '(`// unit; range [lo, hi]; ...` or `// unit; one of [a, b]; ...`)',
    );
  }
  return out;
}

/** `--param name=value` as the runner parses it (strings bare, arrays as JSON). */
function paramArg(name: string, v: Value): string {
  return `${name}=${Array.isArray(v) ? JSON.stringify(v) : String(v)}`;
}

test('the annotation parser: ranges, one of, arrays, and a missing annotation named', () => {
  const ps = annotatedParameters(
    [
      "const tps = 1000; // tps; range [100, 20000]; load",
      "const name = 'a'; // profile; one of ['a', \"b\", c]; which",
      'const xs = [1, 2, 3]; // h; range [0.5, 10]; each element',
      "const ps = ['a', 'b']; // profiles; one of ['a', 'b', 'z']; several",
      'const on = true; // flag; one of [true, false]; switch',
    ].join('\n'),
    'demo',
  );
  assert.deepEqual(ps, [
    { name: 'tps', value: 1000, lower: 100, upper: 20000 },
    { name: 'name', value: 'a', lower: 'a', upper: 'c' },
    { name: 'xs', value: [1, 2, 3], lower: [0.5, 0.5, 0.5], upper: [10, 10, 10] },
    { name: 'ps', value: ['a', 'b'], lower: ['a'], upper: ['z'] },
    { name: 'on', value: true, lower: true, upper: false },
  ]);
  assert.throws(
    () => annotatedParameters('const tps = 1000; // tps; range [100, 20000]\nconst seed = 1; // seed of the run\nconst k = 2;', 'demo'),
    /demo: parameters "seed", "k" lack a valid range/,
  );
  assert.equal(paramArg('xs', [1, 2]), 'xs=[1,2]');
  assert.equal(paramArg('name', 'hdd-2005'), 'name=hdd-2005');
});

const NOTEBOOKS_DIR = join(REPO, 'notebooks');
const only = process.env.NOTEBOOK_PARAMS?.split(',').filter(Boolean);
const notebooks = readdirSync(NOTEBOOKS_DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .map((f) => f.replace(/\.ipynb$/, ''))
  .filter((n) => !only || only.includes(n))
  .sort();

function parametersSource(name: string): string {
  const nb = JSON.parse(readFileSync(join(NOTEBOOKS_DIR, `${name}.ipynb`), 'utf8')) as { cells: { metadata?: { tags?: string[] }; source: string | string[] }[] };
  const cell = nb.cells.find((c) => c.metadata?.tags?.includes('parameters'));
  if (!cell) throw new Error(`${name}: no cell tagged "parameters"`);
  return [cell.source].flat().join('');
}

for (const name of notebooks) {
  test(`${name} runs to the end with every parameter at its lower edge, then at its upper edge`, { timeout: 10 * 60_000 }, () => {
    const params = annotatedParameters(parametersSource(name), name);
    for (const edge of ['lower', 'upper'] as const) {
      const changed = params.filter((p) => JSON.stringify(p[edge]) !== JSON.stringify(p.value));
      if (changed.length === 0) continue; // the defaults already ran in notebooks.test.ts
      const out = mkdtempSync(join(tmpdir(), `params-${name}-${edge}-`));
      try {
        const args = ['--notebook', name, '--no-export', '--out', out, ...changed.flatMap((p) => ['--param', paramArg(p.name, p[edge])])];
        const r = runReproduce(args, 5 * 60_000);
        const shown = changed.map((p) => paramArg(p.name, p[edge])).join(' ');
        const log = `${r.stdout}\n${r.stderr}`;
        // A check may fail at an edge (the paper's number is for the defaults); a cell may not.
        assert.match(r.stdout, new RegExp(`\\] ${name} \\.\\.\\. (ok|CHECKS FAILED) `), `${name} at the ${edge} edges (${shown}) did not run to the end:\n${log}`);
        assert.ok(r.status === 0 || r.status === 1, `${name} at the ${edge} edges (${shown}): runner status ${r.status}\n${log}`);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  });
}
