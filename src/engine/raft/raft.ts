// The Raft core (etcd raft.go): one node's term, vote, role and log, driven only by tick() and
// step(). Roles are a pair of functions (step and tick) swapped by becomeX; the rules common to
// every role (term comparison, votes) run first in step(). Sending appends to `msgs`; RawNode
// hands them to the host together with what must be persisted first.
import type { Rng } from '../core/prng';
import { handleVoteRequest, hup } from './election';
import { stepCandidate, stepFollower } from './follower';
import { maybeCommit, stepLeader } from './leader';
import type { RaftLog } from './log';
import { Progress } from './progress';
import type { Entry, EntryType, Message, MessageType, NodeId, RaftConfig, Role } from './types';

type StepFn = (r: Raft, m: Message) => void;

/** A proposal that has not been given a term and index yet. */
export interface ProposedEntry {
  type: EntryType;
  data: string;
}

export class Raft {
  readonly id: NodeId;
  readonly cfg: RaftConfig;
  readonly log: RaftLog;
  private readonly rng: Rng;
  term = 0;
  vote: NodeId = '';
  lead: NodeId = '';
  role: Role = 'follower';
  /** Sorted voter IDs; the quorum is a majority of these. */
  voters: NodeId[];
  /** One entry per voter; meaningful on the leader only (reset on every term change). */
  readonly progress = new Map<NodeId, Progress>();
  readonly votes = new Map<NodeId, boolean>();
  msgs: Message[] = [];
  electionElapsed = 0;
  heartbeatElapsed = 0;
  randomizedElectionTimeout = 0;
  leadTransferee: NodeId = '';
  /** Index of the newest conf change the leader proposed; a new one waits until it is applied. */
  pendingConfIndex = 0;
  private stepFn: StepFn = stepFollower;
  private tickFn: () => void = () => this.tickElection();

  constructor(cfg: RaftConfig, rng: Rng, log: RaftLog, term: number, vote: NodeId, voters: NodeId[]) {
    validateConfig(cfg);
    this.id = cfg.id;
    this.cfg = cfg;
    this.rng = rng;
    this.log = log;
    this.voters = voters.slice().sort();
    this.term = term;
    this.vote = vote;
    this.becomeFollower(term, '');
  }

  promotable(): boolean {
    return this.progress.has(this.id);
  }

  isVoter(id: NodeId): boolean {
    return this.progress.has(id);
  }

  tick(): void {
    this.tickFn();
  }

  send(m: Message): void {
    this.msgs.push(m);
  }

  /** A message from this node at its current term, every field present (one object shape). */
  newMessage(type: MessageType, to: NodeId, term: number = this.term): Message {
    return { type, from: this.id, to, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0 };
  }

  step(m: Message): void {
    if (m.term > this.term) {
      if (!this.stepHigherTerm(m)) return;
    } else if (m.term !== 0 && m.term < this.term) {
      this.stepLowerTerm(m);
      return;
    }
    switch (m.type) {
      case 'MsgHup':
        hup(this, this.cfg.preVote ? 'pre-election' : 'election');
        return;
      case 'MsgVote':
      case 'MsgPreVote':
        handleVoteRequest(this, m);
        return;
      default:
        this.stepFn(this, m);
    }
  }

  /** Rules for a message from a later term; false when the message is to be dropped. */
  private stepHigherTerm(m: Message): boolean {
    if (m.type === 'MsgVote' || m.type === 'MsgPreVote') {
      // Leader stickiness (thesis 4.2.3): while we hear from a leader, a disruptive candidate
      // (for example a removed or partitioned node) gets neither our term nor our vote.
      const force = m.context === 'transfer';
      const inLease = this.cfg.checkQuorum && this.lead !== '' && this.electionElapsed < this.cfg.electionTick;
      if (!force && inLease) return false;
    }
    if (m.type === 'MsgPreVote') return true; // a pre-vote never changes our term
    // A granted pre-vote carries the future term we asked for; we bump it once we win.
    if (m.type === 'MsgPreVoteResp' && !m.reject) return true;
    const fromLeader = m.type === 'MsgApp' || m.type === 'MsgHeartbeat' || m.type === 'MsgSnap';
    this.becomeFollower(m.term, fromLeader ? m.from : '');
    return true;
  }

  private stepLowerTerm(m: Message): void {
    if ((this.cfg.checkQuorum || this.cfg.preVote) && (m.type === 'MsgHeartbeat' || m.type === 'MsgApp')) {
      // A leader of an older term is talking to us: maybe we advanced our term alone during a
      // partition. Answer at our term so that leader steps down and the cluster can move on;
      // with checkQuorum our votes would otherwise never reach it.
      this.send(this.newMessage('MsgAppResp', m.from));
    } else if (m.type === 'MsgPreVote') {
      // Rejecting (rather than ignoring) lets a pre-candidate learn our term and stop.
      const resp = this.newMessage('MsgPreVoteResp', m.from);
      resp.reject = true;
      this.send(resp);
    }
  }

  // ---- role changes -------------------------------------------------------------------------

