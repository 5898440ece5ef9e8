// InlineHost steady state: virtual seconds simulated per wall second, 5 managers, heartbeats every
// tick, checkers on (as every run has them); the whole swarm (Raft inside mTLS) or bare Raft.
import { InlineHost } from '../../src/sim/host/inline-host';
import { Simulation } from '../../src/sim/kernel/simulation';
import { defaultScenario } from '../../src/sim/scenario/scenario';

export function benchInlineVirtualRate(virtualSeconds: number, managers = 5, security: 'mtls' | 'none' = 'mtls'): number {
  const sim = new Simulation(defaultScenario(7, { managers, security }), new InlineHost(), { traceLimit: 0 });
  sim.start();
  sim.runUntilSync(60_000); // past the first election: measure steady state only
  const from = sim.nowMs;
  const start = performance.now();
  sim.runUntilSync(from + virtualSeconds * 1000);
  const wallSeconds = (performance.now() - start) / 1000;
  const leaders = sim.view().nodes.filter((n) => n.status?.role === 'leader').length;
  sim.dispose();
  if (leaders !== 1) throw new Error(`bench: expected one leader in steady state, saw ${leaders}`);
  return virtualSeconds / wallSeconds;
}
