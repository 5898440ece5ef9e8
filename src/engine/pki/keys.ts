// P-256 keys: generation from the seeded stream, SubjectPublicKeyInfo, PKCS#8, and the
// ecdsa-with-SHA256 signatures every swarm certificate and CSR carries.
import { p256 } from '@noble/curves/nist.js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ECParameters, ECPrivateKey, ecdsaWithSHA256, id_ecPublicKey, id_secp256r1 } from '@peculiar/asn1-ecc';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { Rng } from '../core/prng';
import { bytesOf, fromDer, toDer } from './asn';
import { PkiError } from './errors';
import type { KeyPair } from './types';

const MAX_KEYGEN_TRIES = 64;

/** A P-256 key from 32 stream bytes; a scalar outside [1, n) (odds about 2^-32) draws again. */
export function generateKeyPair(rng: Rng): KeyPair {
  for (let i = 0; i < MAX_KEYGEN_TRIES; i++) {
    const privateKey = rng.bytes(32);
    if (p256.utils.isValidSecretKey(privateKey)) return keyPairFromPrivate(privateKey);
  }
  throw new PkiError('key generation drew no valid P-256 scalar');
}

export function keyPairFromPrivate(privateKey: Uint8Array): KeyPair {
  return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

/** The namedCurve OID as the DER the AlgorithmIdentifier parameters hold. */
function curveParams(): ArrayBuffer {
  return AsnConvert.serialize(new ECParameters({ namedCurve: id_secp256r1 }));
}

function ecAlgorithm(): AlgorithmIdentifier {
  return new AlgorithmIdentifier({ algorithm: id_ecPublicKey, parameters: curveParams() });
}

export function buildSpki(publicKey: Uint8Array): SubjectPublicKeyInfo {
  return new SubjectPublicKeyInfo({ algorithm: ecAlgorithm(), subjectPublicKey: publicKey.slice().buffer });
}

/** The 65-byte point from a SubjectPublicKeyInfo; anything but a P-256 EC key is refused. */
export function readSpki(spki: SubjectPublicKeyInfo): Uint8Array {
  const params = spki.algorithm.parameters ? bytesOf(spki.algorithm.parameters) : new Uint8Array();
  const curve = params.length ? AsnConvert.parse(params, ECParameters).namedCurve : undefined;
  if (spki.algorithm.algorithm !== id_ecPublicKey || curve !== id_secp256r1) {
    throw new PkiError('unsupported public key: only ECDSA P-256 keys are accepted');
  }
  const point = bytesOf(spki.subjectPublicKey);
  if (!p256.utils.isValidPublicKey(point, false)) throw new PkiError('invalid P-256 public key');
  return point;
}

/**
 * PKCS#8 as Go's x509.MarshalPKCS8PrivateKey writes an EC key (and swarmkit's key files hold):
 * the curve in the outer AlgorithmIdentifier, an ECPrivateKey without parameters but with the
 * public key inside.
 */
export function encodePkcs8PrivateKey(kp: KeyPair): Uint8Array {
  const inner = new ECPrivateKey({
    version: 1,
    privateKey: new OctetString(kp.privateKey),
    publicKey: kp.publicKey.slice().buffer,
  });
  const info = new PrivateKeyInfo({ privateKeyAlgorithm: ecAlgorithm(), privateKey: new OctetString(toDer(inner)) });
  return toDer(info);
}

export function decodePkcs8PrivateKey(der: Uint8Array): KeyPair {
  const info = fromDer(der, PrivateKeyInfo, 'PKCS#8 key');
  if (info.privateKeyAlgorithm.algorithm !== id_ecPublicKey) throw new PkiError('unsupported private key type');
  const inner = fromDer(bytesOf(info.privateKey.buffer), ECPrivateKey, 'EC private key');
  const privateKey = bytesOf(inner.privateKey.buffer);
  if (!p256.utils.isValidSecretKey(privateKey)) throw new PkiError('invalid P-256 private key');
  return keyPairFromPrivate(privateKey);
}

export function signatureAlgorithm(): AlgorithmIdentifier {
  return new AlgorithmIdentifier({ algorithm: ecdsaWithSHA256.algorithm });
}

/** DER ECDSA over SHA-256 of the message (noble hashes it; RFC 6979 keeps runs reproducible). */
export function signDer(message: Uint8Array, key: KeyPair): Uint8Array {
  return p256.sign(message, key.privateKey, { format: 'der' });
}

/** Accepts high-S signatures too: OpenSSL and Go do not normalise S. */
export function verifyDer(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return p256.verify(signature, message, publicKey, { format: 'der', lowS: false });
  } catch {
    return false;
  }
}
