// Barrel for the flash-backup area: add 'export * from ...' lines here. Keep exported names unique across barrels.
export {};
