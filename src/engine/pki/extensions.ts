// The X.509v3 extensions swarm certificates carry, encoded as Go's crypto/x509 does
// (buildCertExtensions): key usage and basic constraints critical, the rest not.
import { sha1 } from '@noble/hashes/legacy.js';
import { BitString, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, Extension, GeneralName, KeyIdentifier,
  SubjectAlternativeName, SubjectKeyIdentifier, id_ce_authorityKeyIdentifier, id_ce_basicConstraints,
  id_ce_extKeyUsage, id_ce_keyUsage, id_ce_subjectAltName, id_ce_subjectKeyIdentifier, id_kp_clientAuth,
  id_kp_serverAuth,
} from '@peculiar/asn1-x509';
import { toDer } from './asn';

/** KeyUsage bit numbers (RFC 5280 4.2.1.3); bit 0 is the most significant bit of the first byte. */
export const KU = {
  digitalSignature: 0, nonRepudiation: 1, keyEncipherment: 2, dataEncipherment: 3, keyAgreement: 4,
  keyCertSign: 5, cRLSign: 6, encipherOnly: 7, decipherOnly: 8,
} as const;

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(toDer(value)) });
}

/** Go's marshalKeyUsage: only as many bytes as the highest set bit needs, unused bits counted. */
export function keyUsageExtension(bits: number[]): Extension {
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  const unused = 7 - (highest & 7);
  return extension(id_ce_keyUsage, true, new BitString(bytes, unused));
}

export function extKeyUsageServerClient(): Extension {
  return extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage([id_kp_serverAuth, id_kp_clientAuth]));
}

/** CA:FALSE encodes as an empty SEQUENCE (the DEFAULT is omitted); Go marks it critical either way. */
export function basicConstraintsExtension(isCA: boolean): Extension {
  return extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: isCA }));
}

export function subjectKeyIdExtension(keyId: Uint8Array): Extension {
  return extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
}

export function authorityKeyIdExtension(keyId: Uint8Array): Extension {
  return extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId) }));
}

export function dnsSanExtension(names: string[]): Extension {
  return extension(id_ce_subjectAltName, false, new SubjectAlternativeName(names.map((dNSName) => new GeneralName({ dNSName }))));
}

/** cfssl's ComputeSKI (and Go's default): SHA-1 of the subjectPublicKey BIT STRING contents. */
export function keyIdentifier(publicKey: Uint8Array): Uint8Array {
  return sha1(publicKey);
}
