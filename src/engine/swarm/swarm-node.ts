// One machine of a swarm: a manager (Raft + the swarm store + CA, dispatcher and reconciler when
// it leads) or a worker, both with an agent (session, renewals) and mTLS connections to the
// others. Like SimNode it is a pure state machine: step(input, now) -> output as data.
import { Rng } from '../core/prng';
import { MANAGER_OU } from '../pki/types';
import { OutputBuilder } from '../node/output-builder';
import { SimNode } from '../node/sim-node';
import type { NodeBootArgs } from '../node/sim-node';
import type { NodeInput, NodeOutput, NodeStatus, SwarmEventKind, SwarmNodeConfig, SwarmStatus } from '../node/types';
import type { Entry, Message } from '../raft/types';
import { decodeSwarmEntry, encodeSwarmEntry } from '../store/entry';
import type { SwarmOp } from '../store/objects';
import { SwarmStore } from '../store/swarm-store';
import { Agent } from './agent';
import { RPC_TIMEOUT_MS } from './backoff';
import type { AgentHost } from './agent-host';
import { CAServer } from './ca-server';
import { runControl } from './control';
import { Dispatcher, type SessionMessage } from './dispatcher';
import { JoinFlow } from './join';
import { leaderView } from './leader-view';
import { authorize } from './net/authorize';
import type { CallResult, Conn, DialMode } from './net/conn';
import type { Frame, PeerIdentity } from './net/frames';
import { Net } from './net/net';
import { RootReconciler } from './reconciler';
import { keyFromHex, roleOf, securityFiles, securityFrom, securityFromFiles, STATE_FILE, tlsIdentity, type Security } from './security';
import type { Reply, ServicesHost, SessionSink } from './services-host';
import { describeFounding } from './founding-words';

/** Methods only the leader serves; other managers forward them (swarmkit's raft proxy). */
const LEADER_ONLY = new Set(['NodeCA.IssueNodeCertificate', 'NodeCA.NodeCertificateStatus', 'Dispatcher.Session', 'Dispatcher.Heartbeat', 'RaftMembership.Join', 'CA.GetUnlockKey']);

export class SwarmNode {
  readonly id: string;
  readonly store = new SwarmStore();
  private readonly rng: Rng;
  private readonly net: Net;
  private readonly agent: Agent;
  private readonly ca: CAServer;
  private readonly dispatcher: Dispatcher;
  private readonly reconciler: RootReconciler;
  private manager: SimNode | null = null;
  private join: JoinFlow | null = null;
  private sec: Security | null = null;
  private knownManagers: string[] = [];
  private nowMs: number;
  private out = new OutputBuilder();
  private nextTicket = 1;
  private readonly tickets = new Map<number, (ok: boolean, error?: string) => void>();
  private readonly afterDrain: (() => void)[] = [];
  private readonly proxiedSessions = new Map<string, string>();
  private readonly deniedConns = new Set<string>();
  private storeSeen = -1;

  constructor(private readonly boot: NodeBootArgs, private readonly cfg: SwarmNodeConfig) {
    this.id = boot.config.id;
    this.nowMs = boot.nowMs;
    this.rng = new Rng(boot.seed);
    const services = this.servicesHost();
    this.ca = new CAServer(services);
    this.dispatcher = new Dispatcher(services);
    this.reconciler = new RootReconciler(services);
    this.agent = new Agent(this.agentHost());
    this.net = new Net({
      self: this.id,
      random: this.rng,
      identity: () => (this.sec ? tlsIdentity(this.sec) : null),
      roots: () => this.sec?.roots ?? this.joinRoots(),
      accepts: () => this.manager !== null,
      send: (to, wire, label, size) => this.out.sendWire(to, wire, label, size),
      event: (e) => this.out.event(e),
      onRequest: (conn, f) => this.onRequest(conn, f),
      onPush: (_conn, f) => this.onPush(f),
      onRaft: (conn, msg) => this.onRaft(conn, msg),
    });
    this.net.nowMs = boot.nowMs;
  }

  /** First output: credentials from disk or config, a manager started, or a join begun. */
  start(): NodeOutput {
    const files = this.boot.disk?.files ?? {};
    this.knownManagers = readManagers(files[STATE_FILE]);
    this.sec = securityFromFiles(files);
    const cfg = this.cfg;
    if (!this.sec && cfg.start === 'founding') {
      const f = cfg.identity;
      this.sec = securityFrom(keyFromHex(f.key), f.certPem, f.rootPem);
      this.writeSecurity();
      this.setManagers(cfg.managers);
      this.event(cfg.managers[0] === this.id ? 'init' : 'join', describeFounding(this.id, cfg, this.sec));
    }
    if (this.sec) {
      if (roleOf(this.sec.leaf) === 'manager') this.startManager();
      this.agent.onCertificate();
    } else if (cfg.start === 'join') {
      this.join = new JoinFlow(this.agentHost(), cfg.token, cfg.via);
      this.join.start();
    }
    return this.finish();
  }

