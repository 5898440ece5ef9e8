// The event list in plain words ("node-2 became leader in term 4"). Node events are described
// here; kernel events (kills, cuts, proposals) are written where they happen.
import type { NodeEvent } from '../../engine/index';

export interface SimEvent {
  t: number;
  /** The node it happened on, or null for the network and the simulator itself. */
  node: string | null;
  kind: string;
  text: string;
}

/** Plain words for a node event, or null for events the list does not show separately. */
export function describeNodeEvent(node: string, e: NodeEvent): string | null {
  switch (e.type) {
    case 'roleChanged':
      return describeRole(node, e.role, e.term, e.lead);
    case 'becameLeader':
      return null; // roleChanged already says it
    case 'voted':
      return `${node} voted for ${e.candidate} in term ${e.term}`;
    case 'committed':
      return `${node} committed up to index ${e.index} (term ${e.term})`;
    case 'applied':
      return `${node} applied entry ${e.index} (term ${e.term}): ${e.summary}`;
    case 'clientReply':
      return null; // described by the simulator, which knows whose request it was
    case 'snapshotTaken':
      return `${node} took a snapshot at index ${e.index}`;
    case 'snapshotInstalled':
      return `${node} installed a snapshot at index ${e.index}`;
    case 'membershipChanged':
      return `${node} now counts voters ${e.voters.join(', ') || '(none)'}`;
    case 'note':
      return `${node}: ${e.text}`;
    case 'swarm':
      return e.text;
    case 'handshake': {
      const r = e.record;
      // Successful handshakes are many and alike: the handshake view lists them, the event list does not.
      if (r.state === 'connected' || r.side === 'server') return null;
      const f = r.failure;
      return `mTLS ${r.client} -> ${r.server} failed at ${f?.step ?? '?'}: ${f?.alert ?? '?'} (${f?.reason ?? 'unknown'})`;
    }
  }
}

function describeRole(node: string, role: string, term: number, lead: string): string {
  if (role === 'leader') return `${node} became leader in term ${term}`;
  if (role === 'candidate') return `${node} became candidate in term ${term}`;
  if (role === 'pre-candidate') return `${node} became pre-candidate in term ${term}`;
  if (lead !== '') return `${node} follows ${lead} in term ${term}`;
  return `${node} is follower in term ${term}, no leader known`;
}
