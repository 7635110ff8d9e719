/**
 * The lifecycle of a private database server that the project starts itself: its own folder
 * in the OS temp directory, a process the project spawned (never a system service), a readiness
 * probe, and a stop that always runs — on success, on error, on interrupt, and even when the
 * process that started it is killed with SIGKILL.
 *
 * That last case is what a notebook kernel killed half way looks like, and no handler inside the
 * kernel runs then. So every server gets a *reaper*: a small detached Node process that polls
 * the owner's pid and, when the owner is gone, stops the server (SIGTERM, then SIGKILL after the
 * grace period) and removes the server's folder. A normal `stop()` does the same itself and then
 * dismisses the reaper.
 *
 * Engine helpers (mariadb.ts, postgres.ts) build on `startPrivateServer` with their own command
 * line and readiness probe.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireInRange } from '../core/validate.js';

/** Raised when a private server cannot be started, does not become ready, or dies. */
export class PrivateServerError extends Error {
  /** The last lines of the server's log, when there is one. */
  readonly logTail: string;
  constructor(message: string, logTail = '') {
    super(logTail ? `${message}\n--- last lines of the server log ---\n${logTail}` : message);
    this.name = 'PrivateServerError';
    this.logTail = logTail;
  }
}

/** An unprivileged account to run a server as (PostgreSQL refuses root). */
export interface RunAsUser {
  name: string;
  uid: number;
  gid: number;
}

export interface PrivateServerSpec {
  /** Engine name, for messages and the temp folder's prefix (e.g. 'mariadb'). */
  engine: string;
  /**
   * Prepares the folder (initdb and the like) before the server starts; runs with the folder's
   * path. Throw a PrivateServerError to fail; the folder is removed either way.
   */
  prepare?: (dir: string) => void | Promise<void>;
  /** The server's command line, given the folder. */
  command: (dir: string) => { file: string; args: string[] };
  /** Probe polled until it returns true (e.g. a client connects over the Unix socket). */
  ready: (dir: string) => Promise<boolean>;
  /** Time allowed until `ready` holds (ms). Default 60,000. */
  readyTimeoutMs?: number;
  /** Signal for a clean shutdown. Default SIGTERM (MariaDB: normal shutdown; PostgreSQL: smart). */
  stopSignal?: NodeJS.Signals;
  /** Time allowed for a clean shutdown before SIGKILL (ms). Default 30,000. */
  stopTimeoutMs?: number;
  /** Run the server as this user (the folder is chowned to it). Default: the current user. */
  runAs?: RunAsUser;
  /** Log file name inside the folder, where the server's stdout and stderr go. Default 'server.log'. */
  logFile?: string;
  /** Interval between readiness probes (ms). Default 100. */
  pollMs?: number;
}