  step(input: NodeInput, nowMs: number): NodeOutput {
    this.nowMs = nowMs;
    this.net.nowMs = nowMs;
    switch (input.kind) {
      case 'tick':
        this.manager?.handle(input, this.out);
        this.net.tick();
        this.join?.tick();
        this.agent.tick();
        if (this.isLeader()) this.reconciler.tick();
        break;
      case 'deliver':
        this.net.receive(input.from, input.wire);
        break;
      case 'swarm':
        if (this.isLeader()) runControl(this.servicesHost(), this.dispatcher, input.command);
        else this.event('denied', `${this.id} is not the leader; the command was not run`);
        break;
      default:
        this.manager?.handle(input, this.out);
    }
    return this.finish();
  }

  private finish(): NodeOutput {
    // Draining applies entries, which can answer calls that propose more: loop until quiet.
    for (let round = 0; round < 8; round++) {
      this.manager?.drainInto(this.out);
      const callbacks = this.afterDrain.splice(0);
      for (const cb of callbacks) cb();
      const changed = this.store.version !== this.storeSeen;
      this.storeSeen = this.store.version;
      this.ca.refresh();
      if (changed) this.dispatcher.refresh();
      if (callbacks.length === 0 && !changed) break;
    }
    this.manager?.drainInto(this.out);
    this.net.flush();
    const out = this.out;
    this.out = new OutputBuilder();
    return out.finish(this.status());
  }

  // ----- requests, pushes and Raft frames arriving over mTLS -----

  private onRequest(conn: Conn, f: Extract<Frame, { t: 'req' }>): void {
    const reply: Reply = (r) => this.net.reply(conn.id, f.id, r);
    const auth = authorize(f.method, conn.identity, f.fwd, this.authContext());
    if (!auth.ok) {
      this.event('denied', `${this.id} refused ${f.method} from ${conn.peer}: ${auth.error}`);
      return reply({ ok: false, error: `rpc error: code = PermissionDenied desc = ${auth.error}` });
    }
    if (f.method === 'CA.GetRootCACertificate') return this.ca.getRoot(reply);
    if (LEADER_ONLY.has(f.method) && !this.isLeader()) return this.forward(conn, f, auth.caller, reply);
    const sink = { push: (body: unknown) => this.net.push(conn.id, 'Dispatcher.SessionMessage', { ...(body as object), forNode: auth.caller?.cn }) };
    this.serve(f.method, auth.caller, f.body, reply, sink);
  }

  private serve(method: string, caller: PeerIdentity | null, body: unknown, reply: Reply, sink: SessionSink): void {
    switch (method) {
      case 'NodeCA.IssueNodeCertificate':
        return this.ca.issue(caller, body as { csr: string; token?: string; hostname: string }, reply);
      case 'NodeCA.NodeCertificateStatus':
        return this.ca.status(body as { nodeId: string }, reply);
      case 'Dispatcher.Session':
        return this.dispatcher.session(caller!, body as Parameters<Dispatcher['session']>[1], sink, reply);
      case 'Dispatcher.Heartbeat':
        return this.dispatcher.heartbeat(caller!, reply);
      case 'RaftMembership.Join':
        return this.raftJoin(body as { hostname: string }, reply);
      case 'CA.GetUnlockKey':
        // No autolock: there is no key encryption key to hand out.
        return reply({ ok: true, body: { unlockKey: null } });
      default:
        return reply({ ok: false, error: `rpc error: code = Unimplemented desc = unknown method ${method}` });
    }
  }

  /** A follower manager passes the call to the leader, naming the original caller. */
  private forward(conn: Conn, f: Extract<Frame, { t: 'req' }>, caller: PeerIdentity | null, reply: Reply): void {
    const leader = this.manager?.leader ?? '';
    if (!leader || leader === this.id) {
      return reply({ ok: false, error: 'rpc error: code = Unavailable desc = The swarm does not have a leader. It\'s possible that too few managers are online. Make sure more than half of the managers are online.' });
    }
    if (f.method === 'Dispatcher.Session' && caller) this.proxiedSessions.set(caller.cn, conn.id);
    this.net.call(leader, 'mutual', f.method, f.body, RPC_TIMEOUT_MS, reply, caller);
  }

