// What the UI draws, built on demand and cached per version so a frame that asks twice pays once.
import type { NodeStatus } from '../../engine/index';
import type { InflightMessage } from '../network/network';
import type { Kernel } from './kernel';
import type { AppliedEntry } from './node-slot';
import type { SimEvent } from './sim-events';

export interface NodeView {
  id: string;
  up: boolean;
  incarnation: number;
  status: NodeStatus | null;
  nextTickMs: number | null;
}

export interface LinkView {
  from: string;
  to: string;
  cut: boolean;
  latencyMs: number;
  jitterMs: number;
  loss: number;
}

export interface SimView {
  nowMs: number;
  nodes: NodeView[];
  links: LinkView[];
  inflight: InflightMessage[];
  /** Recent events, oldest first (bounded). */
  events: readonly SimEvent[];
  /** Changes whenever anything in the view may have changed. */
  version: number;
}

export interface NodeFinalState {
  id: string;
  up: boolean;
  incarnation: number;
  role: string;
  term: number;
  lastIndex: number;
  commit: number;
  applied: number;
  snapshotIndex: number;
  voters: string[];
  appliedEntries: AppliedEntry[];
  kv: Record<string, string>;
}

export function buildView(k: Kernel): SimView {
  const nodes = k.slots.map((s) => ({ id: s.id, up: s.up, incarnation: s.incarnation, status: s.status, nextTickMs: s.nextTickMs }));
  const links = k.network.allLinks().map((l) => ({
    from: l.from,
    to: l.to,
    cut: l.cut,
    latencyMs: l.latencyMs,
    jitterMs: l.jitterMs,
    loss: l.loss,
  }));
  const limit = k.cfg.eventLimit;
  const events = k.recentEvents.length > limit ? k.recentEvents.slice(-limit) : k.recentEvents.slice();
  return { nowMs: k.nowMs, nodes, links, inflight: k.network.inflight(k.nowMs), events, version: k.version };
}

export function finalStates(k: Kernel): NodeFinalState[] {
  return k.slots.map((s) => {
    const st = s.status;
    return {
      id: s.id,
      up: s.up,
      incarnation: s.incarnation,
      role: s.up ? (st?.role ?? 'follower') : 'down',
      term: st?.term ?? 0,
      lastIndex: st?.lastIndex ?? 0,
      commit: st?.commit ?? 0,
      applied: st?.applied ?? 0,
      snapshotIndex: st?.snapshotIndex ?? 0,
      voters: st?.voters.slice() ?? [],
      appliedEntries: s.appliedEntries(),
      kv: Object.fromEntries(s.kv.entries()),
    };
  });
}
