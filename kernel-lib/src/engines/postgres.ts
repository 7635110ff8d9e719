/**
 * A private PostgreSQL (Debian's PostgreSQL 15) that the project starts itself: `initdb` into a
 * temporary folder, `postgres` on a Unix socket in that folder with `listen_addresses=''` (no
 * network listener), never a system cluster. PostgreSQL refuses to run as root, so when the
 * caller is root the server runs as the unprivileged Debian account `postgres` (the folder is
 * chowned to it); clients (this process, pgbench) connect over the socket as role `postgres`
 * with trust authentication, which is safe because only the socket in a private folder exists.
 *
 * Lifecycle (stop on success, failure, interrupt, or the owner being killed) comes from
 * private-server.ts. Stop is a *fast* shutdown (SIGINT: abort transactions, checkpoint, exit).
 *
 * Sources: PostgreSQL 15 docs, "Server Setup and Operation" (initdb, postgres -k / -c,
 * shutdown signals: SIGTERM smart, SIGINT fast, SIGQUIT immediate) and "pgbench".
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ParameterError, requireInteger } from '../core/validate.js';
import { PrivateServerError, chownTree, lookupUser, startPrivateServer, type PrivateServer, type RunAsUser } from './private-server.js';

/** Where Debian's PostgreSQL 15 binaries live; POSTGRES_BIN_DIR overrides it. */
export function postgresBinDir(): string {
  return process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
}

/** Whether the PostgreSQL server binaries are installed (for tests that need a real engine). */
export function hasPostgres(): boolean {
  return existsSync(join(postgresBinDir(), 'postgres')) && existsSync(join(postgresBinDir(), 'initdb'));
}

export interface PostgresOptions {
  /** shared_buffers in MiB. Default 128 (PostgreSQL's default). */
  sharedBuffersMiB?: number;
  /** Further server settings, passed as `-c name=value` (e.g. { full_page_writes: 'off' }). */
  settings?: Record<string, string | number | boolean>;
  /** Time allowed to become ready (ms), also after each restart (crash recovery). Default 120,000. */
  readyTimeoutMs?: number;
}

/** A running private PostgreSQL with a client helper. */
export interface PrivatePostgres {
  readonly server: PrivateServer;
  /** Folder holding the Unix socket (the `host` for clients). */
  readonly socketDir: string;
  readonly dataDir: string;
  readonly port: number;
  /** Runs one SQL statement on a short-lived connection and returns its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs pgbench against this server with the given arguments; resolves to its stdout. */
  pgbench(args: string[]): Promise<string>;
  /** Kills the postmaster and every backend at once (SIGKILL to the process group). */
  crash(): Promise<void>;
  /** Starts again on the same data directory (crash recovery); resolves to ms until connections are accepted. */
  restart(): Promise<number>;
  /** The server log's text (for the redo lines after a restart). */
  log(): string;
  stop(): Promise<void>;
}

const PORT = 5432;

function serverUser(): RunAsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const u = lookupUser('postgres');
  if (!u) {
    throw new PrivateServerError(
      "PostgreSQL refuses to run as root and there is no 'postgres' account to run it as (Debian's postgresql package creates it: apt-get install -y postgresql)",
    );
  }
  return u;
}

function settingArgs(settings: Record<string, string | number | boolean>): string[] {
  return Object.entries(settings).flatMap(([k, v]) => {
    if (!/^[a-z_][a-z0-9_.]*$/.test(k)) throw new ParameterError('settings', k, '', 'a PostgreSQL setting name ([a-z_][a-z0-9_.]*)');
    return ['-c', `${k}=${typeof v === 'boolean' ? (v ? 'on' : 'off') : v}`];
  });
}

async function connect(socketDir: string): Promise<Client> {
  const c = new Client({ host: socketDir, port: PORT, user: 'postgres', database: 'postgres' });
  await c.connect();
  return c;
}

/**
 * Starts a private PostgreSQL. Throws a PrivateServerError when the binaries are missing,
 * initdb fails, or the server does not come up; nothing is left behind then.
 */
