// CertificateVerify (RFC 8446 section 4.4.3): ECDSA P-256 with SHA-256 over 64 spaces, a context
// string naming the signer's role, a zero byte and the transcript hash, DER-encoded on the wire.
import { p256 } from '@noble/curves/nist.js';
import { concat, utf8 } from './bytes';

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
