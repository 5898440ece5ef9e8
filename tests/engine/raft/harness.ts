// A deterministic in-test network of RawNodes (after etcd's rafttest "network"): messages go in
// one FIFO queue, links can be cut (one way or both) or filtered, nodes can be killed and
// restarted from a per-node disk image built from their Ready bundles exactly as a host would.
// A tiny state machine records applied entries, and two safety checks run on every Ready:
// at most one leader per term, and no two nodes ever apply different entries at one index.
import { Rng } from '../../../src/engine/core/prng';
import {
  DEFAULT_RAFT_CONFIG, RawNode, decodeConfChange,
} from '../../../src/engine/raft';
import type {
  ConfChange, Entry, Message, MessageType, NodeId, PersistedState, RaftConfig, RaftStatus, Ready,
} from '../../../src/engine/raft';

export interface NetOptions {
  raft?: Partial<Omit<RaftConfig, 'id' | 'peers'>>;
  seed?: number;
  /** Take a snapshot (and compact) every this many applied entries; 0 = never. */
  snapshotEvery?: number;
  /** Nodes that start from these disk images instead of fresh (hand-built logs). */
  disks?: Record<NodeId, PersistedState>;
}

/** Applies a Ready's durable parts to a disk image, with the DiskWrite semantics of the host. */
export function persistReady(disk: PersistedState, rd: Ready): void {
  if (rd.hardState) disk.hardState = { ...rd.hardState };
  if (rd.snapshot) {
    const s = rd.snapshot;
    const at = disk.entries.find((e) => e.index === s.meta.index);
    disk.entries = at && at.term === s.meta.term ? disk.entries.filter((e) => e.index > s.meta.index) : [];
    disk.snapshot = s;
  }
  if (rd.entries.length > 0) {
    const first = rd.entries[0].index;
    disk.entries = disk.entries.filter((e) => e.index < first).concat(rd.entries);
  }
}

function emptyDisk(): PersistedState {
  return { hardState: { term: 0, vote: '', commit: 0 }, snapshot: null, entries: [] };
}

export class Net {
  readonly nodes = new Map<NodeId, RawNode>();
  readonly disks = new Map<NodeId, PersistedState>();
  /** Applied entries per node, index i at position i-1 (restored from snapshots as a whole). */
  readonly applied = new Map<NodeId, Entry[]>();
  /** Every Ready each node produced, in order (for tests that look at what went out together). */
  readonly readies = new Map<NodeId, Ready[]>();
  queue: Message[] = [];
  readonly sent: Message[] = [];
  /** Messages in the order they reached a live node. */
  readonly deliveredLog: Message[] = [];
  delivered = 0;
  /** Returns true to drop a message as it is sent. */
  dropIf: ((m: Message) => boolean) | null = null;
  readonly leaderOfTerm = new Map<number, NodeId>();
  /** What was applied at each index, by any node (term:type:data). */
  readonly appliedAt = new Map<number, string>();
  /** A term by which each applied index was certainly committed. */
  readonly committedBy = new Map<number, number>();
  private readonly cuts = new Set<string>();
  private readonly down = new Set<NodeId>();
  private readonly configs = new Map<NodeId, RaftConfig>();
  private incarnation = 0;
  private readonly seed: number;

  constructor(readonly ids: NodeId[], readonly opts: NetOptions = {}) {
    this.seed = opts.seed ?? 1;
    for (const id of ids) {
      const disk = opts.disks?.[id];
      if (!disk) {
        this.addNode(id, ids);
        continue;
      }
      this.configs.set(id, this.config(id, ids));
      this.disks.set(id, structuredClone(disk));
      this.readies.set(id, []);
      this.restart(id);
    }
  }

  config(id: NodeId, peers: NodeId[]): RaftConfig {
    return { ...DEFAULT_RAFT_CONFIG, preVote: false, ...this.opts.raft, id, peers };
  }

  /** Starts a brand-new node (peers=[] for one that joins an existing cluster). */
  addNode(id: NodeId, peers: NodeId[]): RawNode {
    const cfg = this.config(id, peers);
    this.configs.set(id, cfg);
    this.disks.set(id, emptyDisk());
    this.applied.set(id, []);
    this.readies.set(id, []);
    const node = new RawNode(cfg, new Rng(this.seed * 7919 + this.incarnation++), null);
    this.nodes.set(id, node);
    this.down.delete(id);
    this.drain(id);
    return node;
  }

