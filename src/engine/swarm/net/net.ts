// A node's connections: it dials peers (client side) and accepts them (server side), runs the
// TLS 1.3 handshake on each, then carries frames as AES-GCM records. Everything is driven by the
// node's step: bytes in from the wire, frames out, flushed once per step in connection order.
import { bytesToHex } from '@noble/hashes/utils.js';
import { parseCertificate, verifyChain } from '../../pki/index';
import { CA_CN, MANAGER_OU } from '../../pki/types';
import { TlsClient, TlsServer } from '../../tls/index';
import type { AlertName, PeerVerifier, RandomSource, TlsIdentity, TlsOutput } from '../../tls/types';
import type { HandshakeRecord, NodeEvent, WireMessage } from '../../node/types';
import type { Message } from '../../raft/types';
import { wallMs } from '../clock';
import { concat } from '../../tls/bytes';
import { emptyOut, type CallResult, type Conn, type DialMode } from './conn';
import { decodeFrame, encodeFrame, frameLabel, type Frame, type PeerIdentity } from './frames';

export interface NetEnv {
  self: string;
  random: RandomSource;
  identity(): TlsIdentity | null;
  /** Trusted root certificates (DER); for a joining node, the root it downloaded. */
  roots(): Uint8Array[];
  /** Whether this node serves connections at all (managers do; workers only dial). */
  accepts(): boolean;
  send(to: string, wire: WireMessage, label: string, size: number): void;
  event(e: NodeEvent): void;
  onRequest(conn: Conn, frame: Extract<Frame, { t: 'req' }>): void;
  onPush(conn: Conn, frame: Extract<Frame, { t: 'push' }>): void;
  onRaft(conn: Conn, msg: Message): void;
}

/** Frames queued behind a handshake at most; Raft copes with the rest being dropped. */
const MAX_WAITING = 256;
const HANDSHAKE_TIMEOUT_MS = 10_000;
/** After a failed handshake, wait before dialing the same peer the same way again. */
const REDIAL_BACKOFF_MS = 2_000;
/** Server-side connections kept per peer: one per dial mode (insecure, anonymous, mutual). */
const MAX_CONNS_PER_PEER = 3;

export class Net {
  private readonly conns = new Map<string, Conn>();
  /** Client connection per `${peer}|${mode}`. */
  private readonly dialed = new Map<string, string>();
  private readonly noDialUntil = new Map<string, number>();
  private nextConn = 1;
  private nextCall = 1;
  nowMs = 0;

  constructor(private readonly env: NetEnv) {}

  /** Unary RPC: done is called exactly once, with the reply or an error. */
  call(peer: string, mode: DialMode, method: string, body: unknown, timeoutMs: number, done: (r: CallResult) => void, fwd?: PeerIdentity | null): void {
    const conn = this.clientConn(peer, mode);
    if (!conn) return done({ ok: false, error: `connection error: ${peer} refused recently, backing off` });
    const id = this.nextCall++;
    conn.calls.set(id, { method, deadlineMs: this.nowMs + timeoutMs, done });
    this.write(conn, { t: 'req', id, method, body, ...(fwd !== undefined ? { fwd } : {}) });
  }

  /** ProcessRaftMessage: one way, over mutual TLS. */
  sendRaft(peer: string, msg: Message): void {
    const conn = this.clientConn(peer, 'mutual');
    if (conn) this.write(conn, { t: 'raft', msg });
  }

  reply(connId: string, id: number, r: CallResult): void {
    const conn = this.conns.get(connId);
    if (!conn) return;
    this.write(conn, r.ok ? { t: 'res', id, ok: true, body: r.body } : { t: 'res', id, ok: false, error: r.error });
  }

  push(connId: string, method: string, body: unknown): boolean {
    const conn = this.conns.get(connId);
    if (!conn || conn.tls.state !== 'connected') return false;
    this.write(conn, { t: 'push', method, body });
    return true;
  }


  /** Bytes from the wire. */
  receive(from: string, wire: WireMessage): void {
    if (wire.kind === 'reset') return this.drop(wire.conn, 'connection reset by peer');
    if (wire.kind !== 'tls') return;
    const conn = this.conns.get(wire.conn) ?? this.accept(from, wire.conn, wire.bytes);
    if (!conn) return;
    this.take(conn, conn.tls.receive(wire.bytes));
  }

