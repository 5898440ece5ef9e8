// Everything the simulator keeps about one node, alive or not: its disk (which outlives the
// node), its last reported status, when it ticks, and a shadow of its key-value store rebuilt
// from what it applied (so the final state can show the store without asking the node).
import { decodeCommand, decodeManagerSnapshot, isSwarmEntryData, KvStore, type NodeEvent, type NodeStatus, type SwarmNodeConfig } from '../../engine/index';
import { SimDisk } from '../disk/disk';

export interface AppliedEntry {
  index: number;
  term: number;
  digest: string;
}

export class NodeSlot {
  readonly disk = new SimDisk();
  /** -1 before the first boot; every boot adds one (the incarnation's seed depends on it). */
  incarnation = -1;
  up = false;
  status: NodeStatus | null = null;
  nextTickMs: number | null = null;
  /** How this machine enters the swarm (swarm runs only). */
  swarm: SwarmNodeConfig | undefined = undefined;
  /** Indexed by log index; survives restarts (a restarted node re-applies the same entries). */
  readonly appliedLog: AppliedEntry[] = [];
  kv = new KvStore();
  private kvApplied = 0;

  constructor(
    readonly id: string,
    /** Creation order: the order batches and merges visit nodes in. */
    readonly order: number,
    readonly seed: number,
    readonly tickPhaseMs: number,
    /** Voters to bootstrap with when the disk is blank ([] for a manager added later). */
    readonly peers: readonly string[],
  ) {}

  /** A restarted node starts from its snapshot; the shadow store does too. */
  resetShadow(): void {
    const snap = this.disk.snapshot;
    this.kv = KvStore.restore(decodeManagerSnapshot(snap?.data ?? '').kv);
    this.kvApplied = snap?.meta.index ?? 0;
  }

  /** Follows one node event (after the output's disk writes are on disk). */
  observe(e: NodeEvent): void {
    if (e.type === 'snapshotInstalled') this.resetShadow();
    if (e.type !== 'applied') return;
    this.appliedLog[e.index] = { index: e.index, term: e.term, digest: e.digest };
    if (e.index <= this.kvApplied) return;
    if (e.index <= this.disk.snapshotIndex) {
      // The node snapshotted in this very step, so the entry already left the disk; the snapshot
      // holds the store as of its index.
      this.resetShadow();
      return;
    }
    const entry = this.disk.entry(e.index);
    if (!entry) throw new Error(`${this.id} applied entry ${e.index}, which is not on its disk`);
    if (entry.type === 'normal' && entry.data !== '' && !isSwarmEntryData(entry.data)) this.kv.apply(decodeCommand(entry.data).op);
    this.kvApplied = e.index;
  }

  appliedEntries(): AppliedEntry[] {
    return this.appliedLog.filter((e) => e !== undefined);
  }
}
