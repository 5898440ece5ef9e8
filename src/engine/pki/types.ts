// Shapes shared by the swarm PKI (certificates, CSRs, keys, join tokens) and its users: the TLS
// layer, the swarm node, the simulator and the certificate inspector. Times are epoch ms.

export type SwarmRole = 'manager' | 'worker';
/** OU strings exactly as swarmkit writes them. */
export const MANAGER_OU = 'swarm-manager';
export const WORKER_OU = 'swarm-worker';
/** Subject CN of every swarm root CA, and the SAN managers carry (the CA role). */
export const CA_CN = 'swarm-ca';

export interface KeyPair {
  /** 32-byte P-256 scalar. */
  privateKey: Uint8Array;
  /** 65-byte uncompressed P-256 point (0x04 || x || y). */
  publicKey: Uint8Array;
}

export interface DistinguishedName {
  cn: string;
  ou: string[];
  o: string[];
}

/** What a parsed certificate says; parsed from the DER, never stored separately. */
export interface CertInfo {
  der: Uint8Array;
  /** Serial as lowercase hex without leading zeros. */
  serialHex: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: number;
  notAfter: number;
  publicKey: Uint8Array;
  isCA: boolean;
  dnsNames: string[];
  subjectKeyId: string;
  authorityKeyId: string;
  /** The signed part and the signature (DER ECDSA), so chains verify without re-encoding. */
  tbs: Uint8Array;
  signature: Uint8Array;
  /** Lowercase hex SHA-256 of the DER. */
  fingerprint: string;
}

/** Why a certificate chain was refused; the words the UI and the TLS alerts use. */
export type ChainFailure =
  | 'malformed'
  | 'unknown authority'
  | 'bad signature'
  | 'expired'
  | 'not yet valid'
  | 'wrong server name'
  | 'not a CA';

export type ChainResult =
  | { ok: true; leaf: CertInfo; chain: CertInfo[] }
  | { ok: false; reason: ChainFailure; detail: string };

/** One row of the certificate inspector: a field decoded from the DER. */
export interface CertField {
  name: string;
  value: string;
  children?: CertField[];
}

export interface ParsedJoinToken {
  version: 1 | 2;
  /** 50 base-36 characters: SHA-256 of the root CA PEM bundle. */
  digest: string;
  /** 25 base-36 characters: 16 random bytes. */
  secret: string;
  fips: boolean;
}
