import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../../src/core/data-path.js';
import { diskSimSpecFromFolder } from '../../src/hardware/disksim-spec.js';
import { DiskLayout } from '../../src/hardware/disk-layout.js';
import { diskSimDrives, diskSimDriveSpec, diskSimDriveTrace } from '../../src/papers/disk/disk-validation.js';

const dir = (d: string) => dataPath('disk/disksim-validation', d);
/** A reader of a drive's folder that rewrites one file. */
const edited = (drive: string, file: string, edit: (s: string) => string) => (name: string) => {
  const s = readFileSync(join(dir(drive), name), 'utf8');
  return name === file ? edit(s) : s;
};

test('all seven drives load from their own files; their zones hold every block the trace asks for', () => {
  const drives = diskSimDrives();
  assert.deepEqual(drives, ['atlas10k', 'cheetah4LP', 'dec_rz26', 'hp_c2247a', 'hp_c2490a', 'hp_c3323a', 'st41601n']);
  for (const d of drives) {
    const s = diskSimDriveSpec(d);
    // DiskSim too replaces the declared "Block count" by the zones' sum (layout_g1_load.c, checknumblocks);
    // for five drives they agree exactly, for the Atlas 10K and the Cheetah 4LP within 0.2 %
    const declared = Number(/declared block count (\d+)/.exec(s.source)![1]);
    const total = new DiskLayout(s.surfaces, s.zones, s.layout).totalBlocks;
    assert.ok(Math.abs(total / declared - 1) < 0.002, `${d}: ${total} vs ${declared}`);
    const tr = diskSimDriveTrace(d);
    for (let i = 0; i < tr.length; i++) assert.ok(tr.blockNumber[i] + tr.blockCount[i] <= total);
  }
  assert.equal(new DiskLayout(13, diskSimDriveSpec('hp_c2247a').zones).totalBlocks, 2054864); // hp_c2247a_validate.model "Block count"
});

test('values as the files give them: seek tables, sparing, mapping, bulk sector time, negative settle, fast writes', () => {
  const atlas = diskSimDriveSpec('atlas10k');
  assert.equal(atlas.seek.table!.distanceCyl.length, 138); // atlas10k.seek
  assert.deepEqual(atlas.layout, { sparing: 9, mapping: 1, rangeSize: 1 });
  assert.equal(atlas.bus.readBlockMs, 0.099); // Bulk sector transfer time beats the bus's 0
  assert.equal(atlas.cache.prefetch, 'next-track-if-sequential');
  assert.equal(atlas.immediateWriteReport, true); // Fast write level = 2
  assert.equal(atlas.fastWritesAppendOnly, false);
  const dec = diskSimDriveSpec('dec_rz26');
  assert.equal(dec.seek.writeSettleMs, -0.483);
  assert.equal(dec.layout!.sparing, 3);
  assert.equal(dec.overheads.readHitAfterWriteMs, 1.143);
  const ch = diskSimDriveSpec('cheetah4LP');
  assert.deepEqual(ch.layout, { sparing: 8, mapping: 0, rangeSize: 12 });
  assert.deepEqual(ch.zones[1].defects, [[233375, 233375]]);
  assert.equal(ch.fastWritesAppendOnly, true); // Fast write level = 1
  assert.equal(ch.overheads.writeAfterReadMs, 0.474); // write-hit overheads with fast writes
  assert.equal(diskSimDriveSpec('st41601n').cache.requestData, 'erase'); // Read-ahead over requested = −1
});

test('an unknown parameter is an error naming it, its file and line', () => {
  const read = edited('hp_c2247a', 'hp_c2247a.diskspecs', (s) => s.replace('   Print stats = 1,', '   Print stats = 1,\n   Spin-down delay = 3,'));
  assert.throws(() => diskSimSpecFromFolder(read, 'hp_c2247a.parv', 'x'), /"Spin-down delay" \(hp_c2247a\.diskspecs:17\).*unknown or unmodeled parameter/);
});

test('a value whose effect is not modeled is an error naming the parameter, file and line', () => {
  const read = edited('atlas10k', 'atlas10k.diskspecs', (s) => s.replace('Preseeking level = 0', 'Preseeking level = 2'));
  assert.throws(() => diskSimSpecFromFolder(read, 'atlas10k.parv', 'x'), /"Preseeking level" \(atlas10k\.diskspecs:14\) = 2 .*0/);
  const read2 = edited('dec_rz26', 'dec_rz26_validate.model', (s) => s.replace('Sparing scheme used = 3', 'Sparing scheme used = 7'));
  assert.throws(() => diskSimSpecFromFolder(read2, 'dec_rz26.parv', 'x'), /"Sparing scheme used" \(dec_rz26_validate\.model:7\) = 7/);
  const read3 = edited('hp_c3323a', 'hp_c3323a_validate.model', (s) => s.replace('Seek type = extracted', 'Seek type = 3pt'));
  assert.throws(() => diskSimSpecFromFolder(read3, 'hp_c3323a.parv', 'x'), /"Seek type" \(hp_c3323a_validate\.model:\d+\) = "?3pt/);
});

test('a missing sourced file or seek file is an error naming it', () => {
  const read = (name: string) => {
    if (name.endsWith('.seek')) throw new Error('ENOENT');
    return readFileSync(join(dir('st41601n'), name), 'utf8');
  };
  assert.throws(() => diskSimSpecFromFolder(read, 'st41601n.parv', 'x'), /st41601n_validate\.seek/);
});
