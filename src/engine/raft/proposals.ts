// Proposals and membership changes as the host requests them: new entries on the leader,
// forwarding on followers, and switching configuration when a conf change is applied.
import { applyToVoters, confState, encodeConfChange } from './confchange';
import { bcastAppend, maybeCommit, maybeSendAppend } from './leader';
import { Progress } from './progress';
import type { ProposedEntry, Raft } from './raft';
import type { ConfChange, ConfState, ProposeResult } from './types';

export function propose(r: Raft, entry: ProposedEntry): ProposeResult {
  if (!r.promotable()) return { ok: false, error: 'not a member' };
  if (r.role === 'leader') {
    if (r.leadTransferee !== '') return { ok: false, error: 'leadership transfer in progress' };
    const index = r.appendEntries([entry]);
    bcastAppend(r);
    return { ok: true, index };
  }
  if (r.role === 'follower' && r.lead !== '') {
    const m = r.newMessage('MsgProp', r.lead, 0);
    m.entries = [{ term: 0, index: 0, type: entry.type, data: entry.data }];
    r.send(m);
    return { ok: true };
  }
  return { ok: false, error: 'no leader' };
}

/** Single-server membership change, leader only, one at a time (thesis 4.1). */
export function proposeConfChange(r: Raft, cc: ConfChange): ProposeResult {
  if (cc.nodeId === '' || (cc.type !== 'addNode' && cc.type !== 'removeNode')) {
    return { ok: false, error: `invalid conf change ${JSON.stringify(cc)}` };
  }
  if (r.role !== 'leader') return { ok: false, error: 'not the leader' };
  if (r.leadTransferee !== '') return { ok: false, error: 'leadership transfer in progress' };
  if (r.pendingConfIndex > r.log.applied) return { ok: false, error: 'a membership change is already in progress' };
  if (cc.type === 'removeNode' && r.voters.length === 1 && r.voters[0] === cc.nodeId) {
    return { ok: false, error: 'cannot remove the last voter' };
  }
  const index = r.appendEntries([{ type: 'confChange', data: encodeConfChange(cc) }]);
  r.pendingConfIndex = index;
  bcastAppend(r);
  return { ok: true, index };
}

/** The host applied a committed conf change entry: switch to the new voter set (idempotent). */
export function applyConfChange(r: Raft, cc: ConfChange): ConfState {
  r.voters = applyToVoters(r.voters, cc);
  if (cc.type === 'removeNode') {
    r.progress.delete(cc.nodeId);
    r.votes.delete(cc.nodeId);
  } else if (!r.progress.has(cc.nodeId)) {
    // Probe from our last entry; recentActive so CheckQuorum gives the newcomer a round to reply.
    const pr = new Progress(Math.max(r.log.lastIndex(), 1), r.cfg.maxInflightMsgs);
    pr.recentActive = true;
    r.progress.set(cc.nodeId, pr);
  }
  if (r.role === 'leader') afterLeaderConfChange(r);
  return confState(r.voters);
}

function afterLeaderConfChange(r: Raft): void {
  if (!r.promotable()) {
    r.becomeFollower(r.term, ''); // a removed leader steps down
    return;
  }
  // The quorum may have shrunk: commit what it allows, and probe newcomers right away.
  if (maybeCommit(r)) bcastAppend(r);
  else for (const id of r.progress.keys()) if (id !== r.id) maybeSendAppend(r, id, false);
  if (r.leadTransferee !== '' && !r.isVoter(r.leadTransferee)) r.leadTransferee = '';
}
