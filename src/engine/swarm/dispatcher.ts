// The leader's dispatcher, trimmed to what the PKI needs: a session per node that pushes the
// node's own Node object, the current root CA and the managers whenever they change
// (SessionMessage), heartbeats, and the node's TLS info (which root issued its certificate).
import type { TlsInfo } from '../store/objects';
import type { PeerIdentity } from './net/frames';
import type { Reply, ServicesHost, SessionSink } from './services-host';

export interface SessionMessage {
  node: { id: string; role: string; certState: string } | null;
  rootCA: string;
  managers: string[];
}

const PERIOD_MS = 5000;
const EPSILON_MS = 500;

interface Session {
  nodeId: string;
  sink: SessionSink;
  lastHeartbeatMs: number;
  lastSent: string;
}

export class Dispatcher {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly host: ServicesHost) {}

  session(caller: PeerIdentity, body: { description: { hostname: string; tlsInfo: TlsInfo } }, sink: SessionSink, reply: Reply): void {
    const node = this.host.store.node(caller.cn);
    if (!node) return reply({ ok: false, error: 'rpc error: code = NotFound desc = node not found' });
    const info = body.description.tlsInfo;
    if (!node.tlsInfo || node.tlsInfo.issuerPublicKey !== info.issuerPublicKey || node.tlsInfo.issuerSubject !== info.issuerSubject) {
      this.host.propose({ op: 'setTlsInfo', nodeId: node.id, tlsInfo: info });
    }
    const msg = this.messageFor(caller.cn);
    this.sessions.set(caller.cn, { nodeId: caller.cn, sink, lastHeartbeatMs: this.host.now(), lastSent: JSON.stringify(msg) });
    reply({ ok: true, body: msg });
  }

  heartbeat(caller: PeerIdentity, reply: Reply): void {
    const s = this.sessions.get(caller.cn);
    if (!s) return reply({ ok: false, error: 'rpc error: code = NotFound desc = node not registered' });
    s.lastHeartbeatMs = this.host.now();
    // period.go: the period with up to 500 ms of jitter either way.
    const periodMs = PERIOD_MS - EPSILON_MS + Math.floor(this.host.rng.float() * 2 * EPSILON_MS);
    reply({ ok: true, body: { periodMs } });
  }

  /** After the store changed: push a new SessionMessage to every session whose view changed. */
  refresh(): void {
    for (const s of this.sessions.values()) {
      const msg = this.messageFor(s.nodeId);
      const text = JSON.stringify(msg);
      if (text === s.lastSent) continue;
      if (!s.sink.push(msg)) {
        this.sessions.delete(s.nodeId);
        continue;
      }
      s.lastSent = text;
    }
  }

  /** A node with a heartbeat in the last 3 periods (GracePeriodMultiplier) is READY. */
  isReady(nodeId: string): boolean {
    const s = this.sessions.get(nodeId);
    return !!s && this.host.now() - s.lastHeartbeatMs <= 3 * PERIOD_MS;
  }

  drop(nodeId: string): void {
    this.sessions.delete(nodeId);
  }

  private messageFor(nodeId: string): SessionMessage {
    const n = this.host.store.node(nodeId);
    const cluster = this.host.store.cluster;
    return {
      node: n ? { id: n.id, role: n.role, certState: n.certificate.state } : null,
      rootCA: cluster?.rootCA.caCertPem ?? '',
      managers: this.host.members(),
    };
  }
}
