// A scenario is everything needed to replay a run exactly: format version, root seed, options and
// timed user actions. It comes from files and share URLs, so parseScenario() checks it strictly
// and says precisely what is wrong.
import { z } from 'zod';
import { addedNodeRole, MAX_MANAGERS, MAX_NODES, nodesNamedBy, TimedActionSchema, type TimedAction, type UserAction } from './actions';

const int = () => z.number().int();

export const ScenarioOptionsSchema = z
  .strictObject({
    managers: int().min(1).max(MAX_MANAGERS).default(3),
    /** Workers in the swarm from the start (swarm runs only). */
    workers: int().min(0).max(MAX_NODES - MAX_MANAGERS).default(0),
    /**
     * 'mtls': a real swarm (PKI, mTLS on every connection, Raft inside it). 'none': bare Raft
     * between managers, messages as plain objects (Raft property sweeps).
     */
    security: z.enum(['mtls', 'none']).default('mtls'),
    /** Node certificate validity (swarmkit: 2160 h = 90 days). */
    certExpiryHours: z.number().min(1).max(1_000_000).default(2160),
    /** Raft tick (swarmkit: 1 s). */
    tickMs: int().min(1).max(60_000).default(1000),
    electionTick: int().min(2).max(1000).default(10),
    heartbeatTick: int().min(1).max(1000).default(1),
    checkQuorum: z.boolean().default(true),
    preVote: z.boolean().default(false),
    snapshotInterval: int().min(1).max(1_000_000).default(10_000),
    snapshotCatchUpEntries: int().min(0).max(1_000_000).default(500),
    latencyMs: int().min(0).max(60_000).default(5),
    jitterMs: int().min(0).max(60_000).default(2),
    loss: z.number().min(0).max(1).default(0),
  })
  .refine((o) => o.heartbeatTick < o.electionTick, {
    message: 'heartbeatTick must be smaller than electionTick',
    path: ['heartbeatTick'],
  });

export type ScenarioOptions = z.output<typeof ScenarioOptionsSchema>;

export const ScenarioSchema = z.strictObject({
  version: z.literal(1),
  seed: int().min(0).max(0xffff_ffff),
  options: ScenarioOptionsSchema.prefault({}),
  actions: z.array(TimedActionSchema).max(100_000).default([]),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function parseScenario(json: unknown): ParseResult {
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map(describeIssue).join('; ') };
  const error = checkActions(parsed.data.options, parsed.data.actions);
  return error ? { ok: false, error } : { ok: true, scenario: parsed.data };
}

/** A scenario with default options and no actions. */
export function defaultScenario(seed: number, options: z.input<typeof ScenarioOptionsSchema> = {}): Scenario {
  const result = parseScenario({ version: 1, seed, options, actions: [] });
  if (!result.ok) throw new Error(`defaultScenario: ${result.error}`);
  return result.scenario;
}

/** Node names at the start of a run: node-1 .. node-N (managers first, then workers). */
export function initialNodeNames(managers: number, workers = 0): string[] {
  return Array.from({ length: managers + workers }, (_, i) => `node-${i + 1}`);
}

/** Actions must be in time order and name nodes that exist when they run. */
export function checkActions(options: ScenarioOptions, actions: readonly TimedAction[]): string | null {
  const known = new Set(initialNodeNames(options.managers, options.security === 'mtls' ? options.workers : 0));
  const counts = { managers: options.managers };
  let lastMs = 0;
  for (let i = 0; i < actions.length; i++) {
    const { atMs, action } = actions[i];
    if (atMs < lastMs) return `actions[${i}].atMs: ${atMs} is before the previous action (${lastMs}); actions must be in time order`;
    lastMs = atMs;
    const error = checkAction(action, known, counts.managers) ?? checkSecurity(action, options);
    if (error) return `actions[${i}].action${error}`;
    const added = addedNodeRole(action);
    if (added) known.add(`node-${known.size + 1}`);
    if (added === 'manager') counts.managers++;
  }
  return null;
}

/** Why an action cannot run with these nodes (a path suffix and message), or null. */
export function checkAction(action: UserAction, known: ReadonlySet<string>, managers = known.size): string | null {
  for (const { field, node } of nodesNamedBy(action)) {
    if (!known.has(node)) return `.${field}: unknown node '${node}'`;
  }
  if ((action.type === 'cut' || action.type === 'heal') && action.from === action.to) {
    return `.to: a link needs two different nodes (both are '${action.from}')`;
  }
  const added = addedNodeRole(action);
  if (added === 'manager' && managers >= MAX_MANAGERS) return `: at most ${MAX_MANAGERS} managers`;
  if (added && known.size >= MAX_NODES) return `: at most ${MAX_NODES} nodes`;
  return null;
}

const SWARM_ONLY = new Set(['joinNode', 'rotateJoinToken', 'rotateCA', 'setCertExpiry', 'removeNode']);

/** Swarm actions need a swarm: a Raft-only run has no PKI to act on. */
function checkSecurity(action: UserAction, options: ScenarioOptions): string | null {
  if (options.security === 'none' && SWARM_ONLY.has(action.type)) return `.type: '${action.type}' needs options.security 'mtls'`;
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return `${path}: is required`;
  return `${path}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out === '' ? 'scenario' : out;
}
