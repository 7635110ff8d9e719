// The private PostgreSQL: real server (Debian's PostgreSQL 15), real crash and restart.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { hasPostgres, lastRedo, startPostgres } from '../../src/engines/postgres.js';
import { PrivateServerError } from '../../src/engines/private-server.js';
import { alive, killOwnerLeavesNothing, startOwner } from './process-helpers.js';

const skip = hasPostgres() ? false : 'PostgreSQL 15 is not installed (make setup installs it)';


test('a private PostgreSQL answers over its socket only, and stop() leaves nothing', { skip }, async () => {
  const pg = await startPostgres();
  const { dir, pid } = pg.server;
  try {
    const rows = await pg.query<{ l: string }>("SELECT current_setting('listen_addresses') AS l");
    assert.equal(rows[0].l, '', 'no TCP listener');
    assert.ok(existsSync(`${pg.socketDir}/.s.PGSQL.${pg.port}`));
  } finally {
    await pg.stop();
  }
  assert.ok(!existsSync(dir) && !alive(pid));
});

test('crash() and restart() run crash recovery on the same data, and the log tells the redo', { skip }, async () => {
  const pg = await startPostgres();
  try {
    await pg.query('CREATE TABLE t(x int)');
    await pg.query('CHECKPOINT');
    await pg.query('INSERT INTO t SELECT generate_series(1, 10000)');
    await pg.crash();
    const ms = await pg.restart();
    assert.ok(ms > 0);
    const redo = lastRedo(pg.log());
    assert.ok(redo.redoRan && redo.replayedBytes > 10000 * 20, `replayed ${redo.replayedBytes} B`);
    assert.equal((await pg.query<{ n: string }>('SELECT count(*) AS n FROM t'))[0].n, '10000', 'committed rows survive the crash');
  } finally {
    await pg.stop();
  }
});

test('a bad setting makes the server fail to start with its log line, and leaves nothing', { skip }, async () => {
  await assert.rejects(startPostgres({ settings: { shared_buffers_nonsense: 1 } }), (e: unknown) => e instanceof PrivateServerError && /unrecognized configuration parameter/.test(e.message));
});

test('a query after the server died is a clear error', { skip }, async () => {
  const pg = await startPostgres();
  try {
    await pg.crash();
    await assert.rejects(pg.query('SELECT 1'), /not running/);
  } finally {
    await pg.stop();
  }
});

test('a process that started PostgreSQL and is SIGKILLed leaves no server and no folder', { skip }, async () => {
  const o = await startOwner(`
    const { startPostgres } = require(${JSON.stringify(require.resolve('../../src/engines/postgres.ts'))});
    startPostgres().then((pg) => console.log(JSON.stringify({ pid: pg.server.pid, dir: pg.server.dir })));`);
  assert.ok(alive(o.pid) && existsSync(o.dir));
  assert.ok(await killOwnerLeavesNothing(o, 30_000), `postgres ${o.pid} or ${o.dir} left behind`);
});
