// kernel-lib's public API: the shared layers, then each paper's front. Every front names its
// exports; internals (the LRU, typed lists, calibration targets, loader helpers) are not here.
// Layering (enforced by kernel-lib/test/layering.test.ts): core ← hardware, workloads ← dbms,
// metrics, sqlite ← papers/<paper>; a paper never imports another paper, and no shared layer
// imports a paper.
export * from './core/index.js';
export * from './hardware/index.js';
export * from './dbms/index.js';
export * from './workloads/index.js';
export * from './metrics/index.js';
export * from './sqlite/index.js';
export * from './innodb/index.js';
export * from './engines/index.js';
export * from './notebook/index.js';

export * from './papers/disk/index.js';
export * from './papers/a-replication/index.js';
export * from './papers/b-reorg/index.js';
export * from './papers/c-flash-backup/index.js';
