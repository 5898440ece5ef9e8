// The three certificates the swarm CA makes, field for field as swarmkit gets them from cfssl
// and Go's x509.CreateCertificate: the root (initca), the cross-signed root used during CA
// rotation (CrossSignCACertificate), and node certificates (ParseValidateAndSignCSR).
import { id_ce_authorityKeyIdentifier } from '@peculiar/asn1-x509';
import type { Name } from '@peculiar/asn1-x509';
import type { Rng } from '../core/prng';
import { bytesOf, positiveInteger, timeMs } from './asn';
import { randomSerial, signCertificate } from './certificate';
import {
  CERT_BACKDATE_MS, DEFAULT_NODE_CERT_EXPIRY_MS, MIN_NODE_CERT_EXPIRY_MS, ROOT_BACKDATE_MS, ROOT_CA_EXPIRY_MS,
} from './constants';
import { parseCsr } from './csr';
import { PkiError } from './errors';
import {
  KU, authorityKeyIdExtension, basicConstraintsExtension, dnsSanExtension, extKeyUsageServerClient, keyIdentifier,
  keyUsageExtension, subjectKeyIdExtension,
} from './extensions';
import { generateKeyPair, readSpki } from './keys';
import { buildName } from './names';
import { decodeCertificate, parseCertificate } from './parse';
import { CA_CN, MANAGER_OU, WORKER_OU } from './types';
import type { KeyPair, SwarmRole } from './types';

/** cfssl starts validity at time.Now().Round(time.Minute) (halves round up) minus the backdate. */
function roundToMinute(ms: number): number {
  return Math.floor((ms + 30_000) / 60_000) * 60_000;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Go refuses to sign with a key that does not belong to the parent certificate. */
function assertSignerMatches(signerCert: Uint8Array, signerKey: KeyPair): void {
  if (!sameBytes(parseCertificate(signerCert).publicKey, signerKey.publicKey)) {
    throw new PkiError("provided PrivateKey doesn't match parent's PublicKey");
  }
}

/** swarmkit CreateRootCA: CN=swarm-ca, P-256, 20 years, cfssl's default 5-minute backdate. */
export function createRootCA(rng: Rng, nowMs: number): { cert: Uint8Array; key: KeyPair } {
  const key = generateKeyPair(rng);
  const name = buildName({ cn: CA_CN, ou: [], o: [] });
  const notBefore = roundToMinute(nowMs) - ROOT_BACKDATE_MS;
  const cert = signCertificate({
    serial: randomSerial(rng),
    issuer: name,
    subject: name,
    notBefore,
    notAfter: notBefore + ROOT_CA_EXPIRY_MS,
    publicKey: key.publicKey,
    // A self-signed certificate gets no authority key identifier from Go.
    extensions: [
      keyUsageExtension([KU.keyCertSign, KU.cRLSign]),
      basicConstraintsExtension(true),
      subjectKeyIdExtension(keyIdentifier(key.publicKey)),
    ],
  }, key);
  return { cert, key };
}

/**
 * CrossSignCACertificate: the new root re-signed by the old key with the same serial, subject,
 * key, validity and extensions. One deliberate difference from Go: Go omits the authority key
 * identifier because issuer and subject are both CN=swarm-ca, and OpenSSL then takes the
 * certificate for self-signed and stops building the chain ("self-signed certificate in
 * certificate chain"). Naming the old key here lets OpenSSL, Node and Go all verify
 * leaf -> cross-signed root -> old root. The rng is unused because RFC 6979 signatures need no
 * randomness; it stays in the signature so callers keep a fixed draw order.
 */
export function crossSignRoot(newRoot: Uint8Array, oldRootCert: Uint8Array, oldRootKey: KeyPair, _rng: Rng): Uint8Array {
  assertSignerMatches(oldRootCert, oldRootKey);
  const tbs = decodeCertificate(newRoot).tbsCertificate;
  const issuerTbs = decodeCertificate(oldRootCert).tbsCertificate;
  const oldInfo = parseCertificate(oldRootCert);
  const extensions = (tbs.extensions ?? []).filter((ext) => ext.extnID !== id_ce_authorityKeyIdentifier);
  if (oldInfo.subjectKeyId) extensions.push(authorityKeyIdExtension(hexBytes(oldInfo.subjectKeyId)));
  return signCertificate({
    serial: positiveInteger(bytesOf(tbs.serialNumber)),
    issuer: issuerTbs.subject,
    subject: tbs.subject,
    notBefore: timeMs(tbs.validity.notBefore),
    notAfter: timeMs(tbs.validity.notAfter),
    publicKey: readSpki(tbs.subjectPublicKeyInfo),
    extensions,
  }, oldRootKey);
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export interface NodeCertRequest {
  csr: Uint8Array;
  nodeId: string;
  role: SwarmRole;
  clusterId: string;
  signerCert: Uint8Array;
  signerKey: KeyPair;
  nowMs: number;
  expiryMs: number;
  rng: Rng;
}

/**
 * A node certificate as the CA signs it: only the CSR's key is used (CSRWhitelist); CN, OU and O
 * come from the store. Managers also get the swarm-ca SAN so joining nodes can dial them as CA.
 */
export function issueNodeCertificate(o: NodeCertRequest): Uint8Array {
  const csr = parseCsr(o.csr);
  if (!csr.signatureValid) throw new PkiError('bad CSR signature');
  assertSignerMatches(o.signerCert, o.signerKey);
  // SigningPolicy: anything under the minimum silently becomes the 90-day default.
  const expiryMs = o.expiryMs < MIN_NODE_CERT_EXPIRY_MS ? DEFAULT_NODE_CERT_EXPIRY_MS : o.expiryMs;
  const ou = o.role === 'manager' ? MANAGER_OU : WORKER_OU;
  const hosts = o.role === 'manager' ? [ou, o.nodeId, CA_CN] : [ou, o.nodeId];
  const signer = parseCertificate(o.signerCert);
  const issuer: Name = decodeCertificate(o.signerCert).tbsCertificate.subject;
  const notBefore = roundToMinute(o.nowMs) - CERT_BACKDATE_MS;
  const extensions = [
    keyUsageExtension([KU.digitalSignature, KU.keyEncipherment]),
    extKeyUsageServerClient(),
    basicConstraintsExtension(false),
    subjectKeyIdExtension(keyIdentifier(csr.publicKey)),
  ];
  if (signer.subjectKeyId) extensions.push(authorityKeyIdExtension(hexBytes(signer.subjectKeyId)));
  extensions.push(dnsSanExtension(hosts));
  return signCertificate({
    serial: randomSerial(o.rng),
    issuer,
    subject: buildName({ cn: o.nodeId, ou: [ou], o: [o.clusterId] }),
    notBefore,
    notAfter: notBefore + expiryMs + CERT_BACKDATE_MS,
    publicKey: csr.publicKey,
    extensions,
  }, o.signerKey);
}
