// What travels inside a TLS connection between two nodes: gRPC-like frames, JSON in UTF-8. A
// request names its method (swarmkit's service/RPC names); a reply answers one request; a push is
// a server-stream message (the dispatcher's SessionMessage); a raft frame is ProcessRaftMessage.
import type { Message } from '../../raft/types';
import { labelOf } from '../../node/wire-labels';

export interface PeerIdentity {
  cn: string;
  ou: string;
  o: string;
}

export type Frame =
  /** fwd: set when a manager forwards the call for someone else (null: that caller had no certificate). */
  | { t: 'req'; id: number; method: string; body: unknown; fwd?: PeerIdentity | null }
  | { t: 'res'; id: number; ok: true; body: unknown }
  | { t: 'res'; id: number; ok: false; error: string }
  | { t: 'push'; method: string; body: unknown }
  | { t: 'raft'; msg: Message };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeFrame(f: Frame): Uint8Array {
  return encoder.encode(JSON.stringify(f));
}

export function decodeFrame(bytes: Uint8Array): Frame {
  const f = JSON.parse(decoder.decode(bytes)) as Frame;
  if (!f || typeof f !== 'object' || !['req', 'res', 'push', 'raft'].includes(f.t)) throw new Error('not a frame');
  return f;
}

/** Short name for drawing: the RPC ("IssueNodeCertificate"), its reply, or the Raft message type. */
export function frameLabel(f: Frame, replyTo?: string): string {
  switch (f.t) {
    case 'req':
      return shortMethod(f.method);
    case 'res':
      return `${replyTo ? shortMethod(replyTo) : 'RPC'} reply`;
    case 'push':
      return shortMethod(f.method);
    case 'raft':
      return labelOf(f.msg);
  }
}

export function shortMethod(method: string): string {
  const dot = method.lastIndexOf('.');
  return dot < 0 ? method : method.slice(dot + 1);
}
