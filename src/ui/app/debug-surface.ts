// window.swarmscope: what browser tests and benchmarks drive the page with. Everything goes
// through the same store and actions as the buttons.
import { createSimulation, isHostKind, parseScenario, type HostKind, type NodeFinalState, type NodeStatus } from '../../sim/api';
import type { Actions } from '../store/actions';
import type { AppStore } from '../store/store';
import { paintedPackets, type DrawnPacket } from '../viz/packet-hits';
import { measureRealtime, startWorkers, type RealtimeReport } from './bench';

export interface NodeSnapshot {
  id: string;
  up: boolean;
  role: string;
  term: number;
  lead: string;
  commit: number;
  lastIndex: number;
  electionElapsed: number;
  voters: string[];
  /** Swarm runs: the role in its certificate, its join phase and detail, and who signed its certificate. */
  certRole: string | null;
  phase: string | null;
  detail: string;
  issuerKey: string;
  certNotBefore: number;
}

export interface PageSnapshot {
  ready: boolean;
  phase: string;
  error: string | null;
  nowMs: number;
  playing: boolean;
  speed: number;
  seed: number;
  host: HostKind;
  managers: number;
  workers: number;
  security: string;
  preVote: boolean;
  /** Web Workers alive (one per node that is up), or null when nodes run in the page thread. */
  liveWorkers: number | null;
  nodes: NodeSnapshot[];
}

export interface ScenarioRun {
  digest: string;
  nowMs: number;
  nodes: NodeFinalState[];
  violation: string | null;
}

export interface SwarmscopeSurface {
  store: AppStore;
  actions: Actions;
  snapshot(): PageSnapshot;
  /** Where the canvas last drew each packet in flight, in pixels from its top-left corner. */
  drawnPackets(): readonly DrawnPacket[];
  runScenario(json: unknown, untilMs: number, host: HostKind): Promise<ScenarioRun>;
  startWorkers(n: number, readyTimeoutMs?: number): Promise<number>;
  measureRealtime(speed: number, durationMs: number): Promise<RealtimeReport>;
}

declare global {
  interface Window {
    swarmscope?: SwarmscopeSurface;
  }
}

/** A node outside Raft (a worker, a node still joining) has no Raft role to report. */
function roleOf(up: boolean, status: NodeStatus | null): string {
  if (!up) return 'down';
  if (status?.raft === false) return status.swarm?.certRole === 'worker' ? 'worker' : 'joining';
  return status?.role ?? 'follower';
}

function snapshotOf(store: AppStore, actions: Actions): PageSnapshot {
  const s = store.getState();
  const nodes = (s.view?.nodes ?? []).map((n) => ({
    id: n.id,
    up: n.up,
    role: roleOf(n.up, n.status),
    term: n.status?.term ?? 0,
    lead: n.status?.lead ?? '',
    commit: n.status?.commit ?? 0,
    lastIndex: n.status?.lastIndex ?? 0,
    electionElapsed: n.status?.electionElapsed ?? 0,
    voters: n.status?.voters.slice() ?? [],
    certRole: n.status?.swarm?.certRole ?? null,
    phase: n.status?.swarm?.phase ?? null,
    detail: n.status?.swarm?.detail ?? '',
    issuerKey: n.status?.swarm?.issuerKey ?? '',
    certNotBefore: n.status?.swarm?.certNotBefore ?? 0,
  }));
  const c = s.config;
  return {
    ready: s.phase === 'running' && s.view !== null,
    phase: s.phase,
    error: s.error,
    nowMs: s.view?.nowMs ?? 0,
    playing: s.playing,
    speed: s.speed,
    seed: c.seed,
    host: c.host,
    managers: c.managers,
    workers: c.workers,
    security: c.security,
    preVote: c.preVote,
    liveWorkers: actions.currentSession()?.liveWorkers ?? null,
    nodes,
  };
}

/** Runs a scenario headless (not on screen) on the chosen host and returns its trace digest. */
async function runScenario(json: unknown, untilMs: number, host: HostKind): Promise<ScenarioRun> {
  if (!isHostKind(host)) throw new Error(`runScenario: host must be 'worker' or 'inline', not ${String(host)}`);
  const parsed = parseScenario(typeof json === 'string' ? JSON.parse(json) : json);
  if (!parsed.ok) throw new Error(`runScenario: ${parsed.error}`);
  const sim = createSimulation(parsed.scenario, { host, traceLimit: 0 });
  try {
    await sim.start();
    await sim.runUntil(untilMs);
    return { digest: sim.traceDigest(), nowMs: sim.nowMs, nodes: sim.finalState(), violation: sim.violation?.detail ?? null };
  } finally {
    sim.dispose();
  }
}

export function installDebugSurface(store: AppStore, actions: Actions): void {
  window.swarmscope = {
    store,
    actions,
    snapshot: () => snapshotOf(store, actions),
    drawnPackets: paintedPackets,
    runScenario,
    startWorkers,
    measureRealtime: (speed, durationMs) => measureRealtime(actions, speed, durationMs),
  };
}