/** A running private server. `stop()` is idempotent. */
export interface PrivateServer {
  readonly engine: string;
  /** The server's own folder (datadir, socket, log live under it). Gone after stop(). */
  readonly dir: string;
  /** Pid of the current server process (it changes on restart). */
  readonly pid: number;
  /** Path of the server's log. */
  readonly logPath: string;
  /** Whether the server process is still alive. */
  alive(): boolean;
  /**
   * Kills the server and its children at once (SIGKILL to its process group), as a power
   * failure would; the folder stays, so `restart()` runs crash recovery on it.
   */
  crash(): Promise<void>;
  /** Starts the server again on the same folder (after crash(), or shuts it down first); resolves to ms until ready. */
  restart(): Promise<number>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

const live = new Set<LiveServer>();
let exitHookInstalled = false;

interface LiveServer {
  child: ChildProcess | null;
  dir: string;
  reaper: ChildProcess | null;
}

/** Servers started by this process and not yet stopped (for tests and diagnostics). */
export function livePrivateServers(): number {
  return live.size;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous best effort on a normal exit; the reaper covers every other way of dying.
  process.on('exit', () => {
    for (const s of live) {
      try {
        if (s.child?.pid) process.kill(-s.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      rmSync(s.dir, { recursive: true, force: true });
    }
  });
}

/** File in the server's folder holding the pid of its current process (it changes on restart). */
const PID_FILE = '.kernel-lib-server.pid';

/**
 * Source of the reaper: argv = ownerPid, dir, graceMs, stopSignal. The server runs in its own
 * process group (pgid = its pid, read from PID_FILE), so the group kill also ends its children.
 */
const REAPER_SOURCE = `
const [owner, dir, grace, sig] = process.argv.slice(1);
const fs = require('node:fs');
const path = require('node:path');
// A killed owner whose parent has not reaped it yet (a notebook kernel under a busy Jupyter
// client) is a zombie: kill(pid, 0) still succeeds, so /proc's state 'Z' counts as gone.
const zombie = (pid) => { try { return /^\\d+ \\(.*\\) Z/.test(fs.readFileSync('/proc/' + pid + '/stat', 'utf8')); } catch { return false; } };
const alive = (pid) => { try { process.kill(pid, 0); return !zombie(pid); } catch (e) { return e.code === 'EPERM'; } };
const serverPid = () => { try { return Number(fs.readFileSync(path.join(dir, '${PID_FILE}'), 'utf8')); } catch { return 0; } };
const group = (pid, s) => { try { process.kill(-pid, s); } catch {} try { process.kill(pid, s); } catch {} };
process.on('SIGTERM', () => process.exit(0));
const timer = setInterval(() => {
  if (alive(Number(owner))) return;
  clearInterval(timer);
  const server = serverPid();
  if (server > 0) group(server, sig);
  const until = Date.now() + Number(grace);
  const wait = setInterval(() => {
    if (server > 0 && alive(server) && Date.now() < until) return;
    clearInterval(wait);
    if (server > 0) group(server, 'SIGKILL');
    setTimeout(() => { fs.rmSync(dir, { recursive: true, force: true }); process.exit(0); }, 200);
  }, 100);
}, 250);
`;

function startReaper(dir: string, graceMs: number, signal: NodeJS.Signals): ChildProcess | null {
  try {
    const r = spawn(process.execPath, ['-e', REAPER_SOURCE, String(process.pid), dir, String(graceMs), signal], {
      detached: true,
      stdio: 'ignore',
    });
    r.unref();
    return r;
  } catch {
    return null;
  }
}

function tail(path: string, lines = 20): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((res) => {
    const t = setTimeout(() => res(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      res(true);
    });
  });
}

/** Whether any process of process group `pgid` is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Looks up an account by name (for `runAs`); null when it does not exist. */
export function lookupUser(name: string): RunAsUser | null {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return null;
  return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Chowns a tree to `user` (a no-op when running as that user already). */
export function chownTree(path: string, user: RunAsUser): void {
  const r = spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, path]);
  if (r.status !== 0) throw new PrivateServerError(`cannot chown ${path} to ${user.name}: ${r.stderr}`);
}

/**
 * Starts a private server per `spec` and waits until it is ready. On any failure the process
 * is killed and the folder removed before the error propagates.
 */
export async function startPrivateServer(spec: PrivateServerSpec): Promise<PrivateServer> {
  const readyTimeoutMs = requireInRange('readyTimeoutMs', spec.readyTimeoutMs ?? 60_000, 'ms', 100, 3_600_000);
  const stopTimeoutMs = requireInRange('stopTimeoutMs', spec.stopTimeoutMs ?? 30_000, 'ms', 100, 3_600_000);
  const stopSignal = spec.stopSignal ?? 'SIGTERM';
  const dir = mkdtempSync(join(tmpdir(), `kernel-lib-${spec.engine}-`));
  const logPath = join(dir, spec.logFile ?? 'server.log');
  installExitHook();
  const entry: LiveServer = { child: null, dir, reaper: null };
  live.add(entry);

  const exited = (c: ChildProcess | null) => !c || c.exitCode !== null || c.signalCode !== null;
  /** Kills the whole process group (the server and any children it forked). */
  const killGroup = (c: ChildProcess, signal: NodeJS.Signals) => {
    if (!c.pid) return;
    try {
      process.kill(-c.pid, signal);
    } catch {
      c.kill(signal);
    }
  };
  const shutdown = async (c: ChildProcess | null): Promise<void> => {
    if (!c || exited(c)) return;
    c.kill(stopSignal);
    if (!(await waitExit(c, stopTimeoutMs))) {
      killGroup(c, 'SIGKILL');
      await waitExit(c, 5_000);
    }
  };
  const cleanup = async (): Promise<void> => {
    await shutdown(entry.child);
    rmSync(dir, { recursive: true, force: true });
    live.delete(entry);
    try {
      entry.reaper?.kill('SIGTERM');
    } catch {
      /* reaper already gone */
    }
  };
  /** Spawns the server process (its own process group) and waits until `ready` holds; returns ms to ready. */
  const launch = async (): Promise<number> => {
    const t0 = performance.now();
    const { file, args } = spec.command(dir);
    const fd = openSync(logPath, 'a');
    if (spec.runAs) chownSync(logPath, spec.runAs.uid, spec.runAs.gid);
    let child: ChildProcess;
    try {
      child = spawn(file, args, { stdio: ['ignore', fd, fd], uid: spec.runAs?.uid, gid: spec.runAs?.gid, cwd: dir, detached: true });
    } finally {
      closeSync(fd);
    }
    entry.child = child;
    const spawnError = new Promise<Error>((res) => child.once('error', res));
    await Promise.race([
      sleep(50),
      spawnError.then((e) => {
        throw new PrivateServerError(`${spec.engine}: cannot run ${file}: ${e.message}`);
      }),
    ]);
    if (child.pid === undefined) throw new PrivateServerError(`${spec.engine}: ${file} did not start`);
    writeFileSync(join(dir, PID_FILE), String(child.pid));
    entry.reaper ??= startReaper(dir, stopTimeoutMs, stopSignal);
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (exited(child)) {
        throw new PrivateServerError(
          `${spec.engine} exited before it accepted connections (code ${child.exitCode}, signal ${child.signalCode})`,
          tail(logPath),
        );
      }
      if (await spec.ready(dir).catch(() => false)) return performance.now() - t0;
      if (Date.now() > deadline) {
        throw new PrivateServerError(`${spec.engine} did not accept connections within ${readyTimeoutMs} ms`, tail(logPath));
      }
      await sleep(spec.pollMs ?? 100);
    }
  };

