// Byte/text conversions the PKI needs (hex, base64, base36) without ambient globals such as
// atob/btoa, so the engine behaves the same in a page, a worker and Node.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** "AB:CD:..." as openssl prints fingerprints and key identifiers. */
export function toColonHex(bytes: Uint8Array, upper = true): string {
  const parts = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  const text = parts.join(':');
  return upper ? text.toUpperCase() : text;
}

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Decodes standard base64; returns null on any character outside the alphabet. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let pos = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[pos++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Big-endian unsigned bytes as lowercase base 36, zero-padded like Go's "%0*s" of big.Int.Text(36). */
export function base36(bytes: Uint8Array, width = 0): string {
  return bytesToBigInt(bytes).toString(36).padStart(width, '0');
}
