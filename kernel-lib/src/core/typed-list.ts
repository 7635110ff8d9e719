/**
 * A growable typed array (amortised O(1) push, no per-item allocation), for collecting an
 * unknown number of numbers in a hot loop.
 */
type TypedArray = Uint32Array | Int32Array | Float64Array;
type TypedArrayCtor<T extends TypedArray> = { new (length: number): T };

export class TypedList<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: TypedArrayCtor<T>, initialCapacity = 64) {
    this.data = new make(Math.max(1, initialCapacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new this.make(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** A copy holding exactly the pushed values. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}
