// kernel-lib public API. Layering: core → hardware, workloads → dbms, metrics → experiments;
// shared DBMS component (paper A's InnoDB pool, paper B's Fig. 8 pool)
export * from './dbms/buffer-pool.js';

// notebook helpers beside. Nothing below imports from above.
// Each area keeps its exports in its own barrel under ./exports/ so that names stay unique.

// core
export * from './core/validate.js';
export * from './core/rng.js';
export * from './core/atomic-write.js';
export * from './core/data-path.js';
export * from './core/arquero.js';
export * from './core/indexed-lru.js';
export * from './core/typed-list.js';

// hardware contract shared by device models and paper B's metrics
export * from './hardware/page-cost.js';

// shared DBMS component (paper A's InnoDB pool, paper B's Fig. 8 pool)
export * from './dbms/buffer-pool.js';

// notebook helpers
export * from './notebook/display.js';
export * from './notebook/style.js';
export * from './notebook/figure.js';
export * from './notebook/export.js';
export * from './notebook/browser.js';
export * from './notebook/table.js';
export * from './notebook/checks.js';

// models and experiments, one barrel per area
export * from './exports/disk.js';
export * from './exports/reorg.js';
export * from './exports/flash-backup.js';
export * from './exports/replication.js';
export * from './exports/sqlite.js';
