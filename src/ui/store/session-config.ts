// What defines a run on the page: seed, cluster size, host and the Raft options shown in the
// header. Changing any of them (except latency, which is a live action) starts a fresh run.
import { defaultScenario, type HostKind, type Scenario } from '../../sim/api';

export const MANAGER_CHOICES = [3, 5, 7] as const;

/**
 * Link latencies offered on the page. swarmkit's LAN is ~5 ms, which at 1x crosses a link in a
 * third of a frame; the page starts at 100 ms so messages can be seen flying at 1x.
 */
export const LATENCY_CHOICES = [5, 25, 100, 250] as const;
export const DEFAULT_LATENCY_MS = 100;

export interface SessionConfig {
  seed: number;
  managers: number;
  host: HostKind;
  preVote: boolean;
  checkQuorum: boolean;
  latencyMs: number;
}

export const DEFAULT_CONFIG: SessionConfig = {
  seed: 1,
  managers: 3,
  host: 'worker',
  preVote: false,
  checkQuorum: true,
  latencyMs: DEFAULT_LATENCY_MS,
};

/** Jitter is a fifth of the latency, so message order varies without links looking random. */
export function jitterFor(latencyMs: number): number {
  return Math.round(latencyMs / 5);
}

export function scenarioFor(config: SessionConfig): Scenario {
  return defaultScenario(config.seed, {
    managers: config.managers,
    preVote: config.preVote,
    checkQuorum: config.checkQuorum,
    latencyMs: config.latencyMs,
    jitterMs: jitterFor(config.latencyMs),
  });
}
