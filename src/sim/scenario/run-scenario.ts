// Running a scenario to a given time in one call: what scripts, lessons and tests want. A safety
// violation does not throw here: the run stops and the simulation reports it in `violation`.
import { SafetyViolationError } from '../checkers/types';
import { InlineHost } from '../host/inline-host';
import type { NodeHost } from '../host/types';
import { Simulation, type SimulationOptions } from '../kernel/simulation';
import type { Scenario } from './scenario';

export interface RunScenarioOptions extends SimulationOptions {
  untilMs: number;
  /** Default: a new InlineHost. */
  host?: NodeHost;
}

export async function runScenario(scenario: Scenario, opts: RunScenarioOptions): Promise<Simulation> {
  const { untilMs, host, ...simOpts } = opts;
  const sim = new Simulation(scenario, host ?? new InlineHost(), simOpts);
  await sim.start();
  await keepViolation(() => sim.runUntil(untilMs));
  return sim;
}

/** runScenario on InlineHost, without promises. */
export function runScenarioSync(scenario: Scenario, opts: Omit<RunScenarioOptions, 'host'>): Simulation {
  const { untilMs, ...simOpts } = opts;
  const sim = new Simulation(scenario, new InlineHost(), simOpts);
  sim.start();
  try {
    sim.runUntilSync(untilMs);
  } catch (err) {
    if (!(err instanceof SafetyViolationError)) throw err;
  }
  return sim;
}

async function keepViolation(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof SafetyViolationError)) throw err;
  }
}
