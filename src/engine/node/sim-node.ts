// One simulated manager: Raft (RawNode) plus the key-value state machine plus the client requests
// it is answering. It is a pure state machine: step(input, now) -> output, where the output is
// data (messages to send, disk writes, events, a status summary) that the host acts on.
import { decodeCommand, describeOp, encodeCommand } from '../kv/command';
import { KvStore } from '../kv/kv-store';
import { Rng } from '../core/prng';
import { decodeConfChange, RawNode } from '../raft/index';
import { DEFAULT_RAFT_CONFIG, type ConfChange, type Entry, type RaftConfig, type Ready, type Role } from '../raft/types';
import { entryDigest } from './entry-digest';
import { SwarmNode } from '../swarm/swarm-node';
import { OutputBuilder } from './output-builder';
import { PendingRequests } from './pending';
import { decodeManagerSnapshot, encodeManagerSnapshot, isSwarmEntryData } from '../store/entry';
import type { Message } from '../raft/types';
import type { DiskImage, KvOp, NodeConfig, NodeInput, NodeOutput, NodeStatus } from './types';

/**
 * How a swarm manager plugs into the Raft node: Raft messages go over mTLS instead of straight on
 * the wire, and swarm entries go to the swarm store (snapshots carry both state machines).
 */
export interface ManagerHooks {
  sendRaft(msg: Message): void;
  applySwarm(e: Entry, out: OutputBuilder): string;
  snapshotSwarm(): string;
  restoreSwarm(data: string): void;
}

export interface NodeBootArgs {
  config: NodeConfig;
  disk: DiskImage | null;
  seed: number;
  nowMs: number;
  hooks?: ManagerHooks;
}

/** Readys drained per step at most: a node that keeps producing them is stuck in a loop. */
const MAX_READY_ROUNDS = 1000;

/** Anything the hosts can run: a bare Raft node or a swarm node. */
export interface EngineNode {
  step(input: NodeInput, nowMs: number): NodeOutput;
}

/** What a host boots: a swarm node when the config says so, a bare Raft node otherwise. */
export function bootEngineNode(boot: NodeBootArgs): { node: EngineNode; output: NodeOutput } {
  const swarm = boot.config.swarm;
  if (!swarm) return bootNode(boot);
  const node = new SwarmNode(boot, swarm);
  return { node, output: node.start() };
}

export function bootNode(boot: NodeBootArgs): { node: SimNode; output: NodeOutput } {
  const node = new SimNode(boot);
  return { node, output: node.drain(new OutputBuilder()) };
}

export class SimNode {
  readonly id: string;
  private readonly cfg: RaftConfig;
  private readonly raft: RawNode;
  private kv: KvStore;
  private readonly pending = new PendingRequests();
  private applied: number;
  private snapshotIndex: number;
  private ticks = 0;
  private reportedVoters = '';
  private role: Role;
  private lead: string;
  private term: number;
  private vote: string;
  private commit: number;
  private readonly hooks: ManagerHooks | null;

  constructor(boot: NodeBootArgs) {
    this.hooks = boot.hooks ?? null;
    this.id = boot.config.id;
    this.cfg = { ...DEFAULT_RAFT_CONFIG, ...boot.config.raft, id: boot.config.id, peers: boot.config.peers };
    this.raft = new RawNode(this.cfg, new Rng(boot.seed), boot.disk);
    const snap = boot.disk?.snapshot ?? null;
    this.kv = this.restoreSnapshotData(snap?.data ?? '');
    this.applied = this.snapshotIndex = snap?.meta.index ?? 0;
    const st = this.raft.status();
    this.role = st.role;
    this.lead = st.lead;
    this.term = st.term;
    this.vote = st.vote;
    this.commit = st.commit;
  }

  step(input: NodeInput, _nowMs: number): NodeOutput {
    const out = new OutputBuilder();
    this.handle(input, out);
    return this.drain(out);
  }

