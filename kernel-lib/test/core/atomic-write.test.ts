import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { atomicWriteFileSync } from '../../src/core/atomic-write.js';

test('writes the file and leaves no temporary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aw-'));
  atomicWriteFileSync(join(dir, 'sub', 'a.txt'), 'hello');
  assert.equal(readFileSync(join(dir, 'sub', 'a.txt'), 'utf8'), 'hello');
  assert.deepEqual(readdirSync(join(dir, 'sub')), ['a.txt']);
});

test('a failed write keeps the earlier file and removes its temporary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aw-'));
  const target = join(dir, 'fig');
  mkdirSync(target); // rename onto a directory fails
  writeFileSync(join(dir, 'keep.txt'), 'old');
  assert.throws(() => atomicWriteFileSync(target, 'new'));
  assert.deepEqual(readdirSync(dir).sort(), ['fig', 'keep.txt']);
});

test('a process killed while writing repeatedly never leaves a half-written file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aw-kill-'));
  const target = join(dir, 'big.txt');
  const line = 'x'.repeat(1023) + '\n';
  const payload = line.repeat(4096) + 'END\n'; // 4 MiB, complete only if it ends with END
  writeFileSync(target, payload);
  const script = `
    const { atomicWriteFileSync } = require(${JSON.stringify(join(__dirname, '../../src/core/atomic-write.ts'))});
    const payload = ${JSON.stringify(line)}.repeat(4096) + 'END\\n';
    process.stdout.write('ready\\n');
    for (;;) atomicWriteFileSync(${JSON.stringify(target)}, payload);
  `;
  for (let round = 0; round < 3; round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 150 + round * 70));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const text = readFileSync(target, 'utf8');
    assert.equal(text.length, payload.length);
    assert.ok(text.endsWith('END\n'));
  }
});
