/**
 * Bulk file copies on the host's disks: XtraBackup's snapshot (it reads the data files and writes
 * the backup copy), the snapshot transfer, and lazy replication's minimum-file copy and background
 * copier. A copy moves `chunkBytes` at a time with one request outstanding: each chunk is a read
 * and a write elsewhere on the disks, each costing a repositioning (a random access) plus the
 * transfer at the sequential media rate. The host's disks are striped, so a chunk is spread over
 * all of them: every disk repositions and transfers its 1/disks share in parallel. The running
 * VMs' random reads are closed workloads too (their clients wait for each read): each of the
 * chunk's requests waits behind the random requests queued at the disk (`otherWaitMs`, their mean
 * number times a random read's service), and open loads (batched recovery reads) stretch it by
 * 1/(1 − their utilization).
 *
 * Simpler than XtraBackup: no `--prepare` (redo application) phase and no redo-log copy, the
 * copy's own CPU is not modeled, and the chunk size is an effective figure (calibrated, see
 * data/a-replication/calibration.json) standing for read-ahead, write-back merging and the tool's
 * buffer size together.
 */
import { requireInRange, requireInteger, requireNonNegative, requirePositive } from '../../core/validate.js';

export interface CopyStreamInput {
  /** Bytes per copy step. */
  chunkBytes: number;
  /** Random repositioning time of a disk (ms): seek + half a rotation. */
  repositionMs: number;
  /** Sequential media rate (MB/s). */
  seqMBps: number;
  /** Per-disk utilization by open loads of others (0..<1). */
  otherUtil: number;
  /** Mean wait of each of the chunk's requests behind closed random requests at a disk (ms); default 0. */
  otherWaitMs?: number;
  /** Upper bound from elsewhere (network path, tool) in MB/s; Infinity for none. */
  capMBps: number;
}

/** Service time of one chunk (read + write) striped over `disks` idle disks, ms. */
export function copyChunkServiceMs(chunkBytes: number, repositionMs: number, seqMBps: number, disks = 1): number {
  requirePositive('chunkBytes', chunkBytes, 'bytes');
  requirePositive('repositionMs', repositionMs, 'ms');
  requirePositive('seqMBps', seqMBps, 'MB/s');
  requireInteger('disks', disks, 'disks', 1);
  return 2 * (repositionMs + (chunkBytes / disks / (seqMBps * 1e6)) * 1000);
}

/** Copy rate (MB/s) and the utilization it adds to each of the `disks` striped disks. */
export function copyStreamRate(inp: CopyStreamInput, disks: number): { MBps: number; diskUtil: number } {
  const u = Math.min(0.98, requireInRange('otherUtil', inp.otherUtil, '', 0, 1));
  const wait = requireNonNegative('otherWaitMs', inp.otherWaitMs ?? 0, 'ms');
  const svc = copyChunkServiceMs(inp.chunkBytes, inp.repositionMs, inp.seqMBps, disks);
  // a chunk is a read and a write: two requests, each behind the queued random requests
  const diskLimited = inp.chunkBytes / 1e6 / ((svc + 2 * wait) / (1 - u) / 1000);
  const MBps = Math.min(inp.capMBps, diskLimited);
  const chunksPerS = (MBps * 1e6) / inp.chunkBytes;
  return { MBps, diskUtil: (chunksPerS * svc) / 1000 };
}
