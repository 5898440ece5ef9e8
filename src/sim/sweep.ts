// One seed of the randomized sweep. Safety phase: faults from the seed's plan while simulated
// clients read and write, every checker on after every output. Liveness phase: with the network
// healed and every node restarted, a leader must appear within a bounded number of election
// timeouts and a new proposal must be applied on every live node. Any failure names the seed and
// the command that reproduces it.
import { checkLinearizable } from './checkers/linearizability';
import { SafetyViolationError } from './checkers/types';
import { KvClients } from './clients/kv-clients';
import type { HistoryOp } from './clients/history';
import { InlineHost } from './host/inline-host';
import { Simulation } from './kernel/simulation';
import { planSweepScenario } from './sweep-plan';

export interface SweepOptions {
  /** Managers; default: 3 for even seeds, 5 for odd ones. */
  managers?: number;
  /** Also add and remove managers; default: on one seed in four (seeds 3 and 6 mod 8, so with 3 and 5 managers). */
  membership?: boolean;
  safetyMs?: number;
  /** Upper bound on the liveness phase after a leader is known. */
  livenessMs?: number;
  /** A leader must be known within this many maximal election timeouts (2 x electionTick ticks) of the heal. */
  leaderTimeouts?: number;
  clients?: number;
  /** 'none' (default): bare Raft; 'mtls': the same faults on a whole swarm, Raft inside mTLS. */
  security?: 'mtls' | 'none';
}

export interface SweepStats {
  managers: number;
  actions: number;
  steps: number;
  virtualMs: number;
  /** Virtual ms from the heal until a leader was known. */
  leaderAfterMs: number;
  /** Virtual ms from the heal until the liveness proposal was applied everywhere. */
  convergedAfterMs: number;
  historyOps: number;
  maxTerm: number;
  snapshots: number;
}

export interface SweepResult {
  seed: number;
  history: HistoryOp[];
  stats: SweepStats;
}

export const DEFAULT_SAFETY_MS = 75_000;
export const DEFAULT_LIVENESS_MS = 60_000;
/**
 * Without PreVote (swarmkit's default) a node with a stale log and a high term can knock the
 * others back to follower each time it times out, and only loses once someone else's randomized
 * timeout runs out first; a few rounds of that are ordinary, so the bound allows ten.
 */
export const DEFAULT_LEADER_TIMEOUTS = 10;
const POLL_MS = 250;

export function reproduceHint(seed: number): string {
  return `reproduce: npm run soak -- --seed ${seed}`;
}

export function runSweepSeed(seed: number, opts: SweepOptions = {}): SweepResult {
  const managers = opts.managers ?? (seed % 2 === 0 ? 3 : 5);
  const safetyMs = opts.safetyMs ?? DEFAULT_SAFETY_MS;
  const membership = opts.membership ?? (seed % 8 === 3 || seed % 8 === 6);
  const scenario = planSweepScenario(seed, { managers, safetyMs, membership, security: opts.security });
  const sim = new Simulation(scenario, new InlineHost(), {
    traceLimit: 0,
    eventLimit: 0,
    clients: (rng) => new KvClients(rng, { clients: opts.clients ?? 3, stopAtMs: safetyMs }),
  });
  try {
    sim.start();
    sim.runUntilSync(safetyMs);
    const liveness = checkLiveness(sim, safetyMs, opts.livenessMs ?? DEFAULT_LIVENESS_MS, opts.leaderTimeouts ?? DEFAULT_LEADER_TIMEOUTS);
    const history = sim.clients!.history();
    return { seed, history, stats: statsOf(sim, managers, liveness, history.length) };
  } catch (err) {
    throw sweepError(seed, err);
  } finally {
    sim.dispose();
  }
}

/** Judges a sweep seed's client history; throws the same kind of error as a failed seed. */
export function checkSweepHistory(result: SweepResult): void {
  const verdict = checkLinearizable(result.history);
  if (verdict.ok === true) return;
  const what = verdict.ok === false ? 'is not linearizable' : 'could not be checked';
  throw new Error(`seed ${result.seed}: the client history ${what} on key '${verdict.key}': ${verdict.detail}\n${reproduceHint(result.seed)}`);
}

