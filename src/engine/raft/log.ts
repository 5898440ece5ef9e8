// The Raft log as one node holds it in memory: an optional compaction point (the entry before the
// first kept entry, whose term must stay known for the MsgApp consistency check), the entries
// after it, and the indexes that say how far they are committed, applied and handed to the host.
// etcd splits this into Storage + unstable; with a synchronous host one array and a `stabled`
// watermark are enough: entries above `stabled` still have to go out in a Ready.
import type { Entry, Snapshot } from './types';

export class RaftLog {
  /** Index of the entry just before entries[0]: 0, a snapshot index or a compaction point. */
  private offset = 0;
  private offsetTerm = 0;
  private ents: Entry[] = [];
  committed = 0;
  applied = 0;
  /** Entries up to this index were handed to the host in a Ready (entries above must still go out). */
  stabled = 0;
  /** The newest snapshot this node has (created locally or received); sent to lagging followers. */
  snapshot: Snapshot | null = null;
  /** A snapshot received from the leader that the host has not been handed yet. */
  pendingSnapshot: Snapshot | null = null;

  /** A log rebuilt from what the host persisted: the snapshot (if any) and the entries after it. */
  static fromPersisted(snapshot: Snapshot | null, entries: readonly Entry[], commit: number): RaftLog {
    const log = new RaftLog();
    if (snapshot) {
      log.offset = snapshot.meta.index;
      log.offsetTerm = snapshot.meta.term;
      log.snapshot = snapshot;
    }
    let kept = entries.filter((e) => e.index > log.offset);
    const atSnap = entries.find((e) => e.index === log.offset);
    // Entries that disagree with the snapshot are from a log the snapshot superseded.
    if (snapshot && atSnap && atSnap.term !== snapshot.meta.term) kept = [];
    for (let i = 0; i < kept.length; i++) {
      if (kept[i].index !== log.offset + 1 + i) {
        throw new Error(`raft log: persisted entries are not contiguous after index ${log.offset} (found ${kept[i].index})`);
      }
    }
    log.ents = kept.slice();
    log.stabled = log.lastIndex();
    log.applied = log.offset;
    log.committed = log.offset;
    log.commitTo(commit);
    return log;
  }

  firstIndex(): number {
    return this.offset + 1;
  }

  lastIndex(): number {
    return this.offset + this.ents.length;
  }

  lastTerm(): number {
    const n = this.ents.length;
    return n > 0 ? this.ents[n - 1].term : this.offsetTerm;
  }

  /** The term of entry i, or undefined when i is compacted away or beyond the end. */
  term(i: number): number | undefined {
    if (i === this.offset) return this.offsetTerm;
    if (i < this.offset || i > this.offset + this.ents.length) return undefined;
    return this.ents[i - this.offset - 1].term;
  }

  matchTerm(i: number, term: number): boolean {
    return this.term(i) === term;
  }

  /** Raft paper 5.4.1: a candidate's log is at least as up to date as ours. */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /** Entries [lo, hi). The caller checks bounds with term() first. */
  slice(lo: number, hi: number): Entry[] {
    if (lo <= this.offset || hi > this.lastIndex() + 1 || lo > hi) {
      throw new Error(`raft log: slice [${lo}, ${hi}) out of bounds (first ${this.firstIndex()}, last ${this.lastIndex()})`);
    }
    return this.ents.slice(lo - this.offset - 1, hi - this.offset - 1);
  }

  entry(i: number): Entry {
    if (i <= this.offset || i > this.lastIndex()) {
      throw new Error(`raft log: entry ${i} unavailable (first ${this.firstIndex()}, last ${this.lastIndex()})`);
    }
    return this.ents[i - this.offset - 1];
  }

