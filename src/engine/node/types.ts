// The contract between one simulated node (engine) and whatever hosts it (sim): inputs in,
// outputs out as plain data. Everything here must survive structured cloning (postMessage).
import type { Entry, HardState, Message, NodeId, PersistedState, RaftConfig, RaftStatus, Role, Snapshot } from '../raft/types';

/** An operation of the small replicated key-value store that runs on top of Raft. */
export type KvOp =
  | { op: 'put'; key: string; value: string }
  | { op: 'get'; key: string }
  | { op: 'append'; key: string; value: string }
  | { op: 'cas'; key: string; expected: string; value: string };

/** What travels on a link between two nodes. More kinds (RPC, TLS records) come later. */
export type WireMessage = { kind: 'raft'; msg: Message };

export type NodeInput =
  | { kind: 'tick' }
  | { kind: 'deliver'; from: NodeId; wire: WireMessage }
  /** A client request; clientId 0 is the person at the UI ("proposal <reqId>"). */
  | { kind: 'client'; clientId: number; reqId: number; op: KvOp }
  | { kind: 'transferLeader'; to: NodeId }
  | { kind: 'addMember'; nodeId: NodeId }
  | { kind: 'removeMember'; nodeId: NodeId };

/** A write to this node's disk; the sim applies it to the disk it owns, in order. */
export type DiskWrite =
  | { type: 'hardState'; hardState: HardState }
  /** Replaces any persisted entry at entries[0].index and everything after it. */
  | { type: 'append'; entries: Entry[] }
  /** Installs a snapshot: entries up to its index go (all of them if they disagree with it). */
  | { type: 'snapshot'; snapshot: Snapshot }
  /** Drops entries at or below index; a snapshot at or above index is already on disk. */
  | { type: 'compact'; index: number };

export type NodeEvent =
  | { type: 'roleChanged'; role: Role; term: number; lead: NodeId }
  | { type: 'becameLeader'; term: number }
  | { type: 'voted'; term: number; candidate: NodeId }
  | { type: 'committed'; index: number; term: number }
  | { type: 'applied'; index: number; term: number; entryType: Entry['type']; digest: string; summary: string }
  | { type: 'clientReply'; clientId: number; reqId: number; ok: boolean; index?: number; value?: string; casOk?: boolean; error?: string }
  | { type: 'snapshotTaken'; index: number }
  | { type: 'snapshotInstalled'; index: number }
  | { type: 'membershipChanged'; voters: NodeId[] }
  | { type: 'note'; text: string };

export interface NodeSend {
  to: NodeId;
  wire: WireMessage;
  /** Approximate bytes on the wire, for drawing and statistics. */
  size: number;
  /** Short name for drawing, e.g. "AppendEntries", "RequestVote", "VoteResp". */
  label: string;
}

/** A cheap summary of a node's state, attached to every output so the UI and checkers see it. */
export type NodeStatus = Omit<RaftStatus, 'firstIndex' | 'leadTransferee' | 'progress'> & {
  preVote: boolean;
  checkQuorum: boolean;
};

export interface NodeOutput {
  sends: NodeSend[];
  diskWrites: DiskWrite[];
  events: NodeEvent[];
  status: NodeStatus;
}

export interface NodeConfig {
  id: NodeId;
  /** Voters of a brand-new cluster; a node started with a disk image ignores it. */
  peers: NodeId[];
  raft: Partial<Omit<RaftConfig, 'id' | 'peers'>>;
}

export type DiskImage = PersistedState;
