// Barrel for the reorg area (paper B): add 'export * from ...' lines here. Keep exported names unique across barrels.
export * from '../metrics/deterioration.js';
export * from '../metrics/fragmentation.js';