  /** Feeds one input to Raft; the caller drains (drainInto) when it has nothing more to add. */
  handle(input: NodeInput, out: OutputBuilder): void {
    switch (input.kind) {
      case 'tick':
        this.ticks++;
        this.raft.tick();
        this.pending.expire(this.ticks, this.pendingMaxAgeTicks());
        break;
      case 'deliver':
        if (input.wire.kind === 'raft') this.raft.step(input.wire.msg);
        break;
      case 'client':
        this.onClientRequest(input.clientId, input.reqId, input.op, out);
        break;
      case 'transferLeader':
        this.note(out, this.raft.transferLeadership(input.to), `transfer leadership to ${input.to}`);
        break;
      case 'addMember':
        this.proposeConfChange({ type: 'addNode', nodeId: input.nodeId }, out);
        break;
      case 'removeMember':
        this.proposeConfChange({ type: 'removeNode', nodeId: input.nodeId }, out);
        break;
      default:
        break;
    }
  }

  /** A Raft message that arrived over mTLS. */
  stepMessage(msg: Message): void {
    this.raft.step(msg);
  }

  /** Proposes a swarm store entry (leader only in practice; followers forward it). */
  proposeData(data: string): { ok: boolean; error?: string } {
    return this.raft.propose(data);
  }

  proposeMember(cc: ConfChange, out: OutputBuilder): void {
    this.proposeConfChange(cc, out);
  }

  /** Hands every pending Ready to the host (as output) until Raft has nothing more to say. */
  drain(out: OutputBuilder): NodeOutput {
    this.drainInto(out);
    return out.finish(this.status());
  }

  drainInto(out: OutputBuilder): void {
    for (let round = 0; this.raft.hasReady(); round++) {
      if (round >= MAX_READY_ROUNDS) throw new Error(`${this.id}: Raft still has a Ready after ${round} rounds`);
      const rd = this.raft.ready();
      this.handleReady(rd, out);
      this.raft.advance(rd);
      this.maybeSnapshot(out);
    }
  }

  private handleReady(rd: Ready, out: OutputBuilder): void {
    this.observeState(rd, out);
    if (rd.hardState) out.write({ type: 'hardState', hardState: rd.hardState });
    // A snapshot goes down before entries: any entries in the same Ready follow it in the log.
    if (rd.snapshot) this.installSnapshot(rd, out);
    if (rd.entries.length > 0) out.write({ type: 'append', entries: rd.entries });
    for (const msg of rd.messages) {
      if (this.hooks) this.hooks.sendRaft(msg);
      else out.send(msg);
    }
    for (const e of rd.committedEntries) this.applyEntry(e, out);
  }

  /** Turns changes of role, leader, term, vote and commit into events for the UI and checkers. */
  private observeState(rd: Ready, out: OutputBuilder): void {
    const role = rd.softState?.role ?? this.role;
    const lead = rd.softState?.lead ?? this.lead;
    const hs = rd.hardState;
    const term = hs?.term ?? this.term;
    if (role !== this.role || lead !== this.lead || term !== this.term) {
      const newLeader = role === 'leader' && (this.role !== 'leader' || term !== this.term);
      out.event({ type: 'roleChanged', role, term, lead });
      if (newLeader) out.event({ type: 'becameLeader', term });
    }
    if (hs && hs.vote !== '' && (hs.vote !== this.vote || hs.term !== this.term)) {
      out.event({ type: 'voted', term: hs.term, candidate: hs.vote });
    }
    if (hs && hs.commit > this.commit) out.event({ type: 'committed', index: hs.commit, term });
    this.role = role;
    this.lead = lead;
    this.term = term;
    if (hs) {
      this.vote = hs.vote;
      this.commit = Math.max(this.commit, hs.commit);
    }
  }

  /** A snapshot from the leader replaces the state machine wholesale. */
  private installSnapshot(rd: Ready, out: OutputBuilder): void {
    const snap = rd.snapshot!;
    out.write({ type: 'snapshot', snapshot: snap });
    this.kv = this.restoreSnapshotData(snap.data);
    this.applied = this.snapshotIndex = snap.meta.index;
    out.event({ type: 'snapshotInstalled', index: snap.meta.index });
    this.maybeReportVoters(snap.meta.conf.voters, out);
  }

  /** Re-applied bootstrap and replayed conf changes often leave the voters as they were: say only real changes. */
  private maybeReportVoters(voters: readonly string[], out: OutputBuilder): void {
    const key = voters.join(',');
    if (key === this.reportedVoters) return;
    this.reportedVoters = key;
    out.event({ type: 'membershipChanged', voters: voters.slice() });
  }

