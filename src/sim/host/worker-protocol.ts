// Messages between WorkerHost (page) and node.worker.ts (one per simulated node). Everything here
// crosses postMessage, so it is plain structured-clonable data.
import type { NodeOutput } from '../../engine/index';
import type { NodeBoot, TimedInput } from './types';

export type ToWorker =
  | { type: 'boot'; boot: NodeBoot }
  /** seq pairs the reply with its request: a worker answers runs in order, one at a time. */
  | { type: 'run'; seq: number; inputs: TimedInput[] };

export type FromWorker =
  | { type: 'booted'; output: NodeOutput }
  | { type: 'ran'; seq: number; outputs: NodeOutput[] }
  | { type: 'failed'; message: string };
