/**
 * Throughput of a MySQL instance under a closed benchmark (SysBench / TPC-C clients with no think
 * time) by exact Mean Value Analysis (Reiser & Lavenberg 1980) of a closed queueing network: one
 * vCPU (queueing station) and `disks` striped disks (identical queueing stations, each with
 * 1/disks of the disk demand).
 *
 * Demands per transaction: CPU = statements × CPU per statement + per-miss CPU (page-cache copy,
 * share mapping); disk = misses served by a disk read × the read's service time. Other load on
 * the same vCPU or disks (another benchmark on the VM, other VMs, snapshot copies) is folded in
 * by stretching the service times by 1/(1 − utilization of the others) (a standard approximation
 * for a shared server; Lazowska et al., Quantitative System Performance, 1984, ch. 8). A closed
 * stream with one request outstanding (a bulk copy) is not an open load: it is folded in as the
 * requests it keeps ahead of each visit (`diskOtherQueue`, the Bard–Schweitzer form of multi-class
 * MVA), which a 1/(1 − u) stretch would overstate without bound as its utilization nears 1.
 */
import { requireInteger, requireInRange, requireNonNegative } from '../../core/validate.js';

export interface MvaInput {
  /** Client threads (closed population). */
  threads: number;
  /** CPU demand per transaction (ms). */
  cpuMs: number;
  /** Disk demand per transaction, summed over the disks (ms). */
  diskMs: number;
  /** Striped disks sharing the disk demand. */
  disks: number;
  /** vCPU utilization by others with priority (0..<1); stretches the CPU demand by 1/(1 − u). */
  cpuOtherUtil?: number;
  /** Mean number of other threads at the vCPU sharing it fairly (processor sharing, e.g. Linux CFS):
   *  every CPU visit also waits for them (Bard–Schweitzer approximation of multi-class MVA). */
  cpuOtherQueue?: number;
  /** Per-disk utilization by others (0..<1). */
  diskOtherUtil?: number;
  /** Mean work of closed others (bulk copies) ahead of every disk visit, in units of this
   *  workload's per-visit disk service time (Bard–Schweitzer approximation of multi-class MVA). */
  diskOtherQueue?: number;
}

export interface MvaResult {
  /** Transactions per second. */
  xPerS: number;
  /** vCPU utilization by this workload. */
  cpuUtil: number;
  /** Per-disk utilization by this workload. */
  diskUtil: number;
  /** Mean response time (ms). */
  responseMs: number;
  /** Mean number of this workload's threads at the vCPU. */
  cpuQueue: number;
  /** Mean number of this workload's requests at one disk. */
  diskQueue: number;
}

const MAX_OTHER = 0.98;

export function mvaThroughput(inp: MvaInput): MvaResult {
  const n = requireInteger('threads', inp.threads, 'threads', 1, 4096);
  requireNonNegative('cpuMs', inp.cpuMs, 'ms');
  requireNonNegative('diskMs', inp.diskMs, 'ms');
  const disks = requireInteger('disks', inp.disks, 'disks', 1);
  const cu = Math.min(MAX_OTHER, requireInRange('cpuOtherUtil', inp.cpuOtherUtil ?? 0, '', 0, 1));
  const du = Math.min(MAX_OTHER, requireInRange('diskOtherUtil', inp.diskOtherUtil ?? 0, '', 0, 1));
  const qo = requireNonNegative('cpuOtherQueue', inp.cpuOtherQueue ?? 0, 'threads');
  const qdo = requireNonNegative('diskOtherQueue', inp.diskOtherQueue ?? 0, 'requests');
  const dc = inp.cpuMs / (1 - cu);
  const dd = inp.diskMs / disks / (1 - du);
  if (dc + dd * disks <= 0) return { xPerS: Infinity, cpuUtil: 0, diskUtil: 0, responseMs: 0, cpuQueue: 0, diskQueue: 0 };
  let qc = 0;
  let qd = 0;
  let x = 0;
  let r = 0;
  for (let k = 1; k <= n; k++) {
    const rc = dc * (1 + qc + qo);
    const rd = dd * (1 + qd + qdo);
    r = rc + disks * rd;
    x = k / r;
    qc = x * rc;
    qd = x * rd;
  }
  return { xPerS: x * 1000, cpuUtil: x * inp.cpuMs, diskUtil: (x * inp.diskMs) / disks, responseMs: r, cpuQueue: qc, diskQueue: qd };
}
