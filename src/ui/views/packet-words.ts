// A packet in plain words for the inspector: what kind of Raft message it is, and what became of
// it (in flight, will be lost, delivered, dropped), with virtual times in the clock's format.
import { formatClock } from '../components/format';
import type { PacketRecord } from '../store/packet-record';

/** Keyed by the label the node gives each send (see docs/scenario-format.md). */
const TYPE_WORDS: Record<string, string> = {
  AppendEntries: 'AppendEntries (log entries)',
  AppendResp: 'AppendEntries reply',
  Heartbeat: 'AppendEntries (heartbeat)',
  HeartbeatResp: 'Heartbeat reply',
  RequestVote: 'RequestVote (asks for a vote)',
  VoteResp: 'RequestVote reply',
  PreVote: 'PreVote (would you vote for me?)',
  PreVoteResp: 'PreVote reply',
  InstallSnapshot: "InstallSnapshot (the leader's snapshot)",
  TimeoutNow: 'TimeoutNow (start an election now)',
  Propose: 'Proposal forwarded to the leader',
  TransferLeader: 'Leadership transfer request',
  ClientHello: 'TLS ClientHello (in the clear)',
  ServerHello: 'TLS ServerHello and the server\'s encrypted flight',
  Certificate: "TLS client Certificate, CertificateVerify, Finished",
  GetRootCACertificate: 'GetRootCACertificate (fetch the root CA)',
  IssueNodeCertificate: 'IssueNodeCertificate (a CSR for the CA)',
  NodeCertificateStatus: 'NodeCertificateStatus (is my certificate signed?)',
  Join: 'Join (a new manager asks to join Raft)',
  Session: 'Session (a node opens its dispatcher session)',
  SessionMessage: 'SessionMessage (the dispatcher tells a node something)',
  RST: 'RST (connection refused or reset)',
};

/** "ServerHello +5" carries five more messages in the same packet; the words name the first. */
export function packetTypeWords(label: string): string {
  const base = label.replace(/ \+\d+$/, '');
  return TYPE_WORDS[label] ?? TYPE_WORDS[base] ?? label;
}

export interface PacketFact {
  label: string;
  value: string;
}

/** When it arrives, or what happened instead, as the row label and value the inspector shows. */
function arrival(rec: PacketRecord): PacketFact {
  const { message: m, status } = rec;
  if (status.kind === 'landed') {
    const word = status.landing.outcome === 'delivered' ? 'delivered at' : 'dropped at';
    return { label: word, value: formatClock(status.landing.atMs) };
  }
  if (m.fate === 'lost') return { label: 'would arrive at', value: formatClock(m.recvMs) };
  return { label: status.kind === 'gone' ? 'due at' : 'arrives at', value: formatClock(m.recvMs) };
}

/** How far along its link a packet is at nowMs, in whole percent. */
export function packetProgress(rec: PacketRecord, nowMs: number): number {
  const m = rec.message;
  const span = m.recvMs - m.sendMs;
  const done = span > 0 ? (nowMs - m.sendMs) / span : 1;
  return Math.round(Math.min(1, Math.max(0, done)) * 100);
}

/** What became of the packet; `percent` is how far it has come (see packetProgress). */
export function packetFate(rec: PacketRecord, percent: number): string {
  const { message: m, status } = rec;
  if (status.kind === 'landed') {
    if (status.landing.outcome === 'delivered') return `delivered to ${m.to}`;
    if (status.landing.outcome === 'cut') return 'dropped: the link was cut while it travelled';
    return `dropped: ${m.to} was down (or had restarted) when it arrived`;
  }
  if (status.kind === 'gone') return m.fate === 'lost' ? 'lost on the way' : 'no longer in flight';
  if (m.fate === 'lost') return 'in flight, will be lost on the way';
  return `in flight, ${percent}% of the way`;
}

/** The rows of the packet inspector, in order. */
export function packetFacts(rec: PacketRecord, percent: number): PacketFact[] {
  const m = rec.message;
  return [
    { label: 'from → to', value: `${m.from} → ${m.to}` },
    { label: 'fate', value: packetFate(rec, percent) },
    ...(m.summary ? [{ label: 'carries', value: m.summary }] : []),
    { label: 'sent at', value: formatClock(m.sendMs) },
    arrival(rec),
    { label: 'travel time', value: `${m.recvMs - m.sendMs} ms` },
    { label: 'size', value: `${m.size} bytes` },
  ];
}
