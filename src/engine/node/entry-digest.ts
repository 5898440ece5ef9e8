// Short, stable fingerprints of log entries. The checkers compare entries across nodes and across
// time by these, so the node's 'applied' events and the simulator's disk scans must agree on them.
import type { Entry } from '../raft/types';

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
export function fnv1aHex(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Identifies an entry's content: its term, type and data (the index is where it sits, not what it is). */
export function entryDigest(entry: Entry): string {
  return fnv1aHex(`${entry.term}|${entry.type}|${entry.data}`);
}
