/**
 * A private MariaDB server that the project starts itself, on the private-server lifecycle
 * (own temp folder, reaper that stops it even when the owner is SIGKILLed).
 *
 * Commands (tried on this machine, /work/shared/docs/toolchain-notes.md, MariaDB 10.11):
 *   mariadb-install-db --no-defaults --datadir=D --user=root --auth-root-authentication-method=normal
 *   mariadbd --no-defaults --datadir=D --socket=S --skip-networking --user=root ...
 * `--no-defaults` keeps every /etc/mysql option file out, `--skip-networking` means no TCP
 * listener: the Unix socket in the server's own folder is the only way in. Readiness is a real
 * connection over that socket with the npm `mariadb` connector (MariaDB Corporation, LGPL-2.1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mariadb';
import { ParameterError, requireInRange, requireInteger, requireOneOf } from '../core/validate.js';
import { PrivateServerError, startPrivateServer, type PrivateServer } from './private-server.js';

/** innodb_flush_method values MariaDB 10.11 accepts (MariaDB KB, "InnoDB System Variables"). */
export const INNODB_FLUSH_METHODS = ['fsync', 'O_DSYNC', 'littlesync', 'nosync', 'O_DIRECT', 'O_DIRECT_NO_FSYNC'] as const;
export type InnodbFlushMethod = (typeof INNODB_FLUSH_METHODS)[number];

/** innodb_page_size values in KiB (MariaDB KB: 4k, 8k, 16k default, 32k, 64k). */
export const INNODB_PAGE_SIZES_KIB = [4, 8, 16, 32, 64] as const;

export interface MariaDbOptions {
  /** innodb_buffer_pool_size in MiB. Default 256. Range [8, 65536]. */
  bufferPoolMiB?: number;
  /** innodb_flush_method. Default 'fsync' (MariaDB 10.11's default on Linux is O_DIRECT; fsync works on tmpfs too). */
  flushMethod?: InnodbFlushMethod;
  /** innodb_file_per_table: each table in its own .ibd. Default true (MariaDB's default). */
  filePerTable?: boolean;
  /** innodb_page_size in KiB; fixed when the datadir is created. Default 16. */
  pageSizeKiB?: number;
  /** innodb_log_file_size in MiB. Default 96 (MariaDB 10.11's default). Range [4, 65536]. */
  logFileMiB?: number;
  /** innodb_flush_log_at_trx_commit (0, 1 or 2). Default 1 (MariaDB's default). */
  flushLogAtTrxCommit?: number;
  /** Further `--name=value` server options, appended as given. Default none. */
  extraArgs?: string[];
  /** Time allowed until the server accepts connections (ms). Default 60,000. */
  readyTimeoutMs?: number;
  /** Time allowed for a clean shutdown before SIGKILL (ms). Default 30,000. */
  stopTimeoutMs?: number;
  /** mariadbd binary. Default /usr/sbin/mariadbd. */
  serverBinary?: string;
  /** mariadb-install-db binary. Default /usr/bin/mariadb-install-db. */
  installBinary?: string;
}

/** The result of a statement that returns no rows (INSERT, UPDATE, DELETE, DDL). */
export interface ExecResult {
  affectedRows: number;
  insertId: number;
  warningStatus: number;
}

