// The sending half of the record layer: turns handshake messages, alerts and application data
// into records, protected once a write key is installed, each handed to `emit` in order.
import { encodeAlert } from './alerts';
import { HandshakeType, type HandshakeMessage } from './messages';
import { ContentType, encodeRecord, MAX_FRAGMENT, RecordProtection } from './record-layer';
import type { AlertName } from './types';

export class RecordWriter {
  private protection: RecordProtection | null = null;
  private currentSecret: Uint8Array = new Uint8Array(0);

  constructor(private readonly emit: (record: Uint8Array) => void) {}

  get encrypting(): boolean {
    return this.protection !== null;
  }

  /** The traffic secret in use, which a KeyUpdate derives the next one from. */
  get secret(): Uint8Array {
    return this.currentSecret;
  }

  setSecret(secret: Uint8Array): void {
    this.currentSecret = secret;
    this.protection = new RecordProtection(secret);
  }

  /** Records of its own for each message; ClientHello goes with record version 0x0301 like OpenSSL's. */
  handshake(message: HandshakeMessage): Uint8Array[] {
    const version = message.type === HandshakeType.clientHello ? 0x0301 : 0x0303;
    return this.fragments(ContentType.handshake, message.raw, version);
  }

  applicationData(data: Uint8Array): void {
    this.fragments(ContentType.applicationData, data, 0x0303);
  }

  alert(name: AlertName): void {
    this.fragments(ContentType.alert, encodeAlert(name), 0x0303);
  }

  /** Middlebox compatibility (RFC 8446 appendix D.4): always in clear, even after keys change. */
  changeCipherSpec(): void {
    this.emit(encodeRecord(ContentType.changeCipherSpec, Uint8Array.of(1)));
  }

  private fragments(type: number, content: Uint8Array, version: number): Uint8Array[] {
    const records: Uint8Array[] = [];
    for (let i = 0; i < content.length; i += MAX_FRAGMENT) {
      const chunk = content.subarray(i, i + MAX_FRAGMENT);
      records.push(this.protection ? this.protection.seal(type, chunk) : encodeRecord(type, chunk, version));
    }
    for (const record of records) this.emit(record);
    return records;
  }
}
