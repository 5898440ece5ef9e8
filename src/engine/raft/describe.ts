// Stable one-line text for entries, messages and Ready bundles (etcd's DescribeX), so tests can
// compare whole traces as text and the UI can show a message the way a log would print it.
import { decodeConfChange } from './confchange';
import type { Entry, HardState, Message, Ready, Snapshot, SoftState } from './types';

export function describeEntry(e: Entry): string {
  if (e.type === 'confChange') {
    const cc = decodeConfChange(e.data);
    return `${e.term}/${e.index} EntryConfChange ${cc.type} ${cc.nodeId}`;
  }
  return `${e.term}/${e.index} EntryNormal ${JSON.stringify(e.data)}`;
}

export function describeEntries(ents: readonly Entry[]): string {
  return ents.map(describeEntry).join(', ');
}

export function describeSnapshot(s: Snapshot): string {
  return `Index:${s.meta.index} Term:${s.meta.term} Voters:[${s.meta.conf.voters.join(' ')}]`;
}

export function describeHardState(hs: HardState): string {
  return `Term:${hs.term} Vote:${hs.vote === '' ? '-' : hs.vote} Commit:${hs.commit}`;
}

export function describeSoftState(ss: SoftState): string {
  return `Lead:${ss.lead === '' ? '-' : ss.lead} State:${ss.role}`;
}

export function describeMessage(m: Message): string {
  let out = `${m.from}->${m.to} ${m.type} Term:${m.term} Log:${m.logTerm}/${m.index}`;
  if (m.reject) out += ` Rejected (Hint: ${m.rejectHint})`;
  if (m.commit !== 0) out += ` Commit:${m.commit}`;
  if (m.entries.length > 0) out += ` Entries:[${describeEntries(m.entries)}]`;
  if (m.snapshot) out += ` Snapshot: ${describeSnapshot(m.snapshot)}`;
  if (m.context) out += ` Context:${m.context}`;
  return out;
}

/** One line per part, in the order the host handles them; '' for an empty Ready. */
export function describeReady(rd: Ready): string {
  const lines: string[] = [];
  if (rd.softState) lines.push(describeSoftState(rd.softState));
  if (rd.hardState) lines.push(`HardState ${describeHardState(rd.hardState)}`);
  if (rd.snapshot) lines.push(`Snapshot ${describeSnapshot(rd.snapshot)}`);
  if (rd.entries.length > 0) lines.push(`Entries:\n${rd.entries.map(describeEntry).join('\n')}`);
  if (rd.committedEntries.length > 0) lines.push(`CommittedEntries:\n${rd.committedEntries.map(describeEntry).join('\n')}`);
  if (rd.messages.length > 0) lines.push(`Messages:\n${rd.messages.map(describeMessage).join('\n')}`);
  return lines.join('\n');
}
