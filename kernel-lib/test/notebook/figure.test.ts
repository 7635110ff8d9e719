import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureToCsv, validateFigureName } from '../../src/notebook/figure.js';

test('figureToCsv writes one row per point, long form, quoting as needed', () => {
  const csv = figureToCsv({
    data: [
      { name: 'a', x: [1, 2], y: [3, 4] },
      { name: 'b, "quoted"', x: ['p'], y: [5], text: ['note'] },
    ],
    layout: {},
  });
  assert.equal(csv, 'trace,index,x,y,z,text\na,0,1,3,,\na,1,2,4,,\n"b, ""quoted""",0,p,5,,note\n');
});

test('figure names are file-safe', () => {
  assert.equal(validateFigureName('fig3-backup_time'), 'fig3-backup_time');
  assert.throws(() => validateFigureName('../etc/passwd'), /name = "..\/etc\/passwd"/);
  assert.throws(() => validateFigureName(''), /name = ""/);
});

test('WebGL traces are rejected: they do not export to SVG/PDF', async () => {
  const { show } = await import('../../src/notebook/figure.js');
  await assert.rejects(show({ data: [{ type: 'scattergl', x: [1], y: [1] }], layout: {} }), /trace.type = "scattergl" .* "scatter" instead of "scattergl"/);
});

// Issue 16 item 2: in a kernel, show() sends plotly.js once per session (its own output), and
// each figure as plotly JSON + an HTML rendering that draws from it (+ PNG when Chromium runs).
test('in a kernel, plotly.js goes out once, before the first figure; every figure carries HTML and plotly JSON', async () => {
  const { show, FIGURE_METADATA_KEY } = await import('../../src/notebook/figure.js');
  const { PLOTLY_LOADER_METADATA_KEY } = await import('../../src/notebook/plotly-html.js');
  const key = '/fake-kernel/node_modules/tslab/dist/jupyter.js';
  const sent: { data: Record<string, unknown>; metadata: Record<string, unknown> }[] = [];
  const live = { lastWriteDisplayData: (msg: { data: Record<string, unknown>; metadata: Record<string, unknown> }) => sent.push(msg) };
  require.cache[key] = { id: key, filename: key, loaded: true, exports: live } as unknown as NodeJS.Module;
  try {
    const fig = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4], name: 'G<sub>0</sub>' }], layout: { title: { text: 'T' } } };
    await show(fig, { name: 'one', png: false });
    await show(fig, { name: 'two', png: false });
  } finally {
    delete require.cache[key];
  }
  assert.equal(sent.length, 3, 'loader + two figures');
  assert.equal(sent[0].metadata[PLOTLY_LOADER_METADATA_KEY], true);
  assert.match(String(sent[0].data['text/html']), /^<script[^>]*>[^]*window\.define=undefined[^]*Plotly[^]*<\/script>$/);
  assert.ok(String(sent[0].data['text/html']).length > 1e6, 'plotly.js is inlined (no CDN)');
  for (const [i, name] of [[1, 'one'], [2, 'two']] as const) {
    const d = sent[i].data;
    assert.deepEqual(Object.keys(d).sort(), ['application/vnd.plotly.v1+json', 'text/html', 'text/plain']);
    assert.equal((sent[i].metadata[FIGURE_METADATA_KEY] as { name: string }).name, name);
    assert.match(String(d['text/html']), new RegExp(`class="kernel-lib-figure" data-figure="${name}"`));
    assert.doesNotMatch(String(d['text/html']), /cdn|https?:/i, 'nothing loaded from the network');
    const plotly = d['application/vnd.plotly.v1+json'] as { data: { name: string }[]; layout: { title: { text: string } } };
    assert.equal(plotly.layout.title.text, 'T', 'the notebook shows the title');
    assert.match(plotly.data[0].name, /^G<sub><span style="font-size:\d+%">0<\/span><\/sub>$/, 'subscripts made legible');
  }
});