  private onPush(f: Extract<Frame, { t: 'push' }>): void {
    const body = f.body as SessionMessage & { forNode?: string };
    const mine = this.sec ? parseCn(this.sec) : '';
    if (body.forNode && body.forNode !== mine) {
      const connId = this.proxiedSessions.get(body.forNode);
      if (connId) this.net.push(connId, f.method, body);
      return;
    }
    this.agent.onSessionMessage(body);
  }

  private onRaft(conn: Conn, msg: Message): void {
    const auth = authorize('Raft.ProcessRaftMessage', conn.identity, undefined, this.authContext());
    if (!auth.ok) {
      if (!this.deniedConns.has(conn.id)) this.event('denied', `${this.id} refused Raft messages from ${conn.peer}: ${auth.error}`);
      this.deniedConns.add(conn.id);
      return;
    }
    this.manager?.stepMessage(msg);
  }

  private raftJoin(body: { hostname: string }, reply: Reply): void {
    this.manager!.proposeMember({ type: 'addNode', nodeId: body.hostname }, this.out);
    this.event('member', `${body.hostname} asked to join the Raft members; proposing to add it`);
    reply({ ok: true, body: { members: this.members() } });
  }

  private authContext() {
    return { clusterId: this.store.cluster?.id ?? this.sec?.leaf.subject.o[0] ?? '', isRemoved: (id: string) => this.store.isBlacklisted(id) };
  }

  // ----- the manager (Raft + store) -----

  private startManager(): void {
    if (this.manager) return;
    const founding = this.cfg.start === 'founding' ? this.cfg : null;
    const peers = founding && founding.identity.role === 'manager' ? founding.managers : [];
    const raft = { ...this.boot.config.raft, bootstrapData: founding?.bootstrapData };
    this.manager = new SimNode({
      ...this.boot,
      config: { ...this.boot.config, peers, raft },
      hooks: {
        sendRaft: (msg) => this.net.sendRaft(msg.to, msg),
        applySwarm: (e, out) => this.applySwarm(e, out),
        snapshotSwarm: () => this.store.serialise(),
        restoreSwarm: (data) => this.restoreStore(data),
      },
    });
  }

  private restoreStore(data: string): void {
    const restored = SwarmStore.restore(data);
    this.store.cluster = restored.cluster;
    this.store.replaceNodes(restored.nodeList());
  }

  private applySwarm(e: Entry, _out: OutputBuilder): string {
    const entry = decodeSwarmEntry(e.data);
    const words = this.store.apply(entry.swarm);
    if (entry.origin === this.id) {
      const done = this.tickets.get(entry.ticket);
      this.tickets.delete(entry.ticket);
      if (done) this.afterDrain.push(() => done(true));
    }
    if (this.isLeader()) this.afterDrain.push(() => this.onApplied(entry.swarm));
    return words;
  }

  /** Store changes the leader narrates (once, not once per manager). */
  private onApplied(op: SwarmOp): void {
    if (op.op === 'issueCertificate') {
      const n = this.store.node(op.nodeId);
      this.event('certIssued', `CA signed a certificate for ${n?.hostname ?? op.nodeId} (${n?.role ?? '?'}, CN=${op.nodeId})`);
    } else if (op.op === 'finishRootRotation') {
      this.event('caRotation', 'CA rotation complete: the new root is the only root; both join tokens regenerated');
    }
  }

  private isLeader(): boolean {
    return this.manager?.isLeader() ?? false;
  }

  private members(): string[] {
    return this.manager ? this.manager.status().voters.slice() : this.knownManagers.slice();
  }

  private propose(op: SwarmOp, done?: (ok: boolean, error?: string) => void): void {
    if (!this.manager) return done?.(false, 'not a manager');
    const ticket = this.nextTicket++;
    const res = this.manager.proposeData(encodeSwarmEntry({ swarm: op, origin: this.id, ticket }));
    if (!res.ok) return done?.(false, `rpc error: code = Unavailable desc = ${res.error ?? 'proposal dropped'}`);
    if (done) this.tickets.set(ticket, done);
  }

  // ----- hosts handed to the parts -----

  private servicesHost(): ServicesHost {
    return {
      self: this.id,
      rng: this.rng,
      store: this.store,
      now: () => this.nowMs,
      isLeader: () => this.isLeader(),
      members: () => this.members(),
      propose: (op, done) => this.propose(op, done),
      event: (kind, text) => this.event(kind, text),
    };
  }

