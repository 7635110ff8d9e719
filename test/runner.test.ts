// The headless runner on small fixture notebooks, through the real tslab kernel and nbclient.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runReproduce } from './support/run-reproduce.js';

const FIXTURES = join(REPO, 'test', 'fixtures', 'notebooks');

test('a failing cell makes the runner exit non-zero and print the notebook, the cell and its error text', () => {
  const out = mkdtempSync(join(tmpdir(), 'repro-fail-'));
  const r = runReproduce(['--notebooks-dir', FIXTURES, '--notebook', 'fixture-fail', '--out', out]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /notebook fixture-fail, cell 3/);
  assert.match(r.stderr, /Error: deliberate failure in cell three: n was 1/);
  assert.doesNotMatch(r.stderr, /tslab[\\/]dist/, 'kernel-internal frames are dropped');
  const report = readFileSync(join(out, 'REPORT.md'), 'utf8');
  assert.match(report, /fixture-fail \| \*\*failed\*\* at cell 3/);
});

test('parameters are injected after the parameters cell; checks, figures, HTML and results are written', () => {
  const out = mkdtempSync(join(tmpdir(), 'repro-ok-'));
  const r = runReproduce(['--notebooks-dir', FIXTURES, '--notebook', 'fixture-ok', '--out', out, '--param', 'slope=2']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\[1\/1\] fixture-ok \.\.\. ok .*1\/1 checks pass, 1 figures/);
  const nb = JSON.parse(readFileSync(join(out, 'notebooks', 'fixture-ok.ipynb'), 'utf8'));
  const tags = nb.cells.map((c: { metadata: { tags?: string[] } }) => c.metadata.tags?.[0] ?? '');
  assert.deepEqual(tags.slice(1, 3), ['parameters', 'injected-parameters']);
  const fig = nb.cells[3].outputs.find((o: { data?: object }) => o.data && 'application/vnd.plotly.v1+json' in o.data);
  assert.deepEqual(Object.keys(fig.data).sort(), ['application/vnd.plotly.v1+json', 'image/png', 'text/html', 'text/plain']);
  assert.equal(typeof fig.data['application/vnd.plotly.v1+json'], 'object', 'plotly JSON is an object, not a string');
  assert.ok(fig.data['application/vnd.plotly.v1+json'].layout, 'with a layout');
  const results = JSON.parse(readFileSync(join(out, 'results', 'fixture-ok.json'), 'utf8'));
  assert.equal(results.notebook, 'fixture-ok');
  assert.ok(results.elapsedSeconds > 0);
  assert.deepEqual(results.checks, [{ id: 'F1', claim: 'slope is 2', paper: 2, ours: 2, tolerance: '±1 %', kind: 'predicted', pass: true }]);
  for (const ext of ['svg', 'png', 'pdf', 'csv']) assert.ok(existsSync(join(out, 'figures', 'fixture-ok', `line.${ext}`)), ext);
  assert.ok(existsSync(join(out, 'html', 'fixture-ok.html')));
  assert.match(readFileSync(join(out, 'REPORT.md'), 'utf8'), /\| fixture-ok \| F1 \| slope is 2 \| 2 \| 2 \| ±1 % \| predicted \| pass \|/);
});

test('an overridden parameter changes the result, and a failed check fails the run', () => {
  const out = mkdtempSync(join(tmpdir(), 'repro-param-'));
  const r = runReproduce(['--notebooks-dir', FIXTURES, '--notebook', 'fixture-ok', '--out', out, '--no-export', 'slope=3']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /✗ F1: slope is 2: paper 2, ours 3/);
});

test('an unknown parameter or notebook is a clear error before anything runs', () => {
  const r = runReproduce(['--notebooks-dir', FIXTURES, '--notebook', 'fixture-ok', 'slop=3']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown parameter "slop"; declared parameters are fixture-ok: slope/);
  const r2 = runReproduce(['--notebooks-dir', FIXTURES, '--notebook', 'nope']);
  assert.equal(r2.status, 2);
  assert.match(r2.stderr, /no notebook "nope" .* available: fixture-data-a, fixture-data-b, fixture-fail, fixture-ok/);
});
