/**
 * A failure of the `sqlite3` command-line shell (a non-zero exit, a signal, a timeout), with
 * what a reader needs to reproduce it: the database path, the command line and the SQL fed to
 * it, the exit status and what the shell wrote to stderr. Not a SqliteFormatError: the shell
 * fails for reasons of its own too (a missing VACUUM INTO target directory, a full disk).
 */
export class Sqlite3ShellError extends Error {
  /** Path of the database the shell was run on. */
  readonly dbPath: string;
  /** The shell and its arguments. */
  readonly command: string[];
  /** The SQL given on stdin. */
  readonly sql: string;
  /** Exit status, or null when the shell was killed (signal or timeout). */
  readonly status: number | null;
  /** The shell's stderr, trimmed. */
  readonly stderr: string;
  constructor(dbPath: string, command: string[], sql: string, status: number | null, stderr: string, why: string) {
    const shownSql = sql.length > 300 ? `${sql.slice(0, 300)}…` : sql;
    super(`${dbPath}: the sqlite3 shell failed (${why}): ${command.join(' ')} <<< ${JSON.stringify(shownSql.trim())}${stderr ? `: ${stderr}` : ''}`);
    this.name = 'Sqlite3ShellError';
    this.dbPath = dbPath;
    this.command = command;
    this.sql = sql;
    this.status = status;
    this.stderr = stderr;
  }
}
