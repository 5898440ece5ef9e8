// PKCS#10 certificate requests. A joining node sends one; the CA keeps only its public key
// (swarmkit's CSRWhitelist), so the subject is informational.
import { CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import { bytesOf, fromDer, toDer } from './asn';
import { buildSpki, readSpki, signatureAlgorithm, signDer, verifyDer } from './keys';
import { buildName, readName } from './names';
import type { DistinguishedName, KeyPair } from './types';
import { ecdsaWithSHA256 } from '@peculiar/asn1-ecc';
import { PkiError } from './errors';

/** Like swarmkit's GenerateNewCSR: an empty subject, no attributes, signed by the node's key. */
export function createCsr(key: KeyPair, subject: DistinguishedName = { cn: '', ou: [], o: [] }): Uint8Array {
  const info = new CertificationRequestInfo({ version: 0, subject: buildName(subject), subjectPKInfo: buildSpki(key.publicKey) });
  const infoDer = toDer(info);
  const csr = new CertificationRequest({
    certificationRequestInfo: info,
    signatureAlgorithm: signatureAlgorithm(),
    signature: signDer(infoDer, key).slice().buffer,
  });
  return toDer(csr);
}

export function parseCsr(der: Uint8Array): { publicKey: Uint8Array; subject: DistinguishedName; signatureValid: boolean } {
  const csr = fromDer(der, CertificationRequest, 'CSR');
  if (!csr.certificationRequestInfoRaw) throw new PkiError('malformed CSR: no CertificationRequestInfo');
  const info = csr.certificationRequestInfo;
  const publicKey = readSpki(info.subjectPKInfo);
  const signed = bytesOf(csr.certificationRequestInfoRaw);
  const signatureValid = csr.signatureAlgorithm.algorithm === ecdsaWithSHA256.algorithm
    && verifyDer(bytesOf(csr.signature), signed, publicKey);
  return { publicKey, subject: readName(info.subject), signatureValid };
}