/** A running private MariaDB with one client connection over its Unix socket. */
export interface MariaDb {
  readonly server: PrivateServer;
  /** The server's folder (gone after stop()). */
  readonly dir: string;
  readonly datadir: string;
  readonly socketPath: string;
  readonly pageSizeBytes: number;
  /** Runs a statement that returns rows; `?` placeholders are filled from `values`. BIGINT and DECIMAL come back as numbers. */
  query<T extends object = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Runs a statement that returns no rows. */
  exec(sql: string, values?: unknown[]): Promise<ExecResult>;
  /** Path of a table's file-per-table tablespace: <datadir>/<schema>/<table>.ibd. */
  tablespacePath(schema: string, table: string): string;
  /**
   * Shuts the server down cleanly and starts it again on the same datadir (a cold buffer pool:
   * innodb_buffer_pool_load_at_startup is off), then reconnects; resolves to ms until ready.
   */
  restart(): Promise<number>;
  /** Closes the connection, stops the server (SIGTERM, then wait) and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

const SOCKET = 'mysqld.sock';

/** A statement the server refused: its SQL (shortened), MariaDB's error code and message. */
export class MariaDbQueryError extends Error {
  /** MariaDB's symbolic error code, e.g. 'ER_NO_SUCH_TABLE'. */
  readonly code: string;
  /** MariaDB's numeric error (errno), 0 when the client failed before the server answered. */
  readonly errno: number;
  readonly sql: string;
  constructor(sql: string, e: { code?: string; errno?: number; sqlMessage?: string; message?: string }) {
    const short = sql.length > 200 ? `${sql.slice(0, 200)}…` : sql;
    super(`mariadb: ${e.sqlMessage ?? e.message ?? 'query failed'} (${e.code ?? 'unknown'}) in: ${short}`);
    this.name = 'MariaDbQueryError';
    this.code = e.code ?? 'unknown';
    this.errno = e.errno ?? 0;
    this.sql = short;
  }
}

/** Runs one statement; a client or server error becomes a MariaDbQueryError (the connector's own error text dumps its minified source). */
async function run(conn: Connection, sql: string, values?: unknown[]): Promise<unknown> {
  try {
    return await conn.query(sql, values);
  } catch (e) {
    throw new MariaDbQueryError(sql, e as { code?: string });
  }
}

function connect(socketPath: string, connectTimeout = 2_000): Promise<Connection> {
  return createConnection({
    socketPath,
    user: 'root',
    password: '',
    connectTimeout,
    bigIntAsNumber: true,
    decimalAsNumber: true,
    insertIdAsNumber: true,
    multipleStatements: false,
  });
}

/** A schema or table name as this helper accepts it (letters, digits, _): safe to put in backquotes. */
export function sqlIdentifier(param: string, name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    throw new ParameterError(param, name, '', 'an identifier of letters, digits and _ (at most 64)');
  }
  return name;
}

/**
 * Starts a private mariadbd: a fresh datadir in its own temp folder, a Unix socket, no network
 * listener, root without a password, and waits until a client connects.
 *
 * @throws ParameterError for an option out of range; PrivateServerError when the binaries are
 *   missing (with what to install) or the server does not come up (with its log).
 * @example
 *   const db = await startMariaDb({ bufferPoolMiB: 512 });
 *   try { await db.exec('CREATE DATABASE d'); } finally { await db.stop(); }
 */
