/**
 * simple-statistics for paper C. The package is ESM-only and kernel-lib is CommonJS: Node ≥ 20.19
 * loads it through require(), the same pattern as papers/b-reorg/reorg-experiment.ts and
 * core/arquero.ts. Local until the shared loader (core/statistics.ts, being written) lands;
 * then this file is replaced by an import from there.
 */
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as SimpleStatisticsC from 'simple-statistics';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ss: typeof SimpleStatisticsC = require('simple-statistics');

export const { max, mean } = ss;
