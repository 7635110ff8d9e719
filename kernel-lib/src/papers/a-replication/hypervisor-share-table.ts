/**
 * The hypervisor side of paper A's DBMS cache sharing (§4.2.2): a hash table from data ID
 * (InnoDB space id + page offset) to the machine page of a buffer-pool frame, read-only sharing of
 * that machine page between VMs, and copy-on-write un-sharing.
 *
 * - `registerRead(vm, page)`: a VM read the page with a disk (or page-cache) read I/O into a frame:
 *   the frame's machine page is entered in the table (if no entry exists) and write-protected.
 * - `share(vm, page)`: a VM about to read a page that has an entry maps the same machine page into
 *   its frame (its own machine page is freed) — no I/O.
 * - `release(vm, page)`: the VM's frame holding the page is rewritten (evicted and reused, or the
 *   page is modified): a write fault un-shares it (the VM gets a private copy) and, if that frame
 *   was the registered one, the hash entry is dropped (paper §4.2.2), so later VMs cannot share it
 *   until someone reads it again. The other VMs keep mapping the old machine page among themselves.
 *
 * Memory: every VM's RAM is allocated at domain creation (Xen without ballooning); sharing frees
 * one machine page per VM that maps a page it shares. `savedPages` counts those.
 * Pages and VMs are small integers; all state is in typed arrays.
 */
import { ParameterError, requireInteger } from '../../core/validate.js';

const NONE = -1;

export class HypervisorShareTable {
  readonly pages: number;
  readonly vms: number;
  /** Registered group per page (NONE = no hash entry). */
  private readonly regGroup: Int32Array;
  /** Group per (vm, page) frame: NONE = private frame or page not cached. */
  private readonly frameGroup: Int32Array;
  private groupSize: Int32Array;
  private groupOwner: Int32Array;
  private groupPage: Int32Array;
  private freeGroups: number[] = [];
  private nextGroup = 0;
  private saved = 0;

  constructor(pages: number, vms: number) {
    this.pages = requireInteger('pages', pages, 'pages', 1);
    this.vms = requireInteger('vms', vms, 'VMs', 1, 1024);
    this.regGroup = new Int32Array(pages).fill(NONE);
    this.frameGroup = new Int32Array(pages * vms).fill(NONE);
    const cap = Math.max(1024, pages);
    this.groupSize = new Int32Array(cap);
    this.groupOwner = new Int32Array(cap);
    this.groupPage = new Int32Array(cap);
  }

  /** Machine pages saved by sharing (sum over groups of members − 1). */
  get savedPages(): number {
    return this.saved;
  }

  /** Whether the hash table has an entry for `page`. */
  isRegistered(page: number): boolean {
    return this.regGroup[page] !== NONE;
  }

  /** Whether `vm`'s frame for `page` maps a machine page shared with at least one other VM. */
  isSharedFrame(vm: number, page: number): boolean {
    const g = this.frameGroup[vm * this.pages + page];
    return g !== NONE && this.groupSize[g] > 1;
  }

  /** A read I/O by `vm` filled a frame with `page`: enter it unless an entry exists. */
  registerRead(vm: number, page: number): void {
    this.check(vm, page);
    if (this.regGroup[page] !== NONE) return;
    const g = this.allocGroup();
    this.groupSize[g] = 1;
    this.groupOwner[g] = vm;
    this.groupPage[g] = page;
    this.regGroup[page] = g;
    this.frameGroup[vm * this.pages + page] = g;
  }

  /** `vm` maps the registered machine page of `page`. Returns false when there is no entry. */
  share(vm: number, page: number): boolean {
    this.check(vm, page);
    const g = this.regGroup[page];
    if (g === NONE) return false;
    const idx = vm * this.pages + page;
    if (this.frameGroup[idx] === g) return true;
    this.frameGroup[idx] = g;
    this.groupSize[g]++;
    this.saved++;
    return true;
  }

  /**
   * `vm`'s frame holding `page` is rewritten (evicted or modified). Returns true when this dropped
   * the hash entry of `page`.
   */
  release(vm: number, page: number): boolean {
    this.check(vm, page);
    const idx = vm * this.pages + page;
    const g = this.frameGroup[idx];
    if (g === NONE) return false;
    this.frameGroup[idx] = NONE;
    if (this.groupSize[g] > 1) this.saved--;
    this.groupSize[g]--;
    let dropped = false;
    if (this.groupOwner[g] === vm && this.regGroup[page] === g) {
      this.regGroup[page] = NONE;
      dropped = true;
    }
    if (this.groupSize[g] === 0) {
      if (this.regGroup[page] === g) {
        this.regGroup[page] = NONE;
        dropped = true;
      }
      this.freeGroups.push(g);
    }
    return dropped;
  }

  private allocGroup(): number {
    const f = this.freeGroups.pop();
    if (f !== undefined) return f;
    if (this.nextGroup === this.groupSize.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.groupSize = grow(this.groupSize);
      this.groupOwner = grow(this.groupOwner);
      this.groupPage = grow(this.groupPage);
    }
    return this.nextGroup++;
  }

  private check(vm: number, page: number): void {
    if (!(vm >= 0 && vm < this.vms && Number.isInteger(vm))) throw new ParameterError('vm', vm, '', `an integer in [0, ${this.vms - 1}]`);
    if (!(page >= 0 && page < this.pages && Number.isInteger(page))) throw new ParameterError('page', page, 'pages', `an integer in [0, ${this.pages - 1}]`);
  }
}