  /**
   * Appends entries, replacing any existing entry at ents[0].index and everything after it.
   * Replacing a committed entry would break State Machine Safety, so it throws.
   */
  append(ents: readonly Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0].index - 1;
    if (after < this.committed) {
      throw new Error(`raft log: entry ${after + 1} would overwrite committed entries (committed ${this.committed})`);
    }
    if (after > this.lastIndex()) {
      throw new Error(`raft log: appending entry ${after + 1} leaves a gap after last index ${this.lastIndex()}`);
    }
    if (after < this.lastIndex()) this.ents.length = after - this.offset;
    for (let i = 0; i < ents.length; i++) {
      if (ents[i].index !== after + 1 + i) {
        throw new Error(`raft log: appending non-contiguous entry ${ents[i].index} (expected ${after + 1 + i})`);
      }
      this.ents.push(ents[i]);
    }
    if (this.stabled > after) this.stabled = after;
    return this.lastIndex();
  }

  /**
   * The follower side of AppendEntries (paper 5.3): if our entry at prevIndex has prevTerm, keep
   * every entry that matches, truncate at the first conflict and append the rest. A stale or
   * duplicate append therefore never truncates. Returns the last index the message covers, or -1
   * when the consistency check fails.
   */
  maybeAppend(prevIndex: number, prevTerm: number, commit: number, ents: readonly Entry[]): number {
    if (!this.matchTerm(prevIndex, prevTerm)) return -1;
    const lastNew = prevIndex + ents.length;
    const conflict = this.findConflict(ents);
    if (conflict !== 0) {
      if (conflict <= this.committed) {
        throw new Error(`raft log: entry ${conflict} conflicts with committed entry (committed ${this.committed})`);
      }
      this.append(ents.slice(conflict - prevIndex - 1));
    }
    this.commitTo(Math.min(commit, lastNew));
    return lastNew;
  }

  /** The index of the first entry that is new or disagrees with ours, or 0 when all match. */
  findConflict(ents: readonly Entry[]): number {
    for (const e of ents) {
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The largest index <= `index` whose term is <= `term` (etcd findConflictByTerm): the fast
   * back-off guess of where two logs may still agree. An unknown (compacted) term stops the
   * search there, since we cannot rule a match out.
   */
  findConflictByTerm(index: number, term: number): number {
    for (; index > 0; index--) {
      const ours = this.term(index);
      if (ours === undefined || ours <= term) return index;
    }
    return 0;
  }

  commitTo(index: number): void {
    if (index <= this.committed) return;
    if (index > this.lastIndex()) {
      throw new Error(`raft log: commit ${index} is beyond the last index ${this.lastIndex()}; the log was lost or truncated`);
    }
    this.committed = index;
  }

  /** Commits `index` only if its entry has `term` (the leader's current term: paper 5.4.2). */
  maybeCommit(index: number, term: number): boolean {
    if (term > 0 && index > this.committed && this.matchTerm(index, term)) {
      this.commitTo(index);
      return true;
    }
    return false;
  }

  appliedTo(index: number): void {
    if (index < this.applied || index > this.committed) {
      throw new Error(`raft log: applied ${index} out of range [${this.applied}, ${this.committed}]`);
    }
    this.applied = index;
  }

  unstableEntries(): Entry[] {
    return this.stabled >= this.lastIndex() ? [] : this.slice(this.stabled + 1, this.lastIndex() + 1);
  }

  /** The first index the host has not applied (a pending snapshot covers everything up to its index). */
  private applyFrom(): number {
    const snapIndex = this.pendingSnapshot ? this.pendingSnapshot.meta.index : 0;
    return Math.max(this.applied, snapIndex) + 1;
  }

  hasNextCommittedEntries(): boolean {
    return this.committed >= this.applyFrom();
  }

  nextCommittedEntries(): Entry[] {
    const lo = this.applyFrom();
    return lo > this.committed ? [] : this.slice(lo, this.committed + 1);
  }

  /** Replaces the whole log with a snapshot from the leader. */
  restore(s: Snapshot): void {
    this.offset = s.meta.index;
    this.offsetTerm = s.meta.term;
    this.ents = [];
    this.committed = s.meta.index;
    this.stabled = s.meta.index;
    this.snapshot = s;
    this.pendingSnapshot = s;
  }

  /** Drops entries at or below index; their term at `index` stays known. */
  compact(index: number): void {
    if (index <= this.offset) return;
    const snapIndex = this.snapshot ? this.snapshot.meta.index : 0;
    if (index > snapIndex) {
      throw new Error(`raft log: cannot compact to ${index} beyond the snapshot at ${snapIndex}`);
    }
    if (index > this.stabled) {
      throw new Error(`raft log: cannot compact to ${index}: entries after ${this.stabled} were never handed to the host`);
    }
    const term = this.term(index);
    if (term === undefined) throw new Error(`raft log: compact index ${index} beyond last index ${this.lastIndex()}`);
    this.ents = this.ents.slice(index - this.offset);
    this.offset = index;
    this.offsetTerm = term;
  }
}
