// Every user intent on the page is one named action here; buttons, keys, the debug surface and
// tests all call these, never the simulation directly.
import { clampSpeed, MAX_SPEED, type FrameClock, type UserActionInput } from '../../sim/api';
import { flyingPacket, nextToArrive } from './packet-record';
import { pkiBundle } from './pki-bundle';
import type { NodeTab } from './selection-slice';
import { Session } from './session';
import { jitterFor, type SessionConfig } from './session-config';
import type { AppStore } from './store';
import { createSwarmActions } from './swarm-actions';

export interface ActionDeps {
  /** Told about every new run's configuration (the page mirrors it into the URL). */
  onConfig?: (config: SessionConfig) => void;
  clock?: FrameClock;
  /** Seed for "New seed"; the page uses crypto randomness, tests pass their own. */
  drawSeed?: () => number;
  /** Hands a file to the user (the page downloads it; tests keep it). */
  saveFile?: (name: string, bytes: Uint8Array) => void;
}

export type Actions = ReturnType<typeof createActions>;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

export function createActions(store: AppStore, deps: ActionDeps = {}) {
  let session: Session | null = null;
  let loads = 0;

  /** Runs a change on the current run; an invalid one is shown, not thrown at a click handler. */
  const act = (action: UserActionInput): void => {
    if (!session) return;
    try {
      session.act(action);
    } catch (err) {
      reportProblem(err instanceof Error ? err.message : String(err));
    }
  };

  /** Shows a problem (a refused action, an ignored URL value) without stopping the run. */
  const reportProblem = (message: string): void => store.getState().setPhase(store.getState().phase, message);

  const loadSession = async (changes: Partial<SessionConfig> = {}): Promise<void> => {
    const s = store.getState();
    const config = { ...s.config, ...changes };
    const wasPlaying = s.playing;
    const load = ++loads;
    session?.dispose();
    session = null;
    s.setConfig(config);
    s.setPhase('booting');
    s.setSelection(null);
    s.clearEvents();
    deps.onConfig?.(config);
    const next = new Session(config, store, { clock: deps.clock });
    try {
      await next.start();
    } catch (err) {
      next.dispose();
      if (load === loads) store.getState().setPhase('failed', err instanceof Error ? err.message : String(err));
      return;
    }
    if (load !== loads) return next.dispose();
    session = next;
    store.getState().setPhase('running');
    next.driver.setSpeed(store.getState().speed);
    if (wasPlaying) next.driver.play();
  };

  const actions = {
    ...createSwarmActions({ store, act, loadSession, reportProblem }),
    loadSession,
    reportProblem,
    /** The run in progress (for the debug surface and benchmarks). */
    currentSession: (): Session | null => session,

    setManagers: (managers: number) => loadSession({ managers }),
    setPreVote: (preVote: boolean) => loadSession({ preVote }),
    setCheckQuorum: (checkQuorum: boolean) => loadSession({ checkQuorum }),
    setHost: (host: SessionConfig['host']) => loadSession({ host }),
    newSeed: () => loadSession({ seed: (deps.drawSeed ?? randomSeed)() }),
    restartRun: () => loadSession(),

    play: () => session?.driver.play(),
    pause: () => session?.driver.pause(),
    togglePlay: () => (store.getState().playing ? actions.pause() : actions.play()),
    stepOnce: () => session?.driver.step(),
    setSpeed: (speed: number) => {
      const clamped = clampSpeed(speed, MAX_SPEED);
      if (session) session.driver.setSpeed(clamped);
      else store.getState().setPlayback(store.getState().playing, clamped);
    },

    selectNode: (id: string) => {
      const s = store.getState();
      if (s.selection?.kind === 'node' && s.selection.id === id) return;
      s.setSelection({ kind: 'node', id });
      session?.publishSelected();
    },
    showNodeTab: (tab: NodeTab) => store.getState().setNodeTab(tab),
    /** Selects a message in flight (a dot on the canvas); the inspector follows it until it lands. */
    selectPacket: (id: number) => {
      const message = store.getState().view?.inflight.find((m) => m.id === id);
      if (message) store.getState().setSelection({ kind: 'packet', id }, flyingPacket(message));
    },
    /** Selects the packet that arrives next after the selected one (or the first to arrive). */
    selectNextPacket: () => {
      const s = store.getState();
      const next = nextToArrive(s.view?.inflight ?? [], s.selection?.kind === 'packet' ? (s.packet?.message ?? null) : null);
      if (next) actions.selectPacket(next.id);
    },
    selectLink: (a: string, b: string) => store.getState().setSelection({ kind: 'link', a: a < b ? a : b, b: a < b ? b : a }),
    clearSelection: () => store.getState().setSelection(null),
    dismissError: () => store.getState().setPhase(store.getState().phase),

    killNode: (node: string) => act({ type: 'kill', node }),
    restartNode: (node: string) => act({ type: 'restart', node }),
    isolateNode: (node: string) => act({ type: 'isolate', node }),
    healAll: () => act({ type: 'healAll' }),
    cutLink: (from: string, to: string, both: boolean) => act({ type: 'cut', from, to, both }),
    healLink: (from: string, to: string, both: boolean) => act({ type: 'heal', from, to, both }),
    /** Proposes the next value (v1, v2, ...) to `node`, or to the leader when node is omitted. */
    proposeValue: (node?: string) => {
      if (!session) return;
      act({ type: 'propose', value: session.nextProposalValue(), ...(node ? { node } : {}) });
    },
    /** Asks the leader to hand leadership to `node` (Raft thesis 3.10). */
    transferLeader: (node: string) => act({ type: 'transferLeader', to: node }),
    /** Starts the next node-N with an empty disk and asks the leader to add it as a voter. */
    addManager: () => act({ type: 'addManager' }),
    /** Asks the leader to remove `node` from the voters; the node keeps running. */
    removeManager: (node: string) => act({ type: 'removeManager', node }),
    /** Saves the live swarm's root CA, a manager's and a worker's certificate and key and the tokens as a tar file. */
    downloadPki: () => {
      if (!session) return;
      const bundle = pkiBundle(session.sim);
      if (typeof bundle === 'string') return reportProblem(bundle);
      deps.saveFile?.(bundle.name, bundle.bytes);
    },
    setLatency: (latencyMs: number) => {
      const s = store.getState();
      act({ type: 'setLatency', latencyMs, jitterMs: jitterFor(latencyMs) });
      s.setConfig({ ...s.config, latencyMs });
      deps.onConfig?.(store.getState().config);
    },
  };
  return actions;
}
