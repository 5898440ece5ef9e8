// The swarm's named actions: init, join (with a good or a bad token), token and CA rotation,
// certificate expiry, node removal, and what the inspector shows of the PKI. Buttons, keys and
// the terminal share them; each goes through the same act() as the Raft actions.
import type { SwarmRole, UserActionInput } from '../../sim/api';
import type { SessionConfig } from './session-config';
import type { AppStore } from './store';

export type BadToken = 'wrong' | 'rotated' | 'otherSwarm';

export interface SwarmActionDeps {
  store: AppStore;
  act: (action: UserActionInput) => void;
  loadSession: (changes?: Partial<SessionConfig>) => Promise<void>;
  reportProblem: (message: string) => void;
}

export function createSwarmActions({ store, act: actAny, loadSession, reportProblem }: SwarmActionDeps) {
  /** A Raft-only run has no PKI: say so rather than send the simulator an action it cannot run. */
  const act = (action: UserActionInput): void => {
    if (store.getState().config.security === 'mtls') actAny(action);
    else reportProblem(`${action.type} needs a swarm with mTLS; this run is Raft only (turn mTLS on or press docker swarm init)`);
  };
  return {
    /** A fresh run where node-1 runs `docker swarm init` alone: one manager, no workers. */
    initSwarm: () => loadSession({ security: 'mtls', managers: 1, workers: 0 }),
    setSecurity: (security: SessionConfig['security']) => loadSession({ security }),
    setWorkers: (workers: number) => loadSession({ workers }),
    /** A new machine runs `docker swarm join` with the current worker token. */
    joinWorker: () => act({ type: 'joinNode', role: 'worker', token: 'valid' }),
    joinManager: () => act({ type: 'joinNode', role: 'manager', token: 'valid' }),
    /** A join that must fail: a made-up secret, the token from before a rotation, another swarm's token. */
    joinWithToken: (role: SwarmRole, token: BadToken) => act({ type: 'joinNode', role, token }),
    rotateJoinToken: (role: SwarmRole) => act({ type: 'rotateJoinToken', role }),
    rotateCA: () => act({ type: 'rotateCA' }),
    /** `docker swarm update --cert-expiry`; the manager itself refuses less than an hour. */
    setCertExpiry: (hours: number) => {
      if (!Number.isFinite(hours) || hours < 0) return reportProblem(`cert expiry must be a number of hours, not ${String(hours)}`);
      act({ type: 'setCertExpiry', hours });
    },
    /** `docker node rm [--force]`: workers only; a manager must be demoted first (the manager says so). */
    removeNode: (node: string, force: boolean) => act({ type: 'removeNode', node, force }),
    /** Opens a join token of the leader in the inspector. */
    selectToken: (role: SwarmRole) => store.getState().setSelection({ kind: 'token', role }),
    /** Opens one of the selected node's handshakes (by connection id), or closes it. */
    selectHandshake: (conn: string | null) => store.getState().setHandshake(conn),
  };
}
