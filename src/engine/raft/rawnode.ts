// The host-facing node (etcd rawnode.go): feed it ticks, messages and proposals; collect a Ready
// (what to persist, send and apply), do that I/O, then advance().
import type { Rng } from '../core/prng';
import { bootstrapState, isEmptyPersistedState, restoreState } from './boot';
import { confState } from './confchange';
import { applyConfChange, propose, proposeConfChange } from './proposals';
import { Raft } from './raft';
import type {
  ConfChange, ConfState, HardState, Message, MessageType, NodeId, PersistedState, ProgressStatus,
  ProposeResult, RaftConfig, RaftStatus, Ready, Snapshot, SoftState,
} from './types';

/** Types that may arrive from the network (MsgHup, MsgBeat and MsgCheckQuorum are local-only). */
const NETWORK_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'MsgProp', 'MsgApp', 'MsgAppResp', 'MsgVote', 'MsgVoteResp', 'MsgPreVote', 'MsgPreVoteResp', 'MsgSnap',
  'MsgHeartbeat', 'MsgHeartbeatResp', 'MsgTransferLeader', 'MsgTimeoutNow',
]);
const RESPONSE_TYPES: ReadonlySet<MessageType> = new Set(['MsgAppResp', 'MsgVoteResp', 'MsgPreVoteResp', 'MsgHeartbeatResp']);

export class RawNode {
  private readonly r: Raft;
  private prevSoft: SoftState = { lead: '', role: 'follower' };
  private prevHard: HardState;
  private awaitingAdvance = false;

  /** New cluster node (restore=null) or a node restarted from what it had persisted. The Rng draws election timeouts. */
  constructor(cfg: RaftConfig, rng: Rng, restore: PersistedState | null) {
    const fresh = restore === null || isEmptyPersistedState(restore);
    const boot = fresh ? bootstrapState(cfg) : restoreState(cfg, restore);
    this.r = new Raft(cfg, rng, boot.log, boot.term, boot.vote, boot.voters);
    this.prevHard = restore ? { ...restore.hardState } : { term: 0, vote: '', commit: 0 };
  }

  tick(): void {
    this.r.tick();
  }

  /** A message from the network. Local-only or unknown types, misaddressed messages and replies from non-voters are dropped. */
  step(m: Message): void {
    if (m.to !== this.r.id || !NETWORK_TYPES.has(m.type)) return;
    // Proposals and transfer requests are relayed without a term; everything else has one.
    const termless = m.type === 'MsgProp' || m.type === 'MsgTransferLeader';
    if (termless !== (m.term === 0)) return;
    if (RESPONSE_TYPES.has(m.type) && !this.r.progress.has(m.from)) return;
    this.r.step(m);
  }

  propose(data: string): ProposeResult {
    return propose(this.r, { type: 'normal', data });
  }

  proposeConfChange(cc: ConfChange): ProposeResult {
    return proposeConfChange(this.r, cc);
  }

  transferLeadership(to: NodeId): ProposeResult {
    const r = this.r;
    if (!r.isVoter(to)) return { ok: false, error: `${to} is not a voter` };
    if (r.role !== 'leader') {
      if (r.role !== 'follower' || r.lead === '') return { ok: false, error: 'no leader' };
      r.step({ ...r.newMessage('MsgTransferLeader', r.lead, 0), from: to });
      return { ok: true };
    }
    if (to === r.id) return { ok: false, error: 'already the leader' };
    // etcd convention: the request names the transferee in `from`.
    r.step({ ...r.newMessage('MsgTransferLeader', r.id, 0), from: to });
    return { ok: true };
  }

  hasReady(): boolean {
    const r = this.r;
    const log = r.log;
    return (
      r.msgs.length > 0 ||
      log.lastIndex() > log.stabled ||
      log.pendingSnapshot !== null ||
      log.hasNextCommittedEntries() ||
      !sameHard(this.prevHard, r) ||
      this.prevSoft.lead !== r.lead ||
      this.prevSoft.role !== r.role
    );
  }

