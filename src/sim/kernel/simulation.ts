// The simulator's public face: a scenario, a host to run nodes on, and a virtual clock you can
// run forward, step, act on, look at and replay. Same scenario + same actions = same trace, on
// InlineHost and WorkerHost alike.
import type { HandshakeRecord, NodeEvent, Rng, SwarmNodeConfig } from '../../engine/index';
import { SafetyViolationError, type SafetyViolation } from '../checkers/types';
import type { ClientHost, KvClients } from '../clients/kv-clients';
import type { MaybePromise, NodeHost } from '../host/types';
import { addedNodeRole, UserActionSchema, type UserAction, type UserActionInput } from '../scenario/actions';
import { formFoundingSwarm } from './founding';
import { checkAction, initialNodeNames, type Scenario } from '../scenario/scenario';
import type { MessageLanding } from '../network/landings';
import type { TraceRecord } from '../trace/records';
import { Kernel } from './kernel';
import { andThen, isPromise } from './maybe';
import { nodeLog, type NodeLogView } from './node-log';
import { leaderOf, runAction, type ActionContext } from './run-action';
import type { SimEvent } from './sim-events';
import { buildView, finalStates, type NodeFinalState, type SimView } from './view';

export interface SimulationOptions {
  /** Safety checkers on every output (default true). */
  checkers?: boolean;
  /** Trace records kept for trace() (default: all; the digest always covers every record). */
  traceLimit?: number;
  /** Recent events kept for view() (default 500). */
  eventLimit?: number;
  /** Caps the batching window; 1 gives one-millisecond windows (tests). */
  lookaheadMs?: number;
  /** Simulated key-value clients (the seed sweep); built from the run's client stream. */
  clients?: (rng: Rng) => KvClients;
}

type ClientReply = Extract<NodeEvent, { type: 'clientReply' }>;

export class Simulation {
  readonly scenario: Scenario;
  readonly clients: KvClients | null;
  private readonly k: Kernel;
  private readonly knownNodes: Set<string>;
  /** Managers at the start plus every manager an action scheduled so far adds. */
  private plannedManagers: number;
  private readonly clientHost: ClientHost;
  private readonly actionContext: ActionContext;
  private proposals = 0;
  private readonly proposalIndexes = new Map<number, number>();
  private started = false;
  private running = false;
  private disposed = false;
  private cachedView: SimView | null = null;
  /** Actions taken while a run was in progress; scheduled as soon as its current window is done. */
  private readonly pendingActions: UserAction[] = [];

  constructor(scenario: Scenario, host: NodeHost, opts: SimulationOptions = {}) {
    this.scenario = structuredClone(scenario);
    const o = this.scenario.options;
    this.k = new Kernel({
      seed: this.scenario.seed,
      options: o,
      host,
      checkers: opts.checkers ?? true,
      traceLimit: opts.traceLimit ?? Infinity,
      eventLimit: opts.eventLimit ?? 500,
      lookaheadMs: opts.lookaheadMs,
    });
    const swarm = o.security === 'mtls';
    const managers = initialNodeNames(o.managers);
    const names = initialNodeNames(o.managers, swarm ? o.workers : 0);
    for (const id of names) this.k.addSlot(id, managers.includes(id) ? managers : []);
    if (swarm) formFoundingSwarm(this.k, managers, names.slice(managers.length));
    this.knownNodes = new Set(names);
    this.plannedManagers = o.managers;
    this.clientHost = clientHostOf(this.k);
    this.actionContext = {
      k: this.k,
      nextProposal: () => ++this.proposals,
      onProposal: (n, op) => this.clients?.trackExternal(n, op, this.k.nowMs),
    };
    this.clients = opts.clients ? opts.clients(this.k.clientRng) : null;
    if (this.clients) this.k.capLookahead(this.clients.minScheduleMs());
    this.k.hooks = {
      onAction: (action) => runAction(this.actionContext, action),
      onClientTimer: (e) => this.clients?.onTimer(this.clientHost, e.clientId, e.token),
      onClientReply: (node, reply) => this.onClientReply(node, reply),
    };
  }

