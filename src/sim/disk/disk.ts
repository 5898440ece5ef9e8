// A node's disk. The simulator owns it, so it survives a kill; the node changes it only through
// the DiskWrites in its outputs, applied here in order. A restart boots from image().
import type { DiskImage, DiskWrite, Entry, HardState, Snapshot } from '../../engine/index';

export interface DiskCounters {
  writes: number;
  bytes: number;
}

const HARD_STATE_BYTES = 24;
const ENTRY_OVERHEAD_BYTES = 16;
const SNAPSHOT_OVERHEAD_BYTES = 32;

export class SimDisk {
  hardState: HardState = { term: 0, vote: '', commit: 0 };
  snapshot: Snapshot | null = null;
  /** Entries after the snapshot, contiguous: entries[i].index === offset + i. */
  private log: Entry[] = [];
  /** Files under the swarm state directory (certificates, keys, state.json), by path. */
  readonly files = new Map<string, string>();
  readonly counters: DiskCounters = { writes: 0, bytes: 0 };

  /** True until the node has written anything (a brand-new node boots with no image). */
  get blank(): boolean {
    return this.counters.writes === 0;
  }

  get snapshotIndex(): number {
    return this.snapshot?.meta.index ?? 0;
  }

  get snapshotTerm(): number {
    return this.snapshot?.meta.term ?? 0;
  }

  get firstIndex(): number {
    return this.snapshotIndex + 1;
  }

  get lastIndex(): number {
    return this.snapshotIndex + this.log.length;
  }

  get entries(): readonly Entry[] {
    return this.log;
  }

  /** The entry at index, or undefined when it is compacted or beyond the end. */
  entry(index: number): Entry | undefined {
    return this.log[index - this.firstIndex];
  }

  /** Term at index: the snapshot's term at its own index, 0 when unknown. */
  term(index: number): number {
    if (index === this.snapshotIndex) return this.snapshotTerm;
    return this.entry(index)?.term ?? 0;
  }

  apply(write: DiskWrite): void {
    this.counters.writes++;
    switch (write.type) {
      case 'hardState':
        this.hardState = write.hardState;
        this.counters.bytes += HARD_STATE_BYTES;
        return;
      case 'append':
        this.append(write.entries);
        return;
      case 'snapshot':
        this.installSnapshot(write.snapshot);
        return;
      case 'compact':
        this.compact(write.index);
        return;
      case 'file':
        this.files.set(write.path, write.data);
        this.counters.bytes += write.data.length;
        return;
    }
  }

  /** What a restarted node finds: copies, so the next incarnation cannot alias the disk. */
  image(): DiskImage {
    const image: DiskImage = { hardState: { ...this.hardState }, snapshot: this.snapshot, entries: this.log.slice() };
    if (this.files.size > 0) image.files = Object.fromEntries(this.files);
    return image;
  }

  private append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    let first = entries[0].index;
    let from = 0;
    // Entries the snapshot already covers are skipped (etcd's MemoryStorage.Append does the same).
    if (first <= this.snapshotIndex) {
      from = this.snapshotIndex + 1 - first;
      first = this.snapshotIndex + 1;
      if (from >= entries.length) return;
    }
    if (first > this.lastIndex + 1) {
      throw new Error(`disk: append at ${first} leaves a gap after ${this.lastIndex}`);
    }
    this.log.length = first - this.firstIndex;
    for (let i = from; i < entries.length; i++) {
      const e = entries[i];
      if (e.index !== first + i - from) throw new Error(`disk: append entries not contiguous at ${e.index}`);
      this.log.push(e);
      this.counters.bytes += ENTRY_OVERHEAD_BYTES + e.data.length;
    }
  }

  private installSnapshot(snap: Snapshot): void {
    const index = snap.meta.index;
    if (index < this.snapshotIndex) throw new Error(`disk: snapshot ${index} is older than ${this.snapshotIndex}`);
    const agrees = this.term(index) === snap.meta.term && index <= this.lastIndex;
    this.log = agrees ? this.log.slice(index - this.snapshotIndex) : [];
    this.snapshot = snap;
    this.counters.bytes += SNAPSHOT_OVERHEAD_BYTES + snap.data.length;
  }

  private compact(index: number): void {
    if (index > this.snapshotIndex) {
      throw new Error(`disk: compact to ${index} beyond the snapshot at ${this.snapshotIndex}`);
    }
    this.counters.bytes += 8;
  }
}
