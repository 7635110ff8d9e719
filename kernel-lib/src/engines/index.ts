// Shared layer: private database servers the project starts itself. Named exports only.
export {
  PrivateServerError,
  startPrivateServer,
  withPrivateServer,
  lookupUser,
  chownTree,
  livePrivateServers,
  type PrivateServer,
  type PrivateServerSpec,
  type RunAsUser,
} from './private-server.js';
export {
  startMariaDb,
  withMariaDb,
  MariaDbQueryError,
  sqlIdentifier,
  INNODB_FLUSH_METHODS,
  INNODB_PAGE_SIZES_KIB,
  type MariaDb,
  type MariaDbOptions,
  type ExecResult,
  type InnodbFlushMethod,
} from './mariadb.js';
export {
  startPostgres,
  hasPostgres,
  postgresBinDir,
  lastRedo,
  type PostgresOptions,
  type PrivatePostgres,
  type PostgresRedo,
} from './postgres.js';
