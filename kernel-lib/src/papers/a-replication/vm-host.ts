/**
 * The scale-up host and its VMs (paper A §5.1): host RAM, cores, disks and network; per-VM memory
 * and vCPUs; the MySQL sizes inside each VM. Loaded from data/a-replication/setup.json, where every
 * number has its source. `validateVmSetup` rejects impossible setups with a ParameterError that
 * names the parameter, value, unit and valid range.
 */
import { loadJson } from '../../core/data-path.js';
import { ParameterError, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../../core/validate.js';

export interface ReplicationHostSpec {
  memoryGiB: number;
  cores: number;
  diskCount: number;
  diskProfile: string;
  networkGbps: number;
}

export interface ReplicationVmSpec {
  memoryGiB: number;
  vcpus: number;
  /** Guest kernel + mysqld memory outside the buffer pool (GiB). */
  guestReservedGiB: number;
}

export interface ReplicationMysqlSpec {
  bufferPoolGiB: number;
  dataGiB: number;
  pageBytes: number;
  /** Files MySQL needs to start (system tablespace, redo logs, system schema), MiB. */
  minimalFilesMiB: number;
  /** Redo log capacity (MiB). */
  redoLogMiB: number;
  /** Checkpoint age under load as a fraction of the redo capacity (the redo a crash recovery applies). */
  checkpointAgeFraction: number;
}

export interface ReplicationSetup {
  host: ReplicationHostSpec;
  vm: ReplicationVmSpec;
  mysql: ReplicationMysqlSpec;
  measuredTimes: Record<string, { bootS: number; mysqlStartS: number }>;
  experiment: { replicaIntervalS: number; newVms: number };
  sysbench: {
    pointSelects: number;
    rangeQueries: number;
    rangeRows: number;
    statementsPerTx: number;
    randSpecPct: number;
    randSpecRes: number;
    randSpecIter: number;
    rowBytes: number;
    /** SysBench client threads per VM: normally the calibrated value (calibration.json clientThreads); a setup may override it. */
    clientThreads?: number;
    /** sysbench --rand-type override (normally the calibrated value in calibration.json). */
    randType?: 'special' | 'uniform' | 'gaussian' | 'pareto';
  };
  /** TPC-C on the source: data per warehouse; the driver's connections are calibrated (calibration.json tpccConnections), a setup may override them. */
  tpcc: { mbPerWarehouse: number; connections?: number };
  /** Components of a guest page-cache read (hardware/page-cache-read-cost.ts). */
  costs: { pvSyscallUs: number; copyGBps: number; checksumCyclesPerByte: number; cpuGHz: number; completionUs: number };
}

/** The paper's setup as recorded in data/a-replication/setup.json (a fresh copy each call). */
export function loadReplicationSetup(): ReplicationSetup {
  return loadJson<ReplicationSetup>('a-replication', 'setup.json');
}

/**
 * Checks a host/VM/MySQL setup for `vmCount` VMs.
 * vCPUs may outnumber host cores (Xen overcommits them); the throughput model gives every vCPU a
 * core of its own, which is optimistic beyond `host.cores` VMs.
 * @throws ParameterError when the buffer pool (plus the guest's reserved memory) does not fit in
 *   the VM, the data or sizes are not positive, or — without cache sharing — the VMs need more
 *   memory than the host has.
 */
export function validateVmSetup(setup: ReplicationSetup, vmCount: number, sharing: boolean): void {
  const { host, vm, mysql } = setup;
  requirePositive('host.memoryGiB', host.memoryGiB, 'GiB');
  requireInteger('host.cores', host.cores, 'cores', 1);
  requireInteger('host.diskCount', host.diskCount, 'disks', 1);
  requirePositive('host.networkGbps', host.networkGbps, 'Gb/s');
  requirePositive('vm.memoryGiB', vm.memoryGiB, 'GiB');
  requireInteger('vm.vcpus', vm.vcpus, 'vCPUs', 1);
  if (!(vm.guestReservedGiB >= 0 && vm.guestReservedGiB < vm.memoryGiB)) {
    throw new ParameterError('vm.guestReservedGiB', vm.guestReservedGiB, 'GiB', `in [0, ${vm.memoryGiB}) GiB (below the VM memory)`);
  }
  requirePositive('mysql.bufferPoolGiB', mysql.bufferPoolGiB, 'GiB');
  requirePositive('mysql.dataGiB', mysql.dataGiB, 'GiB');
  requireInteger('mysql.pageBytes', mysql.pageBytes, 'bytes', 4096, 65536);
  requirePositive('mysql.minimalFilesMiB', mysql.minimalFilesMiB, 'MiB');
  requirePositive('mysql.redoLogMiB', mysql.redoLogMiB, 'MiB');
  requireInRange('mysql.checkpointAgeFraction', mysql.checkpointAgeFraction, '', 0, 1);
  const maxPool = vm.memoryGiB - vm.guestReservedGiB;
  if (mysql.bufferPoolGiB > maxPool) {
    throw new ParameterError('mysql.bufferPoolGiB', mysql.bufferPoolGiB, 'GiB', `≤ ${maxPool} GiB (VM memory ${vm.memoryGiB} GiB − guest reserved ${vm.guestReservedGiB} GiB)`);
  }
  for (const [config, t] of Object.entries(setup.measuredTimes)) {
    if (config === 'source') continue;
    requireNonNegative(`measuredTimes["${config}"].bootS`, t.bootS, 's');
    requireNonNegative(`measuredTimes["${config}"].mysqlStartS`, t.mysqlStartS, 's');
  }
  requireInteger('vmCount', vmCount, 'VMs', 1);
  if (!sharing && vmCount * vm.memoryGiB > host.memoryGiB) {
    throw new ParameterError('vmCount', vmCount, 'VMs', `≤ ${Math.floor(host.memoryGiB / vm.memoryGiB)} VMs without cache sharing (${host.memoryGiB} GiB host / ${vm.memoryGiB} GiB per VM)`);
  }
}
