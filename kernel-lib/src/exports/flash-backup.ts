// Barrel for the flash-backup area (paper C): flash chips, multi-buffer backup units, 2-plane
// memory, TPC-A/B workload, log recovery, checkpoint-interval metrics and the paper-C experiments.
export * from '../hardware/flash-chip.js';
export * from '../hardware/flash-profiles.js';
export * from '../dbms/backup-unit.js';
export * from '../dbms/mmdb-backup.js';
export * from '../dbms/two-plane-memory.js';
export * from '../dbms/log-recovery.js';
export * from '../workloads/tpc-ab.js';
export * from '../metrics/checkpoint-interval.js';
export * from '../experiments/paper-c-setup.js';
export * from '../experiments/paper-c.js';
export * from '../experiments/paper-c-beyond.js';
