// Single-server membership changes (Raft thesis 4.1): one voter added or removed per entry, so
// any majority of the old set overlaps any majority of the new one. An entry's data is the JSON
// of its ConfChange; the change takes effect when the host applies the entry (etcd style).
import type { ConfChange, ConfState, Entry, NodeId } from './types';

export function encodeConfChange(cc: ConfChange): string {
  return JSON.stringify({ type: cc.type, nodeId: cc.nodeId });
}

export function decodeConfChange(data: string): ConfChange {
  const cc = JSON.parse(data) as Partial<ConfChange>;
  if ((cc.type !== 'addNode' && cc.type !== 'removeNode') || typeof cc.nodeId !== 'string' || cc.nodeId === '') {
    throw new Error(`confchange: malformed conf change entry data ${JSON.stringify(data)}`);
  }
  return { type: cc.type, nodeId: cc.nodeId };
}

/** The voter set after `cc`, sorted so every node derives the same order. Idempotent. */
export function applyToVoters(voters: readonly NodeId[], cc: ConfChange): NodeId[] {
  const next = voters.filter((id) => id !== cc.nodeId);
  if (cc.type === 'addNode') next.push(cc.nodeId);
  return next.sort();
}

export function confState(voters: readonly NodeId[]): ConfState {
  return { voters: voters.slice() };
}

/** Folds the conf change entries among `entries` into `voters`. */
export function replayConfChanges(voters: readonly NodeId[], entries: readonly Entry[]): NodeId[] {
  let out = voters.slice().sort();
  for (const e of entries) if (e.type === 'confChange') out = applyToVoters(out, decodeConfChange(e.data));
  return out;
}
