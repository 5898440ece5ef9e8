// The node-side agent of a member: its dispatcher session (which tells it its own Node object and
// the current root CA) and its certificate renewals (swarmkit ca/renewer.go, node/node.go).
import { createCsr, generateKeyPair, parsePem, renewalDelayMs, toPem, verifyChain } from '../pki/index';
import { isoUtc } from '../pki/asn';
import type { KeyPair, SwarmRole } from '../pki/types';
import type { AgentHost } from './agent-host';
import { backoffMs, FORCED_RENEW_DELAY_MS, POLL_BACKOFF, RENEW_BACKOFF } from './backoff';
import { wallMs } from './clock';
import type { SessionMessage } from './dispatcher';
import { issuerInfo, roleOf, securityFrom } from './security';

/** Heartbeat period until the dispatcher says otherwise (DefaultHeartBeatPeriod). */
const DEFAULT_PERIOD_MS = 5000;
const SESSION_BACKOFF_CAP_MS = 8000;

export class Agent {
  renewAtMs: number | null = null;
  detail = 'ready';
  private renewing = false;
  private renewFailures = 0;
  private forced = false;
  private session: { target: string; open: boolean; nextHeartbeatMs: number } | null = null;
  private sessionFailures = 0;
  private nextSessionMs = 0;
  private target = 0;
  private lastRoot = '';
  /** A renewal status poll waiting for its backoff. */
  private pendingPoll: { atMs: number; run: () => void } | null = null;

  constructor(private readonly host: AgentHost) {}

  /** A (new) certificate is in place: schedule its renewal, restart the session to report it. */
  onCertificate(): void {
    const sec = this.host.security()!;
    const now = this.host.now();
    const delay = renewalDelayMs(sec.leaf, wallMs(now), this.host.rng);
    this.renewAtMs = now + delay;
    this.forced = false;
    this.lastRoot = sec.rootPem;
    this.session = null;
    this.nextSessionMs = now;
  }

  tick(): void {
    const now = this.host.now();
    if (!this.host.security()) return;
    this.runPending();
    if (this.renewAtMs !== null && now >= this.renewAtMs && !this.renewing) this.renew();
    if (!this.session && now >= this.nextSessionMs) this.openSession();
    else if (this.session?.open && now >= this.session.nextHeartbeatMs) this.heartbeat();
  }

  /** Pushed by the dispatcher whenever the node object, the root CA or the managers change. */
  onSessionMessage(m: SessionMessage): void {
    if (m.managers.length > 0) this.host.setManagers(m.managers);
    if (m.node && m.node.certState === 'rotate' && !this.forced && !this.renewing) {
      this.forced = true;
      this.renewAtMs = this.host.now() + FORCED_RENEW_DELAY_MS;
      this.host.event('caRotation', `${this.host.self}: told to rotate its certificate; renewing in 500 ms`);
    }
    if (m.rootCA && m.rootCA !== this.lastRoot) this.maybeTakeRoot(m.rootCA);
  }

  /** A new root is saved only if this node's own certificate validates under it. */
  private maybeTakeRoot(rootPem: string): void {
    const sec = this.host.security()!;
    const roots = parsePem(rootPem).map((b) => b.der);
    const r = verifyChain(sec.chain, roots, wallMs(this.host.now()));
    if (!r.ok) return;
    this.lastRoot = rootPem;
    this.host.install(securityFrom(sec.key, toPemChain(sec.chain), rootPem), 'root');
  }

  private pickTarget(): string {
    const leader = this.host.leaderHint();
    if (leader) return leader;
    const list = this.host.managers();
    return list.length === 0 ? '' : list[this.target % list.length];
  }

  private openSession(): void {
    const target = this.pickTarget();
    if (!target) return;
    const sec = this.host.security()!;
    const description = { hostname: this.host.self, tlsInfo: issuerInfo(sec) };
    this.session = { target, open: false, nextHeartbeatMs: Infinity };
    this.host.call(target, 'mutual', 'Dispatcher.Session', { description }, (r) => {
      if (!this.session || this.session.target !== target) return;
      if (!r.ok) return this.sessionFailed(r.error);
      this.sessionFailures = 0;
      this.session.open = true;
      this.session.nextHeartbeatMs = this.host.now() + DEFAULT_PERIOD_MS;
      this.detail = 'ready';
      this.onSessionMessage(r.body as SessionMessage);
    });
  }