  get nowMs(): number {
    return this.k.nowMs;
  }

  get seed(): number {
    return this.scenario.seed;
  }

  get violation(): SafetyViolation | null {
    return this.k.violation;
  }

  /** Events processed so far. */
  get steps(): number {
    return this.k.steps;
  }

  /** Boots node-1..node-N and schedules the scenario's actions. */
  start(): MaybePromise<void> {
    if (this.started) throw new Error('Simulation.start: already started');
    this.started = true;
    for (const { atMs, action } of this.scenario.actions) {
      this.k.scheduleAction(action, atMs);
      this.plan(action);
    }
    this.running = true;
    try {
      const booted = andThen(this.k.bootSlots(this.k.slots), () => {
        this.running = false;
        this.clients?.start(this.clientHost);
      });
      if (isPromise(booted)) booted.catch(() => (this.running = false));
      return booted;
    } catch (err) {
      this.running = false;
      throw err;
    }
  }

  /** Recent mTLS handshakes involving node (both ends' views), newest last. */
  handshakes(node?: string): HandshakeRecord[] {
    const all = this.k.handshakes;
    return node === undefined ? all.slice() : all.filter((h) => h.client === node || h.server === node);
  }

  /** The files on a node's disk (certificates, key, state.json), by path. */
  nodeFiles(id: string): Record<string, string> {
    return Object.fromEntries(this.k.slot(id).disk.files);
  }

  /** How a node entered the swarm: founding, or the join command it ran (token and manager). */
  swarmStart(id: string): SwarmNodeConfig | null {
    return this.k.slot(id).swarm ?? null;
  }

  nextEventTimeMs(): number | null {
    return this.k.queue.peek()?.timeMs ?? null;
  }

  /** Runs every event due at or before tMs, then sets the clock to tMs. */
  async runUntil(tMs: number): Promise<void> {
    this.beginRun();
    try {
      for (;;) {
        let r = this.k.stepWindow(tMs);
        if (isPromise(r)) r = await r;
        this.flushPendingActions();
        if (!r) break;
      }
      this.finishRun(tMs);
    } finally {
      this.running = false;
    }
  }

  /** runUntil for a synchronous host (InlineHost); throws on a host that answers later. */
  runUntilSync(tMs: number): void {
    if (this.k.host.kind !== 'inline') throw new Error('runUntilSync needs a synchronous host (InlineHost); use runUntil');
    this.beginRun();
    try {
      for (;;) {
        const r = this.k.stepWindow(tMs);
        if (isPromise(r)) throw new Error('runUntilSync: the host answered asynchronously');
        this.flushPendingActions();
        if (!r) break;
      }
      this.finishRun(tMs);
    } finally {
      this.running = false;
    }
  }

  /** Processes the next batching window (or the next user action). */
  stepOnce(): MaybePromise<void> {
    this.beginRun();
    const done = (): void => {
      this.running = false;
      this.flushPendingActions();
      this.throwIfViolated();
    };
    try {
      const r = this.k.stepWindow(Number.MAX_SAFE_INTEGER);
      if (isPromise(r)) return r.then(done, (err: unknown) => {
        this.running = false;
        throw err;
      });
    } catch (err) {
      this.running = false;
      throw err;
    }
    done();
  }

  /**
   * Schedules an action now and records it in the scenario, so the run can be shared and replayed.
   * During a run (a worker batch is out) it waits for the current window to finish: "now" is then
   * a time every earlier event has been processed by, which is what a replay will see.
   */
  act(input: UserActionInput | UserAction): void {
    if (!this.started || this.disposed) throw new Error('Simulation.act: the simulation is not running');
    const action = parseAction(input);
    const error = checkAction(action, this.knownNodes, this.plannedManagers);
    if (error) throw new Error(`action${error}`);
    this.plan(action);
    this.pendingActions.push(action);
    if (!this.running) this.flushPendingActions();
  }

  /** Counts the node an action will add (before it runs), for the names and limits of later actions. */
  private plan(action: UserAction): void {
    const role = addedNodeRole(action);
    if (role) this.knownNodes.add(`node-${this.knownNodes.size + 1}`);
    if (role === 'manager') this.plannedManagers++;
  }

