// Drives one of our clients against one of our servers in memory: a FIFO of records, each
// delivered to the other side, whose answers join the queue. No I/O, no timers.
import type { TlsClient, TlsOutput, TlsServer } from '../../../src/engine/tls';

type Side = 'client' | 'server';

export interface Wire {
  /** Every record in delivery order, with its sender. */
  log: { from: Side; bytes: Uint8Array }[];
  clientData: Uint8Array[];
  serverData: Uint8Array[];
}

/** Bounded: a handshake is about a dozen records; more means the two sides loop. */
const MAX_DELIVERIES = 100;

export function newWire(): Wire {
  return { log: [], clientData: [], serverData: [] };
}

/** Delivers `output` (produced by `from`) and everything it provokes; returns the wire. */
export function pump(client: TlsClient, server: TlsServer, output: TlsOutput, from: Side = 'client', wire = newWire()): Wire {
  const queue = output.send.map((bytes) => ({ from, bytes }));
  for (let i = 0; i < MAX_DELIVERIES && queue.length > 0; i++) {
    const item = queue.shift()!;
    wire.log.push(item);
    const toServer = item.from === 'client';
    const out = toServer ? server.receive(item.bytes) : client.receive(item.bytes);
    (toServer ? wire.serverData : wire.clientData).push(...out.data);
    const sender: Side = toServer ? 'server' : 'client';
    queue.push(...out.send.map((bytes) => ({ from: sender, bytes })));
  }
  if (queue.length > 0) throw new Error('pump: more than MAX_DELIVERIES records');
  return wire;
}
