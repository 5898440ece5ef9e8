// Narrow selectors: each returns primitives or a flat object of primitives, so components used
// with useShallow re-render only when what they show changed, not on every advance of the clock.
import { MAX_MANAGERS, MAX_NODES, type NodeStatus, type Role, type SimView, type SwarmRole } from '../../sim/api';
import { renewsInWords } from '../components/format';
import type { AppState } from './store';

/**
 * A node's place in the Raft cluster: a voter; joining (started empty, not added yet); removed
 * (it has a log, so it was a member once, but the cluster's voters no longer include it); or a
 * worker, which never takes part in Raft.
 */
export type Membership = 'voter' | 'joining' | 'removed' | 'worker';

export type SwarmPhase = 'joining' | 'ready' | 'failed';

export interface NodeCard {
  id: string;
  up: boolean;
  incarnation: number;
  role: Role | 'down';
  term: number;
  vote: string;
  lead: string;
  lastIndex: number;
  lastTerm: number;
  commit: number;
  applied: number;
  member: Membership;
  /** Whether the node runs Raft (every node of a Raft-only run; managers that joined it in a swarm). */
  raft: boolean;
  /** The role its certificate says (OU), null before it has one or in a Raft-only run. */
  certRole: SwarmRole | null;
  /** Null in a Raft-only run. */
  phase: SwarmPhase | null;
  detail: string;
  /** "renews in 57 d", null when no renewal is scheduled. */
  renewIn: string | null;
  /** Changes when the node gets a new certificate (renewal, rotation): the glyph flashes. */
  certNotBefore: number;
}

export function nodeIds(s: AppState): string[] {
  return s.view?.nodes.map((n) => n.id) ?? [];
}

function statusOf(view: SimView | null, id: string): { up: boolean; incarnation: number; status: NodeStatus | null } | null {
  return view?.nodes.find((n) => n.id === id) ?? null;
}

/**
 * The voters as the node that has applied the most entries knows them. Membership changes take
 * effect as they are applied, so that node has the newest committed membership (a removed node
 * may never hear of its own removal; the leader always applies it).
 */
export function clusterVoters(view: SimView | null): readonly string[] {
  let best: NodeStatus | null = null;
  for (const n of view?.nodes ?? []) if (n.status && (!best || n.status.applied > best.applied)) best = n.status;
  return best?.voters ?? [];
}

function membershipOf(view: SimView | null, id: string, status: NodeStatus | null): Membership {
  if (status?.swarm?.certRole === 'worker') return 'worker';
  if (clusterVoters(view).includes(id)) return 'voter';
  return (status?.lastIndex ?? 0) > 0 ? 'removed' : 'joining';
}

export function nodeCard(s: AppState, id: string): NodeCard | null {
  const n = statusOf(s.view, id);
  if (!n) return null;
  const st = n.status;
  const sw = st?.swarm;
  const nowMs = s.view?.nowMs ?? 0;
  return {
    id,
    up: n.up,
    incarnation: n.incarnation,
    role: n.up ? (st?.role ?? 'follower') : 'down',
    term: st?.term ?? 0,
    vote: st?.vote ?? '',
    lead: st?.lead ?? '',
    lastIndex: st?.lastIndex ?? 0,
    lastTerm: st?.lastTerm ?? 0,
    commit: st?.commit ?? 0,
    applied: st?.applied ?? 0,
    member: membershipOf(s.view, id, st),
    raft: st?.raft !== false,
    certRole: sw?.certRole ?? null,
    phase: sw?.phase ?? null,
    detail: sw?.detail ?? '',
    renewIn: sw && sw.renewAtMs !== null && sw.phase === 'ready' ? renewsInWords(sw.renewAtMs - nowMs) : null,
    certNotBefore: sw?.certNotBefore ?? 0,
  };
}

/** Whether a node sits on the inner ring: a manager by certificate, or any node of a Raft-only run. */
function onInnerRing(n: SimView['nodes'][number]): boolean {
  const sw = n.status?.swarm;
  return sw ? sw.certRole === 'manager' : true;
}

/** Managers (inner ring), in node order. */
export function managerIds(s: AppState): string[] {
  return s.view?.nodes.filter(onInnerRing).map((n) => n.id) ?? [];
}

/** Workers and nodes without a certificate yet (outer ring), in node order. */
export function outerIds(s: AppState): string[] {
  return s.view?.nodes.filter((n) => !onInnerRing(n)).map((n) => n.id) ?? [];
}

/** The leader's view of the swarm: cluster ID, join tokens, certificate expiry, CA rotation. */
export function leaderSwarm(s: AppState) {
  for (const n of s.view?.nodes ?? []) if (n.up && n.status?.swarm?.leader) return n.status.swarm.leader;
  return null;
}

/** The node that holds the leader's swarm view (its root file pins the tokens). */
export function swarmLeaderId(s: AppState): string | null {
  return s.view?.nodes.find((n) => n.up && n.status?.swarm?.leader)?.id ?? null;
}

/** Whether each direction of the link between a and b is cut. */
export function linkCuts(s: AppState, a: string, b: string): { ab: boolean; ba: boolean } {
  let ab = false;
  let ba = false;
  for (const l of s.view?.links ?? []) {
    if (l.from === a && l.to === b) ab = l.cut;
    else if (l.from === b && l.to === a) ba = l.cut;
  }
  return { ab, ba };
}

/** Whether both ends of a link are up and in the cluster (a link to a dead or removed node is drawn faded). */
export function linkActive(s: AppState, a: string, b: string): boolean {
  let live = 0;
  for (const n of s.view?.nodes ?? []) {
    if ((n.id === a || n.id === b) && n.up && membershipOf(s.view, n.id, n.status) !== 'removed') live++;
  }
  return live === 2;
}

/** Another manager can join while the run has fewer than the most a scenario allows. */
export function canAddManager(s: AppState): boolean {
  if (s.phase !== 'running' || !s.view) return false;
  const managers = s.view.nodes.filter((n) => n.status?.raft !== false || n.status?.swarm?.certRole === 'manager').length;
  return managers < MAX_MANAGERS && s.view.nodes.length < MAX_NODES;
}

/** Another node (a worker) can join while the run has fewer nodes than the most a scenario allows. */
export function canAddNode(s: AppState): boolean {
  return s.phase === 'running' && s.config.security === 'mtls' && (s.view?.nodes.length ?? MAX_NODES) < MAX_NODES;
}

/** Latency settings shared by every link (they are set together). */
export function linkTiming(s: AppState): { latencyMs: number; jitterMs: number; loss: number } {
  const l = s.view?.links[0];
  return { latencyMs: l?.latencyMs ?? s.config.latencyMs, jitterMs: l?.jitterMs ?? 0, loss: l?.loss ?? 0 };
}

/** The live node leading the highest term, if any. */
export function leaderId(s: AppState): string | null {
  let best: { id: string; term: number } | null = null;
  for (const n of s.view?.nodes ?? []) {
    const st = n.status;
    if (n.up && st?.role === 'leader' && (!best || st.term > best.term)) best = { id: n.id, term: st.term };
  }
  return best?.id ?? null;
}

export function isSelectedNode(s: AppState, id: string): boolean {
  return s.selection?.kind === 'node' && s.selection.id === id;
}

export function isSelectedLink(s: AppState, a: string, b: string): boolean {
  return s.selection?.kind === 'link' && s.selection.a === a && s.selection.b === b;
}
