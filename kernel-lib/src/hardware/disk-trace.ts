/**
 * Parser of DiskSim's validation traces (format "validate", see DiskSim's
 * iotrace_validate_get_ioreq_event): one request per line,
 *   R|W  bufferAction  blockNumber  blockCount  serviceTimeUs  nextInterarrivalUs
 * with 512-byte blocks; bufferAction is what the real drive did (Hit, Miss, Doub, Trip);
 * the service time was measured on the real drive; the next request arrives
 * nextInterarrivalUs after this one was issued.
 */
import { ParameterError } from '../core/validate.js';

export type TraceBufferAction = 'Hit' | 'Miss' | 'Doub' | 'Trip';
export const TRACE_BUFFER_ACTIONS: readonly TraceBufferAction[] = ['Hit', 'Miss', 'Doub', 'Trip'];

export interface ValidationTrace {
  readonly length: number;
  /** 1 = read, 0 = write. */
  readonly isRead: Uint8Array;
  /** Index into TRACE_BUFFER_ACTIONS. */
  readonly action: Uint8Array;
  /** First block (512-byte sector). */
  readonly blockNumber: Float64Array;
  /** Blocks. */
  readonly blockCount: Int32Array;
  /** Measured service time (ms). */
  readonly measuredServiceMs: Float64Array;
  /** Time from this request's issue to the next one's (ms). */
  readonly interarrivalMs: Float64Array;
}

/**
 * Parses a validation trace.
 * @throws ParameterError naming the line for a malformed line.
 */
export function parseValidationTrace(text: string): ValidationTrace {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const n = lines.length;
  const isRead = new Uint8Array(n);
  const action = new Uint8Array(n);
  const blockNumber = new Float64Array(n);
  const blockCount = new Int32Array(n);
  const measuredServiceMs = new Float64Array(n);
  const interarrivalMs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = lines[i].trim().split(/\s+/);
    const bad = (why: string): never => {
      throw new ParameterError(`trace line ${i + 1}`, lines[i], '', 'R|W action block count serviceUs interarrivalUs', why);
    };
    if (f.length !== 6) bad(`expected 6 fields, got ${f.length}`);
    if (f[0] !== 'R' && f[0] !== 'W') bad('first field must be R or W');
    const a = TRACE_BUFFER_ACTIONS.indexOf(f[1] as TraceBufferAction);
    if (a < 0) bad(`unknown buffer action ${f[1]}`);
    const blk = Number(f[2]);
    const cnt = Number(f[3]);
    const svc = Number(f[4]);
    const ia = Number(f[5]);
    if (!Number.isInteger(blk) || blk < 0) bad('block number must be an integer ≥ 0');
    if (!Number.isInteger(cnt) || cnt < 1) bad('block count must be an integer ≥ 1');
    if (!(svc >= 0) || !(ia >= 0)) bad('times must be numbers ≥ 0');
    isRead[i] = f[0] === 'R' ? 1 : 0;
    action[i] = a;
    blockNumber[i] = blk;
    blockCount[i] = cnt;
    measuredServiceMs[i] = svc / 1000;
    interarrivalMs[i] = ia / 1000;
  }
  return { length: n, isRead, action, blockNumber, blockCount, measuredServiceMs, interarrivalMs };
}