  private applyEntry(e: Entry, out: OutputBuilder): void {
    if (e.index <= this.applied) return;
    if (e.index !== this.applied + 1) throw new Error(`${this.id}: applying entry ${e.index} after ${this.applied}`);
    this.applied = e.index;
    let summary: string;
    if (e.type === 'confChange') summary = this.applyConfChange(e, out);
    else if (e.data === '') summary = 'empty entry of a new leader';
    else if (isSwarmEntryData(e.data)) summary = this.hooks ? this.hooks.applySwarm(e, out) : 'swarm entry (no swarm layer)';
    else summary = this.applyCommand(e, out);
    out.event({ type: 'applied', index: e.index, term: e.term, entryType: e.type, digest: entryDigest(e), summary });
  }

  private applyCommand(e: Entry, out: OutputBuilder): string {
    const cmd = decodeCommand(e.data);
    const result = this.kv.apply(cmd.op);
    if (cmd.origin === this.id && this.pending.take(cmd.clientId, cmd.reqId)) {
      out.event({ type: 'clientReply', clientId: cmd.clientId, reqId: cmd.reqId, ok: true, index: e.index, ...result });
    }
    const shown = describeOp(cmd.op);
    if (result.value !== undefined) return `${shown} -> '${result.value}'`;
    if (result.casOk !== undefined) return `${shown} (${result.casOk ? 'swapped' : 'no match'})`;
    return shown;
  }

  private applyConfChange(e: Entry, out: OutputBuilder): string {
    const cc = decodeConfChange(e.data);
    const conf = this.raft.applyConfChange(cc);
    this.maybeReportVoters(conf.voters, out);
    return `${cc.type === 'addNode' ? 'add' : 'remove'} ${cc.nodeId}`;
  }

  private maybeSnapshot(out: OutputBuilder): void {
    if (this.applied - this.snapshotIndex < this.cfg.snapshotInterval) return;
    const kv = this.kv.serialise();
    const data = this.hooks ? encodeManagerSnapshot(kv, this.hooks.snapshotSwarm()) : kv;
    const snapshot = this.raft.createSnapshot(this.applied, data);
    this.snapshotIndex = this.applied;
    out.write({ type: 'snapshot', snapshot });
    out.event({ type: 'snapshotTaken', index: this.applied });
    const compactTo = this.applied - this.cfg.snapshotCatchUpEntries;
    if (compactTo > 0) {
      this.raft.compact(compactTo);
      out.write({ type: 'compact', index: compactTo });
    }
  }

  private onClientRequest(clientId: number, reqId: number, op: KvOp, out: OutputBuilder): void {
    const res = this.raft.propose(encodeCommand({ origin: this.id, clientId, reqId, op }));
    if (!res.ok) {
      out.event({ type: 'clientReply', clientId, reqId, ok: false, error: res.error });
      return;
    }
    this.pending.add({ clientId, reqId, op, sinceTick: this.ticks });
  }

  private proposeConfChange(cc: ConfChange, out: OutputBuilder): void {
    const what = `${cc.type === 'addNode' ? 'add' : 'remove'} member ${cc.nodeId}`;
    this.note(out, this.raft.proposeConfChange(cc), what);
  }

  private note(out: OutputBuilder, res: { ok: boolean; error?: string }, what: string): void {
    out.event({ type: 'note', text: res.ok ? `${what}: proposed` : `${what}: refused (${res.error ?? 'unknown'})` });
  }

  private restoreSnapshotData(data: string): KvStore {
    const parts = decodeManagerSnapshot(data);
    this.hooks?.restoreSwarm(parts.swarm);
    return KvStore.restore(parts.kv);
  }

  isLeader(): boolean {
    return this.role === 'leader';
  }

  get leader(): string {
    return this.lead;
  }

  /** Long enough for any commit the client could still be waiting for. */
  private pendingMaxAgeTicks(): number {
    return 4 * this.cfg.electionTick;
  }

  status(): NodeStatus {
    const st = this.raft.status();
    return {
      id: this.id,
      role: st.role,
      term: st.term,
      vote: st.vote,
      lead: st.lead,
      lastIndex: st.lastIndex,
      lastTerm: st.lastTerm,
      commit: st.commit,
      applied: st.applied,
      snapshotIndex: st.snapshotIndex,
      voters: st.voters,
      electionElapsed: st.electionElapsed,
      randomizedElectionTimeout: st.randomizedElectionTimeout,
      heartbeatElapsed: st.heartbeatElapsed,
      preVote: this.cfg.preVote,
      checkQuorum: this.cfg.checkQuorum,
    };
  }
}
