// What a client request looks like inside a Raft entry. The origin node is the one the client
// talked to: it alone answers the client, when it applies the entry, so a reply means "applied".
import type { NodeId } from '../raft/types';
import type { KvOp } from '../node/types';

export interface KvCommand {
  origin: NodeId;
  clientId: number;
  reqId: number;
  op: KvOp;
}

/** Fixed field order, so the same command is always the same bytes in the log. */
export function encodeCommand(cmd: KvCommand): string {
  const { origin, clientId, reqId, op } = cmd;
  return JSON.stringify({ origin, clientId, reqId, op: canonicalOp(op) });
}

function canonicalOp(op: KvOp): KvOp {
  switch (op.op) {
    case 'put':
      return { op: 'put', key: op.key, value: op.value };
    case 'get':
      return { op: 'get', key: op.key };
    case 'append':
      return { op: 'append', key: op.key, value: op.value };
    case 'cas':
      return { op: 'cas', key: op.key, expected: op.expected, value: op.value };
  }
}

/** Parses entry data written by encodeCommand; anything else is a corrupt log and throws. */
export function decodeCommand(data: string): KvCommand {
  const raw = JSON.parse(data) as Partial<KvCommand>;
  if (typeof raw.origin !== 'string' || typeof raw.clientId !== 'number' || typeof raw.reqId !== 'number' || !raw.op) {
    throw new Error(`decodeCommand: not a kv command: ${data.slice(0, 120)}`);
  }
  return { origin: raw.origin, clientId: raw.clientId, reqId: raw.reqId, op: raw.op };
}

/** Plain words for the event list: "put x=c1-4", "cas x c1-3->c1-4". */
export function describeOp(op: KvOp): string {
  switch (op.op) {
    case 'put':
      return `put ${op.key}=${op.value}`;
    case 'get':
      return `get ${op.key}`;
    case 'append':
      return `append ${op.key}+=${op.value}`;
    case 'cas':
      return `cas ${op.key} ${op.expected || "''"}->${op.value}`;
  }
}
