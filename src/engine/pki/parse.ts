// Reading a DER certificate into CertInfo. Anything the swarm cannot use (non-P-256 keys, other
// signature algorithms, unparsable extensions) is refused here, so later code can trust CertInfo.
import { sha256 } from '@noble/hashes/sha2.js';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier, BasicConstraints, Certificate, SubjectAlternativeName, SubjectKeyIdentifier,
  id_ce_authorityKeyIdentifier, id_ce_basicConstraints, id_ce_subjectAltName, id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import type { Extension } from '@peculiar/asn1-x509';
import { ecdsaWithSHA256 } from '@peculiar/asn1-ecc';
import { bytesOf, fromDer, timeMs } from './asn';
import { toHex } from './encoding';
import { PkiError } from './errors';
import { readSpki } from './keys';
import { readName } from './names';
import type { CertInfo } from './types';

export function decodeCertificate(der: Uint8Array): Certificate {
  const cert = fromDer(der, Certificate, 'certificate');
  if (!cert.tbsCertificateRaw) throw new PkiError('malformed certificate: no TBSCertificate');
  return cert;
}

function findExtension(cert: Certificate, oid: string): Extension | undefined {
  return cert.tbsCertificate.extensions?.find((ext) => ext.extnID === oid);
}

/** Decodes one extension's value, turning a bad encoding into a PkiError naming the extension. */
export function extensionValue<T>(ext: Extension | undefined, type: new () => T, what: string): T | undefined {
  if (!ext) return undefined;
  try {
    return AsnConvert.parse(ext.extnValue, type);
  } catch (err) {
    throw new PkiError(`malformed certificate: bad ${what} extension (${(err as Error).message})`);
  }
}

export function parseCertificate(der: Uint8Array): CertInfo {
  const cert = decodeCertificate(der);
  const tbs = cert.tbsCertificate;
  if (cert.signatureAlgorithm.algorithm !== ecdsaWithSHA256.algorithm) {
    throw new PkiError('unsupported signature algorithm: only ecdsa-with-SHA256 is accepted');
  }
  const basic = extensionValue(findExtension(cert, id_ce_basicConstraints), BasicConstraints, 'basic constraints');
  const san = extensionValue(findExtension(cert, id_ce_subjectAltName), SubjectAlternativeName, 'subject alt name');
  const ski = extensionValue(findExtension(cert, id_ce_subjectKeyIdentifier), SubjectKeyIdentifier, 'subject key id');
  const aki = extensionValue(findExtension(cert, id_ce_authorityKeyIdentifier), AuthorityKeyIdentifier, 'authority key id');
  return {
    der: der.slice(),
    serialHex: toHex(bytesOf(tbs.serialNumber)).replace(/^0+(?=.)/, ''),
    subject: readName(tbs.subject),
    issuer: readName(tbs.issuer),
    notBefore: timeMs(tbs.validity.notBefore),
    notAfter: timeMs(tbs.validity.notAfter),
    publicKey: readSpki(tbs.subjectPublicKeyInfo),
    isCA: basic?.cA ?? false,
    dnsNames: (san ?? []).flatMap((name) => (name.dNSName === undefined ? [] : [name.dNSName])),
    subjectKeyId: ski ? toHex(bytesOf(ski.buffer)) : '',
    authorityKeyId: aki?.keyIdentifier ? toHex(bytesOf(aki.keyIdentifier.buffer)) : '',
    tbs: bytesOf(cert.tbsCertificateRaw as ArrayBuffer),
    signature: bytesOf(cert.signatureValue),
    fingerprint: toHex(sha256(der)),
  };
}
