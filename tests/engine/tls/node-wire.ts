// Connects one of our endpoints to Node's tls (OpenSSL) in memory: a Duplex whose writes are fed
// to our receive() and into which our TlsOutput.send is pushed. Node 20 has no stream.duplexPair.
import { Duplex } from 'node:stream';
import type { TlsEndpoint, TlsOutput } from '../../../src/engine/tls';

export class NodeWire {
  readonly socket: Duplex;
  readonly data: Uint8Array[] = [];
  /** Every record batch we sent, in order. */
  readonly sent: Uint8Array[] = [];
  /** Set when Node destroyed or ended its side of the transport. */
  closed = false;

  constructor(readonly endpoint: TlsEndpoint) {
    // Deferred so our reply never re-enters OpenSSL while it is still inside its own write.
    const feed = (chunk: Buffer) => setImmediate(() => this.apply(this.endpoint.receive(new Uint8Array(chunk))));
    this.socket = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        feed(chunk);
        callback();
      },
      final(callback) {
        callback();
      },
    });
    this.socket.on('close', () => {
      this.closed = true;
    });
  }

  apply(out: TlsOutput): void {
    for (const bytes of out.send) {
      this.sent.push(bytes);
      this.socket.push(Buffer.from(bytes));
    }
    this.data.push(...out.data);
  }

  text(): string {
    return this.data.map((d) => Buffer.from(d).toString('utf8')).join('');
  }
}

/** Polls `condition` on each macrotask turn until it holds, or fails after `timeoutMs`. */
export function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 2);
    };
    check();
  });
}
