/**
 * 2-plane main memory with a 1-bit dirty flag per page (paper C §3.1, Fig. 1; §3.2).
 *
 * (a) Normally the main memory plane (MMP) and the backup memory plane (BMP) hold the same
 *     data and act as one memory; every write sets the page's dirty bit.
 * (b) At a checkpoint the BMP is frozen: it holds the checkpoint image, and the pages whose
 *     dirty bit is set are read out of it to the flash backup unit. The dirty bits are reset at
 *     the checkpoint, so writes during the backup count for the next interval. The MMP keeps
 *     serving transactions; pages written during the backup are also flagged "changed during
 *     backup".
 * (c) After the backup the planes are re-synchronised: every page changed during the backup is
 *     copied from the MMP to the BMP.
 *
 * Simpler than the hardware: the planes' contents are not stored (only which pages differ),
 * and the copy in (c) is counted in pages, not timed.
 */
import { ParameterError, requireInteger } from '../../core/validate.js';

export type TwoPlaneState = 'normal' | 'backup';

export class TwoPlaneMemory {
  readonly pages: number;
  /** Dirty bit per page since the last checkpoint. */
  private readonly dirty: Uint8Array;
  /** Pages written while the BMP is frozen (to be re-synchronised). */
  private readonly changed: Uint8Array;
  private dirtyPages = 0;
  private changedPages = 0;
  private frozen = false;
  /** Writes seen (all planes). */
  writes = 0;

  constructor(pages: number) {
    requireInteger('pages', pages, 'pages', 1, 2 ** 31 - 1);
    this.pages = pages;
    this.dirty = new Uint8Array(pages);
    this.changed = new Uint8Array(pages);
  }

  get state(): TwoPlaneState {
    return this.frozen ? 'backup' : 'normal';
  }

  /** Number of pages whose dirty bit is set. */
  get dirtyCount(): number {
    return this.dirtyPages;
  }

  /** Pages written since the backup started. */
  get changedDuringBackup(): number {
    return this.changedPages;
  }

  /** A transaction writes `page` (in the MMP; in normal state also in the BMP). */
  write(page: number): void {
    this.writes++;
    const d = this.dirty[page];
    if (d !== 1) {
      // a typed array gives undefined for an index out of range or not an integer
      if (d === undefined) throw new ParameterError('page', page, '', `an integer in [0, ${this.pages - 1}]`);
      this.dirty[page] = 1;
      this.dirtyPages++;
    }
    if (this.frozen && this.changed[page] === 0) {
      this.changed[page] = 1;
      this.changedPages++;
    }
  }

  /** Whether `page` is dirty since the last checkpoint. */
  isDirty(page: number): boolean {
    return this.dirty[page] === 1;
  }

  /**
   * Checkpoint: freezes the BMP and returns the ids of the dirty pages (the image that goes to
   * flash), then resets every dirty bit.
   */
  startBackup(): Uint32Array {
    if (this.frozen) throw new ParameterError('state', 'backup', '', '"normal" (a backup is already running)');
    const out = new Uint32Array(this.dirtyPages);
    let k = 0;
    for (let p = 0; p < this.pages; p++) {
      if (this.dirty[p] === 1) {
        out[k++] = p;
        this.dirty[p] = 0;
      }
    }
    this.dirtyPages = 0;
    this.frozen = true;
    return out;
  }

  /** Ends the backup: re-synchronises the planes; returns the number of pages copied MMP → BMP. */
  finishBackup(): number {
    if (!this.frozen) throw new ParameterError('state', 'normal', '', '"backup" (no backup is running)');
    const copied = this.changedPages;
    this.changed.fill(0);
    this.changedPages = 0;
    this.frozen = false;
    return copied;
  }

  /** Dirty pages in [from, to) (for per-table counts). */
  dirtyInRange(from: number, to: number): number {
    let n = 0;
    for (let p = Math.max(0, from); p < Math.min(to, this.pages); p++) n += this.dirty[p];
    return n;
  }
}
