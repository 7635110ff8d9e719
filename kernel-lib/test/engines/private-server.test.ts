// The lifecycle of a private server, with a real child process standing in for the engine
// (the engine helpers' own tests start the real MariaDB and PostgreSQL).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { alive, killOwnerLeavesNothing, startOwner } from './process-helpers.js';
import { PrivateServerError, livePrivateServers, startPrivateServer, withPrivateServer } from '../../src/engines/private-server.js';

const idle = { file: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] };

test('stop() ends the process and removes the folder; it is idempotent', async () => {
  const s = await startPrivateServer({ engine: 'idle', command: () => idle, ready: async () => true });
  assert.ok(existsSync(s.dir) && alive(s.pid));
  assert.equal(livePrivateServers(), 1);
  await Promise.all([s.stop(), s.stop()]);
  assert.ok(!existsSync(s.dir));
  assert.ok(!alive(s.pid));
  assert.equal(livePrivateServers(), 0);
});

test('withPrivateServer stops the server when the body throws', async () => {
  let dir = '';
  await assert.rejects(
    withPrivateServer(
      () => startPrivateServer({ engine: 'idle', command: () => idle, ready: async () => true }),
      async (s) => {
        dir = s.dir;
        throw new Error('body failed');
      },
    ),
    /body failed/,
  );
  assert.ok(dir && !existsSync(dir));
});

test('a server that exits before it is ready gives a PrivateServerError with its log, and leaves nothing', async () => {
  let dir = '';
  await assert.rejects(
    startPrivateServer({
      engine: 'crashing',
      command: (d) => ((dir = d), { file: process.execPath, args: ['-e', 'console.error("no datadir here"); process.exit(3)'] }),
      ready: async () => false,
    }),
    (e: unknown) => e instanceof PrivateServerError && /exited before/.test(e.message) && /no datadir here/.test(e.message),
  );
  assert.ok(!existsSync(dir));
});

test('a server never ready times out and is killed', async () => {
  let dir = '';
  await assert.rejects(
    startPrivateServer({ engine: 'slow', command: (d) => ((dir = d), idle), ready: async () => false, readyTimeoutMs: 500 }),
    /did not accept connections within 500 ms/,
  );
  assert.ok(!existsSync(dir));
});

test('a missing binary is a clear error', async () => {
  await assert.rejects(
    startPrivateServer({ engine: 'ghost', command: () => ({ file: '/nonexistent/bin/server', args: [] }), ready: async () => true }),
    (e: unknown) => e instanceof PrivateServerError && /ghost/.test(e.message),
  );
});

test('when the owner is killed with SIGKILL, the reaper stops the server and removes its folder', async () => {
  const o = await startOwner(`
    const { startPrivateServer } = require(${JSON.stringify(require.resolve('../../src/engines/private-server.ts'))});
    startPrivateServer({ engine: 'orphan', command: () => (${JSON.stringify(idle)}), ready: async () => true })
      .then((s) => console.log(JSON.stringify({ pid: s.pid, dir: s.dir })));`);
  assert.ok(alive(o.pid) && existsSync(o.dir));
  assert.ok(await killOwnerLeavesNothing(o, 10_000), `server ${o.pid} or ${o.dir} left behind`);
});

test('crash() kills the process group and keeps the folder; restart() starts again on it', async () => {
  // The stand-in forks a child in a session of its own, as PostgreSQL's backends call setsid().
  const forking = {
    file: process.execPath,
    args: ['-e', `const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: true }); require('node:fs').writeFileSync('child.pid', String(c.pid)); setInterval(() => {}, 1000)`],
  };
  const s = await startPrivateServer({ engine: 'forking', command: () => forking, ready: async () => true });
  try {
    const first = s.pid;
    await new Promise((r) => setTimeout(r, 300));
    const child = Number(readFileSync(join(s.dir, 'child.pid'), 'utf8'));
    assert.ok(alive(child));
    await s.crash();
    assert.ok(!alive(first) && !alive(child) && existsSync(s.dir), 'the server and its detached child are gone, the folder stays');
    assert.ok(!s.alive());
    const ms = await s.restart();
    assert.ok(ms >= 0 && s.alive() && s.pid !== first);
  } finally {
    await s.stop();
  }
  assert.ok(!existsSync(s.dir));
});
