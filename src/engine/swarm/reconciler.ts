// The leader's root rotation reconciler (swarmkit ca/reconciler.go): every 3 s it tells up to 30
// unconverged nodes to rotate their certificate; once every node (down ones too) reports a
// certificate from the new root, the rotation finishes: the new root becomes the only root and
// both join tokens are regenerated, because the digest they pin changed.
import { generateJoinToken, parseCertificate, parsePem, rootDigest } from '../pki/index';
import type { NodeObject, RootRotation } from '../store/objects';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ServicesHost } from './services-host';

export const RECONCILE_INTERVAL_MS = 3000;
export const ROTATE_BATCH = 30;

export class RootReconciler {
  private nextMs = 0;
  private finishing = false;

  constructor(private readonly host: ServicesHost) {}

  /** Nodes whose certificate already comes from the new root, out of all registered nodes. */
  progress(): { converged: number; total: number } | null {
    const rot = this.host.store.cluster?.rootCA.rootRotation;
    if (!rot) return null;
    const nodes = this.host.store.nodeList();
    const key = newRootKey(rot);
    return { converged: nodes.filter((n) => converged(n, key)).length, total: nodes.length };
  }

  tick(): void {
    const now = this.host.now();
    if (now < this.nextMs) return;
    this.nextMs = now + RECONCILE_INTERVAL_MS;
    const cluster = this.host.store.cluster;
    const rot = cluster?.rootCA.rootRotation;
    if (!rot) {
      this.finishing = false;
      return;
    }
    const key = newRootKey(rot);
    const unconverged = this.host.store.nodeList().filter((n) => !converged(n, key));
    if (unconverged.length === 0) return this.finish(rot);
    const batch = unconverged.filter((n) => !['renew', 'pending', 'rotate'].includes(n.certificate.state)).slice(0, ROTATE_BATCH);
    if (batch.length === 0) return;
    const p = this.progress()!;
    this.host.event('caRotation', `rotated TLS certificates ${p.converged}/${p.total}; telling ${batch.length} more node(s) to rotate`);
    this.host.propose({ op: 'markRotate', nodeIds: batch.map((n) => n.id) });
  }

  private finish(rot: RootRotation): void {
    if (this.finishing) return;
    this.finishing = true;
    const pem = rot.caCertPem;
    const joinTokens = { worker: generateJoinToken(pem, this.host.rng), manager: generateJoinToken(pem, this.host.rng) };
    this.host.event('caRotation', 'every node has a certificate from the new root: finishing the CA rotation');
    this.host.propose({ op: 'finishRootRotation', caCertPem: pem, caKey: rot.caKey, caCertHash: rootDigest(pem), joinTokens }, () => {
      this.finishing = false;
    });
  }
}

let lastKey = { pem: '', key: '' };

/** The new root's public key; cached because the leader's status asks on every step. */
function newRootKey(rot: RootRotation): string {
  if (rot.caCertPem !== lastKey.pem) lastKey = { pem: rot.caCertPem, key: bytesToHex(parseCertificate(parsePem(rot.caCertPem)[0].der).publicKey) };
  return lastKey.key;
}

function converged(n: NodeObject, newKey: string): boolean {
  return n.tlsInfo?.issuerPublicKey === newKey;
}
