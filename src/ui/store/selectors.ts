// Narrow selectors: each returns primitives or a flat object of primitives, so components used
// with useShallow re-render only when what they show changed, not on every advance of the clock.
import { MAX_MANAGERS, type NodeStatus, type Role, type SimView } from '../../sim/api';
import type { AppState } from './store';

/**
 * A node's place in the cluster: a voter; joining (started empty, not added yet); or removed (it
 * has a log, so it was a member once, but the cluster's voters no longer include it).
 */
export type Membership = 'voter' | 'joining' | 'removed';

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
  if (clusterVoters(view).includes(id)) return 'voter';
  return (status?.lastIndex ?? 0) > 0 ? 'removed' : 'joining';
}

export function nodeCard(s: AppState, id: string): NodeCard | null {
  const n = statusOf(s.view, id);
  if (!n) return null;
  const st = n.status;
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
  };
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
  return s.phase === 'running' && (s.view?.nodes.length ?? MAX_MANAGERS) < MAX_MANAGERS;
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
