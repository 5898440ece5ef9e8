// The discrete-event core: virtual clock, event queue, nodes, network, disks, trace and checkers.
// It advances in windows: every node-bound event due before (first event + lookahead) goes to the
// host in one batch, then the outputs are merged in the original (time, seq) order of the inputs
// that produced them. Nothing an output causes can land inside the window (messages take at least
// the lookahead, ticks are further apart), so this gives exactly the run that processing one event
// at a time would, on any host.
import { deriveSeed, Rng, type HandshakeRecord, type NodeInput, type NodeOutput, type WireMessage } from '../../engine/index';
import { SafetyCheckers } from '../checkers/suite';
import type { Finding, SafetyViolation } from '../checkers/types';
import type { BatchItem, MaybePromise, NodeHost } from '../host/types';
import { RecentLandings } from '../network/landings';
import { Network } from '../network/network';
import type { ScenarioOptions } from '../scenario/scenario';
import type { UserAction } from '../scenario/actions';
import { TraceLog } from '../trace/trace-log';
import type { TraceRecord } from '../trace/records';
import { EventQueue } from './event-queue';
import type { ClientTimerEvent, KernelEvent, NodeBoundEvent } from './kernel-events';
import { andThen, isPromise } from './maybe';
import { NodeSlot } from './node-slot';
import { TokenHistory } from './founding';
import { routeOutput } from './route-output';
import type { SimEvent } from './sim-events';

export interface KernelConfig {
  seed: number;
  options: ScenarioOptions;
  host: NodeHost;
  checkers: boolean;
  traceLimit: number;
  /** Recent events kept for view(). */
  eventLimit: number;
  /** Caps the batching window: tests force 1 ms; clients that act sooner than a tick cap it too. */
  lookaheadMs?: number;
}

/** What the kernel tells its owner about (client replies, client timers, user actions). */
export interface KernelHooks {
  onAction(action: UserAction): MaybePromise<void>;
  onClientTimer(e: ClientTimerEvent): void;
  onClientReply(node: string, reply: Extract<NodeOutput['events'][number], { type: 'clientReply' }>): void;
}

const MAX_HANDSHAKES = 300;

/** Per window event: the batch item it went to, or why it did not reach a node. */
const CUT = -1;
const DOWN = -2;
const SKIP = -3;

export class Kernel {
  nowMs = 0;
  steps = 0;
  version = 0;
  violation: SafetyViolation | null = null;
  preVote: boolean;
  readonly queue = new EventQueue<KernelEvent>();
  readonly network: Network;
  readonly landings = new RecentLandings();
  readonly slots: NodeSlot[] = [];
  readonly byId = new Map<string, NodeSlot>();
  readonly trace: TraceLog;
  readonly clientRng: Rng;
  readonly recentEvents: SimEvent[] = [];
  readonly listeners = new Set<(e: SimEvent) => void>();
  hooks: KernelHooks | null = null;
  /** Join tokens the leader has shown (for join actions with a current or rotated token). */
  readonly tokens = new TokenHistory();
  /** Recent mTLS handshakes, oldest first, as both ends reported them. */
  readonly handshakes: HandshakeRecord[] = [];
  private readonly root: Rng;
  private readonly checkers: SafetyCheckers | null;
  private lookaheadMs = 1;
  private lookaheadCapMs = Infinity;
  /** While merging a window: nothing may be scheduled before this time, or batching is not exact. */
  private windowEndMs = 0;

  constructor(readonly cfg: KernelConfig) {
    const o = cfg.options;
    // The order of these splits is part of what a seed means: never reorder them.
    this.root = new Rng(cfg.seed);
    const netRng = this.root.split();
    this.clientRng = this.root.split();
    this.network = new Network(netRng, { latencyMs: o.latencyMs, jitterMs: o.jitterMs, loss: o.loss });
    this.trace = new TraceLog(cfg.traceLimit);
    this.checkers = cfg.checkers ? new SafetyCheckers() : null;
    this.preVote = o.preVote;
    this.updateLookahead();
  }

  get host(): NodeHost {
    return this.cfg.host;
  }

