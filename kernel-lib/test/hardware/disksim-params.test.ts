import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDiskSimParams, findDiskSimBlock } from '../../src/hardware/disksim-params.js';
import { diskSimDriveSpec } from '../../src/papers/disk/disk-validation.js';

const hpC2247aSpec = () => diskSimDriveSpec('hp_c2247a');

test('parses blocks, nested blocks, lists, keys with spaces and dots, comments, source lines', () => {
  const items = parseDiskSimParams(`# comment
disksim_disk D {
   Model = source x.model,
   Read hit over. after read = 0.953430,
   Scheduler = disksim_ioqueue { Scheduling policy = 1 },
   Zones = [ z { a = 1 }, z { a = 2 } ],
   Seek type = hplplus10
}
source more.diskspecs
instantiate [ d0 ] as D
topology disksim_iodriver driver0 [ disksim_bus bus0 [ ] ]
`);
  const d = findDiskSimBlock(items, 'disksim_disk', 'D');
  assert.equal(d.params['Model'], 'source x.model');
  assert.equal(d.params['Read hit over. after read'], 0.95343);
  const sched = d.params['Scheduler'] as { type: string; params: Record<string, unknown>; lines: Record<string, number> };
  assert.equal(sched.type, 'disksim_ioqueue');
  assert.deepEqual(sched.params, { 'Scheduling policy': 1 });
  assert.equal(d.lines['Read hit over. after read'], 4); // line numbers are kept for error messages
  assert.equal((d.params['Zones'] as unknown[]).length, 2);
  assert.equal(d.params['Seek type'], 'hplplus10');
  assert.ok(items.includes('source more.diskspecs'));
});

test('HP C2247A spec read from DiskSim files (values as in hp_c2247a_validate.model / .diskspecs / .parv)', () => {
  const s = hpC2247aSpec();
  assert.equal(s.rpm, 5400);
  assert.equal(s.surfaces, 13);
  assert.equal(s.zones.length, 8);
  assert.deepEqual([s.zones[0].sectorsPerTrack, s.zones[7].sectorsPerTrack], [96, 56]);
  assert.deepEqual([s.seek.cutoffCyl, s.seek.aMs, s.seek.bMsPerSqrtCyl, s.seek.cMs, s.seek.eMsPerCyl], [300, 3.81, 0.33, 7.75, 0.0059]);
  assert.equal(s.seek.first10Ms![0], 2.89);
  assert.equal(s.seek.headSwitchMs, 0.89);
  assert.equal(s.cache.segmentBlocks, 256);
  assert.equal(s.cache.maxReadAheadBlocks, 128);
  assert.equal(s.bus.readBlockMs, 0.1701);
  assert.equal(s.immediateWriteReport, false); // Fast write level = 0
  assert.equal(s.seek.minWriteDelayMs, 0.6); // Minimum seek delay
  assert.equal(s.cache.requestData, 'overwrite'); // Read-ahead over requested = 1
  assert.ok(s.overheads.extraWriteDisconnect);
});

test('syntax errors name the file and line', () => {
  assert.throws(() => parseDiskSimParams('disksim_disk D {\n  a = 1,\n', 'bad.model'), /bad\.model:\d+/);
});