export async function startPostgres(opts: PostgresOptions = {}): Promise<PrivatePostgres> {
  const sharedBuffersMiB = requireInteger('sharedBuffersMiB', opts.sharedBuffersMiB ?? 128, 'MiB', 1, 1 << 20);
  const settings = settingArgs(opts.settings ?? {});
  if (!hasPostgres()) {
    throw new PrivateServerError(`PostgreSQL 15 not found in ${postgresBinDir()} (install it: apt-get install -y postgresql; or set POSTGRES_BIN_DIR)`);
  }
  const runAs = serverUser();
  const bin = postgresBinDir();
  const server = await startPrivateServer({
    engine: 'postgres',
    runAs,
    stopSignal: 'SIGINT',
    readyTimeoutMs: opts.readyTimeoutMs ?? 120_000,
    pollMs: 20,
    prepare: (dir) => {
      const data = join(dir, 'data');
      mkdirSync(data, { mode: 0o700 });
      if (runAs) chownTree(data, runAs);
      const r = spawnSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], {
        encoding: 'utf8',
        uid: runAs?.uid,
        gid: runAs?.gid,
        cwd: dir,
      });
      if (r.status !== 0) throw new PrivateServerError(`initdb failed (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error)).trim()}`);
    },
    command: (dir) => ({
      file: join(bin, 'postgres'),
      args: ['-D', join(dir, 'data'), '-k', dir, '-p', String(PORT), '-c', "listen_addresses=", '-c', `shared_buffers=${sharedBuffersMiB}MB`, ...settings],
    }),
    ready: async (dir) => {
      const c = await connect(dir);
      await c.end();
      return true;
    },
  });
  const socketDir = server.dir;
  const query = async <R>(sql: string, params?: unknown[]): Promise<R[]> => {
    if (!server.alive()) throw new PrivateServerError('postgres is not running (it died or was stopped)', readLog());
    const c = await connect(socketDir);
    try {
      return (await c.query(sql, params)).rows as R[];
    } finally {
      await c.end();
    }
  };
  const readLog = () => (existsSync(server.logPath) ? readFileSync(server.logPath, 'utf8') : '');
  const pgbench = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const p = spawn(join(bin, 'pgbench'), ['-h', socketDir, '-p', String(PORT), '-U', 'postgres', ...args, 'postgres'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (b) => (out += b));
      p.stderr.on('data', (b) => (err += b));
      p.on('error', reject);
      p.on('close', (code, signal) =>
        code === 0 ? resolve(out) : reject(new PrivateServerError(`pgbench ${args.join(' ')} failed (exit ${code}${signal ? `, ${signal}` : ''}): ${err.trim().split('\n').slice(-3).join(' | ')}`)),
      );
    });
  return {
    server,
    socketDir,
    dataDir: join(socketDir, 'data'),
    port: PORT,
    query,
    pgbench,
    crash: () => server.crash(),
    restart: () => server.restart(),
    log: readLog,
    stop: () => server.stop(),
  };
}

/** Redo statistics of the last crash recovery in a PostgreSQL 15 log. */
export interface PostgresRedo {
  /**
   * Redo time (s): from the "redo starts at" line to the "redo done at" line, by their log
   * timestamps (ms resolution; the line's own "elapsed" has only 10 ms); 0 when the server
   * logged "redo is not required".
   */
  redoS: number;
  /** Whether redo ran at all. */
  redoRan: boolean;
  /** WAL replayed (bytes), from the two lines' LSNs. */
  replayedBytes: number;
}

const LSN = /([0-9A-F]+)\/([0-9A-F]+)/;
const lsnValue = (m: RegExpExecArray) => parseInt(m[1], 16) * 2 ** 32 + parseInt(m[2], 16);
const stamp = (line: string) => {
  const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/.exec(line);
  return m ? Date.parse(m[1].replace(' ', 'T') + 'Z') : NaN;
};

/** Parses the last recovery's redo lines from a PostgreSQL 15 server log (default log_line_prefix '%m [%p] '). */
export function lastRedo(log: string): PostgresRedo {
  const lines = log.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (/redo is not required/.test(l)) return { redoS: 0, redoRan: false, replayedBytes: 0 };
    if (!/redo done at /.test(l)) continue;
    for (let j = i - 1; j >= 0; j--) {
      if (!/redo starts at /.test(lines[j])) continue;
      const a = LSN.exec(lines[j].slice(lines[j].indexOf('redo starts at')));
      const b = LSN.exec(l.slice(l.indexOf('redo done at')));
      const ms = stamp(l) - stamp(lines[j]);
      const elapsed = /elapsed: ([0-9.]+) s/.exec(l);
      return {
        redoS: Number.isFinite(ms) ? ms / 1000 : Number(elapsed?.[1] ?? 0),
        redoRan: true,
        replayedBytes: a && b ? Math.max(0, lsnValue(b) - lsnValue(a)) : 0,
      };
    }
  }
  throw new PrivateServerError('the PostgreSQL log holds no redo line (no crash recovery ran)');
}
