// Majority arithmetic over a single voter set (etcd quorum/majority.go, without joint configs).
import type { NodeId } from './types';

export type VoteResult = 'pending' | 'won' | 'lost';

export function quorumSize(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/**
 * The largest index acknowledged by a majority of voters: sort the match indexes descending and
 * take the quorum-th. Voters without a known match count as 0.
 */
export function committedIndex(voters: readonly NodeId[], matchOf: (id: NodeId) => number): number {
  const n = voters.length;
  if (n === 0) return 0;
  if (n === 1) return matchOf(voters[0]);
  const matches = new Array<number>(n);
  for (let i = 0; i < n; i++) matches[i] = matchOf(voters[i]);
  matches.sort((a, b) => b - a);
  return matches[quorumSize(n) - 1];
}

/** Won once a majority granted, lost once a majority can no longer grant, else pending. */
export function voteResult(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  if (voters.length === 0) return 'won';
  let granted = 0;
  let missing = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === undefined) missing++;
    else if (v) granted++;
  }
  const q = quorumSize(voters.length);
  if (granted >= q) return 'won';
  if (granted + missing >= q) return 'pending';
  return 'lost';
}

/** CheckQuorum: a majority of voters was heard from recently. */
export function quorumActive(voters: readonly NodeId[], isActive: (id: NodeId) => boolean): boolean {
  let active = 0;
  for (const id of voters) if (isActive(id)) active++;
  return active >= quorumSize(voters.length);
}
