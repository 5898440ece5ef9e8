// The swarm objects managers replicate through Raft (swarmkit's store, trimmed to what the PKI
// needs): one Cluster object named "default" and one Node object per node. They travel inside
// log entries and snapshots as JSON, so everything here is plain data.
import type { SwarmRole } from '../pki/types';

/** swarmkit's IssuanceState of a node certificate. */
export type CertState = 'pending' | 'issued' | 'renew' | 'rotate' | 'failed';

export interface NodeCertificate {
  role: SwarmRole;
  /** PEM of the CSR the node sent; the node accepts only a certificate for exactly this CSR. */
  csrPem: string;
  state: CertState;
  /** PEM chain once issued: the leaf, then the cross-signed root during a CA rotation. */
  certPem: string;
  /** Why signing failed (state 'failed'). */
  error?: string;
}

/** Who issued the certificate a node reports using (swarmkit NodeTLSInfo). */
export interface TlsInfo {
  issuerSubject: string;
  /** Hex of the issuer's public key: two roots share CN=swarm-ca, only the key tells them apart. */
  issuerPublicKey: string;
}

export interface NodeObject {
  id: string;
  /** The simulated machine it runs on (node-3); also its Raft member ID when it is a manager. */
  hostname: string;
  role: SwarmRole;
  desiredRole: SwarmRole;
  membership: 'accepted';
  certificate: NodeCertificate;
  tlsInfo: TlsInfo | null;
}

export interface JoinTokens {
  worker: string;
  manager: string;
}

/** A root rotation in progress (swarmkit RootRotation). Keys are hex P-256 scalars. */
export interface RootRotation {
  caCertPem: string;
  caKey: string;
  crossSignedPem: string;
}

export interface RootCAObject {
  caCertPem: string;
  caKey: string;
  /** base-36 SHA-256 of caCertPem: the digest join tokens carry. */
  caCertHash: string;
  joinTokens: JoinTokens;
  rootRotation: RootRotation | null;
  /** Bumped by each `docker swarm ca --rotate` (swarmkit Spec.CAConfig.ForceRotate). */
  forceRotate: number;
}

export interface BlacklistedCertificate {
  nodeId: string;
  /** The removed certificate's NotAfter: after it the entry no longer matters. */
  expiresMs: number;
}

export interface ClusterObject {
  id: string;
  name: 'default';
  rootCA: RootCAObject;
  nodeCertExpiryMs: number;
  blacklist: BlacklistedCertificate[];
}

/** One change to the store; a committed entry carries exactly one. */
export type SwarmOp =
  | { op: 'bootstrap'; cluster: ClusterObject; nodes: NodeObject[] }
  | { op: 'createNode'; node: NodeObject }
  | { op: 'renewCertificate'; nodeId: string; csrPem: string }
  | { op: 'issueCertificate'; nodeId: string; csrPem: string; certPem: string }
  | { op: 'failCertificate'; nodeId: string; error: string }
  | { op: 'markRotate'; nodeIds: string[] }
  | { op: 'setTlsInfo'; nodeId: string; tlsInfo: TlsInfo }
  | { op: 'rotateJoinToken'; role: SwarmRole; token: string }
  | { op: 'startRootRotation'; rotation: RootRotation; forceRotate: number }
  | { op: 'finishRootRotation'; caCertPem: string; caKey: string; caCertHash: string; joinTokens: JoinTokens }
  | { op: 'setCertExpiry'; ms: number }
  | { op: 'removeNode'; nodeId: string; expiresMs: number };
