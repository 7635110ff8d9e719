// Barrel for the sqlite area: the SQLite file-format reader (storage/sqlite-*) and the paper-B
// experiment on a real SQLite engine (experiments/sqlite-*). Only the public API is exported
// (internal page/record helpers stay module-private to keep names unique across barrels).
export { SqliteFormatError } from '../storage/sqlite-format-error.js';
export { parseSqliteHeader, SQLITE_MAGIC, type SqliteHeader, type SqliteTextEncoding } from '../storage/sqlite-header.js';
export { sqliteWalStatus, type SqliteWalStatus } from '../storage/sqlite-wal.js';
export { SqliteFile, type SqliteOpenOptions } from '../storage/sqlite-file.js';
export { walkSqliteBtree, type SqliteBtreeLayout, type SqliteWalkOptions } from '../storage/sqlite-btree-walk.js';
export { readSqliteSchema, findSqliteBtree, type SqliteSchemaEntry } from '../storage/sqlite-schema.js';
export { readSqliteFreelist, type SqliteFreelist } from '../storage/sqlite-freelist.js';
export {
  readSqliteLeafLayout,
  listSqliteBtrees,
  sqliteLeafRange,
  type SqliteLeafLayout,
  type SqliteLayoutOptions,
} from '../storage/sqlite-layout.js';
export {
  sqlite3ShellPath,
  hasSqlite3Shell,
  runSqlite3,
  dbstatPages,
  compareDbstatPaths,
  type SqliteDbstatPages,
} from '../storage/sqlite-dbstat.js';
export { sqliteReorgSetup, validateSqliteReorgSetup, type SqliteReorgSetup } from '../experiments/sqlite-reorg-setup.js';
export {
  createSqliteT1,
  sqliteBulkUpdateProfile,
  sqliteT1Str,
  SqliteT1Target,
  SqliteBulkUpdates,
} from '../experiments/sqlite-bulk-updates.js';
export {
  runSqliteReorg,
  sqliteReorgCheckSpecs,
  sqliteLayoutMetrics,
  compareSqliteWithDbstat,
  type SqliteReorgOptions,
  type SqliteReorgResult,
  type SqliteLayoutSnapshot,
  type SqliteLeafProfile,
  type SqliteRegionStat,
  type SqliteDbstatComparison,
} from '../experiments/sqlite-reorg.js';
