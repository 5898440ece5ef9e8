// Thin glue over @peculiar/asn1-schema: DER in and out as Uint8Array, parse failures as PkiError,
// and the INTEGER and time encodings Go's encoding/asn1 produces.
import { AsnConvert } from '@peculiar/asn1-schema';
import { Time } from '@peculiar/asn1-x509';
import { PkiError } from './errors';

type Ctor<T> = new () => T;

export function toDer(value: unknown): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(value));
}

export function bytesOf(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

/** Parses DER into a schema class; trailing bytes or any decoding error is a PkiError. */
export function fromDer<T>(der: Uint8Array, type: Ctor<T>, what: string): T {
  if (tlvLength(der) !== der.length) throw new PkiError(`malformed ${what}: bad DER length`);
  try {
    return AsnConvert.parse(der, type);
  } catch (err) {
    throw new PkiError(`malformed ${what}: ${(err as Error).message}`);
  }
}

/** Total length of the first DER element, or -1 when its header is truncated or invalid. */
function tlvLength(der: Uint8Array): number {
  if (der.length < 2) return -1;
  const first = der[1];
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return -1;
  let len = 0;
  for (let i = 0; i < count; i++) len = len * 256 + der[2 + i];
  return 2 + count + len;
}

/** Unsigned big-endian bytes as the content of a positive DER INTEGER (minimal, sign-safe). */
export function positiveInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.slice(start);
  if (body[0] & 0x80) return Uint8Array.of(0, ...body);
  return body;
}

/** Time CHOICE from epoch ms: UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
export function asnTime(ms: number): Time {
  return new Time(Math.floor(ms / 1000) * 1000);
}

export function timeMs(time: Time): number {
  return time.getTime().getTime();
}

/** "2026-01-01T00:00:00Z": ISO 8601 at the second precision certificates carry. */
export function isoUtc(ms: number): string {
  const days = Math.floor(ms / 86400000);
  const secs = Math.floor((ms - days * 86400000) / 1000);
  const [y, m, d] = civilFromDays(days);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}`;
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}T${clock}Z`;
}

/** Howard Hinnant's days-to-civil algorithm (proleptic Gregorian), days since 1970-01-01. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
