// A swarm as it stands at the start of a run: the first manager ran `swarm init` (root CA, cluster
// ID, its own certificate) and every other founding node joined with a token before t=0. All of
// it is drawn from the run's seed, so a shared scenario reproduces the same certificates.
import { bytesToHex } from '@noble/hashes/utils.js';
import { Rng } from '../core/prng';
import {
  createCsr, createRootCA, DEFAULT_NODE_CERT_EXPIRY_MS, generateJoinToken, generateKeyPair, issueNodeCertificate, newId, rootDigest, toPem,
} from '../pki/index';
import type { SwarmRole } from '../pki/types';
import type { FoundingIdentity, SwarmNodeConfig } from '../node/types';
import { encodeSwarmEntry } from '../store/entry';
import type { ClusterObject, NodeObject } from '../store/objects';
import { wallMs } from './clock';
import { issuerInfo, securityFrom } from './security';

export interface FormSwarmArgs {
  seed: number;
  managers: string[];
  workers: string[];
  nowMs: number;
  certExpiryMs?: number;
}

export interface FormedSwarm {
  clusterId: string;
  tokens: { worker: string; manager: string };
  configs: Record<string, SwarmNodeConfig>;
}

export function formSwarm(a: FormSwarmArgs): FormedSwarm {
  const rng = new Rng(a.seed);
  const now = wallMs(a.nowMs);
  const expiry = a.certExpiryMs ?? DEFAULT_NODE_CERT_EXPIRY_MS;
  const root = createRootCA(rng, now);
  const rootPem = toPem(root.cert, 'CERTIFICATE');
  const clusterId = newId(rng);
  const hosts: { host: string; role: SwarmRole }[] = [
    ...a.managers.map((host) => ({ host, role: 'manager' as const })),
    ...a.workers.map((host) => ({ host, role: 'worker' as const })),
  ];
  const identities: Record<string, FoundingIdentity> = {};
  const nodes: NodeObject[] = [];
  for (const { host, role } of hosts) {
    const key = generateKeyPair(rng);
    const csr = createCsr(key);
    const nodeId = newId(rng);
    const cert = issueNodeCertificate({ csr, nodeId, role, clusterId, signerCert: root.cert, signerKey: root.key, nowMs: now, expiryMs: expiry, rng });
    const certPem = toPem(cert, 'CERTIFICATE');
    identities[host] = { nodeId, role, key: bytesToHex(key.privateKey), certPem, rootPem };
    const tlsInfo = issuerInfo(securityFrom(key, certPem, rootPem));
    nodes.push({
      id: nodeId, hostname: host, role, desiredRole: role, membership: 'accepted', tlsInfo,
      certificate: { role, csrPem: toPem(csr, 'CERTIFICATE REQUEST'), state: 'issued', certPem },
    });
  }
  const cluster: ClusterObject = {
    id: clusterId,
    name: 'default',
    rootCA: {
      caCertPem: rootPem,
      caKey: bytesToHex(root.key.privateKey),
      caCertHash: rootDigest(rootPem),
      joinTokens: { worker: generateJoinToken(rootPem, rng), manager: generateJoinToken(rootPem, rng) },
      rootRotation: null,
      forceRotate: 0,
    },
    nodeCertExpiryMs: expiry,
    blacklist: [],
  };
  const bootstrapData = [encodeSwarmEntry({ swarm: { op: 'bootstrap', cluster, nodes }, origin: '', ticket: 0 })];
  const configs: Record<string, SwarmNodeConfig> = {};
  for (const { host } of hosts) configs[host] = { start: 'founding', identity: identities[host], bootstrapData, managers: a.managers.slice() };
  return { clusterId, tokens: { ...cluster.rootCA.joinTokens }, configs };
}
