// The runner's parallel and incremental runs, on fixture notebooks through the real kernel:
// a parallel run writes the same bytes as a serial one (where the content is deterministic),
// a rerun with nothing changed reruns nothing, changing one data file reruns exactly the
// notebook that read it, and naming a notebook (or FORCE) reruns it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO, runReproduce } from './support/run-reproduce.js';
import { cacheKey, staticInputs } from '../scripts/lib/cache.js';
import { parseArgs } from '../scripts/reproduce.js';

const FIXTURES = join(REPO, 'test', 'fixtures', 'notebooks');
const NOTEBOOKS = ['fixture-ok', 'fixture-data-a', 'fixture-data-b'];
const root = mkdtempSync(join(tmpdir(), 'repro-cache-'));
const dataDir = join(root, 'data');
const env = { KERNEL_LIB_DATA_DIR: dataDir };
const run = (out: string, extra: string[]) =>
  runReproduce(['--notebooks-dir', FIXTURES, ...NOTEBOOKS.flatMap((n) => ['--notebook', n]), '--use-cache', '--out', out, ...extra], undefined, env);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** What is expected to be the same bytes from run to run: everything but timing and dates. */
function deterministic(dir: string, file: string): string | null {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.pdf')) return null; // Chromium writes the creation date into each PDF
  if (file.startsWith('results/')) {
    const r = JSON.parse(text);
    delete r.elapsedSeconds;
    delete r.timing;
    return JSON.stringify(r, null, 2);
  }
  if (file.startsWith('html/')) return text.replace(/ · generated [^·]+ · ran in [\d.]+ s/, '');
  if (file === 'REPORT.md') return text.replace(/^Generated \S+/m, '').replace(/\| ok \| [\d.]+ \|/g, '| ok | |');
  return text;
}

let serial: string;
let parallel: string;
let serialRun: ReturnType<typeof runReproduce>;
let parallelRun: ReturnType<typeof runReproduce>;

before(() => {
  mkdirSync(join(dataDir, 'fixture'), { recursive: true });
  writeFileSync(join(dataDir, 'fixture', 'a.json'), '{"value": 1}\n');
  writeFileSync(join(dataDir, 'fixture', 'b.json'), '{"value": 2}\n');
  serial = join(root, 'serial');
  parallel = join(root, 'parallel');
  serialRun = run(serial, ['--jobs', '1']);
  parallelRun = run(parallel, ['--jobs', '3']);
});

test('a parallel run writes the same files as a serial one, byte for byte where the content is deterministic', () => {
  assert.equal(serialRun.status, 0, serialRun.stdout + serialRun.stderr);
  assert.equal(parallelRun.status, 0, parallelRun.stdout + parallelRun.stderr);
  assert.match(parallelRun.stdout, /with 3 job\(s\)/);
  for (const r of [serialRun, parallelRun]) {
    const lines = r.stdout.split('\n').filter((l) => /^\[\d\/3\] /.test(l));
    assert.deepEqual(lines.map((l) => l.split(' ')[1]).sort(), [...NOTEBOOKS].sort(), 'one progress line per notebook');
  }
  const names = files(serial);
  assert.deepEqual(files(parallel), names);
  for (const ext of ['ipynb', 'svg', 'png', 'csv', 'json', 'html']) assert.ok(names.some((f) => f.endsWith(`.${ext}`)), ext);
  for (const f of names) {
    const a = deterministic(serial, f);
    if (a === null) continue;
    if (/\.(png)$/.test(f)) assert.ok(readFileSync(join(serial, f)).equals(readFileSync(join(parallel, f))), f);
    else assert.equal(deterministic(parallel, f), a, f);
  }
});

test('the results record the cache key and the data file each notebook read', () => {
  const a = JSON.parse(readFileSync(join(parallel, 'results', 'fixture-data-a.json'), 'utf8'));
  assert.match(a.cache.key, /^[0-9a-f]{64}$/);
  assert.deepEqual(a.cache.inputs.data.map((d: { path: string }) => d.path), [join(dataDir, 'fixture', 'a.json')]);
  assert.equal(a.cache.inputs.kernelLib.path, join('kernel-lib', 'dist'));
  assert.equal(a.cache.inputs.lockfile.path, 'package-lock.json');
  const ok = JSON.parse(readFileSync(join(parallel, 'results', 'fixture-ok.json'), 'utf8'));
  assert.deepEqual(ok.cache.inputs.data, [], 'fixture-ok reads no data file');
});

