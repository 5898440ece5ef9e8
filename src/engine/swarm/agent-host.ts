// What the node-side parts of the swarm (joining, renewing, the dispatcher session) need from the
// node they run in.
import type { Rng } from '../core/prng';
import type { SwarmEventKind } from '../node/types';
import type { CallResult, DialMode } from './net/conn';
import type { Security } from './security';

export interface AgentHost {
  readonly self: string;
  readonly rng: Rng;
  now(): number;
  security(): Security | null;
  /** New credentials: files are written, connections made from now on use them. */
  install(sec: Security, why: 'joined' | 'renewed' | 'root'): void;
  event(kind: SwarmEventKind, text: string): void;
  /** An RPC to a manager (to itself when target is this node: a manager's local socket). */
  call(target: string, mode: DialMode, method: string, body: unknown, done: (r: CallResult) => void): void;
  /** Managers this node knows (state.json), and who leads when this node runs a manager. */
  managers(): string[];
  setManagers(list: string[]): void;
  leaderHint(): string;
  /** A manager certificate arrived while joining: start the manager (Raft) and join the members. */
  becomeManager(): void;
}
