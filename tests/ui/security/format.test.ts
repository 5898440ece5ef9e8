// Byte and time formats of the security views.
import { describe, expect, it } from 'vitest';
import { colonHex, formatDuration, formatUtc, looksLikeHex, spacedHex, toHex, truncateHex, validityWords } from '../../../src/ui/views/security/format';

const H = 3_600_000;
const D = 24 * H;

describe('durations in words', () => {
  it('keeps the two largest units, floored, and drops a zero second unit', () => {
    expect(formatDuration(89 * D + 23 * H + 59 * 60_000)).toBe('89 d 23 h');
    expect(formatDuration(2 * H)).toBe('2 h');
    expect(formatDuration(2 * H + 59_999)).toBe('2 h');
    expect(formatDuration(5 * 60_000 + 3_400)).toBe('5 m 3 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(999)).toBe('0 s');
    expect(formatDuration(-3 * D)).toBe('3 d');
  });

  it('places virtual time in a validity window', () => {
    const notBefore = 1_000 * D - H;
    const notAfter = 1_000 * D + 90 * D;
    expect(validityWords(notBefore, notAfter, 1_000 * D + H)).toEqual({ status: 'valid', words: 'expires in 89 d 23 h' });
    expect(validityWords(notBefore, notAfter, notAfter + 2 * H)).toEqual({ status: 'expired', words: 'expired 2 h ago' });
    expect(validityWords(notBefore, notAfter, notBefore - 30 * 60_000)).toEqual({ status: 'not yet valid', words: 'not valid for another 30 m' });
    expect(validityWords(notBefore, notAfter, notAfter)).toEqual({ status: 'valid', words: 'expires in 0 s' });
  });

  it('writes absolute times in UTC', () => {
    expect(formatUtc(Date.UTC(2026, 7, 30, 2, 39, 0))).toBe('2026-08-30 02:39:00 UTC');
  });
});

describe('hex', () => {
  const bytes = Uint8Array.from([0x16, 0x03, 0x03, 0x00, 0xff, 0x0a]);

  it('spaces bytes and counts what was cut', () => {
    expect(toHex(bytes)).toBe('16030300ff0a');
    expect(spacedHex(bytes, 4)).toEqual({ text: '16 03 03 00', more: 2 });
    expect(spacedHex(bytes, 10)).toEqual({ text: '16 03 03 00 ff 0a', more: 0 });
    expect(spacedHex(new Uint8Array(0), 4)).toEqual({ text: '', more: 0 });
  });

  it('prints fingerprints like openssl and truncates long hex', () => {
    expect(colonHex('ab01ff')).toBe('AB:01:FF');
    expect(truncateHex('0123456789abcdef0123', 16)).toBe('0123456789abcdef…');
    expect(truncateHex('0123', 16)).toBe('0123');
  });

  it('tells hex values from words', () => {
    expect(looksLikeHex('3a:7f:00')).toBe(true);
    expect(looksLikeHex('04a1b2c3d4e5f60718')).toBe(true);
    expect(looksLikeHex('swarm-manager')).toBe(false);
    expect(looksLikeHex('ecdsa-with-SHA256')).toBe(false);
    expect(looksLikeHex('2026')).toBe(false);
  });
});
