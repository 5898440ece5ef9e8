// Followers and candidates (etcd stepFollower/stepCandidate): accept the leader's appends,
// heartbeats and snapshots, forward proposals, and count votes.
import { hup, onVoteWon, poll } from './election';
import type { Raft } from './raft';
import type { Message } from './types';

export function stepFollower(r: Raft, m: Message): void {
  switch (m.type) {
    case 'MsgProp':
      // Relayed again if the leader we knew moved on; the new leader appends it.
      if (r.lead !== '' && m.entries.length > 0) r.send({ ...m, from: r.id, to: r.lead });
      return;
    case 'MsgApp':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleAppendEntries(r, m);
      return;
    case 'MsgHeartbeat':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleHeartbeat(r, m);
      return;
    case 'MsgSnap':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleSnapshot(r, m);
      return;
    case 'MsgTransferLeader':
      // etcd convention: `from` of a MsgTransferLeader names the transferee, so it is kept.
      if (r.lead !== '') r.send({ ...m, to: r.lead });
      return;
    case 'MsgTimeoutNow':
      // Leadership transfer (thesis 3.10): campaign now, skipping pre-vote, since the leader
      // itself asked and no partition needs guarding against.
      hup(r, 'transfer');
      return;
  }
}

export function stepCandidate(r: Raft, m: Message): void {
  const myVoteResp = r.role === 'pre-candidate' ? 'MsgPreVoteResp' : 'MsgVoteResp';
  switch (m.type) {
    case 'MsgApp':
      r.becomeFollower(m.term, m.from); // a leader exists in our term (m.term === r.term)
      handleAppendEntries(r, m);
      return;
    case 'MsgHeartbeat':
      r.becomeFollower(m.term, m.from);
      handleHeartbeat(r, m);
      return;
    case 'MsgSnap':
      r.becomeFollower(m.term, m.from);
      handleSnapshot(r, m);
      return;
    case myVoteResp: {
      const result = poll(r, m.from, !m.reject);
      if (result === 'won') onVoteWon(r);
      else if (result === 'lost') r.becomeFollower(r.term, ''); // a pre-vote reply's future term is not ours
      return;
    }
  }
}

/** Paper 5.3 AppendEntries, with etcd's rejection hint for fast back-off. */
function handleAppendEntries(r: Raft, m: Message): void {
  const log = r.log;
  if (m.index < log.committed) {
    // Everything up to our commit index is known to match; tell the leader where we are.
    const resp = r.newMessage('MsgAppResp', m.from);
    resp.index = log.committed;
    r.send(resp);
    return;
  }
  const last = log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
  const resp = r.newMessage('MsgAppResp', m.from);
  if (last >= 0) {
    resp.index = last;
    r.send(resp);
    return;
  }
  // Hint the largest (index, term) at or below the probe whose term is <= the leader's term
  // there: every entry of ours above it with a larger term cannot match.
  const hint = log.findConflictByTerm(Math.min(m.index, log.lastIndex()), m.logTerm);
  resp.index = m.index;
  resp.reject = true;
  resp.rejectHint = hint;
  resp.logTerm = log.term(hint) ?? 0;
  r.send(resp);
}

/** Heartbeats carry min(match, commit), and commitTo never moves backwards. */
function handleHeartbeat(r: Raft, m: Message): void {
  r.log.commitTo(m.commit);
  r.send(r.newMessage('MsgHeartbeatResp', m.from));
}

function handleSnapshot(r: Raft, m: Message): void {
  const resp = r.newMessage('MsgAppResp', m.from);
  if (m.snapshot && restore(r, m)) resp.index = r.log.lastIndex();
  else resp.index = r.log.committed;
  r.send(resp);
}

/** Installs the leader's snapshot unless it is older than what we already committed. */
function restore(r: Raft, m: Message): boolean {
  const s = m.snapshot!;
  const log = r.log;
  if (s.meta.index <= log.committed) return false;
  if (log.matchTerm(s.meta.index, s.meta.term)) {
    // Our log already has the snapshot's last entry, so it holds everything before it too.
    log.commitTo(s.meta.index);
    return false;
  }
  log.restore(s);
  r.resetConfig(s.meta.conf.voters);
  return true;
}
