// The running transcript hash (RFC 8446 section 4.4.1) over handshake messages as sent/received.
import { sha256 } from '@noble/hashes/sha2.js';

export class Transcript {
  private readonly hasher = sha256.create();

  add(raw: Uint8Array): void {
    this.hasher.update(raw);
  }

  /** Transcript-Hash of everything added so far; adding more afterwards is still allowed. */
  hash(): Uint8Array {
    return this.hasher.clone().digest();
  }
}
