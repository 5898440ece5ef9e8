// How each kind of message in flight looks: a colour AND a shape (never colour alone), keyed by
// the short label the node gives every send. The legend is drawn from the same table.

export type MessageShape = 'circle' | 'ring' | 'triangle' | 'triangle-open' | 'diamond' | 'diamond-open' | 'square' | 'square-open';

export interface MessageStyle {
  name: string;
  colour: string;
  shape: MessageShape;
  sizePx: number;
}

const APPEND = '#5aa9ff';
const HEARTBEAT = '#4fd1a5';
const VOTE = '#ffb547';
const PREVOTE = '#c792ff';
const OTHER = '#ff7eb6';
const TLS = '#e8edf6';
const SWARM = '#7fd4e8';

/** In legend order; `labels` are the node's send labels that map to this style. */
export const MESSAGE_STYLES: readonly (MessageStyle & { labels: readonly string[] })[] = [
  { name: 'AppendEntries', labels: ['AppendEntries', 'MsgApp'], colour: APPEND, shape: 'circle', sizePx: 6 },
  { name: 'Append reply', labels: ['AppendResp', 'AppendEntriesResp', 'AppResp', 'MsgAppResp'], colour: APPEND, shape: 'ring', sizePx: 5 },
  { name: 'Heartbeat', labels: ['Heartbeat', 'MsgHeartbeat'], colour: HEARTBEAT, shape: 'circle', sizePx: 4.5 },
  { name: 'Heartbeat reply', labels: ['HeartbeatResp', 'MsgHeartbeatResp'], colour: HEARTBEAT, shape: 'ring', sizePx: 4 },
  { name: 'RequestVote', labels: ['RequestVote', 'MsgVote'], colour: VOTE, shape: 'triangle', sizePx: 7 },
  { name: 'Vote reply', labels: ['VoteResp', 'RequestVoteResp', 'MsgVoteResp'], colour: VOTE, shape: 'triangle-open', sizePx: 6 },
  { name: 'PreVote', labels: ['PreVote', 'MsgPreVote'], colour: PREVOTE, shape: 'diamond', sizePx: 7 },
  { name: 'PreVote reply', labels: ['PreVoteResp', 'MsgPreVoteResp'], colour: PREVOTE, shape: 'diamond-open', sizePx: 6 },
  {
    name: 'TLS handshake',
    labels: ['ClientHello', 'ServerHello', 'HelloRetryRequest', 'EncryptedExtensions', 'CertificateRequest', 'Certificate', 'CertificateVerify', 'Finished', 'Alert', 'RST'],
    colour: TLS,
    shape: 'square-open',
    sizePx: 6,
  },
  {
    name: 'Swarm RPC (CA, dispatcher)',
    labels: ['GetRootCACertificate', 'IssueNodeCertificate', 'NodeCertificateStatus', 'Join', 'Session', 'SessionMessage', 'Heartbeat reply'],
    colour: SWARM,
    shape: 'square',
    sizePx: 5.5,
  },
  {
    name: 'Other (snapshot, proposal, transfer)',
    labels: ['InstallSnapshot', 'Snapshot', 'MsgSnap', 'Propose', 'MsgProp', 'TimeoutNow', 'MsgTimeoutNow', 'TransferLeader'],
    colour: OTHER,
    shape: 'square',
    sizePx: 6,
  },
];

const FALLBACK = MESSAGE_STYLES[MESSAGE_STYLES.length - 1];
const BY_LABEL = new Map<string, MessageStyle>(MESSAGE_STYLES.flatMap((s) => s.labels.map((l) => [l, s] as const)));

/**
 * Several messages sent together travel as one packet labelled by the first ("ServerHello +5");
 * a swarm RPC's answer is "<name> reply" and is drawn hollow like the Raft replies.
 */
export function messageStyle(label: string): MessageStyle {
  const base = label.replace(/ \+\d+$/, '');
  const exact = BY_LABEL.get(base);
  if (exact) return exact;
  if (base.endsWith(' reply')) {
    const request = BY_LABEL.get(base.slice(0, -' reply'.length));
    if (request) return { ...request, shape: request.shape === 'square' ? 'square-open' : request.shape };
  }
  return FALLBACK;
}

/** A packet sealed in a TLS record (AES-128-GCM) rather than sent in the clear. */
export function isEncrypted(summary: string | undefined): boolean {
  return summary?.includes('ciphertext') ?? false;
}
