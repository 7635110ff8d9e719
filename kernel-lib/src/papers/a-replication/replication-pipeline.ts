/**
 * The four replica-creation pipelines of paper A (§3–§5):
 * - `default`: XtraBackup snapshot → transfer → MySQL start (→ catch-up → warm-up);
 * - `lazy`: copy the minimum files → MySQL start; blocks not yet copied are fetched on demand
 *   from the source through the hypervisor; a background copier moves the rest; the source keeps
 *   the start image by copy-on-write;
 * - `share`: the default pipeline with cross-VM buffer-pool sharing;
 * - `lazy share`: both.
 * Go-beyond configurations: `cow-storage` (Aurora/Neon-style: the replica opens shared
 * copy-on-write storage pages and copies nothing) and `vm-fork` (SnowFlock-style: the VM's memory
 * and disk are forked; writes on the source after the fork never reach the child).
 */
import { ParameterError, requireOneOf } from '../../core/validate.js';

export type ReplicationConfig = 'default' | 'lazy' | 'share' | 'lazy share' | 'cow-storage' | 'vm-fork';
export const PAPER_A_CONFIGS: readonly ReplicationConfig[] = ['default', 'lazy', 'share', 'lazy share'];
export const REPLICATION_CONFIGS: readonly ReplicationConfig[] = [...PAPER_A_CONFIGS, 'cow-storage', 'vm-fork'];

export interface ReplicationPipelineFlags {
  /** Full snapshot + transfer before the start. */
  fullCopy: boolean;
  /** Minimum files + on-demand fetch + background copy. */
  lazy: boolean;
  /** Cross-VM buffer-pool sharing through the hypervisor. */
  share: boolean;
  /** Storage pages shared copy-on-write: nothing copied, no fetch. */
  sharedStorage: boolean;
  /** Forked VM: starts with the source's buffer pool and page cache, no replication afterwards. */
  fork: boolean;
}

/** @throws ParameterError for an unknown configuration name. */
export function replicationPipelineFlags(config: string): ReplicationPipelineFlags {
  const c = requireOneOf('config', config, REPLICATION_CONFIGS);
  return {
    fullCopy: c === 'default' || c === 'share',
    lazy: c === 'lazy' || c === 'lazy share',
    share: c === 'share' || c === 'lazy share',
    sharedStorage: c === 'cow-storage',
    fork: c === 'vm-fork',
  };
}

/** A non-empty list of configuration names; an unknown one is named by its index (`configs[2]`). */
export function requireReplicationConfigs(param: string, configs: readonly string[]): readonly ReplicationConfig[] {
  if (!Array.isArray(configs) || configs.length === 0) throw new ParameterError(param, configs, '', 'a non-empty array of configuration names');
  return configs.map((c, k) => requireOneOf(`${param}[${k}]`, c, REPLICATION_CONFIGS));
}
