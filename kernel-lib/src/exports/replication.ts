// Barrel for the replication area (paper A). Keep exported names unique across barrels.
export * from '../hardware/page-cache-lru.js';
export * from '../hardware/page-cache.js';
export * from '../hardware/hypervisor-share-table.js';
export * from '../hardware/vm-host.js';
export * from '../hardware/network.js';
export * from '../dbms/innodb-buffer-pool-model.js';
export * from '../dbms/mysql-throughput.js';
export * from '../dbms/xtrabackup.js';
export * from '../dbms/replication-pipeline.js';
export * from '../workloads/sysbench-oltp-read-only.js';
export * from '../workloads/tpcc.js';
export * from '../metrics/stable-peak.js';
export * from '../experiments/paper-a.js';
export * from '../experiments/paper-a-checks.js';
export * from '../experiments/paper-a-figures.js';
export * from '../experiments/paper-a-calibration.js';
export * from '../experiments/paper-a-sweeps.js';
