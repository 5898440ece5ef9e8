// One TLS connection as a node holds it: the TLS endpoint, who is on the other end (once
// verified), requests waiting for the handshake, calls waiting for replies, and the records
// produced during the current step (flushed as one wire message at the end of the step).
import type { TlsClient, TlsServer } from '../../tls/index';
import type { Frame, PeerIdentity } from './frames';

/** How a client dials: like swarmkit's three uses of TLS on the way into a swarm and after. */
export type DialMode =
  /** InsecureSkipVerify, no client certificate: fetching the root CA before trusting anything. */
  | 'insecure'
  /** Verifies the manager against the downloaded root (ServerName swarm-ca), no client certificate. */
  | 'anonymous'
  /** Mutual TLS with the node certificate, ServerName swarm-manager. */
  | 'mutual';

export type CallResult = { ok: true; body: unknown } | { ok: false; error: string };

export interface PendingCall {
  method: string;
  deadlineMs: number;
  done: (r: CallResult) => void;
}

export interface Conn {
  id: string;
  peer: string;
  side: 'client' | 'server';
  mode: DialMode;
  serverName: string;
  tls: TlsClient | TlsServer;
  openedMs: number;
  /** The verified peer certificate's CN, OU, O; null when the peer sent none (or is not verified). */
  identity: PeerIdentity | null;
  /** Frames written before the handshake finished. */
  waiting: Frame[];
  calls: Map<number, PendingCall>;
  out: { records: Uint8Array[]; carries: string[]; encrypted: boolean; plaintext: string[] };
  reported: boolean;
  /** Handshake messages already put in a wire message (to label each flight). */
  sentSteps: number;
  /** Server side: request id -> method, to label replies. */
  servedMethods: Map<number, string>;
}

export function emptyOut(): Conn['out'] {
  return { records: [], carries: [], encrypted: false, plaintext: [] };
}