  node(id: NodeId): RawNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`harness: node ${id} is down or unknown`);
    return n;
  }

  status(id: NodeId): RaftStatus {
    return this.node(id).status();
  }

  isUp(id: NodeId): boolean {
    return !this.down.has(id) && this.nodes.has(id);
  }

  upIds(): NodeId[] {
    return [...this.nodes.keys()].filter((id) => this.isUp(id));
  }

  // ---- faults -------------------------------------------------------------------------------

  cut(a: NodeId, b: NodeId): void {
    this.cuts.add(`${a}>${b}`);
    this.cuts.add(`${b}>${a}`);
  }

  cutOneWay(from: NodeId, to: NodeId): void {
    this.cuts.add(`${from}>${to}`);
  }

  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) if (other !== id) this.cut(id, other);
  }

  heal(): void {
    this.cuts.clear();
  }

  isCut(from: NodeId, to: NodeId): boolean {
    return this.cuts.has(`${from}>${to}`);
  }

  kill(id: NodeId): void {
    this.nodes.delete(id);
    this.down.add(id);
  }

  /** A new incarnation that knows only what its disk holds. */
  restart(id: NodeId): RawNode {
    const cfg = this.configs.get(id)!;
    const disk = this.disks.get(id)!;
    const image: PersistedState = structuredClone(disk);
    const node = new RawNode(cfg, new Rng(this.seed * 7919 + this.incarnation++), image);
    this.nodes.set(id, node);
    this.down.delete(id);
    this.applied.set(id, disk.snapshot ? (JSON.parse(disk.snapshot.data) as Entry[]) : []);
    this.drain(id);
    return node;
  }

  // ---- driving ------------------------------------------------------------------------------

  /** Handles every Ready the node has: persist, send, apply, advance. */
  drain(id: NodeId): void {
    const node = this.nodes.get(id);
    if (!node) return;
    for (let guard = 0; node.hasReady(); guard++) {
      if (guard > 1000) throw new Error(`harness: ${id} never runs out of Ready`);
      const rd = node.ready();
      this.readies.get(id)!.push(rd);
      this.checkLeader(id, rd);
      persistReady(this.disks.get(id)!, rd);
      if (rd.snapshot) this.applied.set(id, JSON.parse(rd.snapshot.data) as Entry[]);
      for (const m of rd.messages) this.send(m);
      this.apply(id, node, rd.committedEntries);
      node.advance(rd);
      this.maybeSnapshot(id, node);
    }
  }

  private send(m: Message): void {
    this.sent.push(m);
    if (this.isCut(m.from, m.to) || this.down.has(m.from)) return;
    if (this.dropIf && this.dropIf(m)) return;
    this.queue.push(m);
  }

  private checkLeader(id: NodeId, rd: Ready): void {
    if (rd.softState?.role !== 'leader') return;
    const term = this.nodes.get(id)!.status().term;
    const other = this.leaderOfTerm.get(term);
    if (other !== undefined && other !== id) {
      throw new Error(`election safety: ${other} and ${id} both leaders of term ${term}`);
    }
    this.leaderOfTerm.set(term, id);
  }

  private apply(id: NodeId, node: RawNode, ents: Entry[]): void {
    const list = this.applied.get(id)!;
    for (const e of ents) {
      if (e.index !== list.length + 1) throw new Error(`harness: ${id} applies ${e.index} after ${list.length}`);
      const key = `${e.term}:${e.type}:${e.data}`;
      const seen = this.appliedAt.get(e.index);
      if (seen !== undefined && seen !== key) {
        throw new Error(`state machine safety: index ${e.index} applied as ${seen} and as ${key} (on ${id})`);
      }
      if (seen === undefined) {
        this.appliedAt.set(e.index, key);
        // The applier learned of the commit at its current term, so the entry was committed in
        // that term or earlier: every leader of a later term must hold it.
        this.committedBy.set(e.index, node.status().term);
      }
      list.push(e);
      if (e.type === 'confChange') node.applyConfChange(decodeConfChange(e.data));
    }
  }

  private maybeSnapshot(id: NodeId, node: RawNode): void {
    const every = this.opts.snapshotEvery ?? 0;
    if (every <= 0) return;
    const st = node.status();
    if (st.applied - st.snapshotIndex < every) return;
    const snap = node.createSnapshot(st.applied, JSON.stringify(this.applied.get(id)!.slice(0, st.applied)));
    const disk = this.disks.get(id)!;
    disk.snapshot = snap;
    const keep = this.configs.get(id)!.snapshotCatchUpEntries;
    const compactTo = Math.max(0, st.applied - keep);
    node.compact(compactTo);
    disk.entries = disk.entries.filter((e) => e.index > compactTo);
  }

  /** Delivers queued messages in FIFO order (and whatever they cause) until none are left. */
  deliver(limit = 100_000): number {
    let n = 0;
    while (this.queue.length > 0) {
      if (n++ >= limit) throw new Error(`harness: more than ${limit} deliveries; livelock?`);
      this.deliverOne(this.queue.shift()!);
    }
    return n;
  }

  deliverOne(m: Message): void {
    const node = this.nodes.get(m.to);
    if (!node || this.down.has(m.to) || this.isCut(m.from, m.to)) return;
    this.delivered++;
    this.deliveredLog.push(m);
    node.step(m);
    this.drain(m.to);
  }

  /** Delivers only the messages queued right now (one network round), FIFO. */
  deliverRound(): number {
    const batch = this.queue;
    this.queue = [];
    for (const m of batch) this.deliverOne(m);
    return batch.length;
  }

  tick(id: NodeId, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.node(id).tick();
      this.drain(id);
    }
  }

  /** One tick on every live node, then all resulting traffic. */
  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) {
      for (const id of this.upIds()) this.tick(id);
      this.deliver();
    }
  }

  /** Ticks `id` alone until its election timer fires, then delivers everything. */
  campaign(id: NodeId): void {
    const st = this.status(id);
    this.tick(id, Math.max(1, st.randomizedElectionTimeout - st.electionElapsed));
    this.deliver();
  }

  leader(): NodeId | undefined {
    let best: RaftStatus | undefined;
    for (const id of this.upIds()) {
      const st = this.status(id);
      if (st.role === 'leader' && (!best || st.term > best.term)) best = st;
    }
    return best?.id;
  }

  propose(id: NodeId, data: string) {
    const res = this.node(id).propose(data);
    this.drain(id);
    return res;
  }

  proposeConfChange(id: NodeId, cc: ConfChange) {
    const res = this.node(id).proposeConfChange(cc);
    this.drain(id);
    return res;
  }

  transfer(leader: NodeId, to: NodeId) {
    const res = this.node(leader).transferLeadership(to);
    this.drain(leader);
    return res;
  }

  /** Messages of the given types sent so far (for counting round trips). */
  sentOfType(...types: MessageType[]): Message[] {
    return this.sent.filter((m) => types.includes(m.type));
  }

  appliedData(id: NodeId): string[] {
    return this.applied.get(id)!.filter((e) => e.type === 'normal' && e.data !== '').map((e) => e.data);
  }
}

