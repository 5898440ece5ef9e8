// One simulated node inside its own Web Worker. It holds the node's memory and nothing else: the
// page owns time, the network and the disk. Terminating this worker is how a node dies.
import { bootEngineNode } from '../../engine/index';
import type { NodeOutput } from '../../engine/index';
import type { FromWorker, ToWorker } from './worker-protocol';

type RunningNode = ReturnType<typeof bootEngineNode>['node'];

let node: RunningNode | null = null;

function reply(msg: FromWorker): void {
  self.postMessage(msg);
}

function handle(msg: ToWorker): FromWorker {
  if (msg.type === 'boot') {
    const booted = bootEngineNode(msg.boot);
    node = booted.node;
    return { type: 'booted', output: booted.output };
  }
  if (!node) throw new Error('run before boot');
  const running = node;
  const outputs: NodeOutput[] = msg.inputs.map((timed) => running.step(timed.input, timed.nowMs));
  return { type: 'ran', seq: msg.seq, outputs };
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  try {
    reply(handle(ev.data));
  } catch (err) {
    reply({ type: 'failed', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
};
