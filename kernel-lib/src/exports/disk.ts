// Barrel for the disk area: add 'export * from ...' lines here. Keep exported names unique across barrels.
export {};
