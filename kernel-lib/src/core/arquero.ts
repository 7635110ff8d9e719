/**
 * arquero 8 is ESM-only; kernel-lib is CommonJS (tslab loads notebooks' imports with require).
 * Node ≥ 20.19 loads ESM through require(), so this is the one place that does it.
 */
// @ts-ignore TS1479: a type-only import of an ESM package; the value is loaded with require() below.
import type * as Arquero from 'arquero';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const aq: typeof Arquero = require('arquero');
export type ColumnTable = ReturnType<typeof Arquero.table>;
