// Issue 16 item 1, end to end: a notebook of this checkout opened through the kernelspec of a
// *second* checkout (another copy of tslab on disk) still shows rich figures and tables.
// The second tslab starts, finds this checkout's local tslab (tslab's findLocalStartKernel) and
// hands over; both copies' jupyter.js are then in require.cache, and the display adapter must
// take the live one. Real kernel, real nbclient; the temp copy and kernelspec are removed after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');

test('a notebook opened through another checkout\'s kernelspec shows its figure and table as rich output', { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'second-checkout-'));
  // The notebook must sit inside this checkout (so `kernel-lib` and the local tslab resolve).
  const nbDir = mkdtempSync(join(REPO, 'kernel-lib', 'test', 'notebook', '.tmp-nb-'));
  try {
    const otherTslab = join(tmp, 'other-checkout', 'node_modules', 'tslab');
    mkdirSync(join(tmp, 'other-checkout', 'node_modules'), { recursive: true });
    cpSync(join(REPO, 'node_modules', 'tslab'), otherTslab, { recursive: true });
    const specDir = join(tmp, 'jupyter', 'kernels', 'tslab-other-checkout');
    mkdirSync(specDir, { recursive: true });
    writeFileSync(
      join(specDir, 'kernel.json'),
      JSON.stringify({
        argv: [process.execPath, join(otherTslab, 'bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
        display_name: 'TypeScript (other-checkout)',
        language: 'typescript',
        // The copied package finds its dependencies (zeromq, its TypeScript) in this checkout.
        env: { NODE_PATH: join(REPO, 'node_modules') },
      }),
    );
    const code = [
      "import { show, showTable } from 'kernel-lib';",
      "const copies = Object.keys(require.cache).filter((k) => /tslab[\\\\/]dist[\\\\/]jupyter\\.js$/.test(k));",
      "console.log('COPIES ' + JSON.stringify(copies));",
      "await show({ data: [{ type: 'scatter', x: [1, 2], y: [3, 4], name: 'a' }], layout: {} }, { name: 'probe', png: false });",
      "showTable([{ a: 1, b: 'x' }]);",
    ].join('\n');
    const nb = {
      cells: [{ cell_type: 'code', id: 'c1', metadata: {}, source: code, outputs: [], execution_count: null }],
      metadata: { kernelspec: { name: 'tslab-other-checkout', display_name: 'TypeScript (other-checkout)', language: 'typescript' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const input = join(nbDir, 'probe.ipynb');
    const output = join(nbDir, 'probe.out.ipynb');
    writeFileSync(input, JSON.stringify(nb));
    const r = spawnSync(
      '/usr/bin/python3',
      [join(REPO, 'scripts', 'run_notebook.py'), input, output, '--cwd', nbDir, '--kernel', 'tslab-other-checkout', '--timeout', '90'],
      { encoding: 'utf8', env: { ...process.env, JUPYTER_PATH: join(tmp, 'jupyter'), PYDEVD_DISABLE_FILE_VALIDATION: '1' }, timeout: 110_000 },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const outputs = JSON.parse(readFileSync(output, 'utf8')).cells[0].outputs as { output_type: string; text?: string[] | string; data?: Record<string, unknown> }[];
    const text = outputs.filter((o) => o.output_type === 'stream').map((o) => [o.text].flat().join('')).join('');
    const copies = JSON.parse(/COPIES (.*)/.exec(text)?.[1] ?? '[]') as string[];
    assert.equal(copies.length, 2, `both tslab copies are loaded: ${text}`);
    assert.ok(copies.some((c) => c.startsWith(tmp)), 'one of them is the second checkout\'s');
    const rich = outputs.filter((o) => o.output_type === 'display_data').map((o) => o.data ?? {});
    assert.ok(rich.some((d) => typeof d['application/vnd.plotly.v1+json'] === 'object'), `the figure is a plotly output, not text: ${text}`);
    assert.ok(rich.some((d) => String(d['text/html'] ?? '').includes('<table')), 'the table is HTML');
    assert.doesNotMatch(text, /Figure probe/, 'no plain-text fallback of the figure');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(nbDir, { recursive: true, force: true });
  }
});
