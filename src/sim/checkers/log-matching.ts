// Log Matching (Figure 3), also across time: if two logs ever hold an entry with the same index and
// term, the entries are identical and so is everything before them. Every entry ever persisted
// on any disk is recorded as (index, term) -> (content digest, previous entry's term); any
// disagreement, now or later, is a violation. By induction over prevTerm this covers whole prefixes.
import { entryDigest, type DiskWrite } from '../../engine/index';
import type { Checker, DiskView } from './types';

interface Seen {
  term: number;
  digest: string;
  prevTerm: number;
  node: string;
}

export class LogMatching implements Checker {
  /** seen[index] lists one record per term that ever had an entry at index. */
  private readonly seen: Seen[][] = [];

  afterWrite(node: string, disk: DiskView, write: DiskWrite): string | null {
    if (write.type !== 'append') return null;
    for (const e of write.entries) {
      if (e.index <= disk.snapshotIndex) continue;
      const problem = this.record(node, e.index, e.term, entryDigest(e), disk.term(e.index - 1));
      if (problem) return problem;
    }
    return null;
  }

  private record(node: string, index: number, term: number, digest: string, prevTerm: number): string | null {
    const list = (this.seen[index] ??= []);
    const same = list.find((s) => s.term === term);
    if (!same) {
      list.push({ term, digest, prevTerm, node });
      return null;
    }
    if (same.digest !== digest) {
      return `${node} holds entry ${index} term ${term} with digest ${digest}, but ${same.node} held ${same.digest} there`;
    }
    if (same.prevTerm !== prevTerm) {
      return `${node} holds entry ${index} term ${term} after an entry of term ${prevTerm}, but ${same.node} had term ${same.prevTerm} before it`;
    }
    return null;
  }
}
