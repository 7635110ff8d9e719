// Barrel for the reorg area: add 'export * from ...' lines here. Keep exported names unique across barrels.
export {};
