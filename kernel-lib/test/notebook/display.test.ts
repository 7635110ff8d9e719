import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayBundle, inKernel } from '../../src/notebook/display.js';

// The adapter looks for tslab's jupyter module in require.cache (as the kernel loaded it).
// Here a stand-in module is placed at a tslab-like path to capture what would be sent; the
// end-to-end notebook test checks the real kernel's output.
test('sends one display_data with every MIME type, through tslab\'s writeDisplayData', () => {
  const key = '/fake/node_modules/tslab/dist/jupyter.js';
  const sent: unknown[] = [];
  const fake = { lastWriteDisplayData: (msg: unknown, update: boolean) => sent.push({ msg, update }) };
  require.cache[key] = { id: key, filename: key, loaded: true, exports: fake } as unknown as NodeJS.Module;
  try {
    assert.equal(inKernel(), true);
    const ok = displayBundle({ 'application/vnd.plotly.v1+json': { data: [], layout: {} }, 'text/plain': 'fig' }, { a: 1 });
    assert.equal(ok, true);
    assert.deepEqual(sent, [
      { msg: { data: { 'application/vnd.plotly.v1+json': { data: [], layout: {} }, 'text/plain': 'fig' }, metadata: { a: 1 }, transient: {} }, update: false },
    ]);
  } finally {
    delete require.cache[key];
  }
});

test('outside a kernel it prints text/plain and returns false', () => {
  assert.equal(inKernel(), false);
  const writes: string[] = [];
  const orig = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => (writes.push(s), true)) as typeof process.stdout.write;
  try {
    assert.equal(displayBundle({ 'text/plain': 'hello' }), false);
  } finally {
    process.stdout.write = orig;
  }
  assert.deepEqual(writes, ['hello\n']);
});