  try {
    if (spec.runAs) {
      chmodSync(dir, 0o755);
      chownTree(dir, spec.runAs);
    }
    if (spec.prepare) await spec.prepare(dir);
    await launch();
  } catch (e) {
    const log = tail(logPath);
    await cleanup();
    if (e instanceof PrivateServerError) throw e;
    throw new PrivateServerError(`${spec.engine}: ${(e as Error).message}`, log);
  }
  let stopping: Promise<void> | null = null;
  const guard = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    if (stopping) throw new PrivateServerError(`${spec.engine}: ${what} after stop()`);
    try {
      return await f();
    } catch (e) {
      const log = tail(logPath);
      await (stopping ??= cleanup());
      if (e instanceof PrivateServerError) throw e;
      throw new PrivateServerError(`${spec.engine}: ${what}: ${(e as Error).message}`, log);
    }
  };
  return {
    engine: spec.engine,
    dir,
    get pid() {
      return entry.child?.pid ?? -1;
    },
    logPath,
    alive: () => !exited(entry.child) && existsSync(dir),
    crash: () =>
      guard('crash', async () => {
        const c = entry.child;
        if (!c || exited(c)) throw new PrivateServerError(`${spec.engine} is not running; nothing to crash`);
        killGroup(c, 'SIGKILL');
        await waitExit(c, 10_000);
        // Children (PostgreSQL's backends) exit on their own schedule even after SIGKILL is
        // sent; a restart must wait until none is left (they hold shared memory).
        const deadline = Date.now() + 10_000;
        while (groupAlive(c.pid!) && Date.now() < deadline) await sleep(20);
        if (groupAlive(c.pid!)) throw new PrivateServerError(`${spec.engine}: processes of group ${c.pid} still alive 10 s after SIGKILL`);
      }),
    restart: () =>
      guard('restart', async () => {
        await shutdown(entry.child);
        return launch();
      }),
    stop: () => (stopping ??= cleanup()),
  };
}

/**
 * Runs `body` with a private server and always stops it afterwards, whatever `body` does.
 */
export async function withPrivateServer<T>(start: () => Promise<PrivateServer>, body: (s: PrivateServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}
