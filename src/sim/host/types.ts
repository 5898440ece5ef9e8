// The seam between the simulator kernel and the place node code runs: the same engine code runs
// in one thread (InlineHost) or one Web Worker per node (WorkerHost). A host never decides order:
// the kernel hands it batches and merges what comes back in (time, node id, sequence) order.
import type { DiskImage, NodeConfig, NodeInput, NodeOutput } from '../../engine/index';

export interface NodeBoot {
  config: NodeConfig;
  /** null for a brand-new node; otherwise what its disk held when it was killed. */
  disk: DiskImage | null;
  /** Seed of this incarnation's PRNG stream (derived from the root seed, node and incarnation). */
  seed: number;
  nowMs: number;
}

export interface TimedInput {
  nowMs: number;
  input: NodeInput;
}

export interface BatchItem {
  nodeId: string;
  /** In (time, sequence) order; all for this node in the current window. */
  inputs: TimedInput[];
}

export type MaybePromise<T> = T | Promise<T>;

export interface NodeHost {
  readonly kind: 'inline' | 'worker';
  /** Starts (or restarts) a node from its disk; returns the output of booting. */
  boot(boot: NodeBoot): MaybePromise<NodeOutput>;
  /** Throws the node's memory away (a Web Worker is terminated). */
  kill(nodeId: string): void;
  /** Runs each item's inputs on its node; result[i][j] is the output of batch[i].inputs[j]. */
  run(batch: BatchItem[]): MaybePromise<NodeOutput[][]>;
  dispose(): void;
}
