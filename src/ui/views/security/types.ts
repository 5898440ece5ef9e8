// Props shapes of the security views. The engine's PKI and TLS shapes come through the
// simulator's API (the UI's one door); only what the views add is defined here.
export type { CertField, HandshakeStep, ParsedJoinToken, SwarmRole, TlsFailure, TlsSecrets } from '../../../sim/api';

/** Subject CN of every swarm root CA; an intermediate with this subject is a cross-signed root. */
export const ROOT_CN = 'swarm-ca';

/** One certificate of a chain, leaf first. Times are epoch ms; fingerprint is lowercase hex SHA-256 of the DER. */
export interface CertSummary {
  subject: string;
  issuer: string;
  notBefore: number;
  notAfter: number;
  fingerprint: string;
  isCA: boolean;
  /**
   * Whether it signed itself (its authority key ID is its own key ID). Every swarm root is called
   * swarm-ca, so names alone cannot tell a root from the new root cross-signed by the old one.
   */
  selfSigned?: boolean;
}

/** The subject of the peer's verified certificate. */
export interface PeerIdentity {
  cn: string;
  ou: string;
  o: string;
}
