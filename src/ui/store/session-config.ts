// What defines a run on the page: seed, cluster size, host, the Raft options shown in the header
// and the swarm's security. Changing any of them (except latency, which is a live action) starts
// a fresh run.
import { defaultScenario, type HostKind, type Scenario } from '../../sim/api';

export const MANAGER_CHOICES = [3, 5, 7] as const;
export const WORKER_CHOICES = [0, 2, 4, 8] as const;

/**
 * Link latencies offered on the page. swarmkit's LAN is ~5 ms, which at 1x crosses a link in a
 * third of a frame; the page starts at 100 ms so messages can be seen flying at 1x.
 */
export const LATENCY_CHOICES = [5, 25, 100, 250] as const;
export const DEFAULT_LATENCY_MS = 100;

export type Security = 'mtls' | 'none';

export interface SessionConfig {
  seed: number;
  managers: number;
  /** Founding workers (mtls runs only: a Raft-only run has no workers). */
  workers: number;
  host: HostKind;
  preVote: boolean;
  checkQuorum: boolean;
  latencyMs: number;
  /** 'mtls': a formed swarm with its PKI and TLS between nodes; 'none': bare Raft between managers. */
  security: Security;
  /** Node certificate validity at the start (swarmkit: 2160 h = 90 days). */
  certExpiryHours: number;
}

/** swarmkit's default node certificate validity: 90 days. */
export const DEFAULT_CERT_EXPIRY_HOURS = 2160;

export const DEFAULT_CONFIG: SessionConfig = {
  seed: 1,
  managers: 3,
  workers: 2,
  host: 'worker',
  preVote: false,
  checkQuorum: true,
  latencyMs: DEFAULT_LATENCY_MS,
  security: 'mtls',
  certExpiryHours: DEFAULT_CERT_EXPIRY_HOURS,
};

/** Jitter is a fifth of the latency, so message order varies without links looking random. */
export function jitterFor(latencyMs: number): number {
  return Math.round(latencyMs / 5);
}

export function scenarioFor(config: SessionConfig): Scenario {
  return defaultScenario(config.seed, {
    managers: config.managers,
    workers: config.security === 'mtls' ? config.workers : 0,
    security: config.security,
    certExpiryHours: config.certExpiryHours,
    preVote: config.preVote,
    checkQuorum: config.checkQuorum,
    latencyMs: config.latencyMs,
    jitterMs: jitterFor(config.latencyMs),
  });
}