  addSlot(id: string, peers: readonly string[]): NodeSlot {
    const seed = this.root.split().nextU32();
    const phase = deriveSeed(seed, 'tick-phase') % this.cfg.options.tickMs;
    const slot = new NodeSlot(id, this.slots.length, seed, phase, peers);
    this.slots.push(slot);
    this.byId.set(id, slot);
    this.network.addNode(id);
    this.updateLookahead();
    return slot;
  }

  slot(id: string): NodeSlot {
    const s = this.byId.get(id);
    if (!s) throw new Error(`no node ${id}`);
    return s;
  }

  /** Lowers the batching window for something that schedules sooner than messages and ticks. */
  capLookahead(ms: number): void {
    this.lookaheadCapMs = Math.min(this.lookaheadCapMs, ms);
    this.updateLookahead();
  }

  /** Recomputed whenever the network changes: the shortest delay anything can be scheduled with. */
  updateLookahead(): void {
    const natural = Math.min(this.network.minDelayMs(), this.cfg.options.tickMs);
    this.lookaheadMs = Math.max(1, Math.min(natural, this.lookaheadCapMs, this.cfg.lookaheadMs ?? Infinity));
  }

  /** Boots (or reboots) a node from its disk and takes in what booting produced. */
  bootSlot(slot: NodeSlot): MaybePromise<void> {
    return andThen(this.beginBoot(slot), (out) => this.finishBoot(slot, out));
  }

  /** Several nodes at once (the start of a run): booted together, outputs taken in node order. */
  bootSlots(slots: readonly NodeSlot[]): MaybePromise<void> {
    const outs = slots.map((s) => this.beginBoot(s));
    const finish = (ready: NodeOutput[]): void => ready.forEach((out, i) => this.finishBoot(slots[i], out));
    if (outs.some(isPromise)) return Promise.all(outs).then(finish);
    return finish(outs as NodeOutput[]);
  }

  private beginBoot(slot: NodeSlot): MaybePromise<NodeOutput> {
    slot.incarnation++;
    slot.up = true;
    slot.resetShadow();
    const o = this.cfg.options;
    const raft = {
      electionTick: o.electionTick,
      heartbeatTick: o.heartbeatTick,
      checkQuorum: o.checkQuorum,
      preVote: this.preVote,
      snapshotInterval: o.snapshotInterval,
      snapshotCatchUpEntries: o.snapshotCatchUpEntries,
    };
    return this.host.boot({
      config: { id: slot.id, peers: slot.peers.slice(), raft, ...(slot.swarm ? { swarm: slot.swarm } : {}) },
      disk: slot.disk.blank ? null : slot.disk.image(),
      seed: deriveSeed(slot.seed, slot.incarnation),
      nowMs: this.nowMs,
    });
  }

  private finishBoot(slot: NodeSlot, out: NodeOutput): void {
    this.applyOutput(slot, out);
    this.scheduleTick(slot);
    this.version++;
  }

  killSlot(slot: NodeSlot): void {
    this.host.kill(slot.id);
    slot.up = false;
    slot.nextTickMs = null;
  }

  scheduleTick(slot: NodeSlot): void {
    const tickMs = this.cfg.options.tickMs;
    const next = slot.tickPhaseMs + (Math.floor((this.nowMs - slot.tickPhaseMs) / tickMs) + 1) * tickMs;
    slot.nextTickMs = next;
    this.push({ kind: 'tick', timeMs: next, rank: 0, seq: 0, node: slot.id, incarnation: slot.incarnation });
  }

  scheduleInput(node: string, input: NodeInput, atMs: number): void {
    const slot = this.slot(node);
    this.push({ kind: 'input', timeMs: atMs, rank: 0, seq: 0, node, incarnation: slot.incarnation, input });
  }

  scheduleAction(action: UserAction, atMs: number): void {
    this.push({ kind: 'action', timeMs: atMs, rank: 1, seq: 0, action });
  }

  scheduleClientTimer(clientId: number, token: number, atMs: number): void {
    this.push({ kind: 'clientTimer', timeMs: atMs, rank: 0, seq: 0, clientId, token });
  }

