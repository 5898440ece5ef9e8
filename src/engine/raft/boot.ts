// Where a node's Raft state comes from when it starts: a brand-new node bootstraps from its
// configured peers, a restarted node from exactly what it had persisted.
//
// Bootstrap (etcd RawNode.Bootstrap, as swarmkit does for `swarm init`): the initial voters are
// written into the log as addNode conf change entries at term 1, committed from the start. Every
// founding member writes the same entries (peers are sorted), so a node that joins later with
// an empty log and no peers learns the whole configuration from the leader's log or snapshot.
//
// Restart: the log is the snapshot plus the entries after it; term, vote and commit come from
// the persisted hard state (commit is only what was durable). The configuration is the
// snapshot's (or the configured peers when there is no snapshot and no conf change entry at
// all) with the committed conf change entries after the snapshot folded in. The host replays
// those same entries (Ready.committedEntries runs from snapshot index + 1 to the persisted
// commit) to rebuild its state machine and calls applyConfChange again; applying a change is
// idempotent, so the result is the same configuration.
import { encodeConfChange, replayConfChanges } from './confchange';
import { RaftLog } from './log';
import type { Entry, NodeId, PersistedState, RaftConfig } from './types';

export interface BootState {
  log: RaftLog;
  term: number;
  vote: NodeId;
  voters: NodeId[];
}

/** Nothing was ever made durable: starting from it is the same as starting fresh. */
export function isEmptyPersistedState(p: PersistedState): boolean {
  const hs = p.hardState;
  return hs.term === 0 && hs.vote === '' && hs.commit === 0 && p.snapshot === null && p.entries.length === 0;
}

export function bootstrapState(cfg: RaftConfig): BootState {
  const peers = [...new Set(cfg.peers)].sort();
  if (peers.length === 0) return { log: new RaftLog(), term: 0, vote: '', voters: [] };
  const entries: Entry[] = peers.map((id, i) => ({
    term: 1,
    index: i + 1,
    type: 'confChange',
    data: encodeConfChange({ type: 'addNode', nodeId: id }),
  }));
  for (const data of cfg.bootstrapData ?? []) entries.push({ term: 1, index: entries.length + 1, type: 'normal', data });
  const log = new RaftLog();
  log.append(entries);
  log.commitTo(entries.length);
  return { log, term: 1, vote: '', voters: peers };
}

export function restoreState(cfg: RaftConfig, p: PersistedState): BootState {
  const hs = p.hardState;
  const log = RaftLog.fromPersisted(p.snapshot, p.entries, hs.commit);
  if (hs.term < log.lastTerm()) {
    throw new Error(`raft ${cfg.id}: persisted term ${hs.term} is older than the last log term ${log.lastTerm()}`);
  }
  const tail = log.lastIndex() >= log.firstIndex() ? log.slice(log.firstIndex(), log.lastIndex() + 1) : [];
  let base: NodeId[];
  if (p.snapshot) base = p.snapshot.meta.conf.voters;
  else base = tail.some((e) => e.type === 'confChange') ? [] : cfg.peers;
  const committed = tail.filter((e) => e.index <= log.committed);
  return { log, term: hs.term, vote: hs.vote, voters: replayConfChanges(base, committed) };
}