  private heartbeat(): void {
    const s = this.session!;
    s.nextHeartbeatMs = Infinity;
    this.host.call(s.target, 'mutual', 'Dispatcher.Heartbeat', {}, (r) => {
      if (this.session !== s) return;
      if (!r.ok) return this.sessionFailed(r.error);
      s.nextHeartbeatMs = this.host.now() + (r.body as { periodMs: number }).periodMs;
    });
  }

  /** agent.go: backoff min(100 ms + 2 x previous, 8 s), a random wait below it, another manager. */
  private sessionFailed(error: string): void {
    this.session = null;
    this.sessionFailures++;
    this.target++;
    const ceiling = Math.min(SESSION_BACKOFF_CAP_MS, 100 * 2 ** this.sessionFailures);
    this.nextSessionMs = this.host.now() + Math.floor(this.host.rng.float() * ceiling);
    this.detail = `session: ${error}`;
    if (error.includes('removed from swarm') || error.includes('Permission denied')) this.host.event('denied', `${this.host.self}: ${error}`);
  }

  /** Renewal uses mTLS with the current certificate, never the join token. */
  private renew(): void {
    const target = this.pickTarget();
    if (!target) return;
    this.renewing = true;
    const key = generateKeyPair(this.host.rng);
    const csrPem = toPem(createCsr(key), 'CERTIFICATE REQUEST');
    this.detail = 'renewing its certificate';
    this.host.call(target, 'mutual', 'NodeCA.IssueNodeCertificate', { csr: csrPem, hostname: this.host.self }, (r) => {
      if (!r.ok) return this.renewFailed(r.error);
      this.pollRenewal(target, (r.body as { nodeId: string }).nodeId, key, csrPem, 0);
    });
  }

  private pollRenewal(target: string, nodeId: string, key: KeyPair, csrPem: string, failures: number): void {
    this.host.call(target, 'mutual', 'NodeCA.NodeCertificateStatus', { nodeId }, (r) => {
      const body = r.ok ? (r.body as { state: string; certificate?: string; csr?: string; role?: SwarmRole }) : null;
      if (body?.state === 'issued' && body.certificate && body.csr === csrPem) return this.renewed(key, body.certificate);
      if (body?.state === 'failed' || (!r.ok && failures >= 5)) return this.renewFailed(r.ok ? 'signing failed' : r.error);
      const wait = backoffMs(this.host.rng, failures + 1, POLL_BACKOFF.baseMs, POLL_BACKOFF.capMs);
      this.renewAtMs = null;
      this.pendingPoll = { atMs: this.host.now() + wait, run: () => this.pollRenewal(target, nodeId, key, csrPem, failures + 1) };
    });
  }

  private runPending(): void {
    const p = this.pendingPoll;
    if (!p || this.host.now() < p.atMs) return;
    this.pendingPoll = null;
    p.run();
  }

  private renewed(key: KeyPair, certPem: string): void {
    const old = this.host.security()!;
    const sec = securityFrom(key, certPem, old.rootPem);
    this.renewing = false;
    this.renewFailures = 0;
    this.host.install(sec, 'renewed');
    this.host.event('certRenewed', `${this.host.self}: new certificate (${roleOf(sec.leaf)}), valid until ${isoUtc(sec.leaf.notAfter)}`);
    this.onCertificate();
  }

  private renewFailed(error: string): void {
    this.renewing = false;
    this.renewFailures++;
    const wait = backoffMs(this.host.rng, this.renewFailures, RENEW_BACKOFF.baseMs, RENEW_BACKOFF.capMs);
    this.renewAtMs = this.host.now() + Math.max(wait, 1);
    this.detail = `renewal failed: ${error}`;
    this.host.event('certRenewed', `${this.host.self}: certificate renewal failed (${error}); retrying in ${Math.round(wait / 1000)} s`);
  }

}

function toPemChain(chain: Uint8Array[]): string {
  return chain.map((d) => toPem(d, 'CERTIFICATE')).join('');
}
