// A join token cut into the parts swarmkit reads (ca/config.go ParseJoinToken), each with what it
// is for, and the digest check a joining node runs against the CA it was shown.
import type { ParsedJoinToken, SwarmRole } from './types';

export type TokenPartKey = 'prefix' | 'version' | 'digest' | 'secret';

export interface TokenPart {
  key: TokenPartKey;
  value: string;
  meaning: string;
}

export const DIGEST_MEANING = 'SHA-256 of the root CA certificate (PEM) in base 36, 50 chars - pins the CA';
export const SECRET_MEANING = '16 random bytes in base 36, 25 chars - the password for this role';

/**
 * The parts as written in the token, so the marks cover exactly the text shown: the prefix, the
 * version ("1", or "2-1" / "2-0" with the FIPS flag), the digest and the secret.
 */
export function tokenParts(token: string, parsed: ParsedJoinToken): TokenPart[] | null {
  const pieces = token.split('-');
  if (pieces.length < 4) return null;
  return [
    { key: 'prefix', value: pieces[0], meaning: 'marks a Docker swarm join token' },
    { key: 'version', value: pieces.slice(1, -2).join('-'), meaning: versionMeaning(parsed) },
    { key: 'digest', value: pieces[pieces.length - 2], meaning: DIGEST_MEANING },
    { key: 'secret', value: pieces[pieces.length - 1], meaning: SECRET_MEANING },
  ];
}

function versionMeaning(parsed: ParsedJoinToken): string {
  if (parsed.version === 1) return 'token format 1 (format 2 only when the cluster requires FIPS)';
  return `token format 2, then the FIPS flag: ${parsed.fips ? 'the cluster requires FIPS' : 'FIPS not required'}`;
}

export function roleWords(role: SwarmRole): string {
  return role === 'manager' ? 'joins as a manager (a Raft voter)' : 'joins as a worker';
}

export type DigestVerdict = 'match' | 'mismatch' | 'unchecked';

/** The engine's answer when it has one; otherwise the two digests compared here. */
export function digestVerdict(parsed: ParsedJoinToken | null, caPemDigest: string | null, caMatches: boolean | null): DigestVerdict {
  const matches = caMatches ?? (parsed && caPemDigest !== null ? parsed.digest === caPemDigest : null);
  if (matches === null) return 'unchecked';
  return matches ? 'match' : 'mismatch';
}

export const VERDICT_WORDS: Record<DigestVerdict, string> = {
  match: 'matches: the CA is the one the token pins',
  mismatch: 'remote CA does not match fingerprint',
  unchecked: 'not checked yet: this node has not been shown a CA',
};

/** `shown` split into runs that equal `expected` at the same positions and runs that differ. */
export function diffRuns(shown: string, expected: string): { text: string; same: boolean }[] {
  const runs: { text: string; same: boolean }[] = [];
  for (let i = 0; i < shown.length; i++) {
    const same = shown[i] === expected[i];
    const last = runs[runs.length - 1];
    if (last && last.same === same) last.text += shown[i];
    else runs.push({ text: shown[i], same });
  }
  return runs;
}
