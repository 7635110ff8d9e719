// Barrel for the disk area. Keep exported names unique across barrels.
export * from '../hardware/seek-curve.js';
export * from '../hardware/zones.js';
export * from '../hardware/hdd.js';
export * from '../hardware/ssd.js';
export * from '../hardware/disk-layout.js';
export * from '../hardware/disk-sim.js';
export * from '../hardware/disksim-params.js';
export * from '../hardware/disksim-spec.js';
export * from '../hardware/disk-trace.js';
export * from '../metrics/cdf-demerit.js';
export * from '../experiments/disk-validation.js';
export * from '../experiments/hardware-tour.js';
export * from '../experiments/disk-validation-ablation.js';
