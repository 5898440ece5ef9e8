// Shared helpers for simulator tests: building scenarios and hosts that watch or misbehave.
import type { NodeOutput } from '../../src/engine/index';
import { InlineHost } from '../../src/sim/host/inline-host';
import type { BatchItem, NodeBoot, NodeHost } from '../../src/sim/host/types';
import { Simulation, type SimulationOptions } from '../../src/sim/kernel/simulation';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/sim/scenario/scenario';

export function scenario(input: Partial<ScenarioInput> & { seed: number }): Scenario {
  const r = parseScenario({ version: 1, ...input });
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

export function runSync(sc: Scenario, untilMs: number, opts: SimulationOptions = {}, host: NodeHost = new InlineHost()): Simulation {
  const sim = new Simulation(sc, host, opts);
  sim.start();
  sim.runUntilSync(untilMs);
  return sim;
}

/** InlineHost that records what it was asked to do. */
export class CountingHost extends InlineHost {
  batches = 0;
  maxInputsPerBatch = 0;
  readonly inputsPerNode = new Map<string, number>();
  readonly ticksPerNode = new Map<string, number>();

  override run(batch: BatchItem[]): NodeOutput[][] {
    this.batches++;
    let total = 0;
    for (const item of batch) {
      total += item.inputs.length;
      this.inputsPerNode.set(item.nodeId, (this.inputsPerNode.get(item.nodeId) ?? 0) + item.inputs.length);
      const ticks = item.inputs.filter((i) => i.input.kind === 'tick').length;
      this.ticksPerNode.set(item.nodeId, (this.ticksPerNode.get(item.nodeId) ?? 0) + ticks);
    }
    this.maxInputsPerBatch = Math.max(this.maxInputsPerBatch, total);
    return super.run(batch);
  }
}

/** Answers through promises and structured clones across the boundary, as WorkerHost does. */
export class AsyncHost implements NodeHost {
  readonly kind = 'worker' as const;
  private readonly inner = new InlineHost();

  boot(boot: NodeBoot): Promise<NodeOutput> {
    const copy = structuredClone(boot);
    return delay(() => structuredClone(this.inner.boot(copy)));
  }

  kill(nodeId: string): void {
    this.inner.kill(nodeId);
  }

  run(batch: BatchItem[]): Promise<NodeOutput[][]> {
    const results = batch.map((item) => delay(() => structuredClone(this.inner.run([structuredClone(item)])[0])));
    return Promise.all(results);
  }

  dispose(): void {
    this.inner.dispose();
  }
}

function delay<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(fn());
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

/** InlineHost that corrupts what one node reports applying, to prove the checkers stop the run. */
export class LyingHost extends InlineHost {
  constructor(private readonly liar: string) {
    super();
  }

  override run(batch: BatchItem[]): NodeOutput[][] {
    const outs = super.run(batch);
    batch.forEach((item, i) => {
      if (item.nodeId !== this.liar) return;
      for (const out of outs[i]) {
        out.events = out.events.map((e) => (e.type === 'applied' && e.index > 3 ? { ...e, digest: 'deadbeef' } : e));
      }
    });
    return outs;
  }
}
