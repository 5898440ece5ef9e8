// Leader Append-Only (Figure 3): a leader never overwrites or deletes entries in its log; it only
// appends. Checked on the disk writes a node makes while it is leader.
import type { DiskWrite, Role } from '../../engine/index';
import type { Checker, DiskView } from './types';

export class LeaderAppendOnly implements Checker {
  beforeWrite(node: string, role: Role, disk: DiskView, write: DiskWrite): string | null {
    if (role !== 'leader') return null;
    if (write.type === 'append' && write.entries.length > 0) {
      const first = write.entries[0].index;
      if (first <= disk.lastIndex) {
        return `leader ${node} wrote entries from index ${first} over its log ending at ${disk.lastIndex}`;
      }
    }
    if (write.type === 'snapshot') {
      const { index, term } = write.snapshot.meta;
      if (index > disk.lastIndex || disk.term(index) !== term) {
        return `leader ${node} installed a snapshot at ${index} (term ${term}) that its log (last ${disk.lastIndex}, term ${disk.term(index)} there) does not contain`;
      }
    }
    return null;
  }
}
