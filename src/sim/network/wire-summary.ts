// What a message on the wire says, in one short line for the packet inspector: the Raft fields a
// student needs to follow replication and elections ("term 3, prev 4 (term 2), 1 entry (5),
// commit 4"; "term 3, granted"). Built only when a message is looked at (Network.inflight), never
// on the send path: most messages land without anyone seeing them.
import type { Message, WireMessage } from '../../engine/index';

export function summarizeWire(wire: WireMessage): string {
  switch (wire.kind) {
    case 'raft':
      return summarizeRaft(wire.msg);
    case 'reset':
      return `reset of connection ${wire.conn}: the receiver does not know it`;
    case 'tls': {
      const n = wire.bytes.length;
      if (!wire.info.encrypted) return `${n} bytes in the clear: ${wire.info.carries.join(', ')}`;
      const said = wire.info.plaintext === '' ? wire.info.carries : wire.info.plaintext.split('\n').map(describeFrame);
      return `${said.join('; ')} (inside ${n} bytes of AES-128-GCM ciphertext)`;
    }
  }
}

function summarizeRaft(m: Message): string {
  const term = `term ${m.term}`;
  switch (m.type) {
    case 'MsgApp':
      return `${term}, prev ${m.index} (term ${m.logTerm}), ${entriesText(m)}, commit ${m.commit}`;
    case 'MsgAppResp':
      if (m.reject) return `${term}, rejected at ${m.index}, hint ${m.rejectHint} (term ${m.logTerm})`;
      return `${term}, accepted up to ${m.index}`;
    case 'MsgHeartbeat':
      return `${term}, commit ${m.commit}`;
    case 'MsgVote':
    case 'MsgPreVote':
      return `${term}, last entry ${m.index} (term ${m.logTerm})${m.context === 'transfer' ? ', leadership transfer' : ''}`;
    case 'MsgVoteResp':
    case 'MsgPreVoteResp':
      return `${term}, ${m.reject ? 'rejected' : 'granted'}`;
    case 'MsgSnap':
      return m.snapshot ? `${term}, snapshot up to ${m.snapshot.meta.index} (term ${m.snapshot.meta.term})` : term;
    case 'MsgProp':
      return entriesText(m);
    default:
      return term;
  }
}

function entriesText(m: Message): string {
  const n = m.entries.length;
  if (n === 0) return 'no entries';
  const first = m.entries[0].index;
  // Forwarded proposals have no index yet (0): only the count means anything.
  if (first === 0) return n === 1 ? '1 entry' : `${n} entries`;
  return n === 1 ? `1 entry (${first})` : `${n} entries (${first}-${m.entries[n - 1].index})`;
}

/** What the sender put in one encrypted frame (it knows the plaintext; the wire shows ciphertext). */
function describeFrame(json: string): string {
  const f = JSON.parse(json) as { t: string; method?: string; msg?: Message; ok?: boolean; error?: string };
  if (f.t === 'raft' && f.msg) return summarizeRaft(f.msg);
  if (f.t === 'req' || f.t === 'push') return f.method ?? 'request';
  return f.ok ? 'reply' : `error: ${f.error ?? ''}`;
}
