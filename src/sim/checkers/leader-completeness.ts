// Leader Completeness (Figure 3): a committed entry is in the log of every later leader. An entry
// counts as committed once any node applied it; when a node becomes leader, its disk (which holds
// its whole log once the step's writes are applied) must contain every such entry, or a snapshot
// covering it.
import { entryDigest, type NodeEvent } from '../../engine/index';
import type { Checker, DiskView } from './types';

export class LeaderCompleteness implements Checker {
  private readonly committed: { term: number; digest: string }[] = [];
  private highest = 0;

  onEvent(node: string, event: NodeEvent, disk: DiskView): string | null {
    if (event.type === 'applied') {
      this.committed[event.index] ??= { term: event.term, digest: event.digest };
      this.highest = Math.max(this.highest, event.index);
      return null;
    }
    if (event.type === 'becameLeader') return this.checkLeader(node, event.term, disk);
    return null;
  }

  private checkLeader(node: string, term: number, disk: DiskView): string | null {
    const snapIndex = disk.snapshotIndex;
    const atSnap = this.committed[snapIndex];
    if (snapIndex > 0 && atSnap && atSnap.term !== disk.snapshotTerm) {
      return `${node} became leader in term ${term} with a snapshot at ${snapIndex} of term ${disk.snapshotTerm}, but the entry committed there has term ${atSnap.term}`;
    }
    for (let i = snapIndex + 1; i <= this.highest; i++) {
      const c = this.committed[i];
      if (!c) continue;
      const e = disk.entry(i);
      if (!e) return `${node} became leader in term ${term} without committed entry ${i} (its log ends at ${disk.lastIndex})`;
      if (e.term !== c.term) {
        return `${node} became leader in term ${term} with entry ${i} of term ${e.term}, but the committed entry there has term ${c.term}`;
      }
      if (entryDigest(e) !== c.digest) {
        return `${node} became leader in term ${term} with entry ${i} (digest ${entryDigest(e)}), but the committed entry there has digest ${c.digest}`;
      }
    }
    return null;
  }
}