  private agentHost(): AgentHost {
    return {
      self: this.id,
      rng: this.rng,
      now: () => this.nowMs,
      security: () => this.sec,
      install: (sec, why) => this.install(sec, why),
      event: (kind, text) => this.event(kind, text),
      call: (target, mode, method, body, done) => this.call(target, mode, method, body, done),
      managers: () => this.knownManagers.slice(),
      setManagers: (list) => this.setManagers(list),
      leaderHint: () => (this.manager ? this.manager.leader : ''),
      becomeManager: () => this.becomeManager(),
    };
  }

  private call(target: string, mode: DialMode, method: string, body: unknown, done: (r: CallResult) => void): void {
    if (target !== this.id) return this.net.call(target, mode, method, body, RPC_TIMEOUT_MS, done);
    // This node's own manager, over its local socket: no TLS, its own identity.
    const me = this.sec ? { cn: parseCn(this.sec), ou: MANAGER_OU, o: this.sec.leaf.subject.o[0] ?? '' } : null;
    if (method === 'CA.GetRootCACertificate') return this.ca.getRoot(done);
    if (!this.isLeader()) {
      const leader = this.manager?.leader ?? '';
      if (!leader) return done({ ok: false, error: 'rpc error: code = Unavailable desc = The swarm does not have a leader.' });
      return this.net.call(leader, 'mutual', method, body, RPC_TIMEOUT_MS, done);
    }
    this.serve(method, me, body, done, { push: (b) => (this.agent.onSessionMessage(b as SessionMessage), true) });
  }

  private install(sec: Security, why: 'joined' | 'renewed' | 'root'): void {
    this.sec = sec;
    this.writeSecurity();
    if (why === 'root') this.event('rootUpdated', `${this.id} now trusts the new root CA (its certificate validates under it)`);
    if (why === 'joined') this.agent.onCertificate();
  }

  private becomeManager(): void {
    this.startManager();
    const via = this.join?.via ?? '';
    this.call(via, 'mutual', 'RaftMembership.Join', { hostname: this.id }, (r) => {
      this.event('member', r.ok ? `${this.id} was added to the Raft members` : `${this.id} could not join the Raft members: ${r.error}`);
    });
  }

  private writeSecurity(): void {
    for (const f of securityFiles(this.sec!)) this.out.write({ type: 'file', path: f.path, data: f.data });
  }

  private setManagers(list: string[]): void {
    const next = [...list].sort();
    if (next.join(',') === this.knownManagers.join(',')) return;
    this.knownManagers = next;
    this.out.write({ type: 'file', path: STATE_FILE, data: JSON.stringify({ managers: next }) });
  }

  /** The root a joining node downloaded and pinned (it has no credentials of its own yet). */
  private joinRoots(): Uint8Array[] {
    return this.join?.roots ?? [];
  }

  private event(kind: SwarmEventKind, text: string): void {
    this.out.event({ type: 'swarm', kind, text });
  }

  status(): NodeStatus {
    const base = this.manager ? { ...this.manager.status(), raft: true } : emptyRaftStatus(this.id, this.boot.config.raft);
    return { ...base, swarm: this.swarmStatus() };
  }

  private swarmStatus(): SwarmStatus {
    const sec = this.sec;
    const joining = this.join && this.join.phase !== 'done';
    return {
      certRole: sec ? roleOf(sec.leaf) : null,
      nodeId: sec ? parseCn(sec) : '',
      clusterId: sec?.leaf.subject.o[0] ?? '',
      phase: joining ? (this.join!.phase === 'failed' ? 'failed' : 'joining') : 'ready',
      detail: joining ? this.join!.detail : this.agent.detail,
      certNotBefore: sec?.leaf.notBefore ?? 0,
      certNotAfter: sec?.leaf.notAfter ?? 0,
      renewAtMs: this.agent.renewAtMs,
      issuerKey: sec?.issuerKey ?? '',
      connections: this.net.size,
      leader: this.isLeader() ? leaderView(this.store, this.reconciler.progress()) : null,
    };
  }
}

function parseCn(sec: Security): string {
  return sec.leaf.subject.cn;
}

function readManagers(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as { managers?: unknown };
    return Array.isArray(v.managers) ? v.managers.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}

function emptyRaftStatus(id: string, raft: Partial<{ preVote: boolean; checkQuorum: boolean }>): NodeStatus {
  return {
    id, role: 'follower', term: 0, vote: '', lead: '', lastIndex: 0, lastTerm: 0, commit: 0, applied: 0, snapshotIndex: 0, voters: [],
    electionElapsed: 0, randomizedElectionTimeout: 0, heartbeatElapsed: 0, preVote: raft.preVote ?? false, checkQuorum: raft.checkQuorum ?? true, raft: false,
  };
}
