// The RFC 8446 section 7.1 key schedule for TLS_AES_128_GCM_SHA256 (SHA-256 everywhere, no PSK):
// early secret from zeros, handshake secret from the ECDHE shared secret, master secret from zeros,
// each traffic secret bound to a transcript hash.
import { extract, expand } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, u16, utf8, vec8 } from './bytes';

export const HASH_LENGTH = 32;
export const KEY_LENGTH = 16;
export const IV_LENGTH = 12;

const ZEROS = new Uint8Array(HASH_LENGTH);

/** HKDF-Expand-Label (RFC 8446 section 7.1). */
export function hkdfExpandLabel(secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  const info = concat(u16(length), vec8(utf8(`tls13 ${label}`)), vec8(context));
  return expand(sha256, secret, info, length);
}

/** Derive-Secret: the context is the hash of the transcript so far, passed in already hashed. */
export function deriveSecret(secret: Uint8Array, label: string, transcriptHash: Uint8Array): Uint8Array {
  return hkdfExpandLabel(secret, label, transcriptHash, HASH_LENGTH);
}

export interface HandshakeSecrets {
  handshakeSecret: Uint8Array;
  clientHandshakeTrafficSecret: Uint8Array;
  serverHandshakeTrafficSecret: Uint8Array;
}

export interface ApplicationSecrets {
  masterSecret: Uint8Array;
  clientApplicationTrafficSecret: Uint8Array;
  serverApplicationTrafficSecret: Uint8Array;
}

/** `helloHash` is Transcript-Hash(ClientHello..ServerHello). */
export function handshakeSecrets(sharedSecret: Uint8Array, helloHash: Uint8Array): HandshakeSecrets {
  const early = extract(sha256, ZEROS, ZEROS);
  const salt = deriveSecret(early, 'derived', sha256(new Uint8Array(0)));
  const handshakeSecret = extract(sha256, sharedSecret, salt);
  return {
    handshakeSecret,
    clientHandshakeTrafficSecret: deriveSecret(handshakeSecret, 'c hs traffic', helloHash),
    serverHandshakeTrafficSecret: deriveSecret(handshakeSecret, 's hs traffic', helloHash),
  };
}

/** `serverFinishedHash` is Transcript-Hash(ClientHello..server Finished). */
export function applicationSecrets(handshakeSecret: Uint8Array, serverFinishedHash: Uint8Array): ApplicationSecrets {
  const salt = deriveSecret(handshakeSecret, 'derived', sha256(new Uint8Array(0)));
  const masterSecret = extract(sha256, ZEROS, salt);
  return {
    masterSecret,
    clientApplicationTrafficSecret: deriveSecret(masterSecret, 'c ap traffic', serverFinishedHash),
    serverApplicationTrafficSecret: deriveSecret(masterSecret, 's ap traffic', serverFinishedHash),
  };
}

export interface TrafficKeys {
  key: Uint8Array;
  iv: Uint8Array;
}

export function trafficKeys(trafficSecret: Uint8Array): TrafficKeys {
  return {
    key: hkdfExpandLabel(trafficSecret, 'key', new Uint8Array(0), KEY_LENGTH),
    iv: hkdfExpandLabel(trafficSecret, 'iv', new Uint8Array(0), IV_LENGTH),
  };
}

/** Finished.verify_data (RFC 8446 section 4.4.4) from a handshake traffic secret. */
export function finishedVerifyData(trafficSecret: Uint8Array, transcriptHash: Uint8Array): Uint8Array {
  const finishedKey = hkdfExpandLabel(trafficSecret, 'finished', new Uint8Array(0), HASH_LENGTH);
  return hmac(sha256, finishedKey, transcriptHash);
}

/** The next application traffic secret after a KeyUpdate (RFC 8446 section 7.2). */
export function nextTrafficSecret(trafficSecret: Uint8Array): Uint8Array {
  return hkdfExpandLabel(trafficSecret, 'traffic upd', new Uint8Array(0), HASH_LENGTH);
}