  /** Everything new since the last advance(). Call advance() before the next ready(). */
  ready(): Ready {
    if (this.awaitingAdvance) throw new Error(`raft ${this.r.id}: ready() called again before advance()`);
    const r = this.r;
    const log = r.log;
    const rd: Ready = { entries: log.unstableEntries(), committedEntries: log.nextCommittedEntries(), messages: r.msgs };
    r.msgs = [];
    if (this.prevSoft.lead !== r.lead || this.prevSoft.role !== r.role) {
      rd.softState = { lead: r.lead, role: r.role };
      this.prevSoft = rd.softState;
    }
    if (!sameHard(this.prevHard, r)) {
      rd.hardState = { term: r.term, vote: r.vote, commit: log.committed };
      this.prevHard = rd.hardState;
    }
    if (log.pendingSnapshot) rd.snapshot = log.pendingSnapshot;
    // From here on the host owns these entries: a later truncation lowers `stabled` again.
    log.stabled = log.lastIndex();
    this.awaitingAdvance = true;
    return rd;
  }

  advance(rd: Ready): void {
    if (!this.awaitingAdvance) throw new Error(`raft ${this.r.id}: advance() without a ready()`);
    this.awaitingAdvance = false;
    const log = this.r.log;
    if (rd.snapshot) {
      if (log.pendingSnapshot === rd.snapshot) log.pendingSnapshot = null;
      log.applied = Math.max(log.applied, rd.snapshot.meta.index);
    }
    const n = rd.committedEntries.length;
    if (n > 0) log.appliedTo(rd.committedEntries[n - 1].index);
  }

  /** The host applied committed entries up to `index` and serialised its state as `data`: make a snapshot at index (meta term/conf filled in by Raft). Returns it (host persists it). */
  createSnapshot(index: number, data: string): Snapshot {
    const log = this.r.log;
    if (index > log.committed) throw new Error(`raft ${this.r.id}: snapshot index ${index} is beyond commit ${log.committed}`);
    const have = log.snapshot ? log.snapshot.meta.index : 0;
    if (index <= have) throw new Error(`raft ${this.r.id}: snapshot at ${index} is out of date (have ${have})`);
    const term = log.term(index);
    if (term === undefined) throw new Error(`raft ${this.r.id}: snapshot index ${index} is compacted`);
    // The configuration is the current one: the host calls this at the index it has applied.
    const snap: Snapshot = { meta: { index, term, conf: confState(this.r.voters) }, data };
    log.snapshot = snap;
    return snap;
  }

  /** Drop in-memory entries at or below index (host persists a compaction). */
  compact(index: number): void {
    this.r.log.compact(index);
  }

  /** Host calls this when it applies a committed confChange entry; returns the new ConfState. */
  applyConfChange(cc: ConfChange): ConfState {
    return applyConfChange(this.r, cc);
  }

  status(): RaftStatus {
    const r = this.r;
    const log = r.log;
    const st: RaftStatus = {
      id: r.id, role: r.role, term: r.term, vote: r.vote, lead: r.lead,
      firstIndex: log.firstIndex(), lastIndex: log.lastIndex(), lastTerm: log.lastTerm(),
      commit: log.committed, applied: log.applied,
      snapshotIndex: log.snapshot ? log.snapshot.meta.index : 0,
      voters: r.voters.slice(),
      electionElapsed: r.electionElapsed,
      randomizedElectionTimeout: r.randomizedElectionTimeout,
      heartbeatElapsed: r.heartbeatElapsed,
      leadTransferee: r.leadTransferee,
    };
    if (r.role === 'leader') {
      const progress: Record<NodeId, ProgressStatus> = {};
      for (const [id, pr] of r.progress) progress[id] = pr.toStatus();
      st.progress = progress;
    }
    return st;
  }
}

function sameHard(prev: HardState, r: Raft): boolean {
  return prev.term === r.term && prev.vote === r.vote && prev.commit === r.log.committed;
}
