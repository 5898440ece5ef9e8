// What a leader knows about one follower's log (etcd tracker/progress.go). States:
// - probe: we do not know where the follower's log ends; send one MsgApp per heartbeat and wait.
// - replicate: the follower is in sync; stream entries optimistically, bounded by Inflights.
// - snapshot: the follower needs a snapshot; send nothing else until it is acknowledged.
import { Inflights } from './inflights';
import type { ProgressStatus } from './types';

export type ProgressState = ProgressStatus['state'];

export class Progress {
  match = 0;
  next: number;
  /** The highest commit index sent to the follower (so we know when a commit-only MsgApp helps). */
  sentCommit = 0;
  state: ProgressState = 'probe';
  /** Index of the snapshot in flight (StateSnapshot only). */
  pendingSnapshot = 0;
  /** Heard from since the last CheckQuorum round. */
  recentActive = false;
  /** In probe: a probe is in flight. In replicate: the inflight window is full. */
  msgAppFlowPaused = false;
  readonly inflights: Inflights;

  constructor(next: number, maxInflight: number) {
    this.next = next;
    this.inflights = new Inflights(maxInflight);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // Coming out of snapshot, the follower most likely installed it: probe just past it.
    if (this.state === 'snapshot') {
      const pending = this.pendingSnapshot;
      this.resetState('probe');
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState('probe');
      this.next = this.match + 1;
    }
    this.sentCommit = Math.min(this.sentCommit, this.next - 1);
  }

  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
    this.next = snapshotIndex + 1;
    this.sentCommit = snapshotIndex;
  }

  /** Accounts for a MsgApp carrying `count` entries starting at next. */
  sentEntries(count: number): void {
    if (this.state === 'replicate') {
      if (count > 0) {
        this.next += count;
        this.inflights.add(this.next - 1);
      }
      this.msgAppFlowPaused = this.inflights.full();
    } else if (this.state === 'probe') {
      if (count > 0) this.msgAppFlowPaused = true;
    } else {
      throw new Error('progress: sending entries to a follower waiting for a snapshot');
    }
  }

  /** Sending commit `index` may still move the follower's commit forward. */
  canBumpCommit(index: number): boolean {
    return index > this.sentCommit && this.sentCommit < this.next - 1;
  }

  /** An acknowledgement of `index`; false when it is stale (nothing new matched). */
  maybeUpdate(index: number): boolean {
    if (index <= this.match) return false;
    this.match = index;
    this.next = Math.max(this.next, index + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /**
   * A rejection of the MsgApp whose prevIndex was `rejected`, with the follower's hint of where
   * the logs may agree. False when the rejection is stale (reordered or duplicated).
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      this.sentCommit = Math.min(this.sentCommit, this.next - 1);
      return true;
    }
    // Probes go one at a time, so a genuine rejection is for exactly next-1.
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.sentCommit = Math.min(this.sentCommit, this.next - 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  isPaused(): boolean {
    return this.state === 'snapshot' ? true : this.msgAppFlowPaused;
  }

  toStatus(): ProgressStatus {
    return { match: this.match, next: this.next, state: this.state, recentActive: this.recentActive };
  }
}
