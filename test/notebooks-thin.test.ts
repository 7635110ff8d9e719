// Thin notebooks (issue 9): no plotly trace and no check spec is written inside a notebook; figures
// come from the paper's figures.ts and check specs from its checks.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DIR = join(__dirname, '..', 'notebooks');

/** Patterns that betray a trace or a check spec built in a cell. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/type:\s*['"](scatter|scattergl|bar|histogram|box|heatmap)['"]/, 'a plotly trace'],
  [/\bmode:\s*['"](lines|markers)/, 'a plotly trace'],
  [/\btolerance:\s*/, 'a check spec'],
  [/\b(rel|abs|within|atLeast|atMost|below|equal)\s*\(/, 'a check tolerance'],
  [/\bpaperLayout\s*\(/, 'a figure layout'],
];

export function notebookViolations(code: string): string[] {
  return FORBIDDEN.filter(([re]) => re.test(code)).map(([, what]) => what);
}

test('no notebook builds a plotly trace, a layout or a check spec in its cells', () => {
  const nbs = readdirSync(DIR).filter((f) => f.endsWith('.ipynb'));
  assert.ok(nbs.length >= 8);
  for (const f of nbs) {
    const nb = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { cells: Array<{ cell_type: string; source: string | string[] }> };
    nb.cells.forEach((c, i) => {
      if (c.cell_type !== 'code') return;
      const code = Array.isArray(c.source) ? c.source.join('') : c.source;
      assert.deepEqual(notebookViolations(code), [], `${f} cell ${i}`);
    });
  }
});

test('the scan finds a trace and a check spec when a cell has them', () => {
  assert.deepEqual(notebookViolations("const t = { type: 'scatter', x: [1] };"), ['a plotly trace']);
  assert.deepEqual(notebookViolations("checks([{ id: 'C1', tolerance: rel(0.2) }])"), ['a check spec', 'a check tolerance']);
});