export async function startMariaDb(options: MariaDbOptions = {}): Promise<MariaDb> {
  const bufferPoolMiB = requireInRange('bufferPoolMiB', options.bufferPoolMiB ?? 256, 'MiB', 8, 65_536);
  const flushMethod = requireOneOf('flushMethod', options.flushMethod ?? 'fsync', INNODB_FLUSH_METHODS);
  const filePerTable = options.filePerTable ?? true;
  if (typeof filePerTable !== 'boolean') throw new ParameterError('filePerTable', String(filePerTable), '', 'one of [true, false]');
  const pageSizeKiB = options.pageSizeKiB ?? 16;
  if (!(INNODB_PAGE_SIZES_KIB as readonly number[]).includes(pageSizeKiB)) {
    throw new ParameterError('pageSizeKiB', pageSizeKiB, 'KiB', `one of [${INNODB_PAGE_SIZES_KIB.join(', ')}]`);
  }
  const logFileMiB = requireInRange('logFileMiB', options.logFileMiB ?? 96, 'MiB', 4, 65_536);
  const flushLog = requireInteger('flushLogAtTrxCommit', options.flushLogAtTrxCommit ?? 1, '', 0, 2);
  const extraArgs = options.extraArgs ?? [];
  for (const a of extraArgs) {
    if (typeof a !== 'string' || !a.startsWith('--')) throw new ParameterError('extraArgs', String(a), '', 'server options of the form --name[=value]');
  }
  const serverBinary = options.serverBinary ?? '/usr/sbin/mariadbd';
  const installBinary = options.installBinary ?? '/usr/bin/mariadb-install-db';
  for (const bin of [serverBinary, installBinary]) {
    if (!existsSync(bin)) {
      throw new PrivateServerError(`mariadb: ${bin} is missing (Debian: apt-get install -y mariadb-server, or CI=true bash scripts/setup.sh)`);
    }
  }
  // Options that fix the file format go to the bootstrap as well as to the server.
  const formatArgs = [`--innodb-page-size=${pageSizeKiB}k`, `--innodb-file-per-table=${filePerTable ? 'ON' : 'OFF'}`];
  const serverArgs = (dir: string): string[] => [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    `--socket=${join(dir, SOCKET)}`,
    `--pid-file=${join(dir, 'mariadbd.pid')}`,
    `--tmpdir=${dir}`,
    '--skip-networking',
    '--user=root',
    '--skip-log-bin',
    // A restart starts cold: no buffer-pool dump at shutdown, no load at startup.
    '--innodb-buffer-pool-dump-at-shutdown=OFF',
    '--innodb-buffer-pool-load-at-startup=OFF',
    `--innodb-buffer-pool-size=${Math.round(bufferPoolMiB)}M`,
    `--innodb-flush-method=${flushMethod}`,
    `--innodb-log-file-size=${Math.round(logFileMiB)}M`,
    `--innodb-flush-log-at-trx-commit=${flushLog}`,
    ...formatArgs,
    ...extraArgs,
  ];
  const server = await startPrivateServer({
    engine: 'mariadb',
    readyTimeoutMs: options.readyTimeoutMs,
    stopTimeoutMs: options.stopTimeoutMs,
    prepare: (dir) => {
      const datadir = join(dir, 'data');
      mkdirSync(datadir);
      const r = spawnSync(
        installBinary,
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          '--user=root',
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
          // its own temp folder: bootstraps running side by side must not share /tmp's temporary tables
          `--tmpdir=${dir}`,
          ...formatArgs,
        ],
        { encoding: 'utf8', cwd: dir, timeout: 120_000 },
      );
      if (r.status !== 0) {
        throw new PrivateServerError(`mariadb: ${installBinary} failed (status ${r.status}${r.error ? `, ${r.error.message}` : ''})`, `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n'));
      }
    },
    command: (dir) => ({ file: serverBinary, args: serverArgs(dir) }),
    ready: async (dir) => {
      if (!existsSync(join(dir, SOCKET))) return false;
      const c = await connect(join(dir, SOCKET), 1_000);
      await c.end();
      return true;
    },
  });
  const socketPath = join(server.dir, SOCKET);
  const datadir = join(server.dir, 'data');
  let conn: Connection;
  try {
    conn = await connect(socketPath);
  } catch (e) {
    await server.stop();
    throw new PrivateServerError(`mariadb: ready but the client cannot connect: ${(e as Error).message}`);
  }
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      try {
        await conn.end();
      } catch {
        conn.destroy();
      }
      await server.stop();
    })());
  return {
    server,
    dir: server.dir,
    datadir,
    socketPath,
    pageSizeBytes: pageSizeKiB * 1024,
    query: async <T extends object>(sql: string, values?: unknown[]) => {
      const rows = (await run(conn, sql, values)) as T[] & { meta?: unknown };
      if (!Array.isArray(rows)) throw new PrivateServerError(`mariadb: statement returned no rows (use exec): ${sql.slice(0, 80)}`);
      return Array.from(rows);
    },
    exec: async (sql: string, values?: unknown[]) => {
      const r = (await run(conn, sql, values)) as Partial<ExecResult> | unknown[];
      if (Array.isArray(r)) return { affectedRows: 0, insertId: 0, warningStatus: 0 };
      return { affectedRows: Number(r.affectedRows ?? 0), insertId: Number(r.insertId ?? 0), warningStatus: Number(r.warningStatus ?? 0) };
    },
    tablespacePath: (schema, table) => join(datadir, sqlIdentifier('schema', schema), `${sqlIdentifier('table', table)}.ibd`),
    restart: async () => {
      try {
        await conn.end();
      } catch {
        conn.destroy();
      }
      const ms = await server.restart();
      conn = await connect(socketPath);
      return ms;
    },
    stop,
  };
}

/** Runs `body` with a private MariaDB and always stops it afterwards. */
export async function withMariaDb<T>(options: MariaDbOptions, body: (db: MariaDb) => Promise<T>): Promise<T> {
  const db = await startMariaDb(options);
  try {
    return await body(db);
  } finally {
    await db.stop();
  }
}
