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
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
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
}

/** A running private server. `stop()` is idempotent. */
export interface PrivateServer {
  readonly engine: string;
  /** The server's own folder (datadir, socket, log live under it). Gone after stop(). */
  readonly dir: string;
  readonly pid: number;
  /** Path of the server's log. */
  readonly logPath: string;
  /** Whether the server process is still alive. */
  alive(): boolean;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

const live = new Set<LiveServer>();
let exitHookInstalled = false;

interface LiveServer {
  child: ChildProcess;
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
        if (s.child.pid) process.kill(s.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      rmSync(s.dir, { recursive: true, force: true });
    }
  });
}

/** Source of the reaper: argv = ownerPid, serverPid, dir, graceMs, stopSignal. */
const REAPER_SOURCE = `
const [owner, server, dir, grace, sig] = process.argv.slice(1);
const fs = require('node:fs');
// A killed owner whose parent has not reaped it yet (a notebook kernel under a busy Jupyter
// client) is a zombie: kill(pid, 0) still succeeds, so /proc's state 'Z' counts as gone.
const zombie = (pid) => { try { return /^\\d+ \\(.*\\) Z/.test(fs.readFileSync('/proc/' + pid + '/stat', 'utf8')); } catch { return false; } };
const alive = (pid) => { try { process.kill(Number(pid), 0); return !zombie(pid); } catch (e) { return e.code === 'EPERM'; } };
process.on('SIGTERM', () => process.exit(0));
const timer = setInterval(() => {
  if (alive(owner)) return;
  clearInterval(timer);
  try { process.kill(Number(server), sig); } catch {}
  const until = Date.now() + Number(grace);
  const wait = setInterval(() => {
    if (alive(server) && Date.now() < until) return;
    clearInterval(wait);
    try { process.kill(Number(server), 'SIGKILL'); } catch {}
    setTimeout(() => { fs.rmSync(dir, { recursive: true, force: true }); process.exit(0); }, 200);
  }, 100);
}, 250);
`;

function startReaper(serverPid: number, dir: string, graceMs: number, signal: NodeJS.Signals): ChildProcess | null {
  try {
    const r = spawn(process.execPath, ['-e', REAPER_SOURCE, String(process.pid), String(serverPid), dir, String(graceMs), signal], {
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
  let child: ChildProcess | null = null;
  let entry: LiveServer | null = null;
  const cleanup = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(stopSignal);
      if (!(await waitExit(child, stopTimeoutMs))) {
        child.kill('SIGKILL');
        await waitExit(child, 5_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (entry) {
      live.delete(entry);
      try {
        entry.reaper?.kill('SIGTERM');
      } catch {
        /* reaper already gone */
      }
    }
  };
  try {
    if (spec.runAs) {
      chmodSync(dir, 0o755);
      chownTree(dir, spec.runAs);
    }
    if (spec.prepare) await spec.prepare(dir);
    const { file, args } = spec.command(dir);
    const fd = openSync(logPath, 'a');
    if (spec.runAs) chownSync(logPath, spec.runAs.uid, spec.runAs.gid);
    try {
      child = spawn(file, args, {
        stdio: ['ignore', fd, fd],
        uid: spec.runAs?.uid,
        gid: spec.runAs?.gid,
        cwd: dir,
      });
    } finally {
      closeSync(fd);
    }
    const spawnError = new Promise<Error>((res) => child!.once('error', res));
    entry = { child, dir, reaper: null };
    live.add(entry);
    await Promise.race([sleep(50), spawnError.then((e) => { throw new PrivateServerError(`${spec.engine}: cannot run ${file}: ${e.message}`); })]);
    if (child.pid === undefined) throw new PrivateServerError(`${spec.engine}: ${file} did not start`);
    entry.reaper = startReaper(child.pid, dir, stopTimeoutMs, stopSignal);
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new PrivateServerError(
          `${spec.engine} exited before it accepted connections (code ${child.exitCode}, signal ${child.signalCode})`,
          tail(logPath),
        );
      }
      if (await spec.ready(dir).catch(() => false)) break;
      if (Date.now() > deadline) {
        throw new PrivateServerError(`${spec.engine} did not accept connections within ${readyTimeoutMs} ms`, tail(logPath));
      }
      await sleep(100);
    }
  } catch (e) {
    const log = tail(logPath);
    await cleanup();
    if (e instanceof PrivateServerError) throw e;
    throw new PrivateServerError(`${spec.engine}: ${(e as Error).message}`, log);
  }
  const started = child!;
  let stopping: Promise<void> | null = null;
  return {
    engine: spec.engine,
    dir,
    pid: started.pid!,
    logPath,
    alive: () => started.exitCode === null && started.signalCode === null && existsSync(dir),
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
