import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadJson } from '../../../src/core/data-path.js';
import { measureIpcRoundTrip } from '../../../src/papers/b-reorg/measure-ipc.js';
import { ipcPerEventNsFromData } from '../../../src/papers/b-reorg/sniffer-overhead.js';

const hasCc = (() => {
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('the shared-memory hand-off is measured by a real second process (ipc-roundtrip.c), and data/b-reorg/ipc.json holds a measurement', { skip: hasCc ? false : 'no C compiler (cc)' }, () => {
  const m = measureIpcRoundTrip(200, 2);
  assert.equal(m.roundTrips, 200);
  assert.equal(m.futexRoundTripNs.length, 2);
  assert.equal(m.pipeRoundTripNs.length, 2);
  // a hand-off crosses two context switches: far more than a function call (the upper bound only
  // rules out garbage: on a loaded shared machine a batch can wait for the CPU)
  for (const ns of [...m.futexRoundTripNs, ...m.pipeRoundTripNs]) assert.ok(ns > 100 && ns < 1e8, `${ns} ns`);
  const d = loadJson<{ perEventNs: number; measured: { futexRoundTripNs: number[] } }>('b-reorg', 'ipc.json');
  assert.equal(ipcPerEventNsFromData(), d.perEventNs);
  assert.equal(d.perEventNs, Math.round(Math.min(...d.measured.futexRoundTripNs)), 'the input is the recorded measurement');
  assert.throws(() => measureIpcRoundTrip(0), /roundTrips = 0 round trips/);
});
