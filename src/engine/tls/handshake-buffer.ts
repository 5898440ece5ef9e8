// Reassembles handshake messages from record contents: one record may carry several messages and
// one message may span records. Each message remembers the record(s) it came in, for the view.
import { fail } from './alerts';
import { concat } from './bytes';
import type { HandshakeMessage } from './messages';

/** Far above any certificate chain we exchange; bounds memory against a hostile length. */
const MAX_MESSAGE = 1 << 16;

interface Span {
  /** Offset in `pending` just after this record's bytes. */
  end: number;
  record: Uint8Array;
}

export interface ReceivedMessage extends HandshakeMessage {
  records: Uint8Array[];
}

export class HandshakeBuffer {
  private pending: Uint8Array = new Uint8Array(0);
  private spans: Span[] = [];

  get empty(): boolean {
    return this.pending.length === 0;
  }

  push(content: Uint8Array, record: Uint8Array): void {
    if (content.length === 0) fail('unexpected_message', 'empty handshake record');
    this.pending = concat(this.pending, content);
    this.spans.push({ end: this.pending.length, record });
  }

  next(): ReceivedMessage | null {
    if (this.pending.length < 4) return null;
    const length = (this.pending[1] << 16) | (this.pending[2] << 8) | this.pending[3];
    if (length > MAX_MESSAGE) fail('decode_error', `handshake message of ${length} bytes is too long`);
    const total = 4 + length;
    if (this.pending.length < total) return null;
    const raw = this.pending.slice(0, total);
    const records = this.takeRecords(total);
    this.pending = this.pending.slice(total);
    return { type: raw[0], body: raw.subarray(4), raw, records };
  }

  /** Records overlapping [0, total); the last one stays if it also holds later bytes. */
  private takeRecords(total: number): Uint8Array[] {
    const records: Uint8Array[] = [];
    let start = 0;
    for (const span of this.spans) {
      if (start < total) records.push(span.record);
      start = span.end;
    }
    this.spans = this.spans.filter((s) => s.end > total).map((s) => ({ end: s.end - total, record: s.record }));
    return records;
  }
}