  private push(e: KernelEvent): void {
    if (e.timeMs < this.windowEndMs) {
      throw new Error(`kernel: ${e.kind} scheduled at ${e.timeMs}, inside the window ending at ${this.windowEndMs}`);
    }
    this.queue.push(e);
  }

  emit(node: string | null, kind: string, text: string): void {
    const e: SimEvent = { t: this.nowMs, node, kind, text };
    this.record({ t: e.t, k: 'event', node, kind, text });
    if (this.cfg.eventLimit > 0) {
      this.recentEvents.push(e);
      if (this.recentEvents.length > 2 * this.cfg.eventLimit) this.recentEvents.splice(0, this.cfg.eventLimit);
    }
    for (const cb of this.listeners) cb(e);
  }

  recordHandshake(r: HandshakeRecord): void {
    this.handshakes.push(r);
    if (this.handshakes.length > 2 * MAX_HANDSHAKES) this.handshakes.splice(0, MAX_HANDSHAKES);
  }

  record(r: TraceRecord): void {
    this.trace.add(r);
  }

  /** Processes the next window (or user action) due at or before limitMs; false if there is none. */
  stepWindow(limitMs: number): MaybePromise<boolean> {
    const first = this.queue.peek();
    if (!first || first.timeMs > limitMs || this.violation) return false;
    if (first.kind === 'action') {
      this.queue.pop();
      this.nowMs = first.timeMs;
      this.steps++;
      this.version++;
      return andThen(this.hooks!.onAction(first.action), () => true);
    }
    const end = Math.min(first.timeMs + this.lookaheadMs, limitMs + 1);
    const window: KernelEvent[] = [];
    for (let e = this.queue.peek(); e && e.timeMs < end && e.kind !== 'action'; e = this.queue.peek()) {
      window.push(this.queue.pop()!);
    }
    const { batch, route } = this.buildBatch(window);
    const finish = (outputs: NodeOutput[][]): boolean => {
      this.windowEndMs = end;
      try {
        this.mergeWindow(window, route, outputs);
      } finally {
        this.windowEndMs = 0;
      }
      this.version++;
      return true;
    };
    if (batch.length === 0) return finish([]);
    const ran = this.host.run(batch);
    return isPromise(ran) ? ran.then(finish) : finish(ran);
  }

  /** Groups live node-bound inputs per node (in node creation order); route[i] tells where event i went. */
  private buildBatch(window: KernelEvent[]): { batch: BatchItem[]; route: Int32Array } {
    const route = new Int32Array(window.length);
    const items: (BatchItem | undefined)[] = [];
    for (let i = 0; i < window.length; i++) {
      const e = window[i];
      if (e.kind === 'clientTimer' || e.kind === 'action') {
        route[i] = SKIP;
        continue;
      }
      const fate = this.fateOf(e);
      if (fate < 0) {
        route[i] = fate;
        continue;
      }
      const slot = this.byId.get(e.node)!;
      const item = (items[slot.order] ??= { nodeId: e.node, inputs: [] });
      item.inputs.push({ nowMs: e.timeMs, input: inputOf(e) });
      route[i] = slot.order;
    }
    const batch: BatchItem[] = [];
    const position = new Int32Array(items.length);
    items.forEach((item, order) => {
      if (!item) return;
      position[order] = batch.length;
      batch.push(item);
    });
    for (let i = 0; i < route.length; i++) if (route[i] >= 0) route[i] = position[route[i]];
    return { batch, route };
  }

  /** Whether a node-bound event reaches its node: CUT/DOWN (traced as drops), SKIP (silent) or 0. */
  private fateOf(e: NodeBoundEvent): number {
    const slot = this.byId.get(e.node)!;
    const alive = slot.up && slot.incarnation === e.incarnation;
    if (e.kind === 'deliver') {
      if (this.network.arrive(e.msgId) === 'cut') return CUT;
      return alive ? 0 : DOWN;
    }
    if (e.kind === 'input' && !alive) return DOWN;
    return alive ? 0 : SKIP;
  }

