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

// Issue 16 item 1: another checkout's tslab binary loads its own jupyter.js first (its
// lastWriteDisplayData stays null) and then hands over to this checkout's copy, which runs cells.
test('with two tslab copies loaded, the one that runs cells is taken (not the first in require.cache)', () => {
  const stale = '/other-checkout/node_modules/tslab/dist/jupyter.js';
  const live = '/this-checkout/node_modules/tslab/dist/jupyter.js';
  const sent: unknown[] = [];
  require.cache[stale] = { id: stale, filename: stale, loaded: true, exports: { lastWriteDisplayData: null } } as unknown as NodeJS.Module;
  require.cache[live] = {
    id: live,
    filename: live,
    loaded: true,
    exports: { lastWriteDisplayData: (msg: unknown) => sent.push(msg) },
  } as unknown as NodeJS.Module;
  try {
    assert.equal(inKernel(), true);
    assert.equal(displayBundle({ 'text/plain': 'x' }), true);
    assert.equal(sent.length, 1);
  } finally {
    delete require.cache[stale];
    delete require.cache[live];
  }
});

test('two copies that both run cells is an error naming both, not a guess', () => {
  const a = '/a/node_modules/tslab/dist/jupyter.js';
  const b = '/b/node_modules/tslab/dist/jupyter.js';
  for (const k of [a, b]) {
    require.cache[k] = { id: k, filename: k, loaded: true, exports: { lastWriteDisplayData: () => {} } } as unknown as NodeJS.Module;
  }
  try {
    assert.throws(() => displayBundle({ 'text/plain': 'x' }), (e: Error) => e.name === 'KernelDisplayError' && e.message.includes(a) && e.message.includes(b));
  } finally {
    delete require.cache[a];
    delete require.cache[b];
  }
});

test('in a tslab kernel process with no live copy it fails loudly instead of printing text', () => {
  const stale = '/other/node_modules/tslab/dist/jupyter.js';
  require.cache[stale] = { id: stale, filename: stale, loaded: true, exports: { lastWriteDisplayData: null } } as unknown as NodeJS.Module;
  const argv = process.argv;
  process.argv = ['/usr/bin/node', '/x/node_modules/.bin/tslab', 'kernel', '--config-path', '/tmp/c.json'];
  try {
    assert.throws(() => displayBundle({ 'text/plain': 'x' }), /no loaded copy of tslab has a display channel.*\/other\/node_modules/);
  } finally {
    process.argv = argv;
    delete require.cache[stale];
  }
});
