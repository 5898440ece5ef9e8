// Flow control for one follower in StateReplicate (etcd tracker/inflights.go): the last index of
// each MsgApp sent and not yet acknowledged, in a ring. When it is full the leader stops sending
// entries to that follower until acknowledgements free slots, so a slow or dead follower cannot
// make the leader queue unbounded traffic.

export class Inflights {
  private buf: number[] = [];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`inflights: capacity must be >= 1, got ${capacity}`);
  }

  get size(): number {
    return this.count;
  }

  full(): boolean {
    return this.count === this.capacity;
  }

  /** Records a MsgApp whose last entry is `index`; indexes must increase. */
  add(index: number): void {
    if (this.full()) throw new Error('inflights: add to a full window');
    if (this.count > 0 && index <= this.newest()) {
      throw new Error(`inflights: index ${index} does not increase (newest ${this.newest()})`);
    }
    const slot = (this.start + this.count) % this.capacity;
    // The ring grows lazily: most followers never fill a 256-slot window.
    if (slot >= this.buf.length) this.buf.push(index);
    else this.buf[slot] = index;
    this.count++;
  }

  /** Frees every message whose last index is <= index (they are all acknowledged). */
  freeLE(index: number): void {
    while (this.count > 0 && this.buf[this.start] <= index) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    if (this.count === 0) this.start = 0;
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
  }

  private newest(): number {
    return this.buf[(this.start + this.count - 1) % this.capacity];
  }
}