/** A Raft config for unit-level tests of a single node. */
export function testConfig(id: NodeId, peers: NodeId[], over: Partial<RaftConfig> = {}): RaftConfig {
  return { ...DEFAULT_RAFT_CONFIG, preVote: false, ...over, id, peers };
}

/** A message with every field present (what the network would carry). */
export function msg(type: MessageType, from: NodeId, to: NodeId, term: number, over: Partial<Message> = {}): Message {
  return { type, from, to, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0, ...over };
}

/** A disk image holding normal entries with the given terms from index 1 (a hand-built log). */
export function diskWithLog(terms: number[], term: number, commit = 0, vote = ''): PersistedState {
  const entries: Entry[] = terms.map((t, i) => ({ term: t, index: i + 1, type: 'normal', data: `t${t}i${i + 1}` }));
  return { hardState: { term, vote, commit }, snapshot: null, entries };
}

/** The terms of the entries a node has persisted (its log, for nodes without a snapshot). */
export function diskTerms(net: Net, id: NodeId): number[] {
  return net.disks.get(id)!.entries.map((e) => e.term);
}

/** Takes the node's next Ready and advances past it, as a host that persisted it would. */
export function takeReady(node: RawNode): Ready {
  const rd = node.ready();
  node.advance(rd);
  return rd;
}

/** A lone node (no harness) that has handled its boot Ready. */
export function soloNode(id: NodeId, peers: NodeId[], over: Partial<RaftConfig> = {}, seed = 1, disk: PersistedState | null = null): RawNode {
  const node = new RawNode(testConfig(id, peers, over), new Rng(seed), disk);
  while (node.hasReady()) {
    const rd = node.ready();
    for (const e of rd.committedEntries) if (e.type === 'confChange') node.applyConfChange(decodeConfChange(e.data));
    node.advance(rd);
  }
  return node;
}
