// The TLS 1.3 record layer (RFC 8446 section 5): framing records out of a byte stream that arrives
// in any chunking, and AEAD protection with AES-128-GCM where the nonce is the IV XOR the record
// sequence number and the 5-byte record header is the additional data.
import { gcm } from '@noble/ciphers/aes.js';
import { fail } from './alerts';
import { concat, u16 } from './bytes';
import { trafficKeys } from './key-schedule';

export const ContentType = {
  changeCipherSpec: 20,
  alert: 21,
  handshake: 22,
  applicationData: 23,
} as const;

const CONTENT_TYPE_NAMES: Record<number, string> = {
  20: 'change_cipher_spec',
  21: 'alert',
  22: 'handshake',
  23: 'application_data',
};

export const MAX_FRAGMENT = 1 << 14;
const MAX_CIPHERTEXT = MAX_FRAGMENT + 256;
const HEADER_LENGTH = 5;
const TAG_LENGTH = 16;

export interface TlsRecord {
  type: number;
  fragment: Uint8Array;
  /** The whole record as it was on the wire, header included. */
  raw: Uint8Array;
}

export function contentTypeName(type: number): string {
  return CONTENT_TYPE_NAMES[type] ?? `content type ${type}`;
}

/** A record header + fragment. ClientHello goes with legacy version 0x0301, as OpenSSL sends it. */
export function encodeRecord(type: number, fragment: Uint8Array, legacyVersion = 0x0303): Uint8Array {
  return concat(Uint8Array.of(type), u16(legacyVersion), u16(fragment.length), fragment);
}

/** Collects transport bytes and hands out whole records. */
export class RecordBuffer {
  private pending: Uint8Array = new Uint8Array(0);

  push(bytes: Uint8Array): void {
    this.pending = concat(this.pending, bytes);
  }

  next(): TlsRecord | null {
    if (this.pending.length < HEADER_LENGTH) return null;
    const type = this.pending[0];
    const length = (this.pending[3] << 8) | this.pending[4];
    if (!(type in CONTENT_TYPE_NAMES)) fail('unexpected_message', `record of unknown content type ${type}`);
    if (length > MAX_CIPHERTEXT) fail('decode_error', `record of ${length} bytes exceeds 2^14 + 256`);
    if (this.pending.length < HEADER_LENGTH + length) return null;
    const raw = this.pending.slice(0, HEADER_LENGTH + length);
    this.pending = this.pending.slice(HEADER_LENGTH + length);
    return { type, fragment: raw.subarray(HEADER_LENGTH), raw };
  }
}

/** One direction's AEAD state: keys from a traffic secret and a sequence number from zero. */
export class RecordProtection {
  private readonly key: Uint8Array;
  private readonly iv: Uint8Array;
  private sequence = 0;

  constructor(trafficSecret: Uint8Array) {
    ({ key: this.key, iv: this.iv } = trafficKeys(trafficSecret));
  }

  private nonce(): Uint8Array {
    const nonce = this.iv.slice();
    // 2^53 records cannot happen in a simulation; JS numbers stay exact far past any real run.
    let seq = this.sequence++;
    for (let i = nonce.length - 1; i >= nonce.length - 8 && seq > 0; i--) {
      nonce[i] ^= seq % 256;
      seq = Math.floor(seq / 256);
    }
    return nonce;
  }

  /** TLSInnerPlaintext (content || type, no padding) sealed into an application_data record. */
  seal(type: number, content: Uint8Array): Uint8Array {
    const inner = concat(content, Uint8Array.of(type));
    const header = concat(Uint8Array.of(ContentType.applicationData), u16(0x0303), u16(inner.length + TAG_LENGTH));
    return concat(header, gcm(this.key, this.nonce(), header).encrypt(inner));
  }

  /** Decrypts an application_data record and strips the zero padding to find the real type. */
  open(record: TlsRecord): { type: number; content: Uint8Array } {
    const header = record.raw.subarray(0, HEADER_LENGTH);
    let inner: Uint8Array;
    try {
      inner = gcm(this.key, this.nonce(), header).decrypt(record.fragment);
    } catch {
      fail('bad_record_mac', 'a protected record failed AES-GCM authentication');
    }
    let end = inner.length;
    while (end > 0 && inner[end - 1] === 0) end--;
    if (end === 0) fail('unexpected_message', 'a protected record has no content type');
    if (end - 1 > MAX_FRAGMENT) fail('decode_error', 'a protected record carries more than 2^14 bytes');
    return { type: inner[end - 1], content: inner.subarray(0, end - 1) };
  }
}

/** e.g. "TLSCiphertext application_data, 53 bytes" (the length is the record's length field). */
export function describeRecord(record: Uint8Array): string {
  if (record.length < HEADER_LENGTH) return `truncated record, ${record.length} bytes`;
  const type = record[0];
  const length = (record[3] << 8) | record[4];
  const kind = type === ContentType.applicationData ? 'TLSCiphertext' : 'TLSPlaintext';
  return `${kind} ${contentTypeName(type)}, ${length} bytes`;
}
