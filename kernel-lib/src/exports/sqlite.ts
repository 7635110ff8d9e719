// Barrel for the sqlite area: add 'export * from ...' lines here. Keep exported names unique across barrels.
export {};
