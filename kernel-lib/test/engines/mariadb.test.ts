// The private MariaDB on the real mariadbd (Debian's mariadb-server 10.11): start, query, stop,
// and what is left when its owner dies half way — a SIGKILLed Node process and a SIGKILLed
// tslab notebook kernel — which must be nothing: no mariadbd, no folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { alive, killOwnerLeavesNothing, startOwner, until } from './process-helpers.js';
import { ParameterError } from '../../src/core/validate.js';
import { startMariaDb, withMariaDb } from '../../src/engines/mariadb.js';

const REPO = resolve(__dirname, '..', '..', '..');

/** Pids of mariadbd processes whose command line names `dir` (read from /proc). */
function mariadbdIn(dir: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes('mariadbd') && cmd.includes(dir)) found.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

test('a private mariadbd: own datadir and socket, no network listener, typed queries; stop removes everything', async () => {
  const db = await startMariaDb({ bufferPoolMiB: 64, flushMethod: 'fsync' });
  try {
    assert.ok(db.socketPath.startsWith(db.dir) && existsSync(db.socketPath));
    const [v] = await db.query<{ net: number; datadir: string; pool: number; fpt: number; flush: string }>(
      'SELECT @@skip_networking net, @@datadir datadir, @@innodb_buffer_pool_size pool, @@innodb_file_per_table fpt, @@innodb_flush_method flush',
    );
    assert.equal(v.net, 1);
    assert.equal(resolve(v.datadir), resolve(db.datadir));
    assert.equal(v.pool, 64 * 1024 * 1024);
    assert.equal(v.fpt, 1);
    assert.equal(v.flush, 'fsync');
    await db.exec('CREATE DATABASE d');
    await db.exec('CREATE TABLE d.t (id int primary key, s char(10)) ENGINE=InnoDB');
    const ins = await db.exec('INSERT INTO d.t VALUES (?, ?), (?, ?)', [1, 'a', 2, 'b']);
    assert.equal(ins.affectedRows, 2);
    const rows = await db.query<{ n: number }>('SELECT COUNT(*) n FROM d.t');
    assert.deepEqual(rows, [{ n: 2 }]);
    assert.ok(statSync(db.tablespacePath('d', 't')).isFile());
    await assert.rejects(db.query('SELECT * FROM d.missing'), /doesn't exist/);
  } finally {
    await Promise.all([db.stop(), db.stop()]);
  }
  assert.ok(!existsSync(db.dir), 'folder left behind');
  assert.ok(!alive(db.server.pid), 'mariadbd left running');
});

test('options out of range are ParameterErrors naming the option', async () => {
  await assert.rejects(startMariaDb({ bufferPoolMiB: 1 }), (e: unknown) => e instanceof ParameterError && e.param === 'bufferPoolMiB');
  await assert.rejects(startMariaDb({ pageSizeKiB: 12 }), (e: unknown) => e instanceof ParameterError && e.param === 'pageSizeKiB');
  await assert.rejects(startMariaDb({ flushMethod: 'sometimes' as never }), (e: unknown) => e instanceof ParameterError && e.param === 'flushMethod');
  await assert.rejects(startMariaDb({ extraArgs: ['innodb-x'] }), (e: unknown) => e instanceof ParameterError && e.param === 'extraArgs');
});

test('the page size is fixed at install time (8 KiB)', async () => {
  await withMariaDb({ pageSizeKiB: 8, bufferPoolMiB: 32 }, async (db) => {
    const [r] = await db.query<{ p: number }>('SELECT @@innodb_page_size p');
    assert.equal(r.p, 8192);
    assert.equal(db.pageSizeBytes, 8192);
  });
});

/** Waits for one JSON line {pid, dir} on a child's stdout. */
function firstJsonLine(child: ReturnType<typeof spawn>, ms: number): Promise<{ pid: number; dir: string; owner?: number }> {
  return new Promise((res, rej) => {
    let buf = '';
    const t = setTimeout(() => rej(new Error(`no server line within ${ms} ms: ${buf}`)), ms);
    child.stdout!.on('data', (b) => {
      buf += String(b);
      const m = /\{"pid":\d+[^\n]*\}/.exec(buf);
      if (m) {
        clearTimeout(t);
        res(JSON.parse(m[0].replace(/\\"/g, '"')));
      }
    });
    child.once('exit', (code) => rej(new Error(`owner exited (${code}) before the server was up: ${buf}`)));
  });
}

test('an owner killed with SIGKILL half way leaves no mariadbd and no datadir', async () => {
  const o = await startOwner(`
    const { startMariaDb } = require(${JSON.stringify(require.resolve('../../src/engines/mariadb.ts'))});
    startMariaDb({ bufferPoolMiB: 32 }).then(async (db) => {
      await db.exec('CREATE DATABASE d');
      console.log(JSON.stringify({ pid: db.server.pid, dir: db.dir }));
    });`);
  assert.ok(alive(o.pid) && existsSync(join(o.dir, 'data')));
  assert.ok(await killOwnerLeavesNothing(o, 40_000, () => mariadbdIn(o.dir).length === 0), `mariadbd ${o.pid} or ${o.dir} left behind`);
});

test('a tslab notebook kernel killed mid-run leaves no mariadbd and no datadir', async (t) => {
  const spec = join(REPO, '.jupyter-kernels', 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json');
  const dist = join(REPO, 'kernel-lib', 'dist', 'engines', 'mariadb.js');
  if (!existsSync(spec) || !existsSync(dist) || !existsSync('/usr/bin/python3')) {
    t.skip('needs `CI=true bash scripts/setup.sh` (tslab kernelspec, built kernel-lib)');
    return;
  }
  // A real kernel through jupyter_client: the cell starts the server and then runs "forever";
  // the test SIGKILLs the kernel process (the cell's own process.pid) while the cell runs.
  const cell = `const { startMariaDb } = require(${JSON.stringify(dist)});
const db = await startMariaDb({ bufferPoolMiB: 32 });
await db.exec('CREATE DATABASE d');
console.log(JSON.stringify({ pid: db.server.pid, dir: db.dir, owner: process.pid }));
await new Promise(() => {});`;
  const driver = `
import json, sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name='tslab', cwd=${JSON.stringify(REPO)})
def out(msg):
    if msg['msg_type'] == 'stream':
        sys.stdout.write(msg['content']['text']); sys.stdout.flush()
try:
    kc.execute_interactive(${JSON.stringify(cell)}, output_hook=out, timeout=120)
except Exception as e:
    print('cell ended:', type(e).__name__, flush=True)
km.shutdown_kernel(now=True)
`;
  const env = { ...process.env, JUPYTER_PATH: join(REPO, '.jupyter-kernels', 'share', 'jupyter'), PYDEVD_DISABLE_FILE_VALIDATION: '1' };
  const py = spawn('/usr/bin/python3', ['-c', driver], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let err = '';
  py.stderr!.on('data', (b) => (err += String(b)));
  try {
    const { pid, dir, owner } = await firstJsonLine(py, 90_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${err}`);
    });
    assert.ok(owner && alive(owner) && alive(pid) && existsSync(join(dir, 'data')));
    process.kill(owner!, 'SIGKILL');
    assert.ok(await until(() => !alive(pid) && !existsSync(dir) && mariadbdIn(dir).length === 0, 40_000), `mariadbd ${pid} or ${dir} left behind`);
  } finally {
    py.kill('SIGKILL');
  }
});
