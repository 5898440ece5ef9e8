// The certificate inspector's view: every field decoded from the DER, named and worded as
// `openssl x509 -text` prints it so students can compare the two side by side.
import { sha256 } from '@noble/hashes/sha2.js';
import { ECParameters, id_secp256r1 } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectAlternativeName, SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import type { Certificate, Extension } from '@peculiar/asn1-x509';
import { bytesOf, isoUtc, timeMs } from './asn';
import { toColonHex, toHex } from './encoding';
import { KU } from './extensions';
import { nameText } from './names';
import { decodeCertificate, extensionValue } from './parse';
import type { CertField } from './types';

const OID_NAMES: Record<string, string> = {
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.3.6.1.5.5.7.3.1': 'TLS Web Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication',
};
const KU_NAMES: [number, string][] = [
  [KU.digitalSignature, 'Digital Signature'], [KU.nonRepudiation, 'Non Repudiation'],
  [KU.keyEncipherment, 'Key Encipherment'], [KU.dataEncipherment, 'Data Encipherment'],
  [KU.keyAgreement, 'Key Agreement'], [KU.keyCertSign, 'Certificate Sign'], [KU.cRLSign, 'CRL Sign'],
  [KU.encipherOnly, 'Encipher Only'], [KU.decipherOnly, 'Decipher Only'],
];

type Decoder = { name: string; decode: (ext: Extension) => string };
const DECODERS: Record<string, Decoder> = {
  '2.5.29.15': { name: 'Key Usage', decode: keyUsageText },
  '2.5.29.37': {
    name: 'Extended Key Usage',
    decode: (e) => Array.from(extensionValue(e, ExtendedKeyUsage, 'EKU') ?? [], (o) => OID_NAMES[o] ?? o).join(', '),
  },
  '2.5.29.19': { name: 'Basic Constraints', decode: basicConstraintsText },
  '2.5.29.14': {
    name: 'Subject Key Identifier',
    decode: (e) => toColonHex(bytesOf((extensionValue(e, SubjectKeyIdentifier, 'SKI') as SubjectKeyIdentifier).buffer)),
  },
  '2.5.29.35': { name: 'Authority Key Identifier', decode: akiText },
  '2.5.29.17': { name: 'Subject Alternative Name', decode: sanText },
};

function keyUsageText(ext: Extension): string {
  const bits = extensionValue(ext, KeyUsage, 'key usage') as KeyUsage;
  const bytes = bytesOf(bits.value);
  const set = (bit: number) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
  return KU_NAMES.filter(([bit]) => set(bit)).map(([, name]) => name).join(', ');
}

function basicConstraintsText(ext: Extension): string {
  const bc = extensionValue(ext, BasicConstraints, 'basic constraints') as BasicConstraints;
  const path = bc.pathLenConstraint === undefined ? '' : `, pathlen:${bc.pathLenConstraint}`;
  return `CA:${bc.cA ? 'TRUE' : 'FALSE'}${path}`;
}

function akiText(ext: Extension): string {
  const aki = extensionValue(ext, AuthorityKeyIdentifier, 'AKI') as AuthorityKeyIdentifier;
  return aki.keyIdentifier ? toColonHex(bytesOf(aki.keyIdentifier.buffer)) : '(no key identifier)';
}

function sanText(ext: Extension): string {
  const names = extensionValue(ext, SubjectAlternativeName, 'SAN') ?? [];
  return Array.from(names, (n) => (n.dNSName !== undefined ? `DNS:${n.dNSName}` : n.iPAddress ? `IP:${n.iPAddress}` : '(other name)')).join(', ');
}

function extensionField(ext: Extension): CertField {
  const known = DECODERS[ext.extnID];
  const value = known ? known.decode(ext) : toColonHex(bytesOf(ext.extnValue.buffer));
  return {
    name: known?.name ?? ext.extnID,
    value,
    children: [
      { name: 'Critical', value: ext.critical ? 'yes' : 'no' },
      { name: 'OID', value: ext.extnID },
    ],
  };
}

function publicKeyField(cert: Certificate): CertField {
  const spki = cert.tbsCertificate.subjectPublicKeyInfo;
  const params = spki.algorithm.parameters ? AsnConvert.parse(spki.algorithm.parameters, ECParameters) : undefined;
  const curve = params?.namedCurve === id_secp256r1 ? 'P-256 (prime256v1)' : (params?.namedCurve ?? 'none');
  const algorithm = OID_NAMES[spki.algorithm.algorithm] ?? spki.algorithm.algorithm;
  return {
    name: 'Subject Public Key Info',
    value: `${algorithm} ${curve}`,
    children: [
      { name: 'Algorithm', value: algorithm },
      { name: 'Curve', value: curve },
      { name: 'Public Key', value: toHex(bytesOf(spki.subjectPublicKey)) },
    ],
  };
}

export function describeCertificate(der: Uint8Array): CertField[] {
  const cert = decodeCertificate(der);
  const tbs = cert.tbsCertificate;
  const sigAlg = OID_NAMES[cert.signatureAlgorithm.algorithm] ?? cert.signatureAlgorithm.algorithm;
  const extensions = tbs.extensions ?? [];
  return [
    { name: 'Version', value: `${tbs.version + 1} (0x${tbs.version.toString(16)})` },
    { name: 'Serial Number', value: toColonHex(bytesOf(tbs.serialNumber), false) },
    { name: 'Signature Algorithm', value: sigAlg },
    { name: 'Issuer', value: nameText(tbs.issuer) },
    {
      name: 'Validity',
      value: `${isoUtc(timeMs(tbs.validity.notBefore))} to ${isoUtc(timeMs(tbs.validity.notAfter))}`,
      children: [
        { name: 'Not Before', value: isoUtc(timeMs(tbs.validity.notBefore)) },
        { name: 'Not After', value: isoUtc(timeMs(tbs.validity.notAfter)) },
      ],
    },
    { name: 'Subject', value: nameText(tbs.subject) },
    publicKeyField(cert),
    { name: 'Extensions', value: `${extensions.length}`, children: extensions.map(extensionField) },
    {
      name: 'Signature',
      value: sigAlg,
      children: [
        { name: 'Algorithm', value: sigAlg },
        { name: 'Value', value: toHex(bytesOf(cert.signatureValue)) },
      ],
    },
    { name: 'SHA-256 Fingerprint', value: toColonHex(sha256(der)) },
  ];
}
