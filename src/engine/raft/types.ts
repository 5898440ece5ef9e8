// The data Raft exchanges with the world: entries, messages, what must be persisted, and the
// Ready bundle handed to the host (etcd's raftpb + rawnode.Ready, trimmed to what we use).

/** A Raft member ID. swarmkit shows its uint64 raft IDs in hex; any non-empty string works. */
export type NodeId = string;

export type EntryType = 'normal' | 'confChange';

export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  /** Opaque to Raft: an application command, a JSON ConfChange, or '' (a leader's empty entry). */
  data: string;
}

export type ConfChangeType = 'addNode' | 'removeNode';

export interface ConfChange {
  type: ConfChangeType;
  nodeId: NodeId;
}

export interface ConfState {
  voters: NodeId[];
}

export interface SnapshotMeta {
  index: number;
  term: number;
  conf: ConfState;
}

export interface Snapshot {
  meta: SnapshotMeta;
  /** Serialised application state as of meta.index. */
  data: string;
}

export interface HardState {
  term: number;
  /** '' when this node has not voted in `term`. */
  vote: NodeId;
  commit: number;
}

export type MessageType =
  | 'MsgHup' // local: start an election
  | 'MsgBeat' // local: leader sends heartbeats
  | 'MsgProp' // a proposal, local or forwarded from a follower
  | 'MsgApp'
  | 'MsgAppResp'
  | 'MsgVote'
  | 'MsgVoteResp'
  | 'MsgPreVote'
  | 'MsgPreVoteResp'
  | 'MsgSnap'
  | 'MsgHeartbeat'
  | 'MsgHeartbeatResp'
  | 'MsgCheckQuorum' // local: leader checks it heard from a quorum
  | 'MsgTransferLeader'
  | 'MsgTimeoutNow';

export interface Message {
  type: MessageType;
  from: NodeId;
  to: NodeId;
  term: number;
  /** MsgApp: term of the entry at `index` (prevLogTerm). Votes: candidate's last log term. */
  logTerm: number;
  /** MsgApp: prevLogIndex. MsgAppResp: the index acknowledged or rejected. Votes: last log index. */
  index: number;
  entries: Entry[];
  commit: number;
  reject: boolean;
  /** MsgAppResp on reject: the follower's hint for fast back-off (etcd's RejectHint). */
  rejectHint: number;
  snapshot?: Snapshot;
  /** MsgVote/MsgPreVote sent on leadership transfer: lets the vote bypass leader stickiness. */
  context?: 'transfer';
}

export type Role = 'follower' | 'candidate' | 'pre-candidate' | 'leader';

export interface SoftState {
  lead: NodeId; // '' when unknown
  role: Role;
}

/** What a node had made durable; a restarted node is rebuilt from exactly this. */
export interface PersistedState {
  hardState: HardState;
  snapshot: Snapshot | null;
  /** Entries after the snapshot, contiguous. */
  entries: Entry[];
}

/**
 * Everything the host must do, in order: persist hardState, snapshot (it replaces the whole log
 * up to its index), then entries (an entry at index i replaces any persisted entry at i and
 * everything after it); then send messages and apply committedEntries (after restoring the state
 * machine from snapshot.data when a snapshot is present); then call advance(). Messages must not
 * leave before the state is durable. Only what is new since the last advance() is included.
 */
export interface Ready {
  softState?: SoftState;
  hardState?: HardState;
  entries: Entry[];
  snapshot?: Snapshot;
  committedEntries: Entry[];
  messages: Message[];
}

export interface RaftConfig {
  id: NodeId;
  /** Initial voters for a brand-new cluster; ignored when restoring from persisted state. */
  peers: NodeId[];
  /**
   * Application entries every founding member writes after the bootstrap conf changes (the swarm's
   * initial store), committed from the start like them. Ignored without peers or on restore.
   */
  bootstrapData?: string[];
  electionTick: number; // swarmkit: 10
  heartbeatTick: number; // swarmkit: 1
  checkQuorum: boolean; // swarmkit: true
  preVote: boolean; // swarmkit: false
  maxInflightMsgs: number; // swarmkit: 256
  maxEntriesPerMsg: number;
  /** Applied entries between snapshots (swarmkit: 10000) - used by the host, not by Raft itself. */
  snapshotInterval: number;
  /** Entries kept behind a snapshot for slow followers (swarmkit: 500). */
  snapshotCatchUpEntries: number;
}

export const DEFAULT_RAFT_CONFIG: Omit<RaftConfig, 'id' | 'peers'> = {
  electionTick: 10,
  heartbeatTick: 1,
  checkQuorum: true,
  preVote: false,
  maxInflightMsgs: 256,
  maxEntriesPerMsg: 64,
  snapshotInterval: 10000,
  snapshotCatchUpEntries: 500,
};

export type ProposeResult = { ok: true; index?: number } | { ok: false; error: string };

export interface ProgressStatus {
  match: number;
  next: number;
  state: 'probe' | 'replicate' | 'snapshot';
  recentActive: boolean;
}

export interface RaftStatus {
  id: NodeId;
  role: Role;
  term: number;
  vote: NodeId;
  lead: NodeId;
  firstIndex: number;
  lastIndex: number;
  lastTerm: number;
  commit: number;
  applied: number;
  snapshotIndex: number;
  voters: NodeId[];
  electionElapsed: number;
  randomizedElectionTimeout: number;
  /** Ticks since the leader last broadcast heartbeats (0 on followers). */
  heartbeatElapsed: number;
  leadTransferee: NodeId;
  /** Only on the leader. */
  progress?: Record<NodeId, ProgressStatus>;
}
