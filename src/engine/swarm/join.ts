// Joining a swarm, as swarmkit's node does it (ca/config.go, ca/certificates.go): parse the token,
// fetch the root CA without verification and pin it with the token's digest, make a key and CSR
// locally (the key never leaves), ask for a certificate with the token, then poll until the CA
// has issued it. Each step is an event the page shows.
import { createCsr, generateKeyPair, parseCertificate, parseJoinToken, parsePem, rootDigest, toPem, verifyChain } from '../pki/index';
import { JoinTokenError } from '../pki/errors';
import type { KeyPair, ParsedJoinToken } from '../pki/types';
import type { AgentHost } from './agent-host';
import { backoffMs, POLL_BACKOFF, ROOT_ATTEMPTS, ROOT_RETRY_MS } from './backoff';
import { wallMs } from './clock';
import { roleOf, securityFrom } from './security';

export type JoinPhase = 'fetchRoot' | 'issue' | 'poll' | 'done' | 'failed';

export class JoinFlow {
  phase: JoinPhase = 'fetchRoot';
  error = '';
  private parsed: ParsedJoinToken | null = null;
  private rootPem = '';
  private key: KeyPair | null = null;
  private csrPem = '';
  private nodeId = '';
  private attempts = 0;
  private pollFailures = 0;
  private nextAtMs = 0;
  private busy = false;

  constructor(
    private readonly host: AgentHost,
    readonly token: string,
    readonly via: string,
  ) {}

  /** The root it downloaded and pinned: what it verifies managers against until it has its own credentials. */
  get roots(): Uint8Array[] {
    return this.rootPem ? parsePem(this.rootPem).map((b) => b.der) : [];
  }

  get detail(): string {
    switch (this.phase) {
      case 'fetchRoot':
        return `joining via ${this.via}: fetching the root CA`;
      case 'issue':
        return 'joining: asking for a certificate';
      case 'poll':
        return `joining: waiting for certificate of ${this.nodeId}`;
      case 'done':
        return 'joined';
      case 'failed':
        return `join failed: ${this.error}`;
    }
  }

  start(): void {
    try {
      this.parsed = parseJoinToken(this.token);
    } catch (e) {
      return this.fail(e instanceof JoinTokenError ? e.message : String(e));
    }
    this.host.event('join', `${this.host.self}: docker swarm join --token ${this.token.slice(0, 16)}... ${this.via}:2377`);
    this.fetchRoot();
  }

  /** Called on every tick: retries that were waiting for their time. */
  tick(): void {
    if (this.busy || this.host.now() < this.nextAtMs) return;
    if (this.phase === 'fetchRoot') this.fetchRoot();
    else if (this.phase === 'issue') this.issue();
    else if (this.phase === 'poll') this.poll();
  }

  private fetchRoot(): void {
    this.busy = true;
    this.host.call(this.via, 'insecure', 'CA.GetRootCACertificate', {}, (r) => {
      this.busy = false;
      if (!r.ok) return this.retryRoot(r.error);
      const pem = (r.body as { certificate: string }).certificate;
      const digest = rootDigest(pem);
      if (digest !== this.parsed!.digest) {
        this.host.event('joinFailed', `${this.host.self}: root CA digest ${digest.slice(0, 12)}... is not the token's ${this.parsed!.digest.slice(0, 12)}...`);
        return this.retryRoot('remote CA does not match fingerprint');
      }
      this.rootPem = pem;
      this.host.event('join', `${this.host.self}: root CA from ${this.via} matches the token's digest (SHA-256 of the PEM, base 36)`);
      this.phase = 'issue';
      this.issue();
    });
  }

  private retryRoot(error: string): void {
    this.attempts++;
    if (this.attempts >= ROOT_ATTEMPTS) return this.fail(error);
    this.nextAtMs = this.host.now() + ROOT_RETRY_MS;
    this.error = error;
  }

  private issue(): void {
    if (!this.key) {
      this.key = generateKeyPair(this.host.rng);
      this.csrPem = toPem(createCsr(this.key), 'CERTIFICATE REQUEST');
      this.host.event('join', `${this.host.self}: generated its P-256 key and CSR locally (the key never leaves the node)`);
    }
    this.busy = true;
    const body = { csr: this.csrPem, token: this.token, hostname: this.host.self };
    this.host.call(this.via, 'anonymous', 'NodeCA.IssueNodeCertificate', body, (r) => {
      this.busy = false;
      if (!r.ok) {
        // A refused token is final; a missing leader or a lost connection is worth another try.
        if (r.error.includes('InvalidArgument')) return this.fail(r.error);
        this.pollFailures++;
        this.nextAtMs = this.host.now() + backoffMs(this.host.rng, this.pollFailures, POLL_BACKOFF.baseMs, POLL_BACKOFF.capMs);
        this.error = r.error;
        return;
      }
      this.nodeId = (r.body as { nodeId: string }).nodeId;
      this.host.event('join', `${this.host.self}: the CA accepted the token and assigned node ID ${this.nodeId}`);
      this.phase = 'poll';
      this.pollFailures = 0;
      this.poll();
    });
  }

  private poll(): void {
    this.busy = true;
    this.host.call(this.via, 'anonymous', 'NodeCA.NodeCertificateStatus', { nodeId: this.nodeId }, (r) => {
      this.busy = false;
      const body = r.ok ? (r.body as { state: string; certificate?: string; csr?: string }) : null;
      if (body?.state === 'issued' && body.certificate && body.csr === this.csrPem) return this.finish(body.certificate);
      if (body?.state === 'failed') return this.fail('the CA could not sign the certificate');
      this.pollFailures++;
      this.nextAtMs = this.host.now() + backoffMs(this.host.rng, this.pollFailures, POLL_BACKOFF.baseMs, POLL_BACKOFF.capMs);
    });
  }

  private finish(certPem: string): void {
    const sec = securityFrom(this.key!, certPem, this.rootPem);
    const r = verifyChain(sec.chain, parsePem(this.rootPem).map((b) => b.der), wallMs(this.host.now()));
    if (!r.ok) return this.fail(`the issued certificate does not verify: ${r.reason}`);
    this.phase = 'done';
    const leaf = parseCertificate(sec.chain[0]);
    this.host.event('join', `${this.host.self} joined as ${roleOf(leaf)}: CN=${leaf.subject.cn}, OU=${leaf.subject.ou[0]}, O=${leaf.subject.o[0]}`);
    this.host.setManagers([this.via]);
    this.host.install(sec, 'joined');
    if (roleOf(leaf) === 'manager') this.host.becomeManager();
  }

  private fail(error: string): void {
    this.phase = 'failed';
    this.error = error;
    this.host.event('joinFailed', `${this.host.self}: Error response from daemon: ${error}`);
  }
}
