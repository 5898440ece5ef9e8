import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import {
  generateJoinToken, JoinTokenError, newId, parseJoinToken, rootDigest, toPem, tokenMatchesRoot,
} from '../../../src/engine/pki';
import { makeRoot } from './helpers';

describe('newId (identity.NewID)', () => {
  it('is 25 base-36 characters, deterministic per seed', () => {
    const a = newId(new Rng(42));
    expect(a).toMatch(/^[0-9a-z]{25}$/);
    expect(newId(new Rng(42))).toBe(a);
    expect(newId(new Rng(43))).not.toBe(a);
  });

  it('gives 1000 distinct ids from one stream', () => {
    const rng = new Rng(1);
    const ids = Array.from({ length: 1000 }, () => newId(rng));
    expect(ids.every((id) => /^[0-9a-z]{25}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(1000);
  });

  it('is characters [1,26) of the base-36 text of the 17 bytes with the top bit set', () => {
    const bytes = new Rng(5).bytes(17);
    bytes[0] |= 0x80;
    const text = BigInt(`0x${Buffer.from(bytes).toString('hex')}`).toString(36);
    expect(text).toHaveLength(27);
    expect(newId(new Rng(5))).toBe(text.slice(1, 26));
  });
});

describe('join tokens', () => {
  const caPem = toPem(makeRoot(1).cert, 'CERTIFICATE');
  const otherPem = toPem(makeRoot(2).cert, 'CERTIFICATE');
  const expectedDigest = BigInt(`0x${createHash('sha256').update(caPem, 'utf8').digest('hex')}`).toString(36).padStart(50, '0');

  it('has the v1 layout with the digest of the PEM bundle', () => {
    const token = generateJoinToken(caPem, new Rng(9));
    expect(token).toHaveLength(85);
    expect(token).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
    expect(token.slice(9, 59)).toBe(expectedDigest);
    expect(rootDigest(caPem)).toBe(expectedDigest);
  });

  it('encodes 16 stream bytes as the secret, zero-padded to 25', () => {
    const secretBytes = new Rng(9).bytes(16);
    const secret = BigInt(`0x${Buffer.from(secretBytes).toString('hex')}`).toString(36).padStart(25, '0');
    expect(generateJoinToken(caPem, new Rng(9)).slice(60)).toBe(secret);
  });

  it('differs in the secret only between two tokens of one root', () => {
    const rng = new Rng(3);
    const worker = parseJoinToken(generateJoinToken(caPem, rng));
    const manager = parseJoinToken(generateJoinToken(caPem, rng));
    expect(worker.digest).toBe(manager.digest);
    expect(worker.secret).not.toBe(manager.secret);
    expect(worker).toMatchObject({ version: 1, fips: false });
  });

  it('parses the docs example token', () => {
    const t = parseJoinToken('SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx');
    expect(t).toEqual({
      version: 1, digest: '3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl', secret: '1awxwuwd3z9j1z3puu7rcgdbx', fips: false,
    });
  });

  it('parses v2 tokens and their FIPS flag', () => {
    const v1 = generateJoinToken(caPem, new Rng(4));
    const rest = v1.slice('SWMTKN-1-'.length);
    expect(parseJoinToken(`SWMTKN-2-1-${rest}`)).toMatchObject({ version: 2, fips: true });
    expect(parseJoinToken(`SWMTKN-2-0-${rest}`)).toMatchObject({ version: 2, fips: false });
  });

  it.each([
    ['wrong prefix', (t: string) => t.replace('SWMTKN', 'SWMTKX')],
    ['wrong version', (t: string) => t.replace('SWMTKN-1-', 'SWMTKN-3-')],
    ['v2 with a bad FIPS flag', (t: string) => t.replace('SWMTKN-1-', 'SWMTKN-2-7-')],
    ['v1 with five parts', (t: string) => `${t}-extra`],
    ['short digest', (t: string) => t.slice(0, 20) + t.slice(21)],
    ['short secret', (t: string) => t.slice(0, -1)],
    ['too few parts', (t: string) => t.slice(0, 59)],
    ['digest with a non base-36 character', (t: string) => `${t.slice(0, 20)}_${t.slice(21)}`],
  ])('rejects a token with %s as "invalid join token"', (_, mutate) => {
    const bad = mutate(generateJoinToken(caPem, new Rng(8)));
    expect(() => parseJoinToken(bad)).toThrow(JoinTokenError);
    expect(() => parseJoinToken(bad)).toThrow(/^invalid join token$/);
  });

  it('rejects a digest above 2^256 as digest.Parse does', () => {
    const bad = `SWMTKN-1-${'z'.repeat(50)}-${'1'.repeat(25)}`;
    expect(() => parseJoinToken(bad)).toThrow(/^invalid checksum digest length$/);
  });

  it('matches only the root it was made for', () => {
    const parsed = parseJoinToken(generateJoinToken(caPem, new Rng(6)));
    expect(tokenMatchesRoot(parsed, caPem)).toBe(true);
    expect(tokenMatchesRoot(parsed, otherPem)).toBe(false);
    expect(tokenMatchesRoot(parsed, caPem + caPem)).toBe(false);
  });
});
