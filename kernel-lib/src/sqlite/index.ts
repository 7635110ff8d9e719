// The SQLite file-format reader (https://www.sqlite.org/fileformat2.html), validated against
// SQLite's dbstat. Only the public API is exported; page and record helpers stay internal.
export { SqliteFormatError } from './sqlite-format-error.js';
export { Sqlite3ShellError } from './sqlite3-shell-error.js';
export { parseSqliteHeader, SQLITE_MAGIC, type SqliteHeader, type SqliteTextEncoding } from './sqlite-header.js';
export { type SqliteWalStatus } from './sqlite-wal.js';
export { sqliteJournalStatus, type SqliteJournalStatus } from './sqlite-journal.js';
export { SqliteFile, sqliteWalStatus, type SqliteOpenOptions } from './sqlite-file.js';
export { walkSqliteBtree, type SqliteBtreeLayout, type SqliteWalkOptions } from './sqlite-btree-walk.js';
export { readSqliteSchema, findSqliteBtree, type SqliteSchemaEntry } from './sqlite-schema.js';
export { readSqliteFreelist, type SqliteFreelist } from './sqlite-freelist.js';
export {
  readSqliteLeafLayout,
  listSqliteBtrees,
  sqliteLeafRange,
  type SqliteLeafLayout,
  type SqliteLayoutOptions,
} from './sqlite-layout.js';
export {
  sqlite3ShellPath,
  hasSqlite3Shell,
  runSqlite3,
  SQLITE3_SHELL_TIMEOUT_MS,
  dbstatPages,
  compareDbstatPaths,
  type SqliteDbstatPages,
} from './sqlite-dbstat.js';
