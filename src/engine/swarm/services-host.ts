// What the manager-side services (CA, dispatcher, reconciler, control API) need from the node.
import type { Rng } from '../core/prng';
import type { SwarmEventKind } from '../node/types';
import type { SwarmStore } from '../store/swarm-store';
import type { SwarmOp } from '../store/objects';

export interface ServicesHost {
  readonly self: string;
  readonly rng: Rng;
  readonly store: SwarmStore;
  now(): number;
  isLeader(): boolean;
  /** Raft members (hostnames) as this manager sees them. */
  members(): string[];
  /** Proposes an op; done(true) once this node applied it, done(false, why) if it could not be proposed. */
  propose(op: SwarmOp, done?: (ok: boolean, error?: string) => void): void;
  event(kind: SwarmEventKind, text: string): void;
}

/** How a service answers one call: once, with a body or an error. */
export type Reply = (r: { ok: true; body: unknown } | { ok: false; error: string }) => void;

/** Where a dispatcher session's pushes go: a connection, or this node's own agent. */
export interface SessionSink {
  push(body: unknown): boolean;
}
