// Barrel for the disk area. Keep exported names unique across barrels.
export * from '../hardware/seek-curve.js';
export * from '../hardware/zones.js';
export * from '../hardware/hdd.js';
export * from '../hardware/ssd.js';
