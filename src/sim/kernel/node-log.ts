// A node's Raft log as the inspector shows it: the newest entries on its disk, each in plain words
// and marked committed or not against the commit index on that same disk. The simulator owns the
// disks, so this reads the same for a dead node as for a live one, on either host.
import { decodeCommand, decodeConfChange, describeOp, describeSwarmEntry, isSwarmEntryData, type Entry } from '../../engine/index';
import type { SimDisk } from '../disk/disk';

export type LogEntryKind = 'empty' | 'command' | 'membership' | 'swarm';

export interface LogEntryView {
  index: number;
  term: number;
  kind: LogEntryKind;
  /** What the entry is: "empty entry of a new leader", "add node-4", "put x=v3". */
  text: string;
  /** Who asked for it: "proposal 3" (the person at the page), "client 2"; '' for Raft's own entries. */
  origin: string;
  /** The node the request came in through ('' for Raft's own entries). */
  via: string;
  committed: boolean;
}

export interface NodeLogView {
  node: string;
  /** The node's commit index (as on its disk). */
  commit: number;
  lastIndex: number;
  /** Entries up to here live only in the snapshot (0: no snapshot). */
  snapshotIndex: number;
  snapshotTerm: number;
  /** The newest entries after the snapshot, oldest first. */
  entries: LogEntryView[];
}

export function nodeLog(node: string, disk: SimDisk, last: number): NodeLogView {
  const commit = disk.hardState.commit;
  const all = disk.entries;
  const shown = all.slice(Math.max(0, all.length - Math.max(0, last)));
  return {
    node,
    commit,
    lastIndex: disk.lastIndex,
    snapshotIndex: disk.snapshotIndex,
    snapshotTerm: disk.snapshotTerm,
    entries: shown.map((e) => ({ index: e.index, term: e.term, ...describeLogEntry(e), committed: e.index <= commit })),
  };
}

/** Plain words for one entry, decoded with the engine's own codecs. */
export function describeLogEntry(e: Entry): Pick<LogEntryView, 'kind' | 'text' | 'origin' | 'via'> {
  if (e.type === 'confChange') {
    const cc = decodeConfChange(e.data);
    return { kind: 'membership', text: `${cc.type === 'addNode' ? 'add' : 'remove'} ${cc.nodeId}`, origin: '', via: '' };
  }
  if (e.data === '') return { kind: 'empty', text: 'empty entry of a new leader', origin: '', via: '' };
  if (isSwarmEntryData(e.data)) return { kind: 'swarm', text: describeSwarmEntry(e.data), origin: 'swarm store', via: '' };
  const cmd = decodeCommand(e.data);
  const origin = cmd.clientId === 0 ? `proposal ${cmd.reqId}` : `client ${cmd.clientId}`;
  return { kind: 'command', text: describeOp(cmd.op), origin, via: cmd.origin };
}
