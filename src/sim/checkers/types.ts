// The checkers watch a run from outside the code under test: they see only what the simulator
// sees (disk writes, the disks themselves, node events) and say when a Raft safety property breaks.
import type { DiskWrite, Entry, NodeEvent, Role } from '../../engine/index';

export type CheckerName = 'electionSafety' | 'leaderAppendOnly' | 'logMatching' | 'leaderCompleteness' | 'stateMachineSafety';

/** The read side of a disk, as the checkers need it (SimDisk implements it). */
export interface DiskView {
  readonly snapshotIndex: number;
  readonly snapshotTerm: number;
  readonly lastIndex: number;
  entry(index: number): Entry | undefined;
  term(index: number): number;
}

export interface SafetyViolation {
  checker: CheckerName;
  seed: number;
  /** How many events the simulator had processed when the violation was seen. */
  step: number;
  timeMs: number;
  detail: string;
}

export class SafetyViolationError extends Error {
  constructor(readonly violation: SafetyViolation) {
    super(
      `safety violation (${violation.checker}) at step ${violation.step}, t=${violation.timeMs} ms, ` +
        `seed ${violation.seed}: ${violation.detail}`,
    );
    this.name = 'SafetyViolationError';
  }
}

/** A violation found by one checker: which property and what exactly happened. */
export interface Finding {
  checker: CheckerName;
  detail: string;
}

/** Hooks the simulator calls while it processes one node's output, in this order. */
export interface Checker {
  /** Before a disk write is applied; role is the node's role after the step that produced it. */
  beforeWrite?(node: string, role: Role, disk: DiskView, write: DiskWrite): string | null;
  afterWrite?(node: string, disk: DiskView, write: DiskWrite): string | null;
  /** After all of the output's writes are on disk. */
  onEvent?(node: string, event: NodeEvent, disk: DiskView): string | null;
}