test('a rerun with nothing changed runs no notebook and REPORT.md marks the results cached', () => {
  const before = readFileSync(join(parallel, 'results', 'fixture-data-b.json'), 'utf8');
  const r = run(parallel, []);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const n of NOTEBOOKS) assert.match(r.stdout, new RegExp(`\\] ${n} \\.\\.\\. ok .*cached`));
  assert.match(r.stdout, /3\/3 notebooks ran \(3 cached\)/);
  const report = readFileSync(join(parallel, 'REPORT.md'), 'utf8');
  assert.match(report, /3 cached: inputs unchanged/);
  assert.match(report, /\| fixture-data-a \| ok \(cached\) \|/);
  assert.equal(readFileSync(join(parallel, 'results', 'fixture-data-b.json'), 'utf8'), before, 'a cached result is left as it was');
});

test('changing one data file reruns exactly the notebook that read it, with the new value', () => {
  writeFileSync(join(dataDir, 'fixture', 'a.json'), '{"value": 5}\n');
  const r = run(parallel, []);
  assert.equal(r.status, 1, 'the check of the changed value fails');
  assert.match(r.stdout, /\] fixture-data-a \.\.\. CHECKS FAILED \(/);
  assert.doesNotMatch(r.stdout, /fixture-data-a .*cached/);
  assert.match(r.stdout, /\] fixture-data-b \.\.\. ok .*cached/);
  assert.match(r.stdout, /\] fixture-ok \.\.\. ok .*cached/);
  const a = JSON.parse(readFileSync(join(parallel, 'results', 'fixture-data-a.json'), 'utf8'));
  assert.equal(a.checks[0].ours, 5);
});

test('FORCE=1 or --force reruns everything; naming a notebook reruns it unless --use-cache', () => {
  const saved = process.env.FORCE;
  try {
    process.env.FORCE = '1';
    assert.equal(parseArgs([]).force, true);
    process.env.FORCE = '';
    assert.equal(parseArgs([]).force, false);
    assert.equal(parseArgs(['--force']).force, true);
    assert.equal(parseArgs(['--notebook', 'x']).force, true);
    assert.equal(parseArgs(['--notebook', 'x', '--use-cache']).force, false);
  } finally {
    process.env.FORCE = saved;
  }
});

test('naming a notebook reruns it', () => {
  const r = runReproduce(['--notebooks-dir', FIXTURES, '--notebook', 'fixture-data-b', '--out', parallel, '--no-export'], undefined, env);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\[1\/1\] fixture-data-b \.\.\. ok \(/);
  assert.doesNotMatch(r.stdout, /cached/);
});

test('the key changes with the notebook, its parameters, the output flags and a data file; not with anything else', () => {
  const nb = join(root, 'nb.ipynb');
  cpSync(join(FIXTURES, 'fixture-ok.ipynb'), nb);
  const base = staticInputs(REPO, nb, { slope: 2 }, { exportFigures: true, png: true });
  const data = [{ path: 'data/x.json', sha256: 'a' }];
  const k = cacheKey(base, data);
  assert.equal(cacheKey(staticInputs(REPO, nb, { slope: 2 }, { png: true, exportFigures: true }), data), k, 'order of keys does not matter');
  assert.notEqual(cacheKey(staticInputs(REPO, nb, { slope: 3 }, { exportFigures: true, png: true }), data), k);
  assert.notEqual(cacheKey(staticInputs(REPO, nb, { slope: 2 }, { exportFigures: false, png: true }), data), k);
  assert.notEqual(cacheKey(base, [{ path: 'data/x.json', sha256: 'b' }]), k);
  assert.notEqual(cacheKey(base, []), k);
  writeFileSync(nb, readFileSync(nb, 'utf8').replace('slope is 2', 'slope is two'));
  assert.notEqual(cacheKey(staticInputs(REPO, nb, { slope: 2 }, { exportFigures: true, png: true }), data), k);
  assert.equal(relative(REPO, nb).startsWith('..'), true);
});
