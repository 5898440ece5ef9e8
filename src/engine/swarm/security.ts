// A node's own credentials: its key, its certificate chain and the root it trusts, and the files
// that hold them under the swarm state directory (swarmkit's certificates/ folder).
import { decodePkcs8PrivateKey, encodePkcs8PrivateKey, parseCertificate, parsePem, toPem } from '../pki/index';
import { MANAGER_OU, type CertInfo, type KeyPair, type SwarmRole } from '../pki/types';
import type { TlsIdentity } from '../tls/types';
import { p256 } from '@noble/curves/nist.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

export const ROOT_FILE = 'certificates/swarm-root-ca.crt';
export const CERT_FILE = 'certificates/swarm-node.crt';
export const KEY_FILE = 'certificates/swarm-node.key';
export const STATE_FILE = 'state.json';

export interface Security {
  key: KeyPair;
  /** Leaf first, then the cross-signed root during a CA rotation. */
  chain: Uint8Array[];
  leaf: CertInfo;
  rootPem: string;
  roots: Uint8Array[];
  /** Hex of the key that signed the leaf: the intermediate's (during a CA rotation) or the root's. */
  issuerKey: string;
}

export function securityFrom(key: KeyPair, certPem: string, rootPem: string): Security {
  const chain = parsePem(certPem).map((b) => b.der);
  const roots = parsePem(rootPem).map((b) => b.der);
  const issuer = chain.length > 1 ? chain[1] : roots[0];
  const issuerKey = issuer ? bytesToHex(parseCertificate(issuer).publicKey) : '';
  return { key, chain, leaf: parseCertificate(chain[0]), rootPem, roots, issuerKey };
}

export function roleOf(leaf: CertInfo): SwarmRole {
  return leaf.subject.ou.includes(MANAGER_OU) ? 'manager' : 'worker';
}

export function tlsIdentity(s: Security): TlsIdentity {
  return { chain: s.chain, privateKey: s.key.privateKey };
}

export function chainPem(chain: Uint8Array[]): string {
  return chain.map((der) => toPem(der, 'CERTIFICATE')).join('');
}

/** The files a node writes when its credentials change. */
export function securityFiles(s: Security): { path: string; data: string }[] {
  return [
    { path: ROOT_FILE, data: s.rootPem },
    { path: CERT_FILE, data: chainPem(s.chain) },
    { path: KEY_FILE, data: toPem(encodePkcs8PrivateKey(s.key), 'PRIVATE KEY') },
  ];
}

/** Reads credentials back from the files (a restart); null when the node never got any. */
export function securityFromFiles(files: Record<string, string>): Security | null {
  const cert = files[CERT_FILE];
  const key = files[KEY_FILE];
  const root = files[ROOT_FILE];
  if (!cert || !key || !root) return null;
  return securityFrom(decodePkcs8PrivateKey(parsePem(key)[0].der), cert, root);
}

export function keyFromHex(hex: string): KeyPair {
  const privateKey = hexToBytes(hex);
  return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

/** Who signed this node's certificate: swarmkit's NodeTLSInfo (the reconciler compares it). */
export function issuerInfo(s: Security): { issuerSubject: string; issuerPublicKey: string } {
  return { issuerSubject: `CN=${s.leaf.issuer.cn}`, issuerPublicKey: s.issuerKey };
}
