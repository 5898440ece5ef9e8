// CertificateVerify (RFC 8446 section 4.4.3): ECDSA P-256 with SHA-256 over 64 spaces, a context
// string naming the signer's role, a zero byte and the transcript hash, DER-encoded on the wire.
import { p256 } from '@noble/curves/nist.js';
import { fail } from './alerts';
import { concat, utf8 } from './bytes';
import { ECDSA_SECP256R1_SHA256 } from './extensions';
import { decodeCertificateVerify } from './messages';

export type Signer = 'server' | 'client';

export function signedContent(signer: Signer, transcriptHash: Uint8Array): Uint8Array {
  const context = utf8(`TLS 1.3, ${signer} CertificateVerify`);
  return concat(new Uint8Array(64).fill(0x20), context, Uint8Array.of(0), transcriptHash);
}

/** noble hashes the content itself (prehash), which is exactly the SHA-256 TLS asks for. */
export function signCertificateVerify(signer: Signer, transcriptHash: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return p256.sign(signedContent(signer, transcriptHash), privateKey, { format: 'der' });
}

/** OpenSSL's signatures are often high-S, which is valid ECDSA: accept both halves. */
export function verifyCertificateVerify(
  signer: Signer,
  transcriptHash: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return p256.verify(signature, signedContent(signer, transcriptHash), publicKey, { format: 'der', lowS: false });
  } catch {
    return false;
  }
}

/** The peer's CertificateVerify: our one signature scheme, signed by the key of its certificate. */
export function checkCertificateVerify(signer: Signer, body: Uint8Array, transcriptHash: Uint8Array, publicKey: Uint8Array): void {
  const cv = decodeCertificateVerify(body);
  if (cv.algorithm !== ECDSA_SECP256R1_SHA256) fail('illegal_parameter', `the ${signer} signed with an algorithm we did not offer`);
  if (!verifyCertificateVerify(signer, transcriptHash, cv.signature, publicKey)) {
    fail('decrypt_error', "CertificateVerify signature does not match the certificate's key");
  }
}