function sweepError(seed: number, err: unknown): Error {
  const detail = err instanceof SafetyViolationError ? err.message : err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  const out = new Error(`seed ${seed}: ${detail}\n${reproduceHint(seed)}`);
  out.cause = err;
  return out;
}

interface Liveness {
  leaderAfterMs: number;
  convergedAfterMs: number;
}

/** After the heal: a leader within the bound, then a proposal applied on every live node. */
function checkLiveness(sim: Simulation, healMs: number, boundMs: number, leaderTimeouts: number): Liveness {
  const o = sim.scenario.options;
  const leaderBoundMs = leaderTimeouts * 2 * o.electionTick * o.tickMs;
  const leader = pollUntil(sim, healMs + leaderBoundMs, () => sim.leader());
  if (!leader) throw new Error(`liveness: no leader ${leaderBoundMs} ms after the heal (${describeNodes(sim)})`);
  const leaderAfterMs = sim.nowMs - healMs;
  // Leadership can still move after the first leader appears (a stale node's higher term), so
  // the rest gets the same allowance again on top of its own bound.
  const deadline = healMs + leaderBoundMs + boundMs;
  const index = proposeUntilCommitted(sim, deadline);
  const converged = pollUntil(sim, deadline, () => (liveNodesApplied(sim, index) ? true : null));
  if (!converged) throw new Error(`liveness: proposal at index ${index} not applied on every live node by ${deadline} ms (${describeNodes(sim)})`);
  return { leaderAfterMs, convergedAfterMs: sim.nowMs - healMs };
}

/** Proposes through whoever leads now, again if leadership moves, until one proposal commits. */
function proposeUntilCommitted(sim: Simulation, deadline: number): number {
  while (sim.nowMs < deadline) {
    const leader = pollUntil(sim, deadline, () => sim.leader());
    if (!leader) break;
    sim.act({ type: 'propose', node: leader, value: `liveness-${sim.seed}-${sim.proposalCount + 1}` });
    const n = sim.proposalCount + 1;
    const stopAt = Math.min(deadline, sim.nowMs + 2 * sim.scenario.options.electionTick * sim.scenario.options.tickMs);
    const index = pollUntil(sim, stopAt, () => sim.proposalIndex(n));
    if (index !== null) return index;
  }
  throw new Error(`liveness: no proposal committed by ${deadline} ms (${describeNodes(sim)})`);
}

function pollUntil<T>(sim: Simulation, deadlineMs: number, probe: () => T | null): T | null {
  for (;;) {
    const found = probe();
    if (found !== null) return found;
    if (sim.nowMs >= deadlineMs) return null;
    sim.runUntilSync(Math.min(deadlineMs, sim.nowMs + POLL_MS));
  }
}

/** Every live member (by the leader's configuration) has applied index; removed nodes are left alone. */
function liveNodesApplied(sim: Simulation, index: number): boolean {
  const nodes = sim.view().nodes;
  const leader = nodes.find((n) => n.id === sim.leader());
  if (!leader?.status) return false;
  const voters = new Set(leader.status.voters);
  return nodes.every((n) => !n.up || !voters.has(n.id) || (n.status !== null && n.status.applied >= index));
}

function describeNodes(sim: Simulation): string {
  return sim
    .view()
    .nodes.map((n) => `${n.id} ${n.up ? (n.status?.role ?? '?') : 'down'} t${n.status?.term ?? 0} c${n.status?.commit ?? 0}/${n.status?.lastIndex ?? 0}`)
    .join(', ');
}

function statsOf(sim: Simulation, managers: number, l: Liveness, historyOps: number): SweepStats {
  const nodes = sim.view().nodes;
  return {
    managers,
    actions: sim.scenario.actions.length,
    steps: sim.steps,
    virtualMs: sim.nowMs,
    leaderAfterMs: l.leaderAfterMs,
    convergedAfterMs: l.convergedAfterMs,
    historyOps,
    maxTerm: Math.max(...nodes.map((n) => n.status?.term ?? 0)),
    snapshots: Math.max(...nodes.map((n) => n.status?.snapshotIndex ?? 0)),
  };
}
