/**
 * The contract between a storage device model and paper B's deterioration metrics.
 *
 * Paper B eq. (1): G[i] = f(p_{i−1}, p_i), the I/O cost of reading leaf page p_i right after
 * p_{i−1}; G0 = the cost of a page in a sequential read, the minimum G[i] can take.
 */
export interface PageCost {
  /** Cost (ms) of reading physical page `page` right after physical page `prevPage`. */
  f(prevPage: number, page: number): number;
  /** Cost (ms) of reading a page in a sequential read (f(p, p + 1) in steady state). */
  readonly g0Ms: number;
  /** Page size (bytes) the model was built for. */
  readonly pageBytes: number;
  /** Human-readable name of the device profile. */
  readonly name: string;
}
