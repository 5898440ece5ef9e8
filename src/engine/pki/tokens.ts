// Join tokens (swarmkit ca/config.go GenerateJoinToken / ParseJoinToken).
// SWMTKN-1-<sha256 of the root PEM bundle, base 36, 50 chars>-<16 random bytes, base 36, 25 chars>
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Rng } from '../core/prng';
import { base36 } from './encoding';
import { JoinTokenError } from './errors';
import type { ParsedJoinToken } from './types';

const DIGEST_LENGTH = 50; // ceil(log36(2^256))
const SECRET_LENGTH = 25; // ceil(log36(2^128))
const SECRET_BYTES = 16;
const INVALID = 'invalid join token';
const BASE36 = /^[0-9a-zA-Z]+$/;

/** The token's digest part: SHA-256 over the whole PEM bundle as the CA serves it. */
export function rootDigest(rootPemBundle: string): string {
  return base36(sha256(utf8ToBytes(rootPemBundle)), DIGEST_LENGTH);
}

export function generateJoinToken(rootPemBundle: string, rng: Rng): string {
  const secret = base36(rng.bytes(SECRET_BYTES), SECRET_LENGTH);
  return `SWMTKN-1-${rootDigest(rootPemBundle)}-${secret}`;
}

/** Every structural fault gets swarmkit's single message; the digest must also fit in 256 bits. */
export function parseJoinToken(token: string): ParsedJoinToken {
  const parts = token.split('-');
  const n = parts.length;
  if (n < 4 || parts[0] !== 'SWMTKN') throw new JoinTokenError(INVALID);
  let version: 1 | 2;
  let fips = false;
  if (parts[1] === '1' && n === 4) version = 1;
  else if (parts[1] === '2' && n === 5 && (parts[2] === '0' || parts[2] === '1')) {
    version = 2;
    fips = parts[2] === '1';
  } else throw new JoinTokenError(INVALID);
  const secret = parts[n - 1];
  const digest = parts[n - 2];
  if (digest.length !== DIGEST_LENGTH || secret.length !== SECRET_LENGTH) throw new JoinTokenError(INVALID);
  // Go leaves a digest with non-base-36 characters unparsed and fails later with a fingerprint
  // mismatch; refusing it here gives the same outcome sooner. Over 256 bits, digest.Parse refuses.
  if (!BASE36.test(digest)) throw new JoinTokenError(INVALID);
  if (digestValue(digest) >> 256n !== 0n) throw new JoinTokenError('invalid checksum digest length');
  return { version, digest: digest.toLowerCase(), secret, fips };
}

function digestValue(digest: string): bigint {
  let n = 0n;
  for (const ch of digest.toLowerCase()) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
}

/** Whether the root bundle is the one the token pins (what the joining node checks). */
export function tokenMatchesRoot(token: ParsedJoinToken, rootPemBundle: string): boolean {
  return token.digest === rootDigest(rootPemBundle);
}
