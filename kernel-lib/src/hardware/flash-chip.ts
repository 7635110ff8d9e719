/**
 * A NAND flash chip: pages grouped into erase blocks, a one-page data register behind a
 * byte-serial I/O bus, and a program/erase (P/E) cycle count per block.
 *
 * Paper C §2 (Takakura & Kambayashi): flash is accessed a page at a time; before an access the
 * chip moves the page between its cells and its data register ("access cycle" tens to 100 µs);
 * the data transfer over the pins takes tens of µs; a block must be erased (about 10 ms)
 * before it is written again.
 *
 * Timing of one page program, as in the paper's Fig. 2:
 *   register load  = pageBytes · ioCycleNs      (uses the shared bus)
 *   cell program   = programUs                   (chip busy, bus free)
 *   verify         = verifyUs                    (chip busy, bus free)
 * A page read is readUs (cells → register) + the register transfer.
 *
 * Simpler than a real chip: typical (not worst-case) times, no bad blocks, no ECC, no partial
 * page programming, no cache/multi-plane commands; the spare area is not modelled.
 */
import { ParameterError, requireInteger, requireNonNegative, requirePositive } from '../core/validate.js';

/** Timing and geometry of one flash part (see data/c-flash-backup/flash-profiles.json for sources). */
export interface FlashProfile {
  /** Name used to look the profile up. */
  name: string;
  /** Human-readable part description. */
  label: string;
  /** Data bytes per page. */
  pageBytes: number;
  /** Pages per erase block. */
  pagesPerBlock: number;
  /** Erase blocks per chip. */
  blocksPerChip: number;
  /** Cells → data register, µs. */
  readUs: number;
  /** One byte over the chip's I/O pins, ns. */
  ioCycleNs: number;
  /** Data register → cells (cell programming), µs. */
  programUs: number;
  /** Program verify after the cell programming, µs (0 where internal to programUs). */
  verifyUs: number;
  /** Block erase, ms. */
  eraseMs: number;
  /** Rated program/erase cycles per block. */
  enduranceCycles: number;
}

/** Validates a profile; throws a ParameterError naming the field. */
export function validateFlashProfile(p: FlashProfile): FlashProfile {
  requireInteger('pageBytes', p.pageBytes, 'B', 1);
  requireInteger('pagesPerBlock', p.pagesPerBlock, 'pages', 1);
  requireInteger('blocksPerChip', p.blocksPerChip, 'blocks', 1);
  requireNonNegative('readUs', p.readUs, 'µs');
  requirePositive('ioCycleNs', p.ioCycleNs, 'ns');
  requireNonNegative('programUs', p.programUs, 'µs');
  requireNonNegative('verifyUs', p.verifyUs, 'µs');
  requireNonNegative('eraseMs', p.eraseMs, 'ms');
  requirePositive('enduranceCycles', p.enduranceCycles, 'cycles');
  return p;
}

/** Bytes in one erase block. */
export function flashBlockBytes(p: FlashProfile): number {
  return p.pageBytes * p.pagesPerBlock;
}

/** Bytes in one chip. */
export function flashChipBytes(p: FlashProfile): number {
  return flashBlockBytes(p) * p.blocksPerChip;
}

/** Time to move one page over the chip's pins (register load or unload), µs. */
export function flashTransferUs(p: FlashProfile): number {
  return (p.pageBytes * p.ioCycleNs) / 1000;
}

/** Time the chip is busy after the register load of a page program (cell program + verify), µs. */
export function flashProgramBusyUs(p: FlashProfile): number {
  return p.programUs + p.verifyUs;
}

/** Page program as seen by one chip alone: register load + cell program + verify, µs. */
export function flashPageProgramUs(p: FlashProfile): number {
  return flashTransferUs(p) + flashProgramBusyUs(p);
}

/** Page read as seen by one chip alone: cells → register + register unload, µs. */
export function flashPageReadUs(p: FlashProfile): number {
  return p.readUs + flashTransferUs(p);
}

/** Sustained write bandwidth of the chip's I/O bus (transfers only), MB/s (10^6 B/s). */
export function flashBusBandwidthMBps(p: FlashProfile): number {
  return 1000 / p.ioCycleNs;
}

/**
 * State of one chip: a write pointer per block and P/E counts, for wear accounting and for
 * checking that a block is erased before it is written. Times returned are µs.
 */
export class FlashChip {
  readonly profile: FlashProfile;
  /** P/E cycles per block. */
  readonly eraseCounts: Uint32Array;
  /** Next page to program in each block; pagesPerBlock = full, 0 = erased. */
  private readonly writePointer: Uint32Array;

  constructor(profile: FlashProfile) {
    this.profile = validateFlashProfile(profile);
    this.eraseCounts = new Uint32Array(profile.blocksPerChip);
    this.writePointer = new Uint32Array(profile.blocksPerChip);
  }

  private checkBlock(block: number): void {
    requireInteger('block', block, '', 0, this.profile.blocksPerChip - 1);
  }

  /** Erases a block; returns the busy time, µs. */
  eraseBlock(block: number): number {
    this.checkBlock(block);
    this.eraseCounts[block]++;
    this.writePointer[block] = 0;
    return this.profile.eraseMs * 1000;
  }

  /**
   * Programs the next free page of `block` (NAND pages in a block are written in order).
   * Returns the time of register load + program + verify, µs. Throws if the block is full
   * (it must be erased first).
   */
  programNextPage(block: number): number {
    this.checkBlock(block);
    const wp = this.writePointer[block];
    if (wp >= this.profile.pagesPerBlock) {
      throw new ParameterError('block', block, '', `a block with a free page (block ${block} is full: erase it first)`);
    }
    this.writePointer[block] = wp + 1;
    return flashPageProgramUs(this.profile);
  }

  /** Reads a page; returns cells → register + unload, µs. */
  readPage(block: number, page: number): number {
    this.checkBlock(block);
    requireInteger('page', page, '', 0, this.profile.pagesPerBlock - 1);
    return flashPageReadUs(this.profile);
  }

  /** Pages still free in a block. */
  freePages(block: number): number {
    this.checkBlock(block);
    return this.profile.pagesPerBlock - this.writePointer[block];
  }

  /** Largest P/E count over the blocks. */
  maxEraseCount(): number {
    let m = 0;
    for (let i = 0; i < this.eraseCounts.length; i++) if (this.eraseCounts[i] > m) m = this.eraseCounts[i];
    return m;
  }
}