  private reset(term: number): void {
    if (term < this.term) throw new Error(`raft ${this.id}: term going back from ${this.term} to ${term}`);
    if (this.term !== term) {
      this.term = term;
      this.vote = '';
    }
    this.lead = '';
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.leadTransferee = '';
    this.votes.clear();
    this.resetProgress();
    this.pendingConfIndex = 0;
  }

  private resetProgress(): void {
    this.progress.clear();
    const last = this.log.lastIndex();
    for (const id of this.voters) {
      const pr = new Progress(last + 1, this.cfg.maxInflightMsgs);
      if (id === this.id) pr.match = last;
      this.progress.set(id, pr);
    }
  }

  /** Adopts a whole configuration (from a snapshot the leader sent). */
  resetConfig(voters: readonly NodeId[]): void {
    this.voters = voters.slice().sort();
    this.votes.clear();
    this.resetProgress();
  }

  private resetRandomizedElectionTimeout(): void {
    const e = this.cfg.electionTick;
    this.randomizedElectionTimeout = this.rng.int(e, 2 * e);
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.stepFn = stepFollower;
    this.reset(term);
    this.tickFn = () => this.tickElection();
    this.lead = lead;
    this.role = 'follower';
  }

  becomeCandidate(): void {
    if (this.role === 'leader') throw new Error(`raft ${this.id}: invalid transition leader -> candidate`);
    this.stepFn = stepCandidate;
    this.reset(this.term + 1);
    this.tickFn = () => this.tickElection();
    this.vote = this.id;
    this.role = 'candidate';
  }

  /** Thesis 9.6: a pre-candidate keeps its term and vote; only the role and the tally change. */
  becomePreCandidate(): void {
    if (this.role === 'leader') throw new Error(`raft ${this.id}: invalid transition leader -> pre-candidate`);
    this.stepFn = stepCandidate;
    this.votes.clear();
    this.tickFn = () => this.tickElection();
    this.lead = '';
    this.role = 'pre-candidate';
  }

  becomeLeader(): void {
    if (this.role === 'follower') throw new Error(`raft ${this.id}: invalid transition follower -> leader`);
    this.stepFn = stepLeader;
    this.reset(this.term);
    this.tickFn = () => this.tickHeartbeat();
    this.lead = this.id;
    this.role = 'leader';
    const self = this.progress.get(this.id);
    if (!self) throw new Error(`raft ${this.id}: became leader without being a voter`);
    self.becomeReplicate();
    self.recentActive = true;
    // Some entry after the commit index may be a conf change; refusing new ones until everything
    // up to here is applied is simpler than scanning the tail.
    this.pendingConfIndex = this.log.lastIndex();
    // Paper 5.4.2 / 8: an entry of our own term lets us commit the earlier ones.
    this.appendEntries([{ type: 'normal', data: '' }]);
  }

  // ---- clocks -------------------------------------------------------------------------------

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      this.step(this.newMessage('MsgHup', this.id, 0));
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.cfg.electionTick) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) this.step(this.newMessage('MsgCheckQuorum', this.id, 0));
      // A transfer that has not finished within an election timeout is abandoned.
      if (this.role === 'leader' && this.leadTransferee !== '') this.leadTransferee = '';
    }
    if (this.role !== 'leader') return;
    if (this.heartbeatElapsed >= this.cfg.heartbeatTick) {
      this.heartbeatElapsed = 0;
      this.step(this.newMessage('MsgBeat', this.id, 0));
    }
  }

  // ---- appending ----------------------------------------------------------------------------

  /** Appends entries at the leader's term; the leader acknowledges them for itself at once. */
  appendEntries(proposed: readonly ProposedEntry[]): number {
    const first = this.log.lastIndex() + 1;
    const ents: Entry[] = new Array(proposed.length);
    for (let i = 0; i < proposed.length; i++) {
      ents[i] = { term: this.term, index: first + i, type: proposed[i].type, data: proposed[i].data };
    }
    const last = this.log.append(ents);
    // The host persists a Ready's entries before anything it holds is applied or acknowledged,
    // so the leader may count its own copy now (thesis 10.2.1: leader writes in parallel).
    this.progress.get(this.id)?.maybeUpdate(last);
    maybeCommit(this);
    return last;
  }

}

function validateConfig(cfg: RaftConfig): void {
  const bad = (what: string) => {
    throw new Error(`raft config for ${cfg.id}: ${what}`);
  };
  if (cfg.id === '') bad('id must not be empty');
  if (!(cfg.heartbeatTick >= 1)) bad('heartbeatTick must be >= 1');
  if (!(cfg.electionTick > cfg.heartbeatTick)) bad('electionTick must be greater than heartbeatTick');
  if (!(cfg.maxInflightMsgs >= 1)) bad('maxInflightMsgs must be >= 1');
  if (!(cfg.maxEntriesPerMsg >= 1)) bad('maxEntriesPerMsg must be >= 1');
  if (!(cfg.snapshotCatchUpEntries >= 0)) bad('snapshotCatchUpEntries must be >= 0');
}
