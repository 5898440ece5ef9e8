// Names and sizes of Raft messages as the UI draws them. Sizes approximate etcd's protobuf
// encoding: a fixed header plus entries (with their data) and any snapshot payload.
import type { Message, MessageType } from '../raft/types';

const LABELS: Record<MessageType, string> = {
  MsgHup: 'Hup',
  MsgBeat: 'Beat',
  MsgProp: 'Propose',
  MsgApp: 'AppendEntries',
  MsgAppResp: 'AppendResp',
  MsgVote: 'RequestVote',
  MsgVoteResp: 'VoteResp',
  MsgPreVote: 'PreVote',
  MsgPreVoteResp: 'PreVoteResp',
  MsgSnap: 'InstallSnapshot',
  MsgHeartbeat: 'Heartbeat',
  MsgHeartbeatResp: 'HeartbeatResp',
  MsgCheckQuorum: 'CheckQuorum',
  MsgTransferLeader: 'TransferLeader',
  MsgTimeoutNow: 'TimeoutNow',
};

export function labelOf(msg: Message): string {
  return LABELS[msg.type];
}

const HEADER_BYTES = 40;
const ENTRY_HEADER_BYTES = 16;
const SNAPSHOT_META_BYTES = 24;

export function estimateSize(msg: Message): number {
  let size = HEADER_BYTES;
  for (const e of msg.entries) size += ENTRY_HEADER_BYTES + e.data.length;
  if (msg.snapshot) {
    size += SNAPSHOT_META_BYTES + msg.snapshot.data.length;
    for (const v of msg.snapshot.meta.conf.voters) size += v.length + 2;
  }
  return size;
}
