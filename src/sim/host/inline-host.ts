// InlineHost: every node in this thread, answered synchronously. Used by tests, the scripts and
// fast-forward. It runs the very same engine code as WorkerHost's workers.
import { bootEngineNode, type EngineNode, type NodeOutput } from '../../engine/index';
import type { BatchItem, NodeBoot, NodeHost } from './types';

export class InlineHost implements NodeHost {
  readonly kind = 'inline' as const;
  private readonly nodes = new Map<string, EngineNode>();

  boot(boot: NodeBoot): NodeOutput {
    const { node, output } = bootEngineNode(boot);
    this.nodes.set(boot.config.id, node);
    return output;
  }

  kill(nodeId: string): void {
    this.nodes.delete(nodeId);
  }

  run(batch: BatchItem[]): NodeOutput[][] {
    const results: NodeOutput[][] = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i];
      const node = this.nodes.get(item.nodeId);
      if (!node) throw new Error(`InlineHost.run: ${item.nodeId} is not running`);
      const outs: NodeOutput[] = new Array(item.inputs.length);
      for (let j = 0; j < item.inputs.length; j++) outs[j] = node.step(item.inputs[j].input, item.inputs[j].nowMs);
      results[i] = outs;
    }
    return results;
  }

  dispose(): void {
    this.nodes.clear();
  }
}
