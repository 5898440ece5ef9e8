// The selected node's log as the inspector lists it, and when a fresh copy is worth a re-render.
import type { NodeLogView } from '../../sim/api';

/** Entries listed in the node inspector: enough to see an election's empty entry and a few proposals. */
export const LOG_ENTRIES_SHOWN = 12;

/**
 * Whether two copies show the same thing. An entry's text cannot change while its index and term
 * stay (Log Matching), so comparing index, term and committed per entry is enough.
 */
export function sameNodeLog(a: NodeLogView | null, b: NodeLogView | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.node !== b.node || a.commit !== b.commit || a.lastIndex !== b.lastIndex) return false;
  if (a.snapshotIndex !== b.snapshotIndex || a.entries.length !== b.entries.length) return false;
  return a.entries.every((e, i) => {
    const f = b.entries[i];
    return e.index === f.index && e.term === f.term && e.committed === f.committed;
  });
}
