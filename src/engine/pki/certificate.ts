// Assembling and signing a TBSCertificate. Field choices (serials, validity, extensions) live
// with the callers in issue.ts; this file only knows the X.509 envelope.
import { Certificate, TBSCertificate, Validity, Version } from '@peculiar/asn1-x509';
import type { Extension, Name } from '@peculiar/asn1-x509';
import { Extensions } from '@peculiar/asn1-x509';
import type { Rng } from '../core/prng';
import { asnTime, positiveInteger, toDer } from './asn';
import { buildSpki, signatureAlgorithm, signDer } from './keys';
import type { KeyPair } from './types';

export interface CertTemplate {
  /** Content bytes of the serial INTEGER. */
  serial: Uint8Array;
  issuer: Name;
  subject: Name;
  notBefore: number;
  notAfter: number;
  publicKey: Uint8Array;
  extensions: Extension[];
}

const SERIAL_BYTES = 20;

/** cfssl's serial: 20 random bytes with the top bit cleared so the INTEGER stays positive. */
export function randomSerial(rng: Rng): Uint8Array {
  const bytes = rng.bytes(SERIAL_BYTES);
  bytes[0] &= 0x7f;
  return positiveInteger(bytes);
}

export function signCertificate(t: CertTemplate, signer: KeyPair): Uint8Array {
  const validity = new Validity();
  validity.notBefore = asnTime(t.notBefore);
  validity.notAfter = asnTime(t.notAfter);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: t.serial.slice().buffer,
    signature: signatureAlgorithm(),
    issuer: t.issuer,
    validity,
    subject: t.subject,
    subjectPublicKeyInfo: buildSpki(t.publicKey),
    extensions: new Extensions(t.extensions),
  });
  const tbsDer = toDer(tbs);
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: signatureAlgorithm(),
    signatureValue: signDer(tbsDer, signer).slice().buffer,
  });
  return toDer(cert);
}
