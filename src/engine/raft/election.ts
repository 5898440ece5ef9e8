// Elections (paper 5.2, 5.4.1; thesis 9.6 PreVote, 3.10 transfer): campaigning, granting votes
// and counting them. Free functions over the Raft core, like etcd's hup/campaign/poll.
import { bcastAppend } from './leader';
import type { VoteResult } from './quorum';
import { voteResult } from './quorum';
import type { Raft } from './raft';
import type { Message, MessageType, NodeId } from './types';

export type CampaignType = 'pre-election' | 'election' | 'transfer';

export function hup(r: Raft, t: CampaignType): void {
  if (r.role === 'leader' || !r.promotable() || hasUnappliedConfChanges(r)) return;
  campaign(r, t);
}

/** A committed conf change not yet applied may change who votes; wait for it. */
function hasUnappliedConfChanges(r: Raft): boolean {
  const log = r.log;
  for (let i = Math.max(log.applied, log.firstIndex() - 1) + 1; i <= log.committed; i++) {
    if (log.entry(i).type === 'confChange') return true;
  }
  return false;
}

function campaign(r: Raft, t: CampaignType): void {
  let term: number;
  let type: MessageType;
  if (t === 'pre-election') {
    r.becomePreCandidate();
    type = 'MsgPreVote';
    term = r.term + 1; // pre-votes ask for the next term without moving to it
  } else {
    r.becomeCandidate();
    type = 'MsgVote';
    term = r.term;
  }
  if (poll(r, r.id, true) === 'won') {
    onVoteWon(r);
    return;
  }
  const lastIndex = r.log.lastIndex();
  const lastTerm = r.log.lastTerm();
  for (const id of r.voters) {
    if (id === r.id) continue;
    const m = r.newMessage(type, id, term);
    m.index = lastIndex;
    m.logTerm = lastTerm;
    if (t === 'transfer') m.context = 'transfer';
    r.send(m);
  }
}

/** Records a vote (the first one from each voter counts) and tallies. */
export function poll(r: Raft, id: NodeId, granted: boolean): VoteResult {
  if (!r.votes.has(id)) r.votes.set(id, granted);
  return voteResult(r.voters, r.votes);
}

export function onVoteWon(r: Raft): void {
  if (r.role === 'pre-candidate') {
    campaign(r, 'election');
  } else if (!r.promotable()) {
    r.becomeFollower(r.term, ''); // removed while campaigning: a non-voter must not lead
  } else {
    r.becomeLeader();
    bcastAppend(r);
  }
}

export function handleVoteRequest(r: Raft, m: Message): void {
  const respType = m.type === 'MsgVote' ? 'MsgVoteResp' : 'MsgPreVoteResp';
  const canVote =
    r.vote === m.from || // a repeat of a vote we already cast
    (r.vote === '' && r.lead === '') || // no vote and no leader yet in this term
    (m.type === 'MsgPreVote' && m.term > r.term); // a pre-vote for a future term
  if (canVote && r.log.isUpToDate(m.index, m.logTerm)) {
    r.send(r.newMessage(respType, m.from, m.term));
    if (m.type === 'MsgVote') {
      // Only real votes are recorded; the caller persists this (Ready.hardState) before replying.
      r.electionElapsed = 0;
      r.vote = m.from;
    }
    return;
  }
  const resp = r.newMessage(respType, m.from);
  resp.reject = true;
  r.send(resp);
}
