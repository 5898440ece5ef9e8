// Byte helpers for TLS presentation-language structures: big-endian integers and length-prefixed
// vectors. The reader checks every bound so a malformed message is a decode_error, never a crash.
import { fail } from './alerts';

export function concat(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function u8(n: number): Uint8Array {
  return Uint8Array.of(n & 0xff);
}

export function u16(n: number): Uint8Array {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}

export function u24(n: number): Uint8Array {
  return Uint8Array.of((n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

export function vec8(body: Uint8Array): Uint8Array {
  return concat(u8(body.length), body);
}

export function vec16(body: Uint8Array): Uint8Array {
  return concat(u16(body.length), body);
}

export function vec24(body: Uint8Array): Uint8Array {
  return concat(u24(body.length), body);
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Reads one structure; `what` names it in decode_error reasons. */
export class Reader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  take(n: number): Uint8Array {
    if (n > this.remaining) fail('decode_error', `${this.what} is truncated`);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  u8(): number {
    return this.take(1)[0];
  }

  u16(): number {
    const b = this.take(2);
    return (b[0] << 8) | b[1];
  }

  u24(): number {
    const b = this.take(3);
    return (b[0] << 16) | (b[1] << 8) | b[2];
  }

  vec8(): Uint8Array {
    return this.take(this.u8());
  }

  vec16(): Uint8Array {
    return this.take(this.u16());
  }

  vec24(): Uint8Array {
    return this.take(this.u24());
  }

  /** Every structure must be consumed exactly; trailing bytes mean the peer and we disagree. */
  end(): void {
    if (this.remaining !== 0) fail('decode_error', `${this.what} has ${this.remaining} trailing bytes`);
  }
}

/** Reads a vector of u16 values (cipher suites, groups, signature schemes, versions). */
export function readU16List(body: Uint8Array, what: string): number[] {
  const r = new Reader(body, what);
  if (body.length % 2 !== 0) fail('decode_error', `${what} has an odd length`);
  const out: number[] = [];
  while (r.remaining > 0) out.push(r.u16());
  return out;
}

export function encodeU16List(values: number[]): Uint8Array {
  return concat(...values.map(u16));
}
