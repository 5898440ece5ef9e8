// Operator commands (swarmkit's control API) as the leader carries them out: rotate a join token,
// rotate the root CA, change the certificate expiry, remove a node. Errors are swarmkit's texts.
import { certExpiryError, createRootCA, crossSignRoot, generateJoinToken, parseCertificate, parsePem, toPem } from '../pki/index';
import type { SwarmCommand } from '../node/types';
import { wallMs } from './clock';
import type { Dispatcher } from './dispatcher';
import { bytesToHex } from '@noble/hashes/utils.js';
import { keyFromHex } from './security';
import type { ServicesHost } from './services-host';

export function runControl(host: ServicesHost, dispatcher: Dispatcher, c: SwarmCommand): void {
  const cluster = host.store.cluster;
  if (!cluster) return host.event('denied', 'this node is not part of a swarm');
  const fail = (kind: Parameters<ServicesHost['event']>[0], error: string) => host.event(kind, `Error response from daemon: ${error}`);
  switch (c.cmd) {
    case 'rotateJoinToken': {
      const token = generateJoinToken(cluster.rootCA.caCertPem, host.rng);
      host.propose({ op: 'rotateJoinToken', role: c.role, token });
      return host.event('tokenRotated', `Successfully rotated ${c.role} join token.`);
    }
    case 'rotateCA': {
      const oldCert = parsePem(cluster.rootCA.caCertPem)[0].der;
      const oldKey = keyFromHex(cluster.rootCA.caKey);
      const root = createRootCA(host.rng, wallMs(host.now()));
      const crossSigned = crossSignRoot(root.cert, oldCert, oldKey, host.rng);
      const rotation = { caCertPem: toPem(root.cert, 'CERTIFICATE'), caKey: bytesToHex(root.key.privateKey), crossSignedPem: toPem(crossSigned, 'CERTIFICATE') };
      host.propose({ op: 'startRootRotation', rotation, forceRotate: cluster.rootCA.forceRotate + 1 });
      return host.event('caRotation', 'docker swarm ca --rotate: new root CA generated and cross-signed by the old root');
    }
    case 'setCertExpiry': {
      const error = certExpiryError(c.ms);
      if (error) return fail('expiry', `rpc error: code = InvalidArgument desc = ${error}`);
      host.propose({ op: 'setCertExpiry', ms: c.ms });
      return host.event('expiry', `node certificates issued from now on are valid for ${c.ms / 3_600_000} h`);
    }
    case 'removeNode': {
      const node = host.store.nodeByHostname(c.hostname);
      if (!node) return fail('removed', `rpc error: code = NotFound desc = node ${c.hostname} not found`);
      if (host.members().includes(node.hostname)) {
        return fail('removed', `rpc error: code = FailedPrecondition desc = node ${node.id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`);
      }
      if (!c.force && dispatcher.isReady(node.id)) {
        return fail('removed', `rpc error: code = FailedPrecondition desc = node ${node.id} is not down and can't be removed`);
      }
      const leaf = parsePem(node.certificate.certPem)[0];
      const expiresMs = leaf ? certNotAfter(leaf.der) : wallMs(host.now());
      host.propose({ op: 'removeNode', nodeId: node.id, expiresMs });
      dispatcher.drop(node.id);
      return host.event('removed', `${c.hostname} (${node.id}) removed from the swarm`);
    }
  }
}

function certNotAfter(der: Uint8Array): number {
  return parseCertificate(der).notAfter;
}
