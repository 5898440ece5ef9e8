// The fault plan of one sweep seed: options and a timed list of user actions drawn from the seed.
// The safety phase throws kills, restarts, cuts, loss, latency changes, proposals and leadership
// transfers at the cluster (and, on some seeds, adds and removes managers); at its end everything
// is healed and every dead node restarted.
import { deriveSeed, Rng } from '../engine/index';
import type { TimedAction, UserAction } from './scenario/actions';
import { initialNodeNames, parseScenario, type Scenario } from './scenario/scenario';

export interface SweepPlanOptions {
  managers: number;
  safetyMs: number;
  /** Whether the plan also adds and removes managers. */
  membership: boolean;
  /** 'none' (default): bare Raft, fast enough for thousands of seeds; 'mtls': the whole swarm stack. */
  security?: 'mtls' | 'none';
}

/** Managers a membership plan may grow to. */
const MAX_PLANNED_MANAGERS = 7;
/**
 * Removals never take the founding members below three. An add can fail (no leader at the time),
 * so this is the only count the plan can be sure of; with two voters, one of them stale and cut
 * off when the other was elected, neither can win without PreVote (etcd and swarmkit alike), and
 * the liveness phase would wait on a coin-flip race of terms.
 */
const MIN_VOTERS = 3;

const LATENCIES_MS = [1, 5, 20, 80, 300] as const;

export function planSweepScenario(seed: number, opts: SweepPlanOptions): Scenario {
  const rng = new Rng(deriveSeed(seed, 'sweep-plan'));
  const latencyMs = rng.pick(LATENCIES_MS);
  const options = {
    managers: opts.managers,
    tickMs: 1000,
    electionTick: rng.pick([5, 10]),
    heartbeatTick: 1,
    checkQuorum: rng.chance(0.85),
    preVote: rng.chance(0.3),
    snapshotInterval: rng.int(4, 40),
    snapshotCatchUpEntries: rng.int(0, 6),
    latencyMs,
    jitterMs: rng.int(0, latencyMs + 1),
    loss: 0,
    security: opts.security ?? 'none',
  };
  const actions = planFaults(rng, initialNodeNames(opts.managers), opts, latencyMs);
  const parsed = parseScenario({ version: 1, seed, options, actions });
  if (!parsed.ok) throw new Error(`seed ${seed}: generated an invalid scenario: ${parsed.error}`);
  return parsed.scenario;
}

function planFaults(rng: Rng, initial: readonly string[], opts: SweepPlanOptions, baseLatencyMs: number): TimedAction[] {
  const nodes = initial.slice();
  const down = new Set<string>();
  const actions: TimedAction[] = [];
  const safetyMs = opts.safetyMs;
  let value = 0;
  let removable = initial.length - MIN_VOTERS;
  for (let t = rng.int(500, 3000); t < safetyMs; t += rng.int(500, 6000)) {
    const membership = opts.membership && rng.chance(0.2);
    const action = membership ? pickMembership(rng, nodes, removable > 0) : pickFault(rng, nodes, down, () => `v${++value}`);
    if (action.type === 'kill') down.add(action.node);
    if (action.type === 'restart') down.delete(action.node);
    if (action.type === 'addManager') nodes.push(`node-${nodes.length + 1}`);
    if (action.type === 'removeManager') removable--;
    actions.push({ atMs: t, action });
  }
  // The end of the safety phase: heal every link, stop losses, restart the dead.
  const heal: UserAction[] = [
    { type: 'healAll' },
    { type: 'setLoss', ratio: 0 },
    { type: 'setLatency', latencyMs: baseLatencyMs, jitterMs: Math.min(baseLatencyMs, 2) },
    ...nodes.filter((n) => down.has(n)).map((node): UserAction => ({ type: 'restart', node })),
  ];
  for (const action of heal) actions.push({ atMs: safetyMs, action });
  return actions;
}

function pickMembership(rng: Rng, nodes: readonly string[], mayRemove: boolean): UserAction {
  const mayAdd = nodes.length < MAX_PLANNED_MANAGERS;
  if (mayAdd && (!mayRemove || rng.chance(0.6))) return { type: 'addManager' };
  if (mayRemove) return { type: 'removeManager', node: rng.pick(nodes) };
  return { type: 'transferLeader', to: rng.pick(nodes) };
}

function pickFault(rng: Rng, nodes: readonly string[], down: ReadonlySet<string>, nextValue: () => string): UserAction {
  const node = rng.pick(nodes);
  const other = rng.pick(nodes.filter((n) => n !== node));
  const roll = rng.int(0, 100);
  if (roll < 18) return { type: 'kill', node };
  if (roll < 36) {
    const dead = nodes.filter((n) => down.has(n));
    return { type: 'restart', node: dead.length > 0 ? rng.pick(dead) : node };
  }
  if (roll < 50) return { type: 'cut', from: node, to: other, both: rng.chance(0.5) };
  if (roll < 60) return { type: 'heal', from: node, to: other, both: true };
  if (roll < 64) return { type: 'isolate', node };
  if (roll < 68) return { type: 'healAll' };
  if (roll < 74) return { type: 'setLoss', ratio: rng.pick([0, 0.02, 0.1, 0.3]) };
  if (roll < 78) {
    const latencyMs = rng.pick(LATENCIES_MS);
    return { type: 'setLatency', latencyMs, jitterMs: rng.int(0, latencyMs + 1) };
  }
  if (roll < 92) return rng.chance(0.5) ? { type: 'propose', value: nextValue() } : { type: 'propose', node, value: nextValue() };
  return { type: 'transferLeader', to: node };
}
