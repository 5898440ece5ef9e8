// Ephemeral ECDHE for the two groups offered (x25519 by default, secp256r1 as the alternative).
// Private keys come only from the connection's RandomSource so a seed replays the same handshake.
import { x25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { fail, TlsAlertError } from './alerts';
import { GROUP_CODES } from './extensions';
import type { RandomSource, TlsGroup } from './types';

export interface EphemeralKey {
  group: TlsGroup;
  code: number;
  privateKey: Uint8Array;
  /** The key_exchange bytes: 32-byte u-coordinate, or a 65-byte uncompressed P-256 point. */
  publicKey: Uint8Array;
}

/** Bounded so a broken random source fails loudly instead of looping. */
const MAX_KEY_ATTEMPTS = 16;

export function generateEphemeral(group: TlsGroup, random: RandomSource): EphemeralKey {
  if (group === 'x25519') {
    const privateKey = random.bytes(32);
    return { group, code: GROUP_CODES.x25519, privateKey, publicKey: x25519.getPublicKey(privateKey) };
  }
  for (let i = 0; i < MAX_KEY_ATTEMPTS; i++) {
    const privateKey = random.bytes(32);
    // A scalar of zero or >= n is not a key; redraw (probability about 2^-32 per draw).
    if (!p256.utils.isValidSecretKey(privateKey)) continue;
    return { group, code: GROUP_CODES.secp256r1, privateKey, publicKey: p256.getPublicKey(privateKey, false) };
  }
  throw new Error('generateEphemeral: the random source gave no valid P-256 scalar');
}

export function groupFromCode(code: number): TlsGroup | null {
  if (code === GROUP_CODES.x25519) return 'x25519';
  if (code === GROUP_CODES.secp256r1) return 'secp256r1';
  return null;
}

/** The ECDHE shared secret (RFC 8446 section 7.4): x25519 output, or the P-256 x-coordinate. */
export function sharedSecret(own: EphemeralKey, peerKey: Uint8Array): Uint8Array {
  try {
    if (own.group === 'x25519') {
      if (peerKey.length !== 32) fail('illegal_parameter', 'x25519 key share is not 32 bytes');
      return x25519.getSharedSecret(own.privateKey, peerKey);
    }
    if (peerKey.length !== 65 || peerKey[0] !== 4) fail('illegal_parameter', 'secp256r1 key share is not an uncompressed point');
    return p256.getSharedSecret(own.privateKey, peerKey, true).subarray(1);
  } catch (e) {
    if (e instanceof TlsAlertError) throw e;
    return fail('illegal_parameter', `the peer's ${own.group} key share is not a valid public key`);
  }
}
