// The one door the UI uses into the simulator: build a simulation on a chosen host, drive it in
// real time, and the types needed to draw and act on it.
import type { NodeHost } from './host/types';
import { InlineHost } from './host/inline-host';
import { WorkerHost } from './host/worker-host';
import { Simulation, type SimulationOptions } from './kernel/simulation';
import type { Scenario } from './scenario/scenario';

export { Simulation, type SimulationOptions } from './kernel/simulation';
export type { SimView, NodeView, LinkView, NodeFinalState } from './kernel/view';
export type { SimEvent } from './kernel/sim-events';
export type { InflightMessage } from './network/network';
export type { MessageLanding, LandingOutcome } from './network/landings';
export type { NodeLogView, LogEntryView, LogEntryKind } from './kernel/node-log';
export { SafetyViolationError, type SafetyViolation } from './checkers/types';
export {
  parseScenario,
  defaultScenario,
  initialNodeNames,
  MAX_MANAGERS,
  MAX_NODES,
  describeAction,
  type Scenario,
  type ScenarioInput,
  type ScenarioOptions,
  type ParseResult,
  type UserAction,
  type UserActionInput,
  type TimedAction,
} from './scenario/index';
export {
  RealtimeDriver,
  MIN_SPEED,
  MAX_SPEED,
  clampSpeed,
  type DriverNotice,
  type FrameClock,
  type Advanceable,
} from './driver/realtime';
export { WorkerHost, DEFAULT_READY_TIMEOUT_MS } from './host/worker-host';
export type { NodeBoot } from './host/types';
export type {
  NodeStatus, Role, NodeConfig, SwarmStatus, LeaderSwarmView, HandshakeRecord, HandshakeStep, TlsSecrets, TlsFailure,
  CertField, CertInfo, ParsedJoinToken, SwarmRole, SwarmNodeConfig, TlsWireInfo,
} from '../engine/index';
export {
  describeCertificate, parseCertificate, parsePem, parseJoinToken, rootDigest, tokenMatchesRoot, JoinTokenError,
  exportChecks, checksText, SIM_EPOCH_MS, wallMs, virtualMs, CERT_FILE, KEY_FILE, ROOT_FILE, STATE_FILE, MANAGER_OU, WORKER_OU,
} from '../engine/index';

export type HostKind = 'worker' | 'inline';

export function isHostKind(value: unknown): value is HostKind {
  return value === 'worker' || value === 'inline';
}

export function createHost(kind: HostKind): NodeHost {
  return kind === 'worker' ? new WorkerHost() : new InlineHost();
}

export interface CreateSimulationOptions extends SimulationOptions {
  host: HostKind;
}

/** A simulation of `scenario` running its nodes on the chosen host (call start() next). */
export function createSimulation(scenario: Scenario, opts: CreateSimulationOptions): Simulation {
  const { host, ...simOpts } = opts;
  return new Simulation(scenario, createHost(host), simOpts);
}
