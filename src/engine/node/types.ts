// The contract between one simulated node (engine) and whatever hosts it (sim): inputs in,
// outputs out as plain data. Everything here must survive structured cloning (postMessage).
import type { Entry, HardState, Message, NodeId, PersistedState, RaftConfig, RaftStatus, Role, Snapshot } from '../raft/types';
import type { SwarmRole } from '../pki/types';
import type { HandshakeStep, TlsFailure, TlsSecrets } from '../tls/types';

/** An operation of the small replicated key-value store that runs on top of Raft. */
export type KvOp =
  | { op: 'put'; key: string; value: string }
  | { op: 'get'; key: string }
  | { op: 'append'; key: string; value: string }
  | { op: 'cas'; key: string; expected: string; value: string };

/**
 * What travels on a link between two nodes: bare Raft messages (Raft-only runs), TLS records of
 * one connection (swarm runs: real bytes, handshake or AES-GCM ciphertext), or a reset for a
 * connection the receiver does not know (its process restarted, like a TCP RST).
 */
export type WireMessage =
  | { kind: 'raft'; msg: Message }
  | { kind: 'tls'; conn: string; bytes: Uint8Array; info: TlsWireInfo }
  | { kind: 'reset'; conn: string };

/** What the sender knows about the records it sent: for drawing and the packet inspector only. */
export interface TlsWireInfo {
  /** Handshake message names or RPC names carried, in order. */
  carries: string[];
  encrypted: boolean;
  /** The plaintext of encrypted application data (frames as JSON), '' for handshake records. */
  plaintext: string;
}

/** Operator commands (the control API on a manager's local socket); the sim sends them to the leader. */
export type SwarmCommand =
  | { cmd: 'rotateJoinToken'; role: SwarmRole }
  | { cmd: 'rotateCA' }
  | { cmd: 'setCertExpiry'; ms: number }
  | { cmd: 'removeNode'; hostname: string; force: boolean };

export type NodeInput =
  | { kind: 'tick' }
  | { kind: 'deliver'; from: NodeId; wire: WireMessage }
  /** A client request; clientId 0 is the person at the UI ("proposal <reqId>"). */
  | { kind: 'client'; clientId: number; reqId: number; op: KvOp }
  | { kind: 'transferLeader'; to: NodeId }
  | { kind: 'addMember'; nodeId: NodeId }
  | { kind: 'removeMember'; nodeId: NodeId }
  | { kind: 'swarm'; command: SwarmCommand };

/** A write to this node's disk; the sim applies it to the disk it owns, in order. */
export type DiskWrite =
  | { type: 'hardState'; hardState: HardState }
  /** Replaces any persisted entry at entries[0].index and everything after it. */
  | { type: 'append'; entries: Entry[] }
  /** Installs a snapshot: entries up to its index go (all of them if they disagree with it). */
  | { type: 'snapshot'; snapshot: Snapshot }
  /** Drops entries at or below index; a snapshot at or above index is already on disk. */
  | { type: 'compact'; index: number }
  /** A file under the swarm state directory (certificates/swarm-node.crt, state.json, ...). */
  | { type: 'file'; path: string; data: string };

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
  | { type: 'note'; text: string }
  /** Something the swarm layer did, in plain words; kind names it for filtering and tests. */
  | { type: 'swarm'; kind: SwarmEventKind; text: string }
  | { type: 'handshake'; record: HandshakeRecord };

export type SwarmEventKind =
  | 'init'
  | 'join'
  | 'joinFailed'
  | 'certIssued'
  | 'certRenewed'
  | 'rootUpdated'
  | 'tokenRotated'
  | 'caRotation'
  | 'expiry'
  | 'removed'
  | 'denied'
  | 'tls'
  | 'member';

/** One mTLS connection's handshake, as the handshake view shows it. */
export interface HandshakeRecord {
  conn: string;
  client: string;
  server: string;
  serverName: string;
  /** The side that reported it (each side reports its own view). */
  side: 'client' | 'server';
  startedMs: number;
  state: 'connected' | 'failed';
  steps: HandshakeStep[];
  secrets: TlsSecrets | null;
  failure: TlsFailure | null;
  /** The verified peer identity (CN, OU, O), when the peer presented a certificate. */
  peer: { cn: string; ou: string; o: string } | null;
}

export interface NodeSend {
  to: NodeId;
  wire: WireMessage;
  /** Approximate bytes on the wire, for drawing and statistics. */
  size: number;
  /** Short name for drawing, e.g. "AppendEntries", "RequestVote", "VoteResp". */
  label: string;
}

/** What a swarm node shows about itself (absent in Raft-only runs). */
export interface SwarmStatus {
  /** Role its certificate says (OU), null before it has one. */
  certRole: SwarmRole | null;
  nodeId: string;
  clusterId: string;
  phase: 'joining' | 'ready' | 'failed';
  /** Plain words: "waiting for its certificate", "join failed: ...". */
  detail: string;
  certNotBefore: number;
  certNotAfter: number;
  /** When it will renew its certificate (virtual ms), null when nothing is scheduled. */
  renewAtMs: number | null;
  /** Hex of the public key that signed its certificate (tells the old root from the new one). */
  issuerKey: string;
  /** TLS connections it holds (dialled and accepted). */
  connections: number;
  /** The leader's view of the swarm (only on the leader). */
  leader: LeaderSwarmView | null;
}

export interface LeaderSwarmView {
  clusterId: string;
  tokens: { worker: string; manager: string };
  certExpiryMs: number;
  nodes: number;
  /** Progress of a CA rotation: nodes whose certificate comes from the new root. */
  rotation: { converged: number; total: number } | null;
  rootFingerprint: string;
}

/** A cheap summary of a node's state, attached to every output so the UI and checkers see it. */
export type NodeStatus = Omit<RaftStatus, 'firstIndex' | 'leadTransferee' | 'progress'> & {
  preVote: boolean;
  checkQuorum: boolean;
  /** false for a worker (and a node still joining): the Raft fields are then empty. */
  raft?: boolean;
  swarm?: SwarmStatus;
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
  /** Present in swarm runs: how this machine enters the swarm. */
  swarm?: SwarmNodeConfig;
}

/** A node of the swarm as it exists at t=0 (everything it would have on disk). */
export interface FoundingIdentity {
  nodeId: string;
  role: SwarmRole;
  /** Hex P-256 scalar. */
  key: string;
  certPem: string;
  rootPem: string;
}

export type SwarmNodeConfig =
  | { start: 'founding'; identity: FoundingIdentity; bootstrapData: string[]; managers: string[] }
  /** `docker swarm join --token <token> <via>:2377`. */
  | { start: 'join'; token: string; via: string };

export type DiskImage = PersistedState & { files?: Record<string, string> };
