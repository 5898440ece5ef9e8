// The trace of a run: the most recent records (bounded by a limit) and a SHA-256 digest over the
// canonical text of all of them, kept incrementally so long runs need not store every record.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describeRecord, type TraceRecord } from './records';

/** Canonical text is hashed in chunks of about this many characters. */
const FLUSH_CHARS = 16_384;

export class TraceLog {
  private readonly hasher = sha256.create();
  private pending = '';
  private kept: TraceRecord[] = [];
  private total = 0;

  /** limit: how many recent records to keep (Infinity keeps all, 0 keeps none). */
  constructor(private readonly limit: number = Infinity) {
    if (!(limit >= 0)) throw new Error(`TraceLog: bad limit ${limit}`);
  }

  get count(): number {
    return this.total;
  }

  add(record: TraceRecord): void {
    this.total++;
    this.pending += describeRecord(record) + '\n';
    if (this.pending.length >= FLUSH_CHARS) this.flush();
    if (this.limit === 0) return;
    this.kept.push(record);
    // Trim in chunks so keeping a window costs amortised O(1) per record.
    if (this.kept.length > this.limit + Math.min(this.limit, 4096)) this.kept = this.kept.slice(this.kept.length - this.limit);
  }

  /** The kept records, oldest first (all of them when there is no limit). */
  records(): readonly TraceRecord[] {
    if (this.kept.length > this.limit) this.kept = this.kept.slice(this.kept.length - this.limit);
    return this.kept;
  }

  /** SHA-256 hex of the canonical text of every record added so far. */
  digest(): string {
    this.flush();
    return bytesToHex(this.hasher.clone().digest());
  }

  private flush(): void {
    if (this.pending === '') return;
    this.hasher.update(utf8ToBytes(this.pending));
    this.pending = '';
  }
}
