// What the leader shows about the whole swarm: tokens, expiry, node count, rotation progress.
import { parseCertificate, parsePem } from '../pki/index';
import type { LeaderSwarmView } from '../node/types';
import type { SwarmStore } from '../store/swarm-store';

export function leaderView(store: SwarmStore, rotation: { converged: number; total: number } | null): LeaderSwarmView | null {
  const c = store.cluster;
  if (!c) return null;
  return {
    clusterId: c.id,
    tokens: { ...c.rootCA.joinTokens },
    certExpiryMs: c.nodeCertExpiryMs,
    nodes: store.nodeList().length,
    rotation,
    rootFingerprint: fingerprintOf(c.rootCA.caCertPem),
  };
}

/** Parsing a certificate is costly and the status is built on every step: remember the last one. */
let last = { pem: '', fingerprint: '' };

function fingerprintOf(pem: string): string {
  if (pem !== last.pem) {
    const root = parsePem(pem)[0];
    last = { pem, fingerprint: root ? parseCertificate(root.der).fingerprint : '' };
  }
  return last.fingerprint;
}
