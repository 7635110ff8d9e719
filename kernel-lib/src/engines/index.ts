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
  startPostgres,
  hasPostgres,
  postgresBinDir,
  lastRedo,
  type PostgresOptions,
  type PrivatePostgres,
  type PostgresRedo,
} from './postgres.js';
