// The replicated swarm store: applies committed SwarmOps in log order. Every manager applies the
// same ops to the same state, so apply() must be a pure function of the op and the state: all
// randomness (IDs, keys, tokens, signatures) was drawn by the leader before it proposed the op.
import type { ClusterObject, NodeObject, SwarmOp } from './objects';

export class SwarmStore {
  cluster: ClusterObject | null = null;
  private readonly nodes = new Map<string, NodeObject>();
  /** Bumped on every change, so watchers (dispatcher, CA, reconciler) notice cheaply. */
  version = 0;

  node(id: string): NodeObject | undefined {
    return this.nodes.get(id);
  }

  /** Node objects in ID order. */
  nodeList(): NodeObject[] {
    return [...this.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  nodeByHostname(hostname: string): NodeObject | undefined {
    for (const n of this.nodes.values()) if (n.hostname === hostname) return n;
    return undefined;
  }

  /** A snapshot replaces every node object. */
  replaceNodes(nodes: NodeObject[]): void {
    this.nodes.clear();
    for (const n of nodes) this.nodes.set(n.id, n);
    this.version++;
  }

  isBlacklisted(nodeId: string): boolean {
    return this.cluster?.blacklist.some((b) => b.nodeId === nodeId) ?? false;
  }

  /** Applies one op; returns words for the event list. */
  apply(op: SwarmOp): string {
    this.version++;
    switch (op.op) {
      case 'bootstrap':
        this.cluster = structuredCloneish(op.cluster);
        for (const n of op.nodes) this.nodes.set(n.id, structuredCloneish(n));
        return `swarm ${op.cluster.id} with ${op.nodes.length} node(s)`;
      case 'createNode':
        this.nodes.set(op.node.id, structuredCloneish(op.node));
        return `node ${op.node.id} (${op.node.hostname}) joins as ${op.node.role}, certificate pending`;
      case 'renewCertificate':
        return this.withNode(op.nodeId, (n) => {
          n.certificate = { ...n.certificate, role: n.role, csrPem: op.csrPem, state: 'renew', error: undefined };
          return `certificate renewal requested by ${n.id}`;
        });
      case 'issueCertificate':
        return this.withNode(op.nodeId, (n) => {
          // A renewal that raced this signature (a newer CSR) is not overwritten.
          if (n.certificate.csrPem !== op.csrPem) return `stale certificate for ${n.id} ignored`;
          n.certificate = { ...n.certificate, state: 'issued', certPem: op.certPem, error: undefined };
          return `certificate issued to ${n.id} (${n.role})`;
        });
      case 'failCertificate':
        return this.withNode(op.nodeId, (n) => {
          n.certificate = { ...n.certificate, state: 'failed', error: op.error };
          return `certificate for ${n.id} failed: ${op.error}`;
        });
      case 'markRotate':
        for (const id of op.nodeIds) {
          const n = this.nodes.get(id);
          if (n) n.certificate = { ...n.certificate, state: 'rotate' };
        }
        return `${op.nodeIds.length} node(s) told to rotate their certificate`;
      case 'setTlsInfo':
        return this.withNode(op.nodeId, (n) => {
          n.tlsInfo = { ...op.tlsInfo };
          return `${n.id} reports a certificate from issuer key ${op.tlsInfo.issuerPublicKey.slice(2, 14)}...`;
        });
      case 'rotateJoinToken':
        return this.withCluster((c) => {
          c.rootCA.joinTokens = { ...c.rootCA.joinTokens, [op.role]: op.token };
          return `${op.role} join token rotated`;
        });
      case 'startRootRotation':
        return this.withCluster((c) => {
          c.rootCA.rootRotation = { ...op.rotation };
          c.rootCA.forceRotate = op.forceRotate;
          return 'root CA rotation started: new root cross-signed by the old one';
        });
      case 'finishRootRotation':
        return this.withCluster((c) => {
          c.rootCA = { ...c.rootCA, caCertPem: op.caCertPem, caKey: op.caKey, caCertHash: op.caCertHash, joinTokens: { ...op.joinTokens }, rootRotation: null };
          return 'root CA rotation finished: old root dropped, both join tokens regenerated';
        });
      case 'setCertExpiry':
        return this.withCluster((c) => {
          c.nodeCertExpiryMs = op.ms;
          return `node certificate expiry set to ${op.ms / 3_600_000} h`;
        });
      case 'removeNode':
        return this.withCluster((c) => {
          const n = this.nodes.get(op.nodeId);
          this.nodes.delete(op.nodeId);
          c.blacklist = [...c.blacklist.filter((b) => b.nodeId !== op.nodeId), { nodeId: op.nodeId, expiresMs: op.expiresMs }];
          return `node ${op.nodeId}${n ? ` (${n.hostname})` : ''} removed; its certificate is refused from now on`;
        });
    }
  }

  private withNode(id: string, f: (n: NodeObject) => string): string {
    const n = this.nodes.get(id);
    return n ? f(n) : `no node ${id} (ignored)`;
  }

  private withCluster(f: (c: ClusterObject) => string): string {
    return this.cluster ? f(this.cluster) : 'no cluster (ignored)';
  }

  serialise(): string {
    return JSON.stringify({ cluster: this.cluster, nodes: this.nodeList() });
  }

  static restore(text: string): SwarmStore {
    const store = new SwarmStore();
    if (text === '') return store;
    const raw = JSON.parse(text) as { cluster: ClusterObject | null; nodes: NodeObject[] };
    store.cluster = raw.cluster;
    for (const n of raw.nodes) store.nodes.set(n.id, n);
    return store;
  }
}

/** Objects in ops come from the log, which other code also holds: copy before keeping. */
function structuredCloneish<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
