/**
 * Network links. The paper's client is on a 40 GbE link (§5.1); VM-to-VM copies on the same host
 * go through the guests' network stacks (netfront/netback) and the copy tool, which is slower than
 * the wire — that path rate is a calibrated parameter of the experiment, capped here by the link.
 */
import { requirePositive } from '../../core/validate.js';

/** Payload rate of an Ethernet link of `gbps` in MB/s (10^6 B/s), 1500-byte frames: 1460 B of TCP payload per 1538 B on the wire. */
export function ethernetPayloadMBps(gbps: number): number {
  requirePositive('gbps', gbps, 'Gb/s');
  return ((gbps * 1e9) / 8 / 1e6) * (1460 / 1538);
}
