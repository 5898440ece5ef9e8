// The CA side of a manager (swarmkit ca/server.go): joins with a token create a Node object with
// a pending certificate, renewals over mTLS store a new CSR, the leader's signing loop signs
// what is pending, and NodeCertificateStatus answers once the certificate is final.
import { issueNodeCertificate, newId, parseCsr, parsePem, PkiError, toPem } from '../pki/index';
import type { SwarmRole } from '../pki/types';
import type { NodeObject } from '../store/objects';
import { wallMs } from './clock';
import type { PeerIdentity } from './net/frames';
import { keyFromHex } from './security';
import type { Reply, ServicesHost } from './services-host';

const INVALID_TOKEN = 'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster';
/** How long a status call waits server-side for a final state (the client's deadline is 5 s). */
const STATUS_HOLD_MS = 4000;

interface Waiter {
  nodeId: string;
  untilMs: number;
  reply: Reply;
}

export class CAServer {
  private readonly waiters: Waiter[] = [];
  /** CSRs whose signature is proposed and not yet applied: not signed twice. */
  private readonly signing = new Set<string>();

  constructor(private readonly host: ServicesHost) {}

  getRoot(reply: Reply): void {
    const c = this.host.store.cluster;
    if (!c) return reply({ ok: false, error: 'rpc error: code = Unavailable desc = no cluster yet' });
    reply({ ok: true, body: { certificate: c.rootCA.caCertPem } });
  }

  issue(caller: PeerIdentity | null, body: { csr: string; token?: string; hostname: string }, reply: Reply): void {
    const store = this.host.store;
    const cluster = store.cluster;
    if (!cluster) return reply({ ok: false, error: 'rpc error: code = Unavailable desc = no cluster yet' });
    // A valid certificate of this cluster that is not blacklisted renews without a token.
    if (caller && caller.o === cluster.id && !store.isBlacklisted(caller.cn)) {
      const node = store.node(caller.cn);
      if (!node) return reply({ ok: false, error: `rpc error: code = NotFound desc = node ${caller.cn} not found` });
      return this.host.propose({ op: 'renewCertificate', nodeId: node.id, csrPem: body.csr }, (ok, error) =>
        reply(ok ? { ok: true, body: { nodeId: node.id } } : { ok: false, error: error ?? 'proposal failed' }),
      );
    }
    const role = tokenRole(body.token ?? '', cluster.rootCA.joinTokens);
    if (!role) {
      this.host.event('denied', `CA refused a certificate request from ${body.hostname}: ${INVALID_TOKEN}`);
      return reply({ ok: false, error: INVALID_TOKEN });
    }
    const id = newId(this.host.rng);
    const node: NodeObject = {
      id, hostname: body.hostname, role, desiredRole: role, membership: 'accepted', tlsInfo: null,
      certificate: { role, csrPem: body.csr, state: 'pending', certPem: '' },
    };
    this.host.propose({ op: 'createNode', node }, (ok, error) =>
      reply(ok ? { ok: true, body: { nodeId: id } } : { ok: false, error: error ?? 'proposal failed' }),
    );
  }

  status(body: { nodeId: string }, reply: Reply): void {
    const node = this.host.store.node(body.nodeId);
    if (!node) return reply({ ok: false, error: `rpc error: code = NotFound desc = node ${body.nodeId} not found` });
    if (isFinal(node)) return reply({ ok: true, body: statusBody(node) });
    this.waiters.push({ nodeId: body.nodeId, untilMs: this.host.now() + STATUS_HOLD_MS, reply });
  }

  /** After the store changed or time passed: answer waiting status calls, sign what is pending. */
  refresh(): void {
    const now = this.host.now();
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      const node = this.host.store.node(w.nodeId);
      if (node && !isFinal(node) && now < w.untilMs) continue;
      this.waiters.splice(i, 1);
      w.reply(node ? { ok: true, body: statusBody(node) } : { ok: false, error: `rpc error: code = NotFound desc = node ${w.nodeId} not found` });
    }
    if (this.host.isLeader()) this.signPending();
  }

  private signPending(): void {
    const cluster = this.host.store.cluster;
    if (!cluster) return;
    for (const node of this.host.store.nodeList()) {
      const st = node.certificate.state;
      if ((st !== 'pending' && st !== 'renew') || this.signing.has(node.certificate.csrPem)) continue;
      const csrPem = node.certificate.csrPem;
      this.signing.add(csrPem);
      const done = () => this.signing.delete(csrPem);
      try {
        const certPem = this.sign(node.id, node.role, csrPem);
        this.host.propose({ op: 'issueCertificate', nodeId: node.id, csrPem, certPem }, done);
      } catch (e) {
        const error = e instanceof PkiError ? e.message : String(e);
        this.host.propose({ op: 'failCertificate', nodeId: node.id, error }, done);
      }
    }
  }

  /** During a root rotation the new key signs, and the chain carries the cross-signed new root. */
  private sign(nodeId: string, role: SwarmRole, csrPem: string): string {
    const cluster = this.host.store.cluster!;
    const rot = cluster.rootCA.rootRotation;
    const csr = parsePem(csrPem)[0]?.der;
    if (!csr || !parseCsr(csr).signatureValid) throw new PkiError('bad CSR signature');
    const signerPem = rot ? rot.crossSignedPem : cluster.rootCA.caCertPem;
    const signerCert = parsePem(signerPem)[0].der;
    const signerKey = keyFromHex(rot ? rot.caKey : cluster.rootCA.caKey);
    const leaf = issueNodeCertificate({
      csr, nodeId, role, clusterId: cluster.id, signerCert, signerKey, nowMs: wallMs(this.host.now()), expiryMs: cluster.nodeCertExpiryMs, rng: this.host.rng,
    });
    return toPem(leaf, 'CERTIFICATE') + (rot ? rot.crossSignedPem : '');
  }
}

/** Constant-time comparison in swarmkit; here the outcome is what matters: manager first, then worker. */
function tokenRole(token: string, tokens: { worker: string; manager: string }): SwarmRole | null {
  if (token === tokens.manager) return 'manager';
  if (token === tokens.worker) return 'worker';
  return null;
}

function isFinal(node: NodeObject): boolean {
  return node.certificate.state === 'issued' || node.certificate.state === 'failed';
}

function statusBody(node: NodeObject): unknown {
  const c = node.certificate;
  return { state: c.state, certificate: c.state === 'issued' ? c.certPem : undefined, csr: c.csrPem, role: node.role };
}

