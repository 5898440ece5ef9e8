// How swarm ops sit in Raft entries, beside the key-value commands: {"swarm": op, origin, ticket}.
// The origin manager and its ticket let the proposer learn when its own op was applied.
import type { SwarmOp } from './objects';

export interface SwarmEntry {
  swarm: SwarmOp;
  origin: string;
  ticket: number;
}

const PREFIX = '{"swarm":';

export function isSwarmEntryData(data: string): boolean {
  return data.startsWith(PREFIX);
}

export function encodeSwarmEntry(e: SwarmEntry): string {
  return JSON.stringify({ swarm: e.swarm, origin: e.origin, ticket: e.ticket });
}

export function decodeSwarmEntry(data: string): SwarmEntry {
  const raw = JSON.parse(data) as Partial<SwarmEntry>;
  if (!raw.swarm || typeof raw.origin !== 'string' || typeof raw.ticket !== 'number') {
    throw new Error(`decodeSwarmEntry: not a swarm entry: ${data.slice(0, 120)}`);
  }
  return raw as SwarmEntry;
}

/** Snapshot data of a swarm manager: both state machines. */
export function encodeManagerSnapshot(kv: string, swarm: string): string {
  return JSON.stringify({ kv, swarm });
}

/** Splits snapshot data; data that is only a key-value store (Raft-only runs) has no swarm part. */
export function decodeManagerSnapshot(data: string): { kv: string; swarm: string } {
  if (!data.startsWith('{"kv":')) return { kv: data, swarm: '' };
  return JSON.parse(data) as { kv: string; swarm: string };
}

/** Plain words for a swarm entry in a Raft log view ("issueCertificate for 1u28..."). */
export function describeSwarmEntry(data: string): string {
  const op = decodeSwarmEntry(data).swarm;
  switch (op.op) {
    case 'bootstrap':
      return `swarm ${op.cluster.id}: root CA, join tokens and ${op.nodes.length} node(s)`;
    case 'createNode':
      return `new ${op.node.role} ${op.node.id} (${op.node.hostname}), certificate pending`;
    case 'renewCertificate':
      return `renewal CSR from ${op.nodeId}`;
    case 'issueCertificate':
      return `certificate issued to ${op.nodeId}`;
    case 'failCertificate':
      return `certificate for ${op.nodeId} failed`;
    case 'markRotate':
      return `rotate certificates of ${op.nodeIds.length} node(s)`;
    case 'setTlsInfo':
      return `${op.nodeId} reports its certificate issuer`;
    case 'rotateJoinToken':
      return `new ${op.role} join token`;
    case 'startRootRotation':
      return 'root CA rotation: new root, cross-signed';
    case 'finishRootRotation':
      return 'root CA rotation finished, new join tokens';
    case 'setCertExpiry':
      return `certificate expiry ${op.ms / 3_600_000} h`;
    case 'removeNode':
      return `remove node ${op.nodeId} (blacklisted)`;
  }
}