  /** Timeouts: calls past their deadline fail, handshakes that never finish are dropped. */
  tick(): void {
    for (const conn of [...this.conns.values()]) {
      if (conn.tls.state !== 'connected' && this.nowMs - conn.openedMs > HANDSHAKE_TIMEOUT_MS) {
        this.drop(conn.id, 'handshake timed out');
        continue;
      }
      for (const [id, call] of [...conn.calls]) {
        if (call.deadlineMs > this.nowMs) continue;
        conn.calls.delete(id);
        call.done({ ok: false, error: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded' });
      }
    }
  }

  /** Everything written during this step goes out: one wire message per connection. */
  flush(): void {
    for (const conn of this.conns.values()) {
      const o = conn.out;
      if (o.records.length === 0) continue;
      conn.out = emptyOut();
      const bytes = concat(...o.records);
      const label = o.carries.length === 1 ? o.carries[0] : `${o.carries[0]} +${o.carries.length - 1}`;
      const wire: WireMessage = { kind: 'tls', conn: conn.id, bytes, info: { carries: o.carries, encrypted: o.encrypted, plaintext: o.plaintext.join('\n') } };
      this.env.send(conn.peer, wire, label, bytes.length);
    }
  }


  /** Connections this node holds, for the status line. */
  get size(): number {
    return this.conns.size;
  }

  private clientConn(peer: string, mode: DialMode): Conn | null {
    const key = `${peer}|${mode}`;
    const existing = this.dialed.get(key);
    if (existing && this.conns.has(existing)) return this.conns.get(existing)!;
    if ((this.noDialUntil.get(key) ?? 0) > this.nowMs) return null;
    const id = `${this.env.self}>${peer}#${this.nextConn++}.${bytesToHex(this.env.random.bytes(2))}`;
    const serverName = mode === 'mutual' ? MANAGER_OU : CA_CN;
    const conn = this.newConn(id, peer, 'client', mode, serverName);
    const identity = mode === 'mutual' ? this.env.identity() ?? undefined : undefined;
    const verifyServer = mode === 'insecure' ? skipVerify(conn) : this.verifier(conn, serverName);
    const tls = new TlsClient({ serverName, identity, verifyServer, random: this.env.random });
    conn.tls = tls;
    this.conns.set(id, conn);
    this.dialed.set(key, id);
    this.take(conn, tls.start());
    return conn;
  }

  private accept(from: string, id: string, bytes: Uint8Array): Conn | null {
    const identity = this.env.identity();
    // Only a ClientHello opens a connection; anything else is for a connection this process never had.
    if (!identity || !this.env.accepts() || bytes[0] !== 0x16 || !id.startsWith(`${from}>${this.env.self}#`)) {
      this.env.send(from, { kind: 'reset', conn: id }, 'RST', 40);
      return null;
    }
    this.dropStaleServerConns(from);
    const conn = this.newConn(id, from, 'server', 'mutual', MANAGER_OU);
    conn.tls = new TlsServer({ identity, clientAuth: 'ifGiven', verifyClient: this.verifier(conn, null), random: this.env.random });
    this.conns.set(id, conn);
    return conn;
  }

  /**
   * A peer keeps at most one connection per way of dialling (three ways), so older ones from it
   * belong to a process that is gone: forget them rather than hold them forever.
   */
  private dropStaleServerConns(peer: string): void {
    const mine = [...this.conns.values()].filter((c) => c.side === 'server' && c.peer === peer);
    for (const c of mine.slice(0, Math.max(0, mine.length - (MAX_CONNS_PER_PEER - 1)))) this.drop(c.id, 'replaced by a newer connection');
  }

  private newConn(id: string, peer: string, side: Conn['side'], mode: DialMode, serverName: string): Conn {
    return {
      id, peer, side, mode, serverName, openedMs: this.nowMs, identity: null, waiting: [], calls: new Map(),
      out: emptyOut(), reported: false, sentSteps: 0, servedMethods: new Map(), tls: undefined as unknown as TlsClient,
    };
  }

  /** Checks a peer chain against our roots at the current virtual time and remembers who it is. */
  private verifier(conn: Conn, serverName: string | null): PeerVerifier {
    return (chain) => {
      const r = verifyChain(chain, this.env.roots(), wallMs(this.nowMs), serverName ? { serverName } : undefined);
      if (!r.ok) return { ok: false, alert: ALERTS[r.reason] ?? 'bad_certificate', reason: `${r.reason}: ${r.detail}` };
      const s = r.leaf.subject;
      conn.identity = { cn: s.cn, ou: s.ou[0] ?? '', o: s.o[0] ?? '' };
      return { ok: true, publicKey: r.leaf.publicKey };
    };
  }

  private write(conn: Conn, frame: Frame): void {
    if (conn.tls.state === 'connected') return this.writeNow(conn, frame);
    if (conn.waiting.length < MAX_WAITING) conn.waiting.push(frame);
  }

  private writeNow(conn: Conn, frame: Frame): void {
    const replyTo = frame.t === 'res' ? this.methodOfReply(conn, frame.id) : undefined;
    const label = frameLabel(frame, replyTo);
    const out = conn.tls.write(encodeFrame(frame));
    conn.out.records.push(...out.send);
    conn.out.carries.push(label);
    conn.out.encrypted = true;
    conn.out.plaintext.push(JSON.stringify(frame));
  }

  /** Server side: a reply's method, for its label (the request came in on this connection). */
  private methodOfReply(conn: Conn, id: number): string | undefined {
    const m = conn.servedMethods.get(id);
    conn.servedMethods.delete(id);
    return m;
  }

  private take(conn: Conn, out: TlsOutput): void {
    if (out.send.length > 0) {
      conn.out.records.push(...out.send);
      const sent = conn.tls.steps.filter((s) => s.direction === 'sent');
      const fresh = sent.slice(conn.sentSteps);
      conn.sentSteps = sent.length;
      conn.out.carries.push(...(fresh.length > 0 ? fresh.map((s) => s.type) : [out.failure ? 'Alert' : 'TLS records']));
      if (fresh.some((s) => s.encrypted)) conn.out.encrypted = true;
    }
    if (out.failure) return this.failed(conn, out.failure.reason);
    if (out.connected) this.connected(conn);
    for (const bytes of out.data) this.onData(conn, bytes);
  }

  private connected(conn: Conn): void {
    this.report(conn, 'connected');
    const waiting = conn.waiting;
    conn.waiting = [];
    for (const f of waiting) this.writeNow(conn, f);
  }

  private onData(conn: Conn, bytes: Uint8Array): void {
    let frame: Frame;
    try {
      frame = decodeFrame(bytes);
    } catch {
      return this.drop(conn.id, 'garbled frame');
    }
    switch (frame.t) {
      case 'req':
        conn.servedMethods.set(frame.id, frame.method);
        return this.env.onRequest(conn, frame);
      case 'res': {
        const call = conn.calls.get(frame.id);
        if (!call) return;
        conn.calls.delete(frame.id);
        return call.done(frame.ok ? { ok: true, body: frame.body } : { ok: false, error: frame.error });
      }
      case 'push':
        return this.env.onPush(conn, frame);
      case 'raft':
        return this.env.onRaft(conn, frame.msg);
    }
  }

  private failed(conn: Conn, reason: string): void {
    if (conn.tls.state !== 'connected' && !conn.reported) this.report(conn, 'failed');
    if (conn.side === 'client') this.noDialUntil.set(`${conn.peer}|${conn.mode}`, this.nowMs + REDIAL_BACKOFF_MS);
    this.drop(conn.id, `connection error: ${reason}`, true);
  }

  private drop(id: string, reason: string, keepOut = false): void {
    const conn = this.conns.get(id);
    if (!conn) return;
    this.conns.delete(id);
    const key = `${conn.peer}|${conn.mode}`;
    if (conn.side === 'client' && this.dialed.get(key) === id) this.dialed.delete(key);
    // A fatal alert we produced must still reach the peer.
    if (keepOut && conn.out.records.length > 0) {
      const bytes = concat(...conn.out.records);
      this.env.send(conn.peer, { kind: 'tls', conn: id, bytes, info: { carries: ['Alert'], encrypted: false, plaintext: '' } }, 'Alert', bytes.length);
    }
    for (const call of conn.calls.values()) call.done({ ok: false, error: `rpc error: code = Unavailable desc = ${reason}` });
    conn.calls.clear();
  }

  private report(conn: Conn, state: HandshakeRecord['state']): void {
    conn.reported = true;
    const t = conn.tls;
    const client = conn.side === 'client' ? this.env.self : conn.peer;
    const server = conn.side === 'client' ? conn.peer : this.env.self;
    const record: HandshakeRecord = {
      conn: conn.id, client, server, serverName: conn.serverName, side: conn.side, startedMs: conn.openedMs, state,
      steps: t.steps.slice(), secrets: t.secrets, failure: t.failure, peer: conn.identity,
    };
    this.env.event({ type: 'handshake', record });
  }
}

const ALERTS: Record<string, AlertName> = {
  'unknown authority': 'unknown_ca',
  expired: 'certificate_expired',
  'not yet valid': 'certificate_expired',
  'bad signature': 'bad_certificate',
  'wrong server name': 'bad_certificate',
  malformed: 'bad_certificate',
  'not a CA': 'unknown_ca',
};

/** InsecureSkipVerify: any chain is accepted, but CertificateVerify still needs the leaf's key. */
function skipVerify(conn: Conn): PeerVerifier {
  return (chain) => {
    try {
      const leaf = parseCertificate(chain[0]);
      conn.identity = null;
      return { ok: true, publicKey: leaf.publicKey };
    } catch {
      return { ok: false, alert: 'bad_certificate', reason: 'malformed: the certificate does not parse' };
    }
  };
}
