/**
 * Multi-buffer flash backup unit (paper C §3.2, Fig. 2).
 *
 * One unit = N flash chips on one byte-serial bus. Writing a page occupies the bus only for the
 * register load (pageBytes · ioCycleNs); the chip then programs and verifies on its own, and
 * erases a block before writing the block's first page. With enough chips, the erase, the
 * register → cell transfer and the verify of one chip all run behind the transfers to the
 * other chips, so the backup time approaches the sum of the transfer times (the paper's
 * claim). With one chip ("single buffer", the ablation) nothing is hidden.
 *
 * Two forms are given:
 *  - `simulateMultiBufferWrite`: exact event schedule. Each page goes to the chip that can start
 *    earliest (greedy); a chip erases its next block as soon as its current one is full. The
 *    backup area is a circular log, so at a checkpoint the chips' write pointers are where the
 *    previous backup left them; we start chip c at page ⌊c·P/N⌋ of an erased block (staggered),
 *    which spreads the erases over time.
 *  - `multiBufferWriteUs`: steady-state closed form
 *      T(n) ≈ max( n·t_x , n·(P·(t_x + t_b) + t_e) / (P·N) ) + t_x + t_b
 *    with t_x the transfer, t_b the program+verify busy time, t_e the erase, P pages per block.
 *    Tests check it against the exact schedule.
 *
 * Simpler than real hardware: no bus arbitration overhead, no ECC, typical times, the host
 * side (reading the BMP) is assumed faster than the flash bus.
 */
import { requireInteger, requireNonNegative } from '../../core/validate.js';
import { flashProgramBusyUs, flashTransferUs, type FlashProfile } from '../../hardware/flash-chip.js';

/** Result of an exact multi-buffer schedule. */
export interface MultiBufferSchedule {
  /** Time from start until the last page is programmed and verified, µs. */
  totalUs: number;
  /** Sum of the bus transfer times, µs (the paper's lower bound). */
  transferUs: number;
  /** Fraction of the total during which the bus transfers data. */
  busUtilisation: number;
  /** Blocks erased. */
  erases: number;
}

/**
 * Smallest number of chips for which the bus, not the chips, limits a long write:
 * N = ⌈(P·(t_x + t_b) + t_e) / (P·t_x)⌉.
 */
export function multiBufferChips(profile: FlashProfile): number {
  const tx = flashTransferUs(profile);
  const tb = flashProgramBusyUs(profile);
  const te = profile.eraseMs * 1000;
  const P = profile.pagesPerBlock;
  return Math.max(1, Math.ceil((P * (tx + tb) + te) / (P * tx) - 1e-12));
}

/** Exact schedule of writing `flashPages` pages to a unit of `chips` chips (see file comment). */
export function simulateMultiBufferWrite(profile: FlashProfile, chips: number, flashPages: number): MultiBufferSchedule {
  requireInteger('chips', chips, 'chips', 1, 1_000_000);
  requireInteger('flashPages', flashPages, 'pages', 0);
  const tx = flashTransferUs(profile);
  const tb = flashProgramBusyUs(profile);
  const te = profile.eraseMs * 1000;
  const P = profile.pagesPerBlock;
  const chipFree = new Float64Array(chips);
  const inBlock = new Uint32Array(chips); // pages already written in the current block
  for (let c = 0; c < chips; c++) inBlock[c] = Math.floor((c * P) / chips) % P;
  let busFree = 0;
  let end = 0;
  let erases = 0;
  for (let k = 0; k < flashPages; k++) {
    // the chip that can take a transfer earliest (ties: lowest index)
    let c = 0;
    let best = Infinity;
    for (let j = 0; j < chips; j++) {
      const ready = inBlock[j] === 0 ? chipFree[j] + te : chipFree[j];
      if (ready < best) {
        best = ready;
        c = j;
      }
    }
    if (inBlock[c] === 0) {
      chipFree[c] += te; // erase the block before its first page
      erases++;
    }
    const start = Math.max(busFree, chipFree[c]);
    busFree = start + tx;
    chipFree[c] = start + tx + tb;
    if (chipFree[c] > end) end = chipFree[c];
    inBlock[c] = (inBlock[c] + 1) % P;
  }
  const transferUs = flashPages * tx;
  return { totalUs: end, transferUs, busUtilisation: end > 0 ? transferUs / end : 0, erases };
}

/** Steady-state closed form of the multi-buffer write time, µs (see file comment). */
export function multiBufferWriteUs(profile: FlashProfile, chips: number, flashPages: number): number {
  requireInteger('chips', chips, 'chips', 1, 1_000_000);
  requireNonNegative('flashPages', flashPages, 'pages');
  if (flashPages === 0) return 0;
  const tx = flashTransferUs(profile);
  const tb = flashProgramBusyUs(profile);
  const te = profile.eraseMs * 1000;
  const P = profile.pagesPerBlock;
  const perPage = Math.max(tx, (P * (tx + tb) + te) / (P * chips));
  return flashPages * perPage + tx + tb;
}

/**
 * Steady-state closed form of reading `flashPages` pages from a unit of `chips` chips, µs:
 * each chip needs t_r (cells → register) + t_x, the bus t_x per page.
 */
export function multiBufferReadUs(profile: FlashProfile, chips: number, flashPages: number): number {
  requireInteger('chips', chips, 'chips', 1, 1_000_000);
  requireNonNegative('flashPages', flashPages, 'pages');
  if (flashPages === 0) return 0;
  const tx = flashTransferUs(profile);
  const perPage = Math.max(tx, (profile.readUs + tx) / chips);
  return flashPages * perPage + profile.readUs;
}
