// The leader's half of Raft (etcd stepLeader): replication with per-follower flow control,
// commitment by majority, heartbeats, CheckQuorum and leadership transfer.
import { decodeConfChange } from './confchange';
import { committedIndex, quorumActive } from './quorum';
import type { Progress } from './progress';
import type { ProposedEntry, Raft } from './raft';
import type { Entry, Message, NodeId } from './types';

export function stepLeader(r: Raft, m: Message): void {
  switch (m.type) {
    case 'MsgBeat':
      bcastHeartbeat(r);
      return;
    case 'MsgCheckQuorum':
      checkQuorum(r);
      return;
    case 'MsgProp':
      stepProposal(r, m);
      return;
  }
  const pr = r.progress.get(m.from);
  if (!pr) return; // not (or no longer) a voter
  switch (m.type) {
    case 'MsgAppResp':
      pr.recentActive = true;
      if (m.reject) handleAppReject(r, m, pr);
      else handleAppAck(r, m, pr);
      return;
    case 'MsgHeartbeatResp':
      handleHeartbeatResp(r, m, pr);
      return;
    case 'MsgTransferLeader':
      handleTransferLeader(r, m.from, pr);
      return;
  }
}

function checkQuorum(r: Raft): void {
  if (!quorumActive(r.voters, (id) => id === r.id || r.progress.get(id)?.recentActive === true)) {
    r.becomeFollower(r.term, ''); // thesis 6.2: we may be the stale side of a partition
    return;
  }
  for (const [id, pr] of r.progress) if (id !== r.id) pr.recentActive = false;
}

/** A proposal forwarded by a follower (local proposals go through Raft.propose). */
function stepProposal(r: Raft, m: Message): void {
  if (m.entries.length === 0 || !r.promotable() || r.leadTransferee !== '') return;
  const proposed: ProposedEntry[] = [];
  for (const e of m.entries) {
    if (e.type === 'confChange') {
      // Single-server changes must go one at a time; a second (or unreadable) one becomes an
      // empty entry, as etcd does, so the relaying follower's log position stays meaningful.
      if (r.pendingConfIndex > r.log.applied || !isValidConfChange(e.data)) {
        proposed.push({ type: 'normal', data: '' });
        continue;
      }
      r.pendingConfIndex = r.log.lastIndex() + proposed.length + 1;
    }
    proposed.push({ type: e.type, data: e.data });
  }
  r.appendEntries(proposed);
  bcastAppend(r);
}

function isValidConfChange(data: string): boolean {
  try {
    decodeConfChange(data);
    return true;
  } catch {
    return false;
  }
}

/** Fast back-off (etcd): jump over the follower's divergent tail instead of one entry per trip. */
function handleAppReject(r: Raft, m: Message, pr: Progress): void {
  let nextProbe = m.rejectHint;
  // The follower told us its term at the hint; skip our own entries with larger terms too.
  if (m.logTerm > 0) nextProbe = r.log.findConflictByTerm(m.rejectHint, m.logTerm);
  if (pr.maybeDecrTo(m.index, nextProbe)) {
    if (pr.state === 'replicate') pr.becomeProbe();
    sendAppend(r, m.from);
  }
}

function handleAppAck(r: Raft, m: Message, pr: Progress): void {
  // A probing follower that acks what we already know has proved it is in sync.
  if (!pr.maybeUpdate(m.index) && !(pr.match === m.index && pr.state === 'probe')) return;
  if (pr.state === 'probe') {
    pr.becomeReplicate();
  } else if (pr.state === 'snapshot' && pr.match + 1 >= r.log.firstIndex()) {
    pr.becomeProbe(); // the snapshot (or later entries) arrived; resume from the log
    pr.becomeReplicate();
  } else if (pr.state === 'replicate') {
    pr.inflights.freeLE(m.index);
  }
  if (maybeCommit(r)) bcastAppend(r);
  else if (m.from !== r.id && pr.canBumpCommit(r.log.committed)) sendAppend(r, m.from);
  // Freed inflight slots: send what we can without empty commit-only messages.
  if (m.from !== r.id) while (maybeSendAppend(r, m.from, false));
  if (m.from === r.leadTransferee && pr.match === r.log.lastIndex()) sendTimeoutNow(r, m.from);
}

