// Text formats for the security views: byte and hex layouts, and durations in words.

const UNITS: [suffix: string, ms: number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** Lowercase hex, no separators. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The first `max` bytes as spaced hex pairs ("16 03 01"), and how many bytes were left out. */
export function spacedHex(bytes: Uint8Array, max: number): { text: string; more: number } {
  const shown = bytes.subarray(0, Math.max(0, max));
  const pairs = Array.from(shown, (b) => b.toString(16).padStart(2, '0'));
  return { text: pairs.join(' '), more: bytes.length - shown.length };
}

/** A hex digest the way `openssl x509 -fingerprint` prints it: upper case, colon between bytes. */
export function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

/** Long hex cut to its first `keep` characters and an ellipsis; short hex unchanged. */
export function truncateHex(hex: string, keep: number): string {
  return hex.length > keep ? `${hex.slice(0, keep)}…` : hex;
}

/**
 * A span as its two largest units, floored: "89 d 23 h", "2 h", "5 m 3 s". A zero second unit is
 * dropped because "2 h 0 m" reads as more precise than it is.
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const first = UNITS.findIndex(([, size]) => abs >= size);
  if (first < 0) return '0 s';
  const [unit, size] = UNITS[first];
  const whole = Math.floor(abs / size);
  const words = `${whole} ${unit}`;
  const next = UNITS[first + 1];
  if (!next) return words;
  const rest = Math.floor((abs - whole * size) / next[1]);
  return rest > 0 ? `${words} ${rest} ${next[0]}` : words;
}

export type Validity = 'valid' | 'expired' | 'not yet valid';

/** Where virtual time `nowMs` sits in a certificate's validity, in words. */
export function validityWords(notBefore: number, notAfter: number, nowMs: number): { status: Validity; words: string } {
  if (nowMs < notBefore) return { status: 'not yet valid', words: `not valid for another ${formatDuration(notBefore - nowMs)}` };
  if (nowMs > notAfter) return { status: 'expired', words: `expired ${formatDuration(nowMs - notAfter)} ago` };
  return { status: 'valid', words: `expires in ${formatDuration(notAfter - nowMs)}` };
}

/** Epoch ms as "2026-08-30 02:39:00 UTC", the zone that certificates use. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Hex strings (digests, key ids, serials, key bytes) get a monospace face so their columns line up. */
export function looksLikeHex(value: string): boolean {
  return /^(?:[0-9a-f]{2}[: ])+[0-9a-f]{2}$/i.test(value) || /^(?:0x)?[0-9a-f]{16,}$/i.test(value);
}
