// Barrel for the reorg area (paper B): add 'export * from ...' lines here. Keep exported names unique across barrels.
export * from '../metrics/deterioration.js';
export * from '../metrics/fragmentation.js';
export * from '../metrics/deterioration-monitor.js';
export * from '../metrics/deterioration-recompute.js';
export * from '../dbms/innodb-row-format.js';
export * from '../dbms/innodb-fsp.js';
export * from '../dbms/btree-directory.js';
export * from '../dbms/btree.js';
export * from '../dbms/update-sniffer.js';
export * from '../workloads/bulk-updates.js';
export * from '../experiments/paper-b.js';
export * from '../experiments/paper-b-calibrate.js';
export * from '../experiments/paper-b-overhead.js';