function handleHeartbeatResp(r: Raft, m: Message, pr: Progress): void {
  pr.recentActive = true;
  pr.msgAppFlowPaused = false;
  if (pr.state === 'snapshot') {
    // The follower is alive but never acknowledged the snapshot: the MsgSnap was lost (a real
    // transport would report it, etcd ReportSnapshot). Probe past it; a rejection re-sends it.
    pr.becomeProbe();
  }
  // Also unblocks a follower whose inflight window filled with messages that were all lost.
  if (pr.match < r.log.lastIndex() || pr.state === 'probe') sendAppend(r, m.from);
}

function handleTransferLeader(r: Raft, transferee: NodeId, pr: Progress): void {
  if (r.leadTransferee !== '') {
    if (r.leadTransferee === transferee) return; // already under way
    r.leadTransferee = '';
  }
  if (transferee === r.id) return;
  // Thesis 3.10: the transfer must finish within an election timeout or it is abandoned.
  r.electionElapsed = 0;
  r.leadTransferee = transferee;
  if (pr.match === r.log.lastIndex()) sendTimeoutNow(r, transferee);
  else sendAppend(r, transferee); // catch it up first; its ack triggers MsgTimeoutNow
}

function sendTimeoutNow(r: Raft, to: NodeId): void {
  r.send(r.newMessage('MsgTimeoutNow', to));
}

/** Commits the highest index a majority has, if its entry is from our term (paper 5.4.2). */
export function maybeCommit(r: Raft): boolean {
  const index = committedIndex(r.voters, (id) => r.progress.get(id)?.match ?? 0);
  return r.log.maybeCommit(index, r.term);
}

export function bcastAppend(r: Raft): void {
  for (const id of r.progress.keys()) if (id !== r.id) sendAppend(r, id);
}

export function sendAppend(r: Raft, to: NodeId): void {
  maybeSendAppend(r, to, true);
}

/**
 * Sends entries from the follower's next index (or, with sendIfEmpty, an empty MsgApp carrying
 * the commit index). Falls back to a snapshot when those entries were compacted away.
 */
export function maybeSendAppend(r: Raft, to: NodeId, sendIfEmpty: boolean): boolean {
  const pr = r.progress.get(to);
  if (!pr || pr.isPaused()) return false;
  const prevIndex = pr.next - 1;
  const prevTerm = r.log.term(prevIndex);
  if (prevTerm === undefined) return maybeSendSnapshot(r, to, pr);
  const last = r.log.lastIndex();
  let entries: Entry[] | null = null;
  // With a full window send only empty appends: if everything in flight was lost, the reply to
  // an empty one still resets the window.
  if (pr.next <= last && (pr.state !== 'replicate' || !pr.inflights.full())) {
    entries = r.log.slice(pr.next, Math.min(last, prevIndex + r.cfg.maxEntriesPerMsg) + 1);
  }
  const count = entries === null ? 0 : entries.length;
  if (count === 0 && !sendIfEmpty) return false;
  const m = r.newMessage('MsgApp', to);
  m.index = prevIndex;
  m.logTerm = prevTerm;
  if (entries !== null) m.entries = entries;
  m.commit = r.log.committed;
  r.send(m);
  pr.sentEntries(count);
  pr.sentCommit = r.log.committed;
  return true;
}

function maybeSendSnapshot(r: Raft, to: NodeId, pr: Progress): boolean {
  // A follower we have not heard from lately is probably down; do not ship it a snapshot.
  if (!pr.recentActive) return false;
  const snap = r.log.snapshot;
  if (!snap) throw new Error(`raft ${r.id}: entries before ${r.log.firstIndex()} are compacted but there is no snapshot`);
  pr.becomeSnapshot(snap.meta.index);
  const m = r.newMessage('MsgSnap', to);
  m.snapshot = snap;
  r.send(m);
  return true;
}

function bcastHeartbeat(r: Raft): void {
  for (const [id, pr] of r.progress) {
    if (id === r.id) continue;
    // Never tell a follower to commit past what we know it holds: its log may still diverge.
    const commit = Math.min(pr.match, r.log.committed);
    const m = r.newMessage('MsgHeartbeat', id);
    m.commit = commit;
    r.send(m);
    pr.sentCommit = commit;
  }
}
