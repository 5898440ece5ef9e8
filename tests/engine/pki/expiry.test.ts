import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { certExpiryError, goDuration, parseCertificate, renewalDelayMs } from '../../../src/engine/pki';
import { DAY, HOUR, makeLeaf, makeRoot, NOW } from './helpers';

describe('certExpiryError (UpdateCluster)', () => {
  it("uses swarmkit's text with Go's duration format", () => {
    expect(certExpiryError(59 * 60_000)).toBe('minimum certificate expiry time is: 1h0m0s');
    expect(certExpiryError(HOUR - 1)).toBe('minimum certificate expiry time is: 1h0m0s');
    expect(certExpiryError(HOUR)).toBeNull();
    expect(certExpiryError(90 * DAY)).toBeNull();
  });

  it('formats durations as Go does', () => {
    expect(goDuration(0)).toBe('0s');
    expect(goDuration(250)).toBe('250ms');
    expect(goDuration(1500)).toBe('1.5s');
    expect(goDuration(150_000)).toBe('2m30s');
    expect(goDuration(2160 * HOUR)).toBe('2160h0m0s');
  });
});

describe('renewalDelayMs (calculateRandomExpiry)', () => {
  const cert = parseCertificate(makeLeaf(makeRoot(1), 'worker').cert);
  const span = cert.notAfter - cert.notBefore;

  it('falls in [50%, 80%) of the span from NotBefore, in whole minutes, for 2000 seeds', () => {
    expect(span).toBe(90 * DAY + HOUR);
    const offsets = new Set<number>();
    for (let seed = 0; seed < 2000; seed++) {
      const delay = renewalDelayMs(cert, NOW, new Rng(seed));
      const fromNotBefore = delay + HOUR; // NotBefore is an hour before issuance
      expect(fromNotBefore % 60_000).toBe(0);
      expect(fromNotBefore).toBeGreaterThanOrEqual(Math.trunc((span / 60_000) * 0.5) * 60_000);
      expect(fromNotBefore).toBeLessThan(Math.trunc((span / 60_000) * 0.8) * 60_000);
      offsets.add(fromNotBefore);
    }
    expect(offsets.size).toBeGreaterThan(1900);
  });

  it('spreads over the whole window', () => {
    const fractions = Array.from({ length: 2000 }, (_, seed) => (renewalDelayMs(cert, NOW, new Rng(seed)) + HOUR) / span);
    expect(Math.min(...fractions)).toBeLessThan(0.51);
    expect(Math.max(...fractions)).toBeGreaterThan(0.79);
  });

  it('counts from NotBefore, not from now', () => {
    const later = NOW + 10 * DAY;
    expect(renewalDelayMs(cert, later, new Rng(1))).toBe(renewalDelayMs(cert, NOW, new Rng(1)) - 10 * DAY);
  });

  it('is zero once the window has passed or the certificate expired', () => {
    expect(renewalDelayMs(cert, NOW + 80 * DAY, new Rng(1))).toBe(0);
    expect(renewalDelayMs(cert, cert.notAfter + DAY, new Rng(1))).toBe(0);
  });

  it('is deterministic per seed', () => {
    expect(renewalDelayMs(cert, NOW, new Rng(77))).toBe(renewalDelayMs(cert, NOW, new Rng(77)));
  });
});