  private flushPendingActions(): void {
    for (const action of this.pendingActions.splice(0)) {
      this.scenario.actions.push({ atMs: this.nowMs, action });
      this.k.scheduleAction(action, this.nowMs);
      this.k.version++;
    }
  }

  view(): SimView {
    const v = this.cachedView;
    if (v && v.version === this.k.version && v.nowMs === this.k.nowMs) return v;
    return (this.cachedView = buildView(this.k));
  }

  /** The newest `last` entries on a node's disk, in plain words, committed or not (dead nodes too). */
  nodeLog(id: string, last = 12): NodeLogView {
    return nodeLog(id, this.k.slot(id).disk, last);
  }

  /**
   * How a message that has left the wire ended: delivered, or dropped on arrival. Null while it is
   * still in flight, when it was lost on the way, or when it landed too long ago to be remembered.
   */
  landing(messageId: number): MessageLanding | null {
    return this.k.landings.get(messageId);
  }

  onEvent(cb: (e: SimEvent) => void): () => void {
    this.k.listeners.add(cb);
    return () => this.k.listeners.delete(cb);
  }

  trace(): readonly TraceRecord[] {
    return this.k.trace.records();
  }

  traceDigest(): string {
    return this.k.trace.digest();
  }

  /** The current leader (highest term among live nodes that think they lead), if any. */
  leader(): string | null {
    return leaderOf(this.k);
  }

  /** How many UI proposals were made so far (proposal numbers run 1..n). */
  get proposalCount(): number {
    return this.proposals;
  }

  /** The log index UI proposal n was committed at, once its node has answered. */
  proposalIndex(n: number): number | null {
    return this.proposalIndexes.get(n) ?? null;
  }

  finalState(): NodeFinalState[] {
    return finalStates(this.k);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.k.listeners.clear();
    this.k.host.dispose();
  }

  private onClientReply(node: string, r: ClientReply): void {
    if (r.clientId === 0) {
      if (r.ok && r.index !== undefined) this.proposalIndexes.set(r.reqId, r.index);
      const text = r.ok ? `proposal ${r.reqId} committed at index ${r.index}` : `proposal ${r.reqId} refused by ${node}: ${r.error}`;
      this.k.emit(node, 'proposal', text);
      this.clients?.onExternalReply(r, this.k.nowMs);
      return;
    }
    const what = r.ok ? `done at index ${r.index}` : `refused (${r.error})`;
    this.k.emit(node, 'clientReply', `${node} answered client ${r.clientId} request ${r.reqId}: ${what}`);
    if (this.clients?.owns(r.clientId)) this.clients.onReply(this.clientHost, r);
  }

  private beginRun(): void {
    if (!this.started) throw new Error('Simulation: call start() first');
    if (this.disposed) throw new Error('Simulation: disposed');
    if (this.running) throw new Error('Simulation: already running (wait for the previous call)');
    this.throwIfViolated();
    this.running = true;
  }

  private finishRun(tMs: number): void {
    this.throwIfViolated();
    if (tMs > this.k.nowMs) {
      this.k.nowMs = tMs;
      this.k.version++;
    }
  }

  private throwIfViolated(): void {
    if (this.k.violation) throw new SafetyViolationError(this.k.violation);
  }
}

function clientHostOf(k: Kernel): ClientHost {
  return {
    get nowMs(): number {
      return k.nowMs;
    },
    upNodes: () => k.slots.filter((s) => s.up).map((s) => s.id),
    sendRequest: (node, clientId, reqId, op, delayMs) =>
      k.scheduleInput(node, { kind: 'client', clientId, reqId, op }, k.nowMs + delayMs),
    setTimer: (clientId, token, atMs) => k.scheduleClientTimer(clientId, token, atMs),
    minDelayMs: () => k.network.minDelayMs(),
  };
}

function parseAction(input: unknown): UserAction {
  const parsed = UserActionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((i) => `${['action', ...i.path].join('.')}: ${i.message}`).join('; '));
}