  private mergeWindow(window: KernelEvent[], route: Int32Array, outputs: NodeOutput[][]): void {
    const cursor = new Int32Array(outputs.length);
    for (let i = 0; i < window.length && !this.violation; i++) {
      const e = window[i];
      this.nowMs = e.timeMs;
      this.steps++;
      if (e.kind === 'clientTimer') {
        this.hooks!.onClientTimer(e);
        continue;
      }
      if (e.kind === 'action') throw new Error('kernel: an action inside a window');
      const r = route[i];
      if (r < 0) {
        this.dropped(e, r);
        continue;
      }
      const out = outputs[r][cursor[r]++];
      if (!out) throw new Error(`kernel: host returned no output for ${e.node} at ${e.timeMs}`);
      if (e.kind === 'deliver') {
        this.record({ t: e.timeMs, k: 'deliver', id: e.msgId, from: e.from, to: e.node, label: e.label });
        this.landings.add(e.msgId, e.timeMs, 'delivered');
      }
      const slot = this.byId.get(e.node)!;
      this.applyOutput(slot, out);
      if (e.kind === 'tick') this.scheduleTick(slot);
    }
  }

  private dropped(e: NodeBoundEvent, reason: number): void {
    if (e.kind === 'deliver') {
      const why = reason === CUT ? 'cut' : 'down';
      this.record({ t: e.timeMs, k: 'drop', id: e.msgId, from: e.from, to: e.node, label: e.label, reason: why });
      this.landings.add(e.msgId, e.timeMs, why);
    } else if (e.kind === 'input' && reason === DOWN) {
      const why = this.byId.get(e.node)!.up ? 'restarted' : 'is down';
      this.emit(e.node, 'inputLost', `${describeInput(e.input)} for ${e.node} was lost: the node ${why}`);
    }
  }

  /** Disk writes, trace, checkers, sends, then client replies: the fixed order of effects. */
  applyOutput(slot: NodeSlot, out: NodeOutput): void {
    routeOutput(this, slot, out);
  }

  /** Checks disk writes against the checkers as they are applied. */
  writeDisk(slot: NodeSlot, out: NodeOutput): void {
    const role = out.status.role;
    for (const w of out.diskWrites) {
      const before = this.checkers?.beforeWrite(slot.id, role, slot.disk, w);
      if (before) return this.fail(before);
      slot.disk.apply(w);
      const after = this.checkers?.afterWrite(slot.id, slot.disk, w);
      if (after) return this.fail(after);
    }
  }

  checkEvent(slot: NodeSlot, e: NodeOutput['events'][number]): void {
    const finding = this.checkers?.onEvent(slot.id, e, slot.disk);
    if (finding) this.fail(finding);
  }

  /** Puts a message on the wire; delivery is an event at its receive time. */
  send(from: string, to: string, wire: WireMessage, label: string, size: number): void {
    const res = this.network.send(from, to, label, size, this.nowMs, wire);
    this.record({ t: this.nowMs, k: 'send', id: res.id, from, to, label, size, recvMs: res.recvMs, fate: res.fate });
    if (res.fate !== 'sent') return;
    const incarnation = this.byId.get(to)!.incarnation;
    this.push({ kind: 'deliver', timeMs: res.recvMs, rank: 0, seq: 0, node: to, incarnation, from, msgId: res.id, label, wire });
  }

  fail(f: Finding): void {
    if (this.violation) return;
    this.violation = { checker: f.checker, seed: this.cfg.seed, step: this.steps, timeMs: this.nowMs, detail: f.detail };
    this.emit(null, 'violation', `safety violation (${f.checker}): ${f.detail}`);
  }
}

function inputOf(e: NodeBoundEvent): NodeInput {
  if (e.kind === 'tick') return TICK;
  if (e.kind === 'deliver') return { kind: 'deliver', from: e.from, wire: e.wire };
  return e.input;
}

const TICK: NodeInput = { kind: 'tick' };

function describeInput(input: NodeInput): string {
  switch (input.kind) {
    case 'client':
      return input.clientId === 0 ? `proposal ${input.reqId}` : `request ${input.reqId} of client ${input.clientId}`;
    case 'transferLeader':
      return `leadership transfer to ${input.to}`;
    case 'addMember':
      return `adding ${input.nodeId}`;
    case 'removeMember':
      return `removing ${input.nodeId}`;
    default:
      return input.kind;
  }
}
